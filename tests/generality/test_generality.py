"""The analyzer on drafting it was not built from: a blind, hand-labeled set of medspa clauses.

Each clause in `clauses.yaml` is wrapped in a small agreement whose preamble defines the parties
under the names the clause uses, and analyzed with `msa_toolkit.analysis.analyze_text`. A hit is a
clause-level finding of the labeled category on section 1.1; document-level findings are ignored.
Run `python tests/generality/evaluate.py` for the full table and every miss and false positive.
"""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

MIN_RECALL = 0.90
MIN_PRECISION = 0.90


def _load_evaluate():
    """Import the sibling `evaluate.py` by path (tests/ is not a package)."""
    name = "msa_generality_evaluate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("evaluate.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


evaluate = _load_evaluate()


@pytest.fixture(scope="module")
def entries():
    return evaluate.load_entries()


@pytest.fixture(scope="module")
def outcomes(entries):
    return evaluate.run(entries)


def test_the_set_is_large_and_balanced(entries):
    positives = [e for e in entries if e["findings"]]
    per_category = Counter(c for e in entries for c in e["findings"])
    assert len(entries) >= 320
    assert 0.40 <= len(positives) / len(entries) <= 0.55
    for category in evaluate.CATEGORIES:
        assert per_category[category] >= 30, category
    for entry in entries:
        assert not set(entry["findings"]) & set(entry.get("tolerated") or ()), entry["id"]


def test_preamble_defines_both_parties_under_the_clause_names(entries):
    from msa_toolkit.analysis import analyze_text

    pairs = {}
    for entry in entries:
        pairs.setdefault((entry["parties"]["mso"], entry["parties"]["practice"]), entry)
    wrong = []
    for (mso, practice), entry in sorted(pairs.items()):
        document = analyze_text(evaluate.build_document(entry)).document
        roles = {alias.rstrip("."): p.role for p in document.parties for alias in p.aliases}
        if roles.get(mso.rstrip(".")) != "mso" or roles.get(practice.rstrip(".")) != "practice":
            wrong.append(f"{entry['id']}: mso={mso!r} practice={practice!r} -> {roles}")
    assert not wrong, "party roles not resolved as defined:\n" + "\n".join(wrong)


def test_every_entry_is_analyzed_as_one_numbered_clause(outcomes):
    failed = [f"{o.entry['id']}: {o.error}" for o in outcomes if o.error]
    assert not failed, "\n".join(failed)


def test_clause_findings_generalise_to_unseen_drafting(outcomes):
    result = evaluate.score(outcomes)
    report = evaluate.format_table(result) + evaluate.format_errors(result)
    recall, precision = result.recall(), result.precision()
    assert recall >= MIN_RECALL, f"micro recall {recall:.3f} below {MIN_RECALL}\n{report}"
    assert precision >= MIN_PRECISION, f"micro precision {precision:.3f} below {MIN_PRECISION}\n{report}"
