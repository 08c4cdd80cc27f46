"""Each sample gets the verdict and the findings at the clause numbers listed in samples/EXPECTED.yaml.

The same contract must give the same answer whether it arrives as DOCX, PDF or plain text.
"""
from __future__ import annotations

import pytest

from sample_support import at_clause, expected, full_number, sample_files

REPORTED = ("high", "medium")
REVENUE_STRUCTURES = {"percentage", "residual", "performance", "hybrid"}


def _reported(result) -> list[tuple[str, str | None, str]]:
    """(category, clause number, rule) for every high or medium finding."""
    return [(f.category, full_number(result.document, f.clause_id), f.rule)
            for f in result.findings if f.severity in REPORTED]


def _covers(entries, category: str, number: str | None) -> bool:
    return any(entry["category"] == category and at_clause(number, entry["clause"]) for entry in entries)


@pytest.mark.parametrize("name,fmt", sample_files())
def test_verdict(analyze_sample, name, fmt):
    result = analyze_sample(name, fmt)
    assert result.status == "ok", result.error
    assert result.verdict == expected()[name]["verdict"], _reported(result)


@pytest.mark.parametrize("name,fmt", sample_files())
def test_expected_findings_are_reported_at_their_clauses(analyze_sample, name, fmt):
    reported = _reported(analyze_sample(name, fmt))
    missing = [entry for entry in expected()[name]["findings"]
               if not any(category == entry["category"] and at_clause(number, entry["clause"])
                          for category, number, _ in reported)]
    assert not missing, f"{name}.{fmt}: missing {missing}; reported {reported}"


@pytest.mark.parametrize("name,fmt", sample_files())
def test_no_unexpected_findings(analyze_sample, name, fmt):
    spec = expected()[name]
    allowed = spec["findings"] + spec["also_allowed"]
    unexpected = [(category, number, rule) for category, number, rule in _reported(analyze_sample(name, fmt))
                  if not _covers(allowed, category, number)]
    assert not unexpected, f"{name}.{fmt}: false positives {unexpected}"


@pytest.mark.parametrize("name,fmt", sample_files())
def test_fee_structure_and_governing_state(analyze_sample, name, fmt):
    result = analyze_sample(name, fmt)
    spec = expected()[name]
    structures = {fee.structure for fee in result.fees}
    assert spec["fee_structure"] in structures, result.fees
    if spec["fee_structure"] in ("fixed", "cost_plus", "hourly"):
        assert not structures & REVENUE_STRUCTURES, f"{name}.{fmt}: a low-risk fee read as {structures}"
    assert result.facts is not None and result.facts.governing_state == spec["governing_state"]


@pytest.mark.parametrize("name", [n for n, spec in expected().items() if len(spec["formats"]) > 1])
def test_all_formats_give_the_same_findings(analyze_sample, name):
    by_format = {fmt: sorted((c, n) for c, n, _ in _reported(analyze_sample(name, fmt)))
                 for fmt in expected()[name]["formats"]}
    first, *others = by_format.values()
    assert all(other == first for other in others), by_format
