"""Deal sheets are checked completely before anything is drafted: every problem at once, each with
its field path; compliance limits that depend on the governing state are enforced from data."""
from __future__ import annotations

import pytest

from msa_toolkit.drafting.dealsheet import check_deal, load_deal
from msa_toolkit.errors import MsaError


def test_sample_deal_validates_and_fills_defaults(library, florida_raw):
    assert "insurance" not in florida_raw
    deal = load_deal(florida_raw, library)
    assert deal["governing_state"] == "FL"
    assert deal["fee"]["monthly_amount"] == 25000
    assert deal["insurance"] == {"per_occurrence": 1_000_000, "aggregate": 3_000_000}
    assert str(deal["agreement"]["effective_date"]) == "2026-01-01"


def test_every_problem_is_reported_at_once_with_its_path(library, florida_raw):
    florida_raw["fee"]["monthly_amount"] = -5
    florida_raw["practice"]["state"] = "Florida"
    del florida_raw["mso"]["legal_name"]
    florida_raw["term"]["initial_years"] = "three"
    florida_raw["services"] = ["billing", "valet parking"]
    florida_raw["practice"]["signatory"]["titel"] = "President"
    with pytest.raises(MsaError) as caught:
        load_deal(florida_raw, library)
    message = caught.value.message
    assert caught.value.code == "E210"
    for expected in (
        "fee.monthly_amount: must be a positive number",
        "practice.state: must be a two-letter US state code",
        "mso.legal_name: is required",
        "term.initial_years: must be a number",
        "services: unknown service(s) valet parking",
        "practice.signatory.titel: unknown field",
    ):
        assert expected in message
    assert message.startswith("6 problem(s)")


def test_fields_needed_only_for_a_choice_are_required_for_that_choice(library, florida_raw):
    florida_raw["fee"] = {"structure": "hourly", "hourly_rate": 150}
    florida_raw["options"] = {"dispute_resolution": "courts"}
    _, problems = check_deal(florida_raw, library)
    assert ("fee.monthly_cap", "is required") in problems
    assert ("options.venue_county", "is required") in problems
    assert all(path != "fee.monthly_amount" for path, _ in problems)


def test_percentage_fee_is_refused_in_a_state_that_prohibits_it(library, florida_raw):
    florida_raw["fee"] = {"structure": "percentage_of_revenue", "percentage": 10, "override_percentage_fee": True}
    _, problems = check_deal(florida_raw, library)
    assert any(path == "fee.structure" and "prohibited for FL" in msg for path, msg in problems)


def test_percentage_fee_elsewhere_needs_an_explicit_override(library, florida_raw):
    florida_raw["governing_state"] = "GA"
    florida_raw["fee"] = {"structure": "percentage_of_revenue", "percentage": 10}
    _, problems = check_deal(florida_raw, library)
    assert any(path == "fee.override_percentage_fee" and "must be true" in msg for path, msg in problems)
    florida_raw["fee"]["override_percentage_fee"] = True
    assert check_deal(florida_raw, library)[1] == []


def test_clause_forbidden_in_the_governing_state_is_refused(library, florida_raw):
    florida_raw["governing_state"] = "CA"
    _, problems = check_deal(florida_raw, library)
    assert any(path == "options.non_solicit" and "nonsolicit.employees" in msg for path, msg in problems)


def test_control_characters_in_names_are_refused(library, florida_raw):
    florida_raw["practice"]["legal_name"] = "Coastal\nAesthetic"
    _, problems = check_deal(florida_raw, library)
    assert ("practice.legal_name", "must be a single line without control characters") in problems


def test_a_deal_sheet_that_is_not_a_mapping_is_refused(library):
    with pytest.raises(MsaError, match="must be a YAML mapping"):
        load_deal(["not", "a", "mapping"], library)


def test_missing_deal_file_is_a_clear_error(library, tmp_path):
    with pytest.raises(MsaError) as caught:
        load_deal(tmp_path / "nope.yaml", library)
    assert caught.value.code == "E100"
