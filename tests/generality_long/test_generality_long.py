"""The analyzer generalizes to long, lawyerly clauses it was never tuned on (blind set)."""
from __future__ import annotations

import pytest

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "generality_long_evaluate", Path(__file__).with_name("evaluate.py")
)
_evaluate = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _evaluate  # dataclasses look their module up here
_spec.loader.exec_module(_evaluate)
CATEGORIES, build_document = _evaluate.CATEGORIES, _evaluate.build_document
evaluate, load_entries = _evaluate.evaluate, _evaluate.load_entries

MIN_RECALL = 0.90
MIN_PRECISION = 0.90


@pytest.fixture(scope="module")
def report():
    return evaluate()


def test_set_is_well_formed_and_balanced():
    entries = load_entries()
    assert len(entries) >= 220
    positives = [e for e in entries if e["findings"]]
    assert 0.40 <= len(positives) / len(entries) <= 0.55
    for cat in CATEGORIES:
        assert sum(cat in e["findings"] for e in entries) >= 20, cat
    for e in entries:
        assert 60 <= len(e["text"].split()) <= 250, e["id"]
        doc = build_document(e)
        assert f'("{e["parties"]["mso"]}")' in doc and "4.2 " in doc


def test_micro_recall_and_precision(report):
    micro = report.micro
    assert micro.recall >= MIN_RECALL and micro.precision >= MIN_PRECISION, report.render()
