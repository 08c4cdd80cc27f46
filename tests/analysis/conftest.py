"""Helpers for the analyzer tests: analyze one clause, or a short agreement, from text."""
import pytest

from msa_toolkit.analysis import analyze, clause_document


def clause_findings(text, state=None):
    """Findings raised on `text` treated as one clause of an agreement whose parties are unknown."""
    return analyze(clause_document(text), state=state).findings


@pytest.fixture
def categories_of():
    return lambda text, state=None: {f.category for f in clause_findings(text, state)}


@pytest.fixture
def codes_of():
    return lambda text, state=None: {f.rule for f in clause_findings(text, state)}
