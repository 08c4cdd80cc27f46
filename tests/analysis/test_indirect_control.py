"""Indirect and re-worded control that real drafters use: committees, the MSO's manuals, the pen over
protocols, officers of the MSO, defined terms naming clinicians, negation that ends at "instead".

Each sentence is a single clause with unknown parties ("Manager" is the MSO, "Practice" the practice).
"""
import pytest

from msa_toolkit.analysis import analyze_document, clause_document
from msa_toolkit.model import Clause, DefinedTerm, Document, Party

FLAGGED = [
    ("clinical_control", "A Clinical Oversight Committee composed of three representatives of Manager and two "
                         "physicians of Practice shall approve all clinical protocols by majority vote."),
    ("clinical_control", "Practice shall perform each filler procedure in accordance with Manager's Brand Standards, "
                         "including the products and steps specified therein."),
    ("clinical_control", "Practice shall use only the injectables and devices that appear on Manager's approved "
                         "vendor list."),
    ("clinical_control", "Provider shall follow the treatment protocols contained in the Operations Manual, as those "
                         "protocols are written and updated by Manager from time to time."),
    ("clinical_control", "All patient consent forms shall be authored by Manager and may not be modified by Practice."),
    ("clinical_control", "The treatment menu shall be determined by Manager in consultation with Practice."),
    ("clinical_control", "Manager shall have the final say on which treatments are offered."),
    ("clinical_control", "The selection of dermal fillers shall be within the sole discretion of Manager."),
    ("clinical_control", "Manager shall set the default energy settings of each laser used in treatments."),
    ("clinical_control", "Manager's Chief Operating Officer shall determine the number of nurse injectors scheduled "
                         "each day."),
    ("mso_owns_records", "Manager shall retain all patient records following termination of this Agreement and may "
                         "use them for any purpose."),
    ("md_reports_to_mso", "The Medical Director shall deliver a written clinical quality report each month to "
                          "Manager's Vice President of Clinical Operations."),
    ("volume_pressure_comp", "Doctor shall see not fewer than twenty-five (25) patients per clinic day at each "
                             "Facility."),
    ("revenue_based_fee", "Beginning with the thirteenth month, the management fee shall no longer be a fixed amount "
                          "and shall instead equal eleven percent (11%) of Practice's net collections."),
]

NOT_FLAGGED = [
    "Manager shall draft proposed clinical protocols for Practice's review and approval.",
    "Nurse injectors shall be paid a fixed hourly wage that does not vary with the number of treatments performed.",
    "Manager shall recommend staffing levels, and Practice shall make the final decision.",
    "Practice shall have the final say on which treatments are offered.",
    "The management fee shall no longer be a percentage of revenue and shall instead be a fixed fee of $20,000 "
    "per month.",
    "WHEREAS, Practice wishes to engage Manager to manage its business operations and to engage the Medical "
    "Director to oversee its clinical services.",
    "A Clinical Quality Committee consisting solely of physicians of Practice shall approve all clinical policies.",
    "Practice shall perform each laser procedure using the steps and products in Practice's own clinical standards.",
    "Manager shall conduct patient satisfaction surveys, compile the results by service line and present them to "
    "Practice.",
]


def _categories(document):
    return {f.category for f in analyze_document(document)[0]}


@pytest.mark.parametrize("category,text", FLAGGED)
def test_indirect_control_is_flagged(category, text):
    assert category in _categories(clause_document(text))


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_look_alikes_are_not_flagged(text):
    assert not _categories(clause_document(text))


def _document(text, terms=(), parties=()):
    clause = Clause("c1", "section", "1", None, text, 1, None, None, 0, len(text))
    return Document(path="<t>", format="text", text=text, clauses=(clause,), parties=parties,
                    defined_terms=tuple(DefinedTerm(t, d, None, 0) for t, d in terms))


PARTIES = (Party("Aurora Management, LLC", ("Management Company",), "mso"),
           Party("Lakeshore Medicine, S.C.", ("Practice",), "practice"))


def test_a_defined_term_naming_clinicians_becomes_a_clinical_object():
    text = "The Management Company shall determine the number of Treatment Staff on duty at each Location each day."
    staff = ("Treatment Staff", '"Treatment Staff" means the nurse injectors, registered nurses and physician '
                                "assistants who provide treatments for the Practice.")
    assert "clinical_control" in _categories(_document(text, [staff], PARTIES))
    assert not _categories(_document(text, [], PARTIES))  # without the definition the words mean nothing


def test_a_defined_place_is_not_a_clinical_object():
    text = "The Management Company shall manage the Locations and determine their opening hours."
    place = ("Locations", "The Practice is owned by physicians and provides treatments at two locations.")
    assert not _categories(_document(text, [place], PARTIES))


def test_a_medical_director_who_is_a_party_still_reports_to_the_mso():
    text = ("The Medical Director shall be supervised by, and shall report monthly to, Management Company's "
            "Regional Director of Operations.")
    parties = PARTIES + (Party("Jane Roe, M.D.", ("Medical Director",), "medical_director"),)
    assert "md_reports_to_mso" in _categories(_document(text, (), parties))
