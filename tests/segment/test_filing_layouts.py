"""Layouts of filed agreements: cover legends, numbered party lists, recitals headings, page footers
and editorial notes. Regression tests from the held-out adversarial contracts (a06, a08, a09)."""
import subprocess
import sys

from msa_toolkit.model import Block, RawDocument
from msa_toolkit.segment import segment

from segment_support import assert_spans_cover_text, by_id, clauses_of


def _paragraphs(*texts: str) -> RawDocument:
    """Blocks as the text reader gives a file with blank lines between paragraphs."""
    return RawDocument(path="filing.txt", format="text", blocks=tuple(Block(t) for t in texts))


def test_cover_legend_lines_before_the_preamble_are_title():
    text, clauses = segment(_paragraphs(
        "CONFIDENTIAL TREATMENT REQUESTED",
        "Certain portions of this exhibit, marked [***], have been omitted.",
        "MANAGEMENT SERVICES AGREEMENT",
        'THIS AGREEMENT is made and entered into by and between ACME MSO, LLC ("Manager") and GLOW, P.A. ("Provider").',
        "1. Services. Manager shall provide the services.",
    ))
    clause = by_id(clauses)
    assert "Certain portions" in clause["title"].text and "MANAGEMENT SERVICES AGREEMENT" in clause["title"].text
    assert clause["preamble"].text.startswith("THIS AGREEMENT is made")
    assert_spans_cover_text(text, clauses)


def test_numbered_list_of_parties_stays_in_the_preamble():
    text, clauses = segment(_paragraphs(
        'This Agreement (the "Agreement") is entered into as of May 1, 2025, by and among:',
        '(1) SOLIS CLINIC MANAGEMENT, LLC, a Tennessee limited liability company ("Manager");',
        '(2) FERN SKIN, PLLC, a Tennessee professional limited liability company (the "Company"); and',
        '(3) ANNA LIND, M.D., an individual physician (the "Medical Director").',
        "RECITALS",
        "WHEREAS, Manager furnishes management services.",
        "1.1 Services. Manager shall provide services.",
    ))
    assert [c.id for c in clauses] == ["preamble", "recitals", "recital-1", "sec-1.1"]
    assert "(3) ANNA LIND, M.D." in clauses[0].text
    assert_spans_cover_text(text, clauses)


def test_numbered_clause_after_a_finished_preamble_is_still_a_clause():
    clause = by_id(clauses_of('''
        This Agreement is entered into by and between Acme MSO, LLC ("Manager") and Glow, P.C. ("Practice").
        1. Engagement. Practice engages Manager, a Delaware limited liability company ("Manager").
    '''))
    assert clause["sec-1"].heading == "Engagement"


def test_background_heading_opens_unnumbered_recitals_apart_from_the_preamble():
    clause = by_id(segment(_paragraphs(
        'THIS AGREEMENT (the "Agreement") is made between ACME, LLC ("Administrator") and ROE, PLLC ("Doctor").',
        "BACKGROUND",
        'Doctor is a solo medical practice at 7 Harbor Lane (the "Office").',
        "THE PARTIES AGREE AS FOLLOWS:",
        "1.1 Support. Administrator shall provide support.",
    ))[1])
    assert clause["recitals"].kind == "paragraph" and clause["recitals"].heading == "BACKGROUND"
    assert "solo medical practice" in clause["recitals"].text
    assert "BACKGROUND" not in clause["preamble"].text and "Office" not in clause["preamble"].text


def test_signature_page_note_is_its_own_paragraph():
    clauses = clauses_of('''
        8.3 Entire Agreement. This Agreement is the entire agreement of the parties.
        [Signature page follows]
        IN WITNESS WHEREOF, the parties have signed this Agreement.
    ''')
    assert [(c.id, c.kind) for c in clauses] == [("sec-8.3", "section"), ("para-1", "paragraph"), ("sig", "signature")]
    assert clauses[0].text.endswith("of the parties.")
    assert clauses[1].text == "[Signature page follows]" and clauses[1].parent is None


def test_redaction_on_its_own_line_is_not_a_note():
    clauses = clauses_of('''
        4.1 Fee. Practice shall pay Manager a fee of
        [***]
        per month.
    ''')
    assert [c.id for c in clauses] == ["sec-4.1"]


def test_page_footers_never_start_clauses_or_give_headings():
    footer = "Kestrel / Summit Ridge MSA                    Page {} of 19"
    text, clauses = segment(_paragraphs(
        "2.3 SUPPORT PERSONNEL. The Business Manager shall furnish receptionists.",
        footer.format(4),
        "2.4 BILLING. The Business Manager shall bill and",
        "Page 5 of 19",
        "collect the charges.",
        "- 6 -",
        "2.5 MARKETING. The Business Manager shall market the practice.",
    ))
    assert [(c.id, c.heading) for c in clauses] == [
        ("sec-2.3", "SUPPORT PERSONNEL"), ("sec-2.4", "BILLING"), ("sec-2.5", "MARKETING"),
    ]
    assert "Page 4 of 19" in by_id(clauses)["sec-2.3"].text
    assert_spans_cover_text(text, clauses)


def test_recurring_footer_with_collapsed_spacing_is_not_a_heading():
    text, clauses = segment(_paragraphs(
        "ARTICLE 3 PROFESSIONAL MATTERS",
        "3.1 AUTHORITY. The Practice decides all clinical matters.",
        "Kestrel / Summit Ridge MSA Page 5 of 19",
        "ARTICLE 4 MEDICAL RECORDS",
        "4.1 OWNERSHIP. The Practice owns the records.",
        "Kestrel / Summit Ridge MSA Page 6 of 19",
    ))
    assert [c.id for c in clauses] == ["art-3", "sec-3.1", "art-4", "sec-4.1"]
    assert all("Kestrel" not in (c.heading or "") for c in clauses)
    assert_spans_cover_text(text, clauses)


def test_importing_the_marker_patterns_emits_no_warnings():
    """A malformed character class ("[[0-9]]") makes `re` warn "Possible nested set" at import."""
    result = subprocess.run(
        [sys.executable, "-W", "error::FutureWarning", "-W", "error::DeprecationWarning",
         "-c", "import msa_toolkit.segmentation.markers, msa_toolkit.segmentation.builder, msa_toolkit.parties"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
