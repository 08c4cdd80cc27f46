"""The clause library is valid data, holds the clauses the analyzer cites, and its validator
catches each kind of mistake a lawyer editing the YAML could make, naming file and clause."""
from __future__ import annotations

import pytest

from msa_toolkit.drafting.library import collect_problems, load_library
from msa_toolkit.errors import DataFileError

# Clause ids the analyzer's rules cite as suggestions (contract in briefs/ids.md).
CITED_IDS = (
    "separation.professional_judgment", "separation.clinical_personnel", "separation.medical_director",
    "separation.patient_records", "separation.clinical_protocols", "separation.clinician_compensation",
    "separation.roles_allocation", "fees.fixed_fmv", "fees.cost_plus", "fees.hourly", "fees.fmv_review",
    "compliance.periodic_review", "marketing.clinical_claims_approval", "exhibits.fee_schedule",
)


def test_bundled_library_is_valid_and_large_enough():
    library, problems = collect_problems()
    assert problems == []
    assert len(library.clauses) >= 60


@pytest.mark.parametrize("clause_id", CITED_IDS)
def test_clauses_cited_by_the_analyzer_exist(library, clause_id):
    clause = library.clause(clause_id)
    assert clause.text and clause.note


def test_every_clause_has_version_lane_and_note(library):
    for clause in library.clauses.values():
        assert clause.version >= 1 and clause.lane in ("business", "clinical", "general")
        assert len(clause.note) > 20, clause.id


def test_fee_and_forum_alternates_are_declared(library):
    groups = {}
    for clause in library.clauses.values():
        if clause.alternate_group:
            groups.setdefault(clause.alternate_group, set()).add(clause.id)
    assert {"fees.fixed_fmv", "fees.cost_plus", "fees.hourly"} <= groups["fee_structure"]
    assert groups["dispute_forum"] == {"disputes.arbitration", "disputes.courts"}


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _problems(directory):
    return [str(p) for p in collect_problems(directory)[1]]


def test_unknown_key_is_rejected_with_file_and_clause(library_copy):
    _edit(library_copy / "fees.yaml", "    version: 1\n    title: Late Payment", "    version: 1\n    colour: red\n    title: Late Payment")
    [problem] = _problems(library_copy)
    assert "fees.yaml" in problem and "'fees.late_payment'" in problem and "unknown key 'colour'" in problem


def test_duplicate_id_is_rejected(library_copy):
    _edit(library_copy / "general.yaml", "id: general.force_majeure", "id: general.assignment")
    assert any("'general.assignment'" in p and "duplicate id" in p for p in _problems(library_copy))


def test_undeclared_variable_is_rejected(library_copy):
    _edit(library_copy / "general.yaml", "Neither Party is liable for a delay", "Neither {{ mso_name }} is liable for a delay")
    [problem] = _problems(library_copy)
    assert "general.yaml" in problem and "general.force_majeure" in problem and "'mso_name' is used but not declared" in problem


def test_unused_variable_is_rejected(library_copy):
    _edit(library_copy / "fees.yaml", "      late_interest_percent: percent\n", "      late_interest_percent: percent\n      cure_days: days\n")
    assert any("fees.late_payment" in p and "'cure_days' is declared but never used" in p for p in _problems(library_copy))


def test_variable_with_wrong_type_is_rejected(library_copy):
    _edit(library_copy / "fees.yaml", "monthly_fee: money", "monthly_fee: text")
    assert any("fees.fixed_fmv" in p and "must be declared as money" in p for p in _problems(library_copy))


def test_broken_cross_reference_is_rejected(library_copy):
    _edit(library_copy / "fees.yaml", "[[ref:fees.fmv_review]]", "[[ref:fees.fmv_reveiw]]")
    assert any("fees.fixed_fmv" in p and "unknown clause 'fees.fmv_reveiw'" in p for p in _problems(library_copy))


def test_reference_to_a_clause_the_draft_may_lack_is_rejected(library_copy):
    _edit(library_copy / "general.yaml", "Subject to [[ref:compliance.reformation]]", "Subject to [[ref:marketing.branding]]")
    assert any("general.severability" in p and "not in every agreement" in p for p in _problems(library_copy))


def test_stray_template_code_is_rejected(library_copy):
    _edit(library_copy / "general.yaml", "no other person has any", "{% if x %}no other person has any")
    assert any("general.third_parties" in p and "template code" in p for p in _problems(library_copy))


def test_unknown_condition_field_is_rejected(library_copy):
    _edit(library_copy / "disputes.yaml", "when: {options.dispute_resolution: courts}", "when: {options.forum: courts}")
    assert any("disputes.courts" in p and "unknown deal-sheet field 'options.forum'" in p for p in _problems(library_copy))


def test_load_library_raises_data_file_error(library_copy):
    _edit(library_copy / "fees.yaml", "id: fees.hourly", "id: fees.fixed_fmv")
    with pytest.raises(DataFileError) as caught:
        load_library(library_copy)
    assert caught.value.code == "E220" and "fees.yaml" in str(caught.value)


def test_unreadable_yaml_is_reported(library_copy):
    (library_copy / "broken.yaml").write_text("clauses: [\n")
    assert any("broken.yaml" in p and "cannot be read as YAML" in p for p in _problems(library_copy))
