"""Plain text and Markdown become paragraphs; encodings are detected from the bytes."""
from msa_toolkit.ingest import read_raw


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_paragraphs_split_on_blank_lines_and_wrapped_lines_join(tmp_path, limits):
    text = b"1.1 The Manager shall provide manage-\nment services\nto the Practice.\n\n1.2 Fees are fixed.\n"
    raw = read_raw(write(tmp_path, "a.txt", text), limits=limits)
    assert raw.format == "text"
    assert [b.text for b in raw.blocks] == [
        "1.1 The Manager shall provide management services to the Practice.",
        "1.2 Fees are fixed.",
    ]


def test_file_without_blank_lines_gives_one_block_per_line(tmp_path, limits):
    raw = read_raw(write(tmp_path, "a.txt", b"ARTICLE I\n1.1 Services.\n(a) Billing.\n"), limits=limits)
    assert [b.text for b in raw.blocks] == ["ARTICLE I", "1.1 Services.", "(a) Billing."]


def test_markdown_headings_and_strong_marks_are_stripped(tmp_path, limits):
    md = b"# Management Services Agreement\n\n**1.1 Services.** The [***] fee of ____ is due.\n\n## Exhibit A\n"
    raw = read_raw(write(tmp_path, "a.md", md), limits=limits)
    assert [(b.kind, b.text) for b in raw.blocks] == [
        ("heading", "Management Services Agreement"),
        ("paragraph", "1.1 Services. The [***] fee of ____ is due."),
        ("heading", "Exhibit A"),
    ]


def test_utf16_with_bom_and_cp1252_and_crlf_are_decoded(tmp_path, limits):
    utf16 = "Fee \u2014 fixed\r\n\r\nSecond".encode("utf-16")
    assert [b.text for b in read_raw(write(tmp_path, "u.txt", utf16), limits=limits).blocks] == ["Fee \u2014 fixed", "Second"]
    cp1252 = "The \u201cManager\u201d".encode("cp1252")
    assert read_raw(write(tmp_path, "c.txt", cp1252), limits=limits).blocks[0].text == "The \u201cManager\u201d"
    bom8 = b"\xef\xbb\xbfFirst\n\nSecond"
    assert read_raw(write(tmp_path, "b.txt", bom8), limits=limits).blocks[0].text == "First"


def test_form_feeds_give_pages(tmp_path, limits):
    raw = read_raw(write(tmp_path, "p.txt", b"One.\n\nTwo.\fThree.\n"), limits=limits)
    assert [(b.text, b.page) for b in raw.blocks] == [("One.", 1), ("Two. Three.", 1)]
    raw = read_raw(write(tmp_path, "q.txt", b"One.\n\fThree.\n\nFour."), limits=limits)
    assert [(b.text, b.page) for b in raw.blocks] == [("One.", 1), ("Three.", 2), ("Four.", 2)]
    assert raw.pages == 2


def test_page_footers_and_running_headers_of_filed_text_are_removed(tmp_path, limits):
    page_break = "\n\n          Page {n} of 3\n______________\n\nCONFIDENTIAL - SERVICES AGREEMENT\n\n"
    text = (
        "1.1 Services. The Manager shall provide billing and (the" + page_break.format(n=1)
        + '"Clinic") scheduling services.\n\nARTICLE II' + page_break.format(n=2)
        + "2.1 Fees. The fee is fixed.\n\nSigned: ______________\n"
    )
    raw = read_raw(write(tmp_path, "filing.txt", text.encode()), limits=limits)
    assert [(b.text, b.page) for b in raw.blocks] == [
        ('1.1 Services. The Manager shall provide billing and (the "Clinic") scheduling services.', 1),
        ("ARTICLE II", 2),
        ("2.1 Fees. The fee is fixed.", 3),
        ("Signed: ______________", 3),
    ]


def test_clauses_separated_only_by_line_breaks_become_paragraphs(tmp_path, limits):
    """A hard-wrapped filing with no blank line between clauses: a number after a finished
    sentence starts a paragraph; a reference or an amount wrapped to a line start does not."""
    text = (
        b"1. SCOPE\n"
        b"1.1 Scope. Manager shall support Practice as provided in\n"
        b"Section 4.2 hereof.\n"
        b"1.2 Fee. Practice shall pay a fee of\n"
        b"$25,000.00 each month, or more than\n"
        b"1.5 times that amount if costs rise.\n"
        b"(a) the fee is due monthly; and\n"
        b"(b) late fees accrue.\n"
    )
    raw = read_raw(write(tmp_path, "dense.txt", b"TITLE\n\n" + text), limits=limits)
    assert [b.text for b in raw.blocks] == [
        "TITLE",
        "1. SCOPE",
        "1.1 Scope. Manager shall support Practice as provided in Section 4.2 hereof.",
        "1.2 Fee. Practice shall pay a fee of $25,000.00 each month, or more than 1.5 times that amount if costs rise.",
        "(a) the fee is due monthly; and",
        "(b) late fees accrue.",
    ]


def test_lines_of_a_signature_block_stay_apart(tmp_path, limits):
    text = (
        b"9.1 Law. The laws of Texas govern this Agreement and every dispute that arises under it.\n\n"
        b"ACME MSO, LLC\nBy: ____________\nName: Ann Roe\nTitle: President\n"
    )
    raw = read_raw(write(tmp_path, "sig.txt", text), limits=limits)
    assert [b.text for b in raw.blocks][1:] == ["ACME MSO, LLC", "By: ____________", "Name: Ann Roe", "Title: President"]
