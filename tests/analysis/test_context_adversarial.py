"""Negation, exceptions and who-acts: the tricky sentences a reviewer relies on the analyzer to get right.

Each case is a single clause whose parties are unknown, so the analyzer falls back to typical names
("Manager" is the MSO, "Practice" the practice) and guesses brand names ("Lumina shall ...").
"""
import pytest

CONTROL = "clinical_control"

FLAGGED = [
    # a consent requirement: "not ... without X's consent" is control, not a protection
    "Practice shall not hire any physician assistant without the prior written consent of Manager.",
    "Except as approved by Manager, Practice shall not modify the treatment menu.",
    "Practice shall not modify the treatment menu except as approved by Manager.",
    # the proviso reverses the protection before it
    "Manager shall have no authority over clinical matters; provided, however, that Manager shall approve all "
    "clinical protocols.",
    "The Manager shall establish all clinical protocols.",
    "Practice and Manager shall jointly determine the treatment menu.",
    "Manager and Practice shall jointly determine the treatment menu.",
    "All protocols shall be subject to approval by Manager.",
    "All clinical protocols shall be subject to Manager's prior written approval.",
    "No new physician shall be engaged by Practice unless Manager consents.",
    "No change to the treatment menu shall be made without Manager's approval.",
    "Practice shall not terminate any nurse injector without first consulting with and obtaining the approval of Manager.",
    "The Practice shall terminate any nurse practitioner upon the written request of Manager.",
    "Manager shall, in its sole discretion, select the dermal fillers and neurotoxins used on patients.",
    "Manager shall provide billing services and approve all clinical protocols.",
    "Lumina shall approve the clinical protocols used at each location.",
    "The duties of the clinical staff shall be as set forth in the protocols prepared and amended from time to time "
    "by Manager.",
    "Manager shall have final authority over the staffing levels of clinical personnel.",
    "In the event of any disagreement regarding clinical policies, Manager shall have final authority.",
    "Requests for copies of patient records shall be forwarded to Manager, which shall decide whether such records "
    "will be released.",
    "MANAGER SHALL APPROVE ALL CLINICAL PROTOCOLS.",
]

NOT_FLAGGED = [
    "Practice may engage clinicians without any need for the consent or approval of Manager.",
    "Manager shall not, and nothing herein shall be construed to permit Manager to, approve clinical protocols.",
    "The Practice shall establish all clinical protocols.",
    "Practice may hire physician assistants without the consent of Manager.",
    "Practice shall not be required to obtain Manager's approval of any clinical protocol.",
    "Manager's approval shall not be required for the hiring of any physician.",
    "In no event shall Manager determine the treatment menu.",
    "Nothing in this Agreement shall be construed to permit Manager to control the professional judgment of any "
    "physician.",
    "Neither Manager nor any of its affiliates shall select the products used on patients.",
    "Manager shall have no right to direct any nurse injector.",
    "Manager shall not exercise control over the professional judgment of any clinician.",
    "Manager shall assist Practice in establishing clinical protocols.",
    "Manager shall provide administrative support to Practice with respect to the recruiting of physicians.",
    "Manager shall hire, supervise and terminate all non-clinical personnel.",
    "Manager shall hire all personnel other than the physicians and nurse practitioners of Practice.",
    "Manager shall maintain the network security protocols of the practice management system.",
    "Manager shall establish and maintain the electronic health record system.",
    "Manager shall not hire clinicians without the consent of Practice.",
    "The treatment menu shall be determined solely by Practice.",
    "Practice shall determine the treatment menu, and Manager shall not approve or modify it.",
    "All decisions regarding hiring of Licensed Personnel shall be made solely by Practice.",
    "Manager shall purchase the medical supplies selected by Practice.",
    "Manager shall procure the non-medical equipment and office supplies reasonably required for the Office.",
    "Company shall determine the number of physician assistants it employs, without any need for the consent of "
    "Manager.",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_control_is_flagged(text, categories_of):
    assert CONTROL in categories_of(text) or "mso_owns_records" in categories_of(text)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_protection_is_not_flagged(text, categories_of):
    assert not categories_of(text)


def test_evidence_is_the_words_that_triggered_it():
    from msa_toolkit.analysis import analyze, clause_document

    text = "Practice shall not hire any physician assistant without the prior written consent of Manager."
    finding = next(f for f in analyze(clause_document(text)).findings if f.category == CONTROL)
    assert finding.evidence in text
    assert "consent" in finding.evidence and "physician assistant" in finding.evidence
    assert text[finding.start:finding.end] == finding.evidence


def test_parties_of_the_document_decide_who_company_is():
    """'Company' is the MSO in one agreement and the practice in another: the preamble decides."""
    from msa_toolkit.analysis import analyze_document
    from msa_toolkit.model import Clause, Document, Party

    text = "Company shall establish all clinical protocols."
    clause = Clause("c1", "section", "1", None, text, 1, None, None, 0, len(text))
    as_practice = Document("x", "text", text, (clause,), parties=(
        Party("Glow Medical, P.C.", ("Company",), "practice"), Party("Lumen MSO, LLC", ("Manager",), "mso")))
    as_mso = Document("x", "text", text, (clause,), parties=(
        Party("Glow Holdings, LLC", ("Company",), "mso"), Party("Glow Medical, P.C.", ("Practice",), "practice")))
    assert not analyze_document(as_practice)[0]
    assert {f.category for f in analyze_document(as_mso)[0]} == {CONTROL}


def test_short_brand_name_from_the_parties_is_the_mso():
    from msa_toolkit.analysis import analyze_document
    from msa_toolkit.model import Clause, Document, Party

    text = "The Medical Director shall report directly to Lumina's Chief Operating Officer."
    clause = Clause("c1", "section", "1", None, text, 1, None, None, 0, len(text))
    doc = Document("x", "text", text, (clause,), parties=(
        Party("Lumina Aesthetics Management, LLC", ("Lumina",), "mso"),
        Party("Radiant Skin Medical, P.C.", ("Practice",), "practice")))
    assert {f.category for f in analyze_document(doc)[0]} == {"md_reports_to_mso"}
