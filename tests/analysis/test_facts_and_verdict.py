"""Deal facts, the verdict and the JSON shape of an analysis."""
from msa_toolkit.analysis import analyze, analyze_text, clause_document
from msa_toolkit.analysis.verdict import verdict
from msa_toolkit.model import Finding

AGREEMENT = """MANAGEMENT SERVICES AGREEMENT

This Management Services Agreement is entered into as of March 1, 2025 (the "Effective Date") by and between Lumen Aesthetics Management, LLC, a Texas limited liability company ("Manager"), and Radiant Skin Medical, P.C., a Texas professional corporation ("Practice").

1. Services. Manager shall provide billing, scheduling, marketing and facilities services to Practice.

2. Clinical Authority. Practice shall have sole authority over all medical decisions and the professional judgment of its clinicians, and Manager shall not interfere with them.

3. Fee. Practice shall pay Manager a fixed monthly fee of $20,000, reviewed annually for fair market value.

4. Compliance Review. The Parties shall meet at least annually to review the structure of this Agreement and its compliance with applicable law.

5. Term. The initial term of this Agreement shall be five (5) years, and it shall automatically renew for successive one (1) year periods unless either Party gives ninety (90) days' prior written notice.

6. Governing Law. This Agreement shall be governed by the laws of the State of Texas.
"""


def test_deal_facts_come_from_the_agreement_text():
    facts = analyze_text(AGREEMENT).facts
    assert facts.governing_state == "TX"
    assert facts.effective_date == "March 1, 2025"
    assert facts.term == "five (5) years"
    assert facts.renewal == "automatic, successive one (1) year periods; non-renewal notice ninety (90) days"
    assert facts.termination_notice is None  # the only notice here is a non-renewal notice


def test_compliant_agreement():
    result = analyze_text(AGREEMENT)
    assert result.verdict == "compliant", result.findings
    assert [f.structure for f in result.fees] == ["fixed"]


def test_percentage_fee_makes_it_noncompliant_with_a_located_finding():
    text = AGREEMENT.replace("a fixed monthly fee of $20,000", "a monthly fee of eight percent (8%) of Net Collections")
    result = analyze_text(text)
    assert result.verdict == "noncompliant"
    finding = next(f for f in result.findings if f.category == "revenue_based_fee")
    clause = result.document.clause(finding.clause_id)
    assert clause.number == "3"
    assert result.document.text[finding.start:finding.end] == finding.evidence
    assert finding.suggestion == "fees.fixed_fmv" and "PhyMatrix" in finding.citation


def test_fee_in_a_missing_exhibit_means_review_never_compliant():
    text = AGREEMENT.replace("a fixed monthly fee of $20,000, reviewed annually for fair market value",
                             "the management fee set forth in Exhibit D")
    result = analyze_text(text)
    assert result.verdict == "review"
    assert "unresolved_fee" in {f.category for f in result.findings}


def test_missing_reservation_and_review_are_document_level():
    text = AGREEMENT.replace("2. Clinical Authority. Practice shall have sole authority over all medical decisions "
                             "and the professional judgment of its clinicians, and Manager shall not interfere with "
                             "them.", "2. Marketing. Manager shall run the website.")
    text = text.replace("4. Compliance Review. The Parties shall meet at least annually to review the structure of "
                        "this Agreement and its compliance with applicable law.",
                        "4. Compliance. Each Party shall comply with all applicable laws.")
    found = {f.category: f for f in analyze_text(text).findings}
    assert found["missing_clinical_reservation"].clause_id is None
    assert found["missing_compliance_review"].clause_id is None


def test_a_single_clause_is_not_blamed_for_what_the_agreement_lacks():
    assert analyze(clause_document("Manager shall provide billing services.")).findings == ()


def test_verdict_levels():
    def f(severity, category="clinical_control"):
        return Finding("MSA101", "x", category, severity, None, "", "")

    assert verdict([]) == "compliant"
    assert verdict([f("low")]) == "compliant"
    assert verdict([f("medium")]) == "review"
    assert verdict([f("low", "unresolved_fee")]) == "review"
    assert verdict([f("medium"), f("high")]) == "noncompliant"


def test_result_serializes_to_the_public_json_shape():
    data = analyze_text(AGREEMENT).to_dict()
    assert data["verdict"] == "compliant" and data["state"] == "generic"
    assert data["facts"]["governing_state"] == "TX"
    assert all(c["lane"] in ("business", "clinical", "general", None) for c in data["clauses"])


def test_bad_input_is_a_coded_error_not_a_traceback():
    import pytest

    from msa_toolkit.errors import MsaError

    for bad, code in ((None, "E200"), ("", "E200")):
        with pytest.raises(MsaError) as err:
            analyze(bad)
        assert err.value.code == code
    with pytest.raises(MsaError) as err:
        analyze_text("   ")
    assert err.value.code == "E102"
    with pytest.raises(MsaError) as err:
        analyze_text(AGREEMENT, state="ZZ")
    assert err.value.code == "E200"


def test_plain_words_for_a_yearly_review_count_as_a_compliance_review():
    text = AGREEMENT.replace("4. Compliance Review. The Parties shall meet at least annually to review the structure of "
                             "this Agreement and its compliance with applicable law.",
                             "4. Check-up. Within ninety (90) days after the end of each Agreement Year, Practice and "
                             "Manager will sit down with health care counsel and go over this Agreement and the "
                             "structure of their arrangement for compliance with applicable law.")
    assert analyze_text(text).verdict == "compliant"


def test_notices_delivered_in_the_passive_leave_no_service_unassigned():
    text = AGREEMENT + "\n7. Notices. Notices shall be delivered to the addresses set forth below the signatures.\n"
    assert "unclear_roles" not in {f.category for f in analyze_text(text).findings}
    text = AGREEMENT + "\n7. Laundry. Linen services shall be provided to the treatment rooms each day.\n"
    assert "unclear_roles" in {f.category for f in analyze_text(text).findings}


def test_a_fee_schedule_that_is_only_a_placeholder_leaves_the_fee_unresolved():
    text = AGREEMENT.replace("a fixed monthly fee of $20,000, reviewed annually for fair market value",
                             "the fee determined in accordance with Schedule 2 attached hereto")
    text += "\n7. Late Payments. Late amounts bear interest at one percent (1%) per month.\n"
    placeholder = text + "\nSCHEDULE 2\nSERVICE FEE\n\n[To be attached.]\n"
    assert "unresolved_fee" in {f.category for f in analyze_text(placeholder).findings}
    filled = text + "\nSCHEDULE 2\nSERVICE FEE\n\nPractice shall pay Manager $20,000 per month.\n"
    assert "unresolved_fee" not in {f.category for f in analyze_text(filled).findings}


RESERVATION = ("2. Clinical Authority. Practice shall have sole authority over all medical decisions and the professional "
               "judgment of its clinicians, and Manager shall not interfere with them.")
REVIEW = ("4. Compliance Review. The Parties shall meet at least annually to review the structure of this Agreement and "
          "its compliance with applicable law.")


def _document_categories(text):
    return {f.category for f in analyze_text(text).findings if f.clause_id is None}


def test_a_dental_reservation_and_a_review_every_two_years_count():
    text = AGREEMENT.replace(RESERVATION, "2. Clinical Authority. Practice shall have sole authority over the practice "
                                          "of dentistry, including diagnoses and treatment plans.")
    text = text.replace(REVIEW, "4. Compliance Review. Every two (2) years the Parties shall engage counsel to review "
                                "this Agreement for compliance with the laws governing dental practices.")
    assert _document_categories(text) == set()


def test_a_disclaimer_that_the_mso_is_unlicensed_reserves_nothing():
    # "not licensed to practice medicine" keeps nothing for the practice; "shall not interfere" does
    disclaimer = AGREEMENT.replace(RESERVATION, "2. Status. Manager is not licensed to practice medicine and shall not "
                                                "hold itself out as a provider of medical services.")
    assert "missing_clinical_reservation" in _document_categories(disclaimer)
    far = AGREEMENT.replace(RESERVATION, "2. Marks. Practice shall use the Marks only in the form Manager prescribes "
                                         "and shall post a notice that the medical services at the Studio are provided "
                                         "by Practice.")
    assert "missing_clinical_reservation" in _document_categories(far)


def _with_services_exhibit(item):
    return AGREEMENT + ("\nEXHIBIT A\nSUPPORT SERVICES\n\nManager shall furnish the following Support Services to Practice:\n\n"
                        "A.1 Billing. Preparing and sending patient invoices.\n\n" + item + "\n")


def test_an_item_of_the_services_exhibit_is_the_mso_s_act():
    # the item has no subject of its own: the exhibit's lead ("Manager shall furnish ...:") supplies it
    result = analyze_text(_with_services_exhibit(
        "A.2 Product Program. Selecting, and updating from time to time, the dermal fillers and neurotoxins that the "
        "clinicians will use on patients."))
    found = [f for f in result.findings if f.category == "clinical_control"]
    assert {result.document.clause(f.clause_id).number for f in found} == {"A.2"}
    twin = analyze_text(_with_services_exhibit(
        "A.2 Supply Ordering. Ordering the dermal fillers and neurotoxins that Practice's Medical Director selects."))
    assert not [f for f in twin.findings if f.category == "clinical_control"]


def _with_definition(definition, grant="7. Administrative Matters. Manager shall have full and final authority over the "
                                       "Administrative Matters."):
    return AGREEMENT.replace("1. Services.", definition + "\n\n" + grant + "\n\n1. Services.")


def test_an_umbrella_term_defined_to_take_in_clinical_things_carries_them_to_other_clauses():
    # the definition (one clause) gathers the staffing mix under the term; the grant (another clause) hands it over
    result = analyze_text(_with_definition(
        '0. Definitions. "Administrative Matters" means all aspects of the operation of the Centers, including: (a) '
        'leasing and maintenance; (b) the number and mix of physicians and nurse injectors assigned to each shift; '
        'and (c) billing.'))
    found = [f for f in result.findings if f.category == "clinical_control"]
    assert {result.document.clause(f.clause_id).number for f in found} == {"7"}
    carved_out = analyze_text(_with_definition(
        '0. Definitions. "Administrative Matters" means leasing, maintenance and billing, but excludes every clinical '
        'decision, including the number and mix of physicians and nurse injectors assigned to each shift.'))
    assert not [f for f in carved_out.findings if f.category == "clinical_control"]


def test_a_term_that_is_no_umbrella_is_not_a_clinical_decision():
    # a committee whose definition mentions clinicians is still a committee: notice to it is no power over them
    result = analyze_text(_with_definition(
        '0. Definitions. "Clinical Committee" means the committee of physicians and nurse injectors appointed by '
        'Practice.', "7. Notices. Manager may make changes to the website after notice to the Clinical Committee."))
    assert not [f for f in result.findings if f.category == "clinical_control"]


def test_decisions_made_exclusively_by_the_practice_are_a_reservation():
    kept = AGREEMENT.replace(RESERVATION, "2. Provider's Authority. All decisions regarding the infusion services, "
                                          "including the standing orders and the acceptance of patients, shall be made "
                                          "exclusively by Practice.")
    assert "missing_clinical_reservation" not in _document_categories(kept)
    by_mso = kept.replace("made exclusively by Practice", "made exclusively by Manager")
    assert "missing_clinical_reservation" in _document_categories(by_mso)
