"""Measured quality of the clause-level findings on the team's labeled corpus (test split).

Targets from issue 3: recall >= 0.95 and precision >= 0.90, micro-averaged over the five clause-level
categories. The corpus is written by the team (training/corpus/); the test split is never used for tuning.
"""
import importlib.util
from pathlib import Path

import pytest

EVALUATOR = Path(__file__).resolve().parents[2] / "training" / "evaluate_findings.py"


@pytest.fixture(scope="module")
def test_split_scores():
    spec = importlib.util.spec_from_file_location("evaluate_findings", EVALUATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.load_rows("test")
    if not rows:
        pytest.skip("the labeled corpus (training/corpus/*.jsonl) is not present")
    return module.score(rows)


def test_micro_recall_and_precision_meet_the_targets(test_split_scores):
    micro = test_split_scores["micro"]
    assert micro["recall"] >= 0.95, micro
    assert micro["precision"] >= 0.90, micro


def test_every_category_is_found(test_split_scores):
    for category, scores in test_split_scores["per_category"].items():
        assert scores["recall"] >= 0.8, (category, scores)
