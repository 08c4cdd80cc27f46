"""Fixtures of hand-built results (see report_builders.py)."""
from __future__ import annotations

import pytest

from msa_toolkit.model import AnalysisResult
from report_builders import build_clean_result, build_result


@pytest.fixture
def noncompliant():
    return build_result()


@pytest.fixture
def clean():
    return build_clean_result()


@pytest.fixture
def unreadable():
    return AnalysisResult.from_error("contracts/locked.pdf", "E110", "the PDF is encrypted; pass --password")
