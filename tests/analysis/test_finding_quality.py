"""Measured quality of the clause-level findings on the team's labeled corpus (test split).

Issue 3 targets recall >= 0.95 and precision >= 0.90, micro-averaged over the five clause-level
categories. The test split is never used for tuning (tune with `training/evaluate_findings.py --split dev`).
The targets are not met yet (last measurement, after the proviso/back-reference and hard-negative pass:
precision 0.883, recall 0.907, unchanged; after the sentence-structure pass 0.883 / 0.907;
after the vocabulary breadth pass 0.879 / 0.870; before that 0.874 / 0.833, then 0.871 / 0.810,
and before the generality work 0.903 / 0.773); the floor below catches regressions until they are.
"""
import importlib.util
from pathlib import Path

import pytest

EVALUATOR = Path(__file__).resolve().parents[2] / "training" / "evaluate_findings.py"
TARGET = {"precision": 0.90, "recall": 0.95}
FLOOR = {"precision": 0.85, "recall": 0.75}


@pytest.fixture(scope="module")
def test_split_scores():
    spec = importlib.util.spec_from_file_location("evaluate_findings", EVALUATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.load_rows("test")
    if not rows:
        pytest.skip("the labeled corpus (training/corpus/*.jsonl) is not present")
    return module.score(rows)


def test_quality_stays_above_the_last_measured_floor(test_split_scores):
    micro = test_split_scores["micro"]
    assert micro["precision"] >= FLOOR["precision"] and micro["recall"] >= FLOOR["recall"], micro


@pytest.mark.xfail(strict=False, reason="issue 3 targets not met yet: test-split precision 0.883, recall 0.907 "
                   "(measured after the proviso/back-reference pass)")
def test_micro_recall_and_precision_meet_the_issue_targets(test_split_scores):
    micro = test_split_scores["micro"]
    assert micro["precision"] >= TARGET["precision"] and micro["recall"] >= TARGET["recall"], micro
