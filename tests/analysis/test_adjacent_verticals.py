"""The same two lanes outside the classic medspa: dental support organizations, telehealth weight-loss
programs, IV lounges, hormone and physical-therapy clinics. Each flagged sentence uses the vertical's own
words for clinicians, products and records; each compliant twin keeps the same words with the practice
deciding, so the broader vocabulary does not cost precision."""
import pytest

from msa_toolkit.analysis import analyze_text

FLAGGED = [
    ("clinical_control", "Manager shall have final authority over the selection of the dental laboratory that "
                         "fabricates crowns for Practice's patients."),
    ("clinical_control", "Manager shall provide billing services to Practice, and shall have final authority over the "
                         "implant systems used on its patients."),
    ("clinical_control", "Manager shall (i) send appointment reminders, (ii) answer billing questions, and (iii) "
                         "establish the refill cadence for each GLP-1 medication."),
    ("clinical_control", "Manager shall provide a Clinic Director, who shall supervise the chiropractors and physical "
                         "therapists of Practice."),
    ("clinical_control", "Plans of care shall prescribe at least ten visits, consistent with the Manager Clinical "
                         "Pathways."),
    ("clinical_control", "Manager shall pay each nurse practitioner on Practice's provider panel a supplemental payment "
                         "of $5.00 for each visit."),
    ("mso_owns_records", "Manager shall own all radiographs, CBCT images and infusion records of Practice's patients."),
    ("clinical_control", "Practice shall give Manager notice before engaging any hygienist. If Manager objects in writing "
                         "within ten days, Practice shall not proceed with the proposed engagement."),
]

COMPLIANT = [
    "Practice shall select the dental laboratory that fabricates crowns for its patients.",
    "Manager shall provide billing services to Practice, and Practice shall have final authority over the implant "
    "systems used on its patients.",
    "Practice's clinicians shall establish the refill cadence for each GLP-1 medication.",
    "Practice shall appoint a Clinic Director, who shall supervise its chiropractors and physical therapists.",
    "All radiographs, CBCT images and infusion records are the property of Practice, and Manager shall host them "
    "only as Practice directs under the Business Associate Agreement.",
    "The number of patients each hygienist sees per day shall be determined by Practice in its dentists' "
    "professional judgment.",
    "Practice shall give Manager notice before engaging any hygienist, so that Manager can arrange payroll. Practice "
    "may proceed with the proposed engagement at any time.",
]


PREAMBLE = ('This Management Services Agreement is made between Summit Support LLC ("Manager") and Summit '
            'Professional Corporation ("Practice").\n\n1. ')


def _categories(text):
    return {f.category for f in analyze_text(PREAMBLE + text).findings if f.clause_id is not None}


@pytest.mark.parametrize("category,text", FLAGGED)
def test_vertical_wording_is_flagged(category, text):
    assert category in _categories(text)


@pytest.mark.parametrize("text", COMPLIANT)
def test_twin_where_the_practice_decides_is_clean(text):
    assert _categories(text) == set()
