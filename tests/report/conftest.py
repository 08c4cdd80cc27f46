"""Fixtures of hand-built results (see report_builders.py)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from msa_toolkit.model import AnalysisResult
from msa_toolkit.report import sarif, view
from report_builders import build_clean_result, build_result

# A stand-in catalogue entry, so that report tests do not depend on the wording of the real rules.
FEE_RULE = SimpleNamespace(
    code="MSA101", name="percentage-of-collections-fee", category="revenue_based_fee", severity="high",
    summary="The MSO's fee is a share of the practice's collections.",
    rationale="Sharing professional fees with a lay manager is fee-splitting.",
)


@pytest.fixture(autouse=True)
def stand_in_catalogue(monkeypatch):
    monkeypatch.setattr(view, "catalogue_rules", lambda: (FEE_RULE,))
    monkeypatch.setattr(sarif, "catalogue_rules", lambda: (FEE_RULE,))


@pytest.fixture
def noncompliant():
    return build_result()


@pytest.fixture
def clean():
    return build_clean_result()


@pytest.fixture
def unreadable():
    return AnalysisResult.from_error("contracts/locked.pdf", "E110", "the PDF is encrypted; pass --password")
