"""Signature pages with no "IN WITNESS WHEREOF", and EDGAR page furniture ("<PAGE>", "-3-",
a running "Exhibit 10.1" line) that must never start a clause."""
from msa_toolkit.model import Block, RawDocument
from msa_toolkit.segment import segment

from segment_support import assert_spans_cover_text, by_id


def _lines(*texts: str, fmt: str = "text") -> RawDocument:
    return RawDocument(path="filing.txt", format=fmt, blocks=tuple(Block(t) for t in texts))


def test_signature_block_without_in_witness_whereof_is_a_signature_clause():
    text, clauses = segment(_lines(
        "9.2 Governing Law. The laws of Texas govern this Agreement.",
        "CRESTLINE HEALTH SERVICES, INC.",
        "By: ______________________",
        "Name: Dana Whitfield",
        "Title: Chief Executive Officer",
        "EXHIBIT A",
        "FEE SCHEDULE",
        "A.1 Monthly Fee. Nine thousand dollars.",
    ))
    assert [(c.id, c.kind) for c in clauses] == [
        ("sec-9.2", "section"), ("sig", "signature"), ("exh-a", "exhibit"), ("exh-a-1", "exhibit_section"),
    ]
    assert by_id(clauses)["sig"].text.startswith("CRESTLINE HEALTH SERVICES, INC.\nBy:")
    assert_spans_cover_text(text, clauses)


def test_two_column_signature_table_rows_form_the_signature_clause():
    text, clauses = segment(RawDocument(path="a.docx", format="docx", blocks=(
        Block("4.3 Notices. Notices shall be in writing."),
        Block("ACME MSO, LLC | GLOW SKIN, P.C.", kind="table_row"),
        Block("By: ________ | By: ________", kind="table_row"),
        Block("Name: Ann Roe | Name: Bo Lee, M.D.", kind="table_row"),
    )))
    assert [c.kind for c in clauses] == ["section", "signature"]
    assert clauses[1].text.startswith("ACME MSO, LLC | GLOW SKIN, P.C.")
    assert_spans_cover_text(text, clauses)


def test_by_line_without_signer_fields_is_ordinary_text():
    """"By:" alone (a notice method, a list lead-in) is no signature: a signer's field must follow."""
    _, clauses = segment(_lines(
        "4.3 Notices. Notices shall be given as follows.",
        "By: hand delivery or overnight courier to the address above.",
        "4.4 Counterparts. This Agreement may be signed in counterparts.",
    ))
    assert [(c.id, c.kind) for c in clauses] == [("sec-4.3", "section"), ("sec-4.4", "section")]


def test_edgar_page_markers_and_running_exhibit_line_start_no_clause():
    text, clauses = segment(_lines(
        "EX-10.1 3 d81234ex10-1.txt MANAGEMENT AGREEMENT",
        "Exhibit 10.1",
        "MANAGEMENT AGREEMENT",
        'THIS AGREEMENT is made by and between Pine, Inc. ("Manager") and Bloom, P.C. ("Practice").',
        "1. Engagement. Practice engages Manager.",
        "-1-",
        "<PAGE>",
        "Exhibit 10.1",
        "2. Services. Manager shall provide office staff.",
        "-2-",
        "<PAGE>",
        "Exhibit 10.1",
        "3. Fee. Practice shall pay Manager $______ per month plus [***].",
    ))
    assert [c.id for c in clauses] == ["title", "preamble", "sec-1", "sec-2", "sec-3"]
    assert by_id(clauses)["sec-1"].text.endswith("Exhibit 10.1")  # furniture rides along, never leads
    assert_spans_cover_text(text, clauses)


def test_an_amendment_after_the_signatures_is_read_as_its_own_part():
    # the signature block ends at the amendment's title; the amendment's items and the sections it restates are
    # clauses again, under the amendment (not lines of the signature block)
    text, clauses = segment(_lines(
        "9.2 Governing Law. The laws of Texas govern this Agreement.",
        "IN WITNESS WHEREOF, the parties have executed this Agreement as of the Effective Date.",
        "CRESTLINE HEALTH SERVICES, INC.",
        "By: ______________________",
        "Name: Dana Whitfield",
        "FIRST AMENDMENT TO MANAGEMENT SERVICES AGREEMENT",
        "This First Amendment is entered into as of July 1, 2024 between the parties to the Agreement.",
        "1. Amendment of Section 4.1. Section 4.1 of the Agreement is deleted and replaced with the following:",
        "4.1 Management Fee. Practice shall pay Manager fifteen percent (15%) of Collections each month.",
        "IN WITNESS WHEREOF, the parties have executed this Amendment.",
    ))
    kinds = {c.id: c.kind for c in clauses}
    assert kinds["sig"] == "signature" and "FIRST AMENDMENT" not in by_id(clauses)["sig"].text
    assert kinds["doc-first-amendment"] == "exhibit"
    fee = next(c for c in clauses if c.number == "4.1")
    assert fee.text.startswith("4.1 Management Fee.") and fee.kind == "exhibit_section"
    assert_spans_cover_text(text, clauses)
