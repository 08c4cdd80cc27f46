"""Page furniture in text saved from a paginated filing: footers that carry the page number beside a
running title are removed, and clause headings next to them are kept (regression: adversarial a06)."""
from msa_toolkit.ingest import read_raw


def test_running_footer_beside_the_page_number_is_removed(tmp_path, limits):
    footer = "\n\nKestrel / Summit Ridge MSA                                     Page {} of 19\n\n"
    text = (
        "3.3 NO VOLUME INCENTIVES. Nothing in this Agreement rewards referrals." + footer.format(5)
        + "ARTICLE 4\nMEDICAL RECORDS\n\n4.1 OWNERSHIP. The Practice owns the records." + footer.format(6)
        + "ARTICLE 7\nTERM AND TERMINATION\n\n7.1 TERM. The term is three years and renews" + footer.format(7)
        + "for successive terms of one year.\n"
    )
    path = tmp_path / "filing.txt"
    path.write_text(text)
    raw = read_raw(path, limits=limits)
    assert [b.text for b in raw.blocks] == [
        "3.3 NO VOLUME INCENTIVES. Nothing in this Agreement rewards referrals.",
        "ARTICLE 4 MEDICAL RECORDS",
        "4.1 OWNERSHIP. The Practice owns the records.",
        "ARTICLE 7 TERM AND TERMINATION",
        "7.1 TERM. The term is three years and renews for successive terms of one year.",
    ]
    assert [b.page for b in raw.blocks] == [1, 2, 2, 3, 3]


def test_a_sentence_mentioning_a_page_is_kept(tmp_path, limits):
    path = tmp_path / "note.txt"
    path.write_text("1.1 Fees. The fee schedule is on page 4 of 19\nof Exhibit A.\n\n1.2 Term. One year.\n")
    raw = read_raw(path, limits=limits)
    assert raw.blocks[0].text == "1.1 Fees. The fee schedule is on page 4 of 19 of Exhibit A."


def test_footer_with_separator_and_a_megabyte_of_blanks_are_handled(tmp_path, limits):
    """Page-number patterns bound their spacing: a huge run of blanks must not stall the reader."""
    path = tmp_path / "odd.txt"
    path.write_text("1.1 Term. One year.\n\nPage 2 of 9  |  Confidential\n\n1.2 Fee. Fixed.\n\nPage 1" + " " * 1_000_000 + "x\n")
    raw = read_raw(path, limits=limits)
    assert [b.text for b in raw.blocks][:2] == ["1.1 Term. One year.", "1.2 Fee. Fixed."]


def test_edgar_page_markers_centered_numbers_and_running_exhibit_line_are_removed(tmp_path, limits):
    """An EDGAR text exhibit: "-1-" page numbers, "<PAGE>" markers and "Exhibit 10.1" atop each page."""
    page_break = "\n\n{}\n\n<PAGE>\n\n" + " " * 60 + "Exhibit 10.1\n\n"
    text = (
        "EX-10.1 3 ex10-1.txt MANAGEMENT AGREEMENT\n\n" + " " * 60 + "Exhibit 10.1\n\n"
        "1. Engagement. Practice engages Manager." + page_break.format("-1-".center(70))
        + "2. Services. Manager shall provide staff." + page_break.format("-2-".center(70))
        + "3. Fee. Practice shall pay [***] each month.\n\n" + "-3-".center(70) + "\n"
    )
    path = tmp_path / "ex10-1.txt"
    path.write_text(text)
    raw = read_raw(path, limits=limits)
    assert [b.text for b in raw.blocks] == [
        "EX-10.1 3 ex10-1.txt MANAGEMENT AGREEMENT",
        "Exhibit 10.1",
        "1. Engagement. Practice engages Manager.",
        "2. Services. Manager shall provide staff.",
        "3. Fee. Practice shall pay [***] each month.",
    ]
    assert [b.page for b in raw.blocks] == [1, 1, 1, 2, 3]


def test_page_marker_without_a_page_number_still_breaks_the_page(tmp_path, limits):
    path = tmp_path / "bare.txt"
    path.write_text("1. Term. One year.\n\n<PAGE>\n\n2. Fee. Fixed.\n\n<PAGE>\n\n3. Law. Texas.\n")
    raw = read_raw(path, limits=limits)
    assert [b.text for b in raw.blocks] == ["1. Term. One year.", "2. Fee. Fixed.", "3. Law. Texas."]
    assert [b.page for b in raw.blocks] == [1, 2, 3]


def test_exhibit_title_opening_a_page_is_kept_and_its_running_repeats_removed(tmp_path, limits):
    text = (
        "9. Law. Texas law governs.\n\n- 4 -\n\nEXHIBIT A\n\nA.1 Fee. Fixed.\n\n- 5 -\n\n"
        "EXHIBIT A\n\nA.2 Term. One year.\n\n- 6 -\n\nEXHIBIT A\n\nA.3 Law. Texas.\n"
    )
    path = tmp_path / "exhibit.txt"
    path.write_text(text)
    raw = read_raw(path, limits=limits)
    assert [b.text for b in raw.blocks] == [
        "9. Law. Texas law governs.", "EXHIBIT A", "A.1 Fee. Fixed.", "A.2 Term. One year.", "A.3 Law. Texas.",
    ]
