"""Segmenting agreements into a clause tree: what each clause's id, number, heading and parent are."""
from msa_toolkit.model import Block
from msa_toolkit.segment import segment

from segment_support import assert_spans_cover_text, by_id, clauses_of, raw_from_blocks, raw_from_text

AGREEMENT = """
MANAGEMENT SERVICES AGREEMENT
This Management Services Agreement (this "Agreement") is entered into as of May 1, 2025, by and
between Acme Aesthetics MSO, LLC, a Delaware limited liability company ("Manager"), and Glow
Medical, P.C., a Texas professional corporation (the "Practice").
RECITALS
WHEREAS, Manager is in the business of providing management services; and
WHEREAS, Practice is a professional corporation whose physicians practice medicine.
NOW, THEREFORE, the parties agree as follows:
ARTICLE I
DEFINITIONS
"Net Collections" means all amounts actually collected by Practice.
"Services" shall have the meaning set forth in Section 2.1.
ARTICLE II - SERVICES
2.1 Management Services. Manager shall provide the following services:
(a) billing and collection, as provided in
Section 4.2 hereof;
(b) scheduling, including:
(i) the online booking system; and
(ii) reminders; and
(c) marketing.
2.2 Standard. Manager shall perform the Services subject to Section 3.3 and
1.5 times the hours set out in Exhibit A.
ARTICLE III FEES
3.1 Fee. Practice shall pay Manager a fixed fee of
$10,000.00 per month.
IN WITNESS WHEREOF, the parties have signed this Agreement.
MANAGER: ACME AESTHETICS MSO, LLC
By: ____________________
EXHIBIT A - Fee Schedule
A.1 Monthly Fee. The fee is $10,000.00 per month.
A.2 Review. The parties review the fee each year.
"""


def test_an_agreement_reads_into_title_preamble_recitals_articles_sections_and_exhibits():
    clauses = clauses_of(AGREEMENT)
    assert [c.id for c in clauses] == [
        "title", "preamble", "recitals", "recital-1", "recital-2", "para-1",
        "art-1", "def-net-collections", "def-services",
        "art-2", "sec-2.1", "sec-2.1-a", "sec-2.1-b", "sec-2.1-b-i", "sec-2.1-b-ii", "sec-2.1-c", "sec-2.2",
        "art-3", "sec-3.1", "sig", "exh-a", "exh-a-1", "exh-a-2",
    ]
    clause = by_id(clauses)
    assert clause["art-1"].heading == "DEFINITIONS" and clause["art-1"].number == "I"
    assert clause["art-2"].heading == "SERVICES"
    assert clause["art-3"].heading == "FEES"
    assert (clause["sec-2.1"].number, clause["sec-2.1"].heading) == ("2.1", "Management Services")
    assert clause["sec-2.1-b-i"].number == "(i)" and clause["sec-2.1-b-i"].parent == "sec-2.1-b"
    assert clause["def-services"].kind == "definition" and clause["def-services"].parent == "art-1"
    assert clause["exh-a"].heading == "Fee Schedule" and clause["exh-a-2"].kind == "exhibit_section"


def test_levels_and_parents_follow_the_numbering():
    clause = by_id(clauses_of(AGREEMENT))
    assert [clause[i].level for i in ("art-2", "sec-2.1", "sec-2.1-b", "sec-2.1-b-i")] == [1, 2, 3, 4]
    assert clause["sec-2.1"].parent == "art-2"
    assert clause["preamble"].parent is None and clause["exh-a"].parent is None
    assert clause["exh-a-1"].parent == "exh-a"


def test_cross_references_money_and_multipliers_do_not_start_clauses():
    clause = by_id(clauses_of(AGREEMENT))
    assert "Section 4.2 hereof;" in clause["sec-2.1-a"].text
    assert "1.5 times the hours" in clause["sec-2.2"].text
    assert "$10,000.00 per month." in clause["sec-3.1"].text
    assert "sec-4.2" not in clause and "sec-3.3" not in clause


def test_every_character_lands_in_exactly_one_clause():
    raw = raw_from_text(AGREEMENT)
    text, clauses = segment(raw)
    assert text == "\n".join(b.text for b in raw.blocks)
    assert_spans_cover_text(text, clauses)


def test_clause_text_holds_its_own_lines_but_not_its_children():
    clause = by_id(clauses_of(AGREEMENT))
    assert clause["sec-2.1"].text == "2.1 Management Services. Manager shall provide the following services:"
    assert clause["art-1"].text == "ARTICLE I\nDEFINITIONS"


def test_number_with_no_space_before_the_heading():
    clause = by_id(clauses_of("""
        ARTICLE 1
        APPOINTMENT
        1.1Appointment. Group appoints Administrator.
        1.2Term. The term is five years.
    """))
    assert (clause["sec-1.1"].number, clause["sec-1.1"].heading) == ("1.1", "Appointment")
    assert clause["sec-1.2"].heading == "Term"


def test_bold_number_and_heading_on_their_own_lines_head_the_body_paragraph():
    raw = raw_from_blocks(
        Block("4.2", bold=True), Block("Billing and Collections", bold=True),
        Block("The Manager shall bill patients in the name of the Practice."),
        Block("4.3 Reports. Manager shall deliver monthly reports."),
    )
    clause = by_id(segment(raw)[1])
    assert clause["sec-4.2"].heading == "Billing and Collections"
    assert clause["sec-4.2"].text.endswith("name of the Practice.")
    assert clause["sec-4.3"].heading == "Reports"


def test_word_numbering_label_is_put_in_front_of_the_paragraph_text():
    raw = raw_from_blocks(
        Block("BILLING", number="ARTICLE 3"),
        Block("Billing. Manager shall bill patients.", number="3.2", level=1),
        Block("submit claims;", number="(a)", level=2),
    )
    text, clauses = segment(raw)
    assert text.split("\n") == ["ARTICLE 3 BILLING", "3.2 Billing. Manager shall bill patients.", "(a) submit claims;"]
    clause = by_id(clauses)
    assert clause["sec-3.2"].number == "3.2" and clause["sec-3.2"].heading == "Billing"
    assert text[clause["sec-3.2"].start:clause["sec-3.2"].end].startswith("3.2 Billing.")
    assert clause["sec-3.2-a"].parent == "sec-3.2"


def test_word_label_without_a_period_still_numbers_the_clause():
    raw = raw_from_blocks(Block("Services. Manager shall provide services.", number="1"),
                          Block("Fees. Practice shall pay the fee.", number="2"))
    assert [c.id for c in segment(raw)[1]] == ["sec-1", "sec-2"]


def test_all_caps_headings_on_their_own_line_become_paragraph_clauses_in_unnumbered_agreements():
    clauses = clauses_of("""
        This Agreement is made by and between Acme MSO, LLC and Glow Medical, PLLC.
        SERVICES
        Manager shall provide billing services.
        FEES
        Practice shall pay a fixed monthly fee.
    """)
    assert [(c.id, c.heading) for c in clauses] == [
        ("preamble", None), ("para-services", "SERVICES"), ("para-fees", "FEES"),
    ]


def test_redactions_and_blanks_do_not_start_clauses():
    clause = by_id(clauses_of("""
        4.1 Fee. Practice shall pay Manager
        [***]
        Xxxxx
        per month, payable to the account at
        ______________________.
        4.2 Late Payment. Interest accrues on late amounts.
    """))
    assert "[***]\nXxxxx" in clause["sec-4.1"].text and clause["sec-4.1"].text.endswith("_.")
    assert list(clause) == ["sec-4.1", "sec-4.2"]


def test_roman_i_after_h_is_a_letter_but_under_a_letter_is_a_roman_numeral():
    clause = by_id(clauses_of("""
        5.1 Duties. Manager shall:
        (g) keep books;
        (h) pay vendors;
        (i) file reports; and
        (j) keep insurance, including:
        (i) liability coverage; and
        (ii) property coverage.
    """))
    assert clause["sec-5.1-i"].parent == "sec-5.1"
    assert clause["sec-5.1-j-i"].parent == "sec-5.1-j"
    assert clause["sec-5.1-j-ii"].parent == "sec-5.1-j"


def test_articles_that_restart_section_numbers_get_ids_prefixed_by_the_article():
    clauses = clauses_of("""
        ARTICLE IV
        FEES
        1. Fee. Practice pays a monthly fee.
        2. Expenses. Practice reimburses expenses.
        ARTICLE V
        TERM
        1. Term. The term is five years.
    """)
    assert [c.id for c in clauses] == ["art-4", "art-4-sec-1", "art-4-sec-2", "art-5", "art-5-sec-1"]
    assert by_id(clauses)["art-5-sec-1"].number == "1"


def test_repeated_ids_get_a_suffix():
    ids = [c.id for c in clauses_of("""
        1. Services. Manager provides services.
        2. Fees. Practice pays fees.
        2. Term. The term is one year.
    """)]
    assert ids == ["sec-1", "sec-2", "sec-2-2"]


def test_exhibits_after_the_signature_start_their_own_subtrees():
    clauses = clauses_of("""
        1. Fees. The fee is set forth in
        Exhibit D attached hereto.
        IN WITNESS WHEREOF, the parties sign below.
        PRACTICE:
        By: __________
        EXHIBIT D
        FEE SCHEDULE
        1. Monthly Fee. Twelve thousand dollars.
        2. Adjustment. The fee adjusts yearly.
        SCHEDULE 1
        Locations
        (a) 100 Main Street.
    """)
    clause = by_id(clauses)
    assert [c.id for c in clauses] == ["sec-1", "sig", "exh-d", "exh-d-1", "exh-d-2", "sch-1", "sch-1-a"]
    assert clause["exh-d"].heading == "FEE SCHEDULE" and clause["exh-d"].kind == "exhibit"
    assert clause["exh-d-2"].kind == "exhibit_section" and clause["exh-d-2"].parent == "exh-d"
    assert clause["sch-1"].heading == "Locations"
    assert "PRACTICE:\nBy: __________" in clause["sig"].text


def test_lettered_recitals_and_the_operative_paragraph():
    clauses = clauses_of("""
        This Agreement is entered into by and between Acme MSO, LLC ("Manager") and Glow Medical, P.A. ("Practice").
        RECITALS
        A. Manager provides management services.
        B. Practice provides medical services.
        NOW, THEREFORE, the parties agree:
        1. Engagement. Practice engages Manager.
    """)
    assert [(c.id, c.kind, c.number) for c in clauses] == [
        ("preamble", "preamble", None), ("recitals", "paragraph", None), ("recital-1", "recital", "A"),
        ("recital-2", "recital", "B"), ("para-1", "paragraph", None), ("sec-1", "section", "1"),
    ]
    assert clauses[1].heading == "RECITALS" and "RECITALS" not in clauses[0].text


def test_numbered_definitions_use_the_defined_term_as_id():
    clause = by_id(clauses_of("""
        1. DEFINITIONS
        1.1 "Affiliate" means a person controlling a party.
        1.2 "Net Collections" means cash actually received.
        2. SERVICES
        2.1 Scope. Manager provides services.
    """))
    assert clause["def-affiliate"].number == "1.1" and clause["def-affiliate"].parent == "sec-1"
    assert clause["def-net-collections"].kind == "definition"
    assert clause["sec-2.1"].kind == "section"


def test_lines_a_reader_ran_together_are_split_at_strong_clause_starts():
    raw = raw_from_blocks(
        Block("ARTICLE 3 AUTHORITY 3.1 Clinical Matters. Practice decides all clinical matters, and Practice alone shall:"),
        Block("(e) set staffing levels under Section 4.1(c); and (f) direct patient communications."),
        Block("Address: 100 Main Street, Austin, Texas EXHIBIT A"),
        fmt="pdf",
    )
    clauses = segment(raw)[1]
    assert [(c.id, c.heading) for c in clauses] == [
        ("art-3", "AUTHORITY"), ("sec-3.1", "Clinical Matters"), ("sec-3.1-e", None), ("sec-3.1-f", None),
    ] + [(c.id, c.heading) for c in clauses[4:]]
    assert clauses[-1].id == "exh-a"


def test_running_headers_and_page_numbers_left_in_text_do_not_become_headings():
    clauses = clauses_of("""
        ARTICLE I
        SERVICES
        1.1 Scope. Manager shall provide services.
        CONFIDENTIAL - MANAGEMENT SERVICES AGREEMENT
        Page 2 of 9
        1.2 Standard. Manager shall act diligently.
        CONFIDENTIAL - MANAGEMENT SERVICES AGREEMENT
        1.3 Records. Manager keeps records.
        CONFIDENTIAL - MANAGEMENT SERVICES AGREEMENT
    """)
    assert [c.id for c in clauses] == ["art-1", "sec-1.1", "sec-1.2", "sec-1.3"]


def test_pages_come_from_the_block_a_clause_starts_in():
    raw = raw_from_blocks(Block("1. Services. Manager provides services", page=1),
                          Block("that continue here.", page=2), Block("2. Fees. Practice pays.", page=2), fmt="pdf")
    assert [(c.id, c.page) for c in segment(raw)[1]] == [("sec-1", 1), ("sec-2", 2)]


def test_empty_document_has_no_clauses():
    raw = raw_from_blocks(Block(""), Block("   "))
    assert segment(raw) == ("\n   ", ())


def test_section_keywords_deep_decimals_and_capital_sublists():
    clause = by_id(clauses_of("""
        Article 4 - FEES
        Sec. 4.1 Management Fee. Practice pays a fee.
        4.1.1 Timing. Monthly in arrears.
        (A) by wire; and
        (B) by check.
        Section 4.2 Expenses. Practice reimburses:
        a. travel;
        b. supplies.
    """))
    assert clause["sec-4.1"].parent == "art-4" and clause["sec-4.1"].heading == "Management Fee"
    assert clause["sec-4.1.1"].parent == "sec-4.1" and clause["sec-4.1.1"].kind == "section"
    assert clause["sec-4.1.1-b"].number == "(B)" and clause["sec-4.1.1-b"].level == 4
    assert clause["sec-4.2-b"].parent == "sec-4.2"


def test_roman_numeral_parts_with_capital_headings_act_as_articles():
    clauses = clauses_of("""
        I. MISCELLANEOUS
        A. Notices. Notices are in writing.
        B. Waiver. No waiver is implied.
        II. SIGNATURES
        A. Counterparts. Counterparts are allowed.
    """)
    assert [(c.id, c.kind, c.parent) for c in clauses] == [
        ("art-1", "article", None), ("art-1-a", "subsection", "art-1"), ("art-1-b", "subsection", "art-1"),
        ("art-2", "article", None), ("art-2-a", "subsection", "art-2"),
    ]


def test_a_table_under_a_heading_only_clause_is_that_clauses_body():
    """'B.5 Summary Table.' and then rows that each look like a heading (one of them repeats the heading of
    B.3): the rows are B.5's text, so a finding in them is reported at B.5, not at the exhibit."""
    from pathlib import Path

    from msa_toolkit.reading import read

    path = Path(__file__).resolve().parents[1] / "adversarial_blind_a" / "contracts" / "ra01_dental_dso_keystone.txt"
    clauses = read(path).clauses
    table = [c for c in clauses if c.number == "B.5"]
    assert len(table) == 1 and "35% of Office Margin" in table[0].text
    assert not [c for c in clauses if c.kind == "paragraph" and "Office Margin (Section B.4)" in c.text]


def test_an_amendments_items_say_which_section_they_replace_or_add():
    clauses = clauses_of("""
MANAGEMENT SERVICES AGREEMENT
1.1 Fee. Practice shall pay Manager $10,000 per month.
FIRST AMENDMENT TO MANAGEMENT SERVICES AGREEMENT
The parties agree as follows:
1. Compensation. Section 1.1 of the Agreement is deleted in its entirety and replaced with the following: "1.1 Fee. Practice shall pay Manager $12,000 per month."
2. Staffing. Article 5 of the Agreement is amended by adding the following new Section 5.6: "5.6 Staffing. Practice shall staff the clinic."
3. Notices. The notice address of Manager is changed.
""")
    amended = {c.number: c.amends for c in clauses if c.text.startswith(("1. ", "2. ", "3. "))}
    assert amended == {"1": "1.1", "2": "5.6", "3": None}
    assert all(c.amends is None for c in clauses if c.text.startswith("1.1 Fee"))


def test_a_schedule_lettered_under_its_number_keeps_the_letter():
    # "2.B Amount." is paragraph B of Schedule 2: a finding there is cited as 2.B, not as 2
    clauses = clauses_of("""
        1. Fees. The fee is set forth in Schedule 2.
        SCHEDULE 2
        MANAGEMENT FEE
        2.A Purpose. This Schedule sets out the fee.
        2.B Amount. The fee is twelve thousand dollars per month.
    """)
    assert [(c.number, c.kind, c.parent) for c in clauses if c.kind == "exhibit_section"] == [
        ("2.A", "exhibit_section", "sch-2"), ("2.B", "exhibit_section", "sch-2")]
