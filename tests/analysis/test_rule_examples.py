"""Every rule's flagged and compliant examples are fixtures: flagged ones raise the rule, compliant ones don't."""
import pytest

from msa_toolkit.analysis import analyze, analyze_text, clause_document
from msa_toolkit.analysis.catalogue import load_catalogue

RULES = load_catalogue()


def _codes(rule, text):
    state = rule.states[0] if rule.states else None
    if rule.scope == "clause":
        result = analyze(clause_document(text), state=state)
    else:
        result = analyze_text(text, state=state)
    return {f.rule for f in result.findings}


@pytest.mark.parametrize("rule,text", [(r, t) for r in RULES for t in r.flagged],
                         ids=lambda x: x.code if hasattr(x, "code") else "")
def test_flagged_example_raises_its_rule(rule, text):
    assert rule.code in _codes(rule, text)


@pytest.mark.parametrize("rule,text", [(r, t) for r in RULES for t in r.compliant],
                         ids=lambda x: x.code if hasattr(x, "code") else "")
def test_compliant_example_does_not_raise_its_rule(rule, text):
    assert rule.code not in _codes(rule, text)


def test_every_rule_has_both_kinds_of_example_and_a_fix():
    for rule in RULES:
        assert rule.flagged and rule.compliant, rule.code
        assert rule.fix, rule.code
