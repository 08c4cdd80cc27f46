"""Deal facts for the diligence summary: governing state, effective date, term, renewal, termination notice.

Each example is a sentence the way agreements write it; the fact comes back in the contract's own words.
"""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import msa_toolkit
from msa_toolkit.analysis import clause_document, document_from_text
from msa_toolkit.analysis.facts import extract_facts

CONTRACTS = Path(__file__).resolve().parents[2] / "samples" / "contracts"


def facts_of(text):
    return extract_facts(document_from_text(text))


# ---- governing state -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, code", [
    ("12.2 Governing Law. This Agreement shall be governed by the laws of the State of Texas.", "TX"),
    ("Governing Law. Texas law governs this Agreement and any dispute arising from it.", "TX"),
    ("This Agreement is construed under the internal laws of the Commonwealth of Massachusetts.", "MA"),
    ("This Agreement is governed by the laws of Florida, without regard to conflict-of-laws principles.", "FL"),
    ("THIS AGREEMENT SHALL BE GOVERNED BY AND CONSTRUED IN ACCORDANCE WITH THE LAWS OF THE STATE OF NEW YORK.", "NY"),
    ("The laws of the State of West Virginia shall govern the validity and interpretation of this Agreement.", "WV"),
    ("Each party's rights are interpreted and enforced under North Carolina law.", "NC"),
])
def test_governing_state_from_the_governing_law_sentence(sentence, code):
    assert facts_of(sentence).governing_state == code


def test_state_of_incorporation_and_address_are_not_the_governing_state():
    text = ('This Agreement is made by Keystone Care Partners, LLC, a Delaware limited liability company organized '
            'under the laws of the State of Delaware, with offices at 40 Main Street, Austin, Texas 78701, and '
            'Bright Path Medical, P.C., a Nevada professional corporation.\n\n'
            '9.1 Notices. Notices go to 12 Elm Road, Portland, Oregon 97201.')
    assert facts_of(text).governing_state is None


def test_governing_law_wins_over_an_earlier_state_of_organisation():
    text = ('Manager, a corporation organized under the laws of Delaware, and Practice, a Georgia professional '
            'corporation, agree as follows.\n\n'
            '14. Governing Law. This Agreement shall be governed by the laws of the State of Georgia.')
    assert facts_of(text).governing_state == "GA"


def test_a_law_that_is_not_a_state_gives_no_state():
    assert facts_of("This Agreement is governed by the laws of the state where the Clinic is located.").governing_state is None


# ---- effective date --------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, date", [
    ('This Agreement is entered into as of January 15, 2025 by and between the parties.', "January 15, 2025"),
    ('This Agreement is dated the 1st day of March, 2025, between Manager and Practice.', "1st day of March, 2025"),
    ('This Agreement is made on 3 September 2024 (the "Effective Date") between the parties.', "3 September 2024"),
    ('This Agreement is made October 1st, 2025 (the \u201cEffective Date\u201d).', "October 1st, 2025"),
    ('This Agreement shall be effective as of the date last signed below.', "the date last signed below"),
    ('"Effective Date" means July 1, 2026.', "July 1, 2026"),
])
def test_effective_date_as_written(sentence, date):
    assert facts_of(sentence).effective_date == date


def test_a_blank_effective_date_is_no_date():
    text = ('This Agreement is made as of the ____ day of ______, 20__ (the "Effective Date").\n\n'
            '4.1 Medical Director. Dr. Lee has served the Practice since January 1, 2020.')
    assert facts_of(text).effective_date is None


# ---- term ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, term", [
    ("10.1 Term. This Agreement has an initial term of five (5) years.", "five (5) years"),
    ("8.1 Term. This Agreement shall continue for a period of three (3) years from the Effective Date.",
     "three (3) years"),
    ("Term. This Agreement begins on the Effective Date and remains in effect for ten years.", "ten years"),
    ("Term. The term of this Agreement shall be twenty-four (24) months, beginning on the Effective Date.",
     "twenty-four (24) months"),
    ("Term. This Agreement shall continue until December 31, 2027.", "December 31, 2027"),
])
def test_term_as_written(sentence, term):
    assert facts_of(sentence).term == term


def test_section_numbers_and_survival_periods_are_not_the_term():
    text = ("9.1 Term. The Term is described in Section 9.3 of the Schedule.\n\n"
            "11.4 Confidentiality. These obligations remain in effect for three (3) years after termination.\n\n"
            "12.1 Non-Solicitation. During the Term and for a period of one (1) year after its expiration, "
            "Practice shall not solicit Manager's employees.")
    assert facts_of(text).term is None


def test_renewal_periods_are_not_the_initial_term():
    text = ("Term. This Agreement shall automatically renew for additional terms of one (1) year unless either party "
            "objects. The initial term of this Agreement is seven (7) years.")
    assert facts_of(text).term == "seven (7) years"


# ---- renewal ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, renewal", [
    ("Term. This Agreement shall automatically renew for successive one (1) year periods unless either party gives "
     "notice of non-renewal at least ninety (90) days before the end of the then-current term.",
     "automatic, successive one (1) year periods; non-renewal notice at least ninety (90) days"),
    ("Term. Upon expiration, this Agreement may be renewed by mutual written agreement of the parties.",
     "by mutual written agreement of the parties"),
    ("Term. This is an evergreen agreement that continues until terminated by either party.", "evergreen"),
    ("Term. This Agreement shall not automatically renew.", "no automatic renewal"),
    ("Term. Thereafter this Agreement renews for successive two-year terms unless a party elects not to renew by "
     "giving sixty days' written notice.", "automatic, successive two-year terms; non-renewal notice sixty days"),
])
def test_renewal_is_a_short_complete_phrase(sentence, renewal):
    assert facts_of(sentence).renewal == renewal


def test_no_renewal_words_no_renewal():
    assert facts_of("Term. This Agreement has an initial term of five (5) years.").renewal is None


# ---- termination notice ----------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, notice", [
    ("Either party may terminate this Agreement upon ninety (90) days' prior written notice to the other.",
     "ninety (90) days"),
    ("Practice may terminate this Agreement on not less than sixty days' written notice.", "not less than sixty days"),
    ("Either party may terminate without cause upon 180 days notice.", "180 days"),
    ("Manager may terminate this Agreement by written notice of at least three (3) months.", "at least three (3) months"),
])
def test_termination_notice_as_written(sentence, notice):
    assert facts_of(sentence).termination_notice == notice


def test_without_cause_notice_is_preferred_over_cure_and_breach_periods():
    text = ("9.2 Termination for Cause. Either party may terminate this Agreement upon thirty (30) days' written "
            "notice if the other party materially breaches it and fails to cure within thirty (30) days after "
            "written notice.\n\n"
            "9.3 Termination Without Cause. Either party may terminate this Agreement without cause upon one hundred "
            "twenty (120) days' prior written notice.")
    assert facts_of(text).termination_notice == "one hundred twenty (120) days"


def test_non_renewal_notice_stays_in_the_renewal():
    facts = facts_of("Term. This Agreement shall automatically renew for successive one (1) year terms unless either "
                     "party gives ninety (90) days' prior written notice of non-renewal, and it may be terminated "
                     "as provided in Section 9.3.")
    assert facts.termination_notice is None
    assert facts.renewal.endswith("non-renewal notice ninety (90) days")


def test_a_notice_period_for_something_else_is_not_a_termination_notice():
    assert facts_of("Manager may change the treatment menu upon thirty (30) days' notice.").termination_notice is None


# ---- the samples, in every format ------------------------------------------------------------------------
SAMPLES = {
    "compliant_msa": ("TX", "March 1, 2025", "five (5) years",
                      "automatic, successive one-year terms; non-renewal notice at least ninety (90) days",
                      "thirty (30) days"),
    "noncompliant_msa": ("FL", "January 15, 2025", "ten (10) years",
                         "automatic, successive five (5) year periods; non-renewal notice at least one hundred "
                         "eighty (180) days", "thirty (30) days"),
    "exhibit_fee_msa": ("IL", "June 1, 2024", "three (3) years",
                        "automatic, successive one (1) year terms; non-renewal notice at least sixty (60) days",
                        "one hundred twenty (120) days"),
}
SAMPLE_FILES = sorted((name, path) for name in SAMPLES for path in CONTRACTS.glob(f"{name}.*")
                      if path.suffix in (".docx", ".pdf", ".txt"))


@pytest.mark.parametrize("name, path", SAMPLE_FILES, ids=[p.name for _, p in SAMPLE_FILES])
def test_sample_facts_agree_across_formats(name, path):
    facts = extract_facts(msa_toolkit.read(path))
    got = (facts.governing_state, facts.effective_date, facts.term, facts.renewal, facts.termination_notice)
    assert got == SAMPLES[name]


# ---- robustness ------------------------------------------------------------------------------------------
_WORDS = st.sampled_from(["governed", "laws", "of", "the", "State", "Texas", "term", "renew", "successive",
                          "five", "(5)", "years", "days'", "notice", "terminate", "effective", "as", "January",
                          "1,", "2025", "without", "cause", "Section", "9.3", ".", ";", "(", "\u201c", "-", "\n"])


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=60).map(" ".join)))
def test_any_text_gives_facts_without_error(text):
    facts = extract_facts(clause_document(text))
    assert facts.governing_state is None or len(facts.governing_state) == 2
    for value in (facts.effective_date, facts.term, facts.renewal, facts.termination_notice):
        assert value is None or (value.strip() == value and value)
