"""State profiles: data with sources, raising severities, never legal advice."""
import pytest

from msa_toolkit.analysis import analyze, clause_document
from msa_toolkit.analysis.states import all_profiles, known_states, load_profile
from msa_toolkit.errors import MsaError


def test_generic_profile_is_the_default():
    assert load_profile(None).id == "generic"


def test_state_codes_are_case_insensitive():
    assert load_profile("fl").id == "FL"


def test_unknown_state_is_a_usage_error_listing_known_states():
    with pytest.raises(MsaError) as err:
        load_profile("ZZ")
    assert err.value.code == "E200"
    assert all(code in err.value.message for code in ("CA", "FL", "NY", "OR", "TX"))


def test_every_profile_cites_sources_and_says_it_is_not_legal_advice():
    assert {"CA", "FL", "IL", "NC", "NY", "OR", "TX"} <= set(known_states())
    for profile in all_profiles().values():
        assert profile.sources and "not legal advice" in profile.disclaimer.lower()


def test_profiles_raise_severity_and_never_lower_it():
    generic = load_profile(None)
    assert generic.severity_for("MSA101", "clinical_control", "medium") == "high"
    assert generic.severity_for("MSA202", "missing_compliance_review", "medium") == "medium"


def test_state_only_rules_apply_under_their_profile():
    text = "Manager shall determine the CPT codes assigned to each service."
    assert "MSA107" in {f.rule for f in analyze(clause_document(text), state="CA").findings}
    assert "MSA107" not in {f.rule for f in analyze(clause_document(text), state="FL").findings}


def test_auto_uses_the_governing_law_state():
    text = "This Agreement shall be governed by the laws of the State of Oregon."
    assert analyze(clause_document(text), state="auto").state == "OR"
