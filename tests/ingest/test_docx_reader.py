"""DOCX: Word's automatic numbering is reconstructed, body content comes in document order."""
import docx

from docxgen import (
    Lvl, abstract_num, add_page_number_field, add_tracked_run, link_style_to_list, num, numbered, set_numbering,
)
from msa_toolkit.ingest import read_raw

LEGAL = [Lvl(0, "%1."), Lvl(1, "%1.%2"), Lvl(2, "(%3)", fmt="lowerLetter"), Lvl(3, "(%4)", fmt="lowerRoman")]


def read(document, tmp_path, limits, name="doc.docx"):
    path = tmp_path / name
    document.save(path)
    return read_raw(path, limits=limits)


def labels(raw):
    return [(b.number, b.text) for b in raw.blocks]


def test_section_number_comes_from_numbering_xml_not_text(tmp_path, limits):
    document = docx.Document()
    set_numbering(document, [abstract_num(1, LEGAL)], [num(1, 1)])
    for article in ("Definitions", "Term", "Services"):
        numbered(document, article, 1, 0)
        numbered(document, f"{article} first.", 1, 1)
        numbered(document, f"{article} second.", 1, 1)
    raw = read(document, tmp_path, limits)
    assert labels(raw)[-3:] == [("3.", "Services"), ("3.1", "Services first."), ("3.2", "Services second.")]
    assert raw.blocks[-1].level == 1
    assert "3.2" not in raw.blocks[-1].text


def test_lower_levels_restart_when_a_higher_level_advances(tmp_path, limits):
    document = docx.Document()
    set_numbering(document, [abstract_num(1, LEGAL)], [num(1, 1)])
    for text, ilvl in [("A", 0), ("A1", 1), ("A1a", 2), ("A1b", 2), ("A1b-i", 3), ("A1b-ii", 3), ("A2", 1),
                       ("A2a", 2), ("B", 0), ("B1", 1)]:
        numbered(document, text, 1, ilvl)
    assert [b.number for b in read(document, tmp_path, limits).blocks] == [
        "1.", "1.1", "(a)", "(b)", "(i)", "(ii)", "1.2", "(a)", "2.", "2.1"]


def test_instances_sharing_a_list_continue_and_start_overrides_restart(tmp_path, limits):
    document = docx.Document()
    set_numbering(
        document,
        [abstract_num(1, [Lvl(0, "%1.", start=5)])],
        [num(1, 1), num(2, 1), num(3, 1, start_overrides={0: 1})],
    )
    for text, num_id in [("five", 1), ("six", 1), ("seven", 2), ("restarted", 3), ("again", 3)]:
        numbered(document, text, num_id, 0)
    assert labels(read(document, tmp_path, limits)) == [
        ("5.", "five"), ("6.", "six"), ("7.", "seven"), ("1.", "restarted"), ("2.", "again")]


def test_article_roman_letters_exhibits_and_legal_style(tmp_path, limits):
    document = docx.Document()
    set_numbering(
        document,
        [
            abstract_num(1, [Lvl(0, "ARTICLE %1", fmt="upperRoman"), Lvl(1, "%1.%2", is_legal=True)]),
            abstract_num(2, [Lvl(0, "Exhibit %1", fmt="upperLetter"), Lvl(1, "%1.%2", fmt="decimal")]),
        ],
        [num(1, 1), num(2, 2)],
    )
    for text, num_id, ilvl in [("Services", 1, 0), ("Scope.", 1, 1), ("Fees", 1, 0), ("Term", 1, 0),
                               ("Compensation", 1, 0), ("Fixed fee.", 1, 1), ("Fee Schedule", 2, 0), ("Office", 2, 0)]:
        numbered(document, text, num_id, ilvl)
    assert [b.number for b in read(document, tmp_path, limits).blocks] == [
        "ARTICLE I", "1.1", "ARTICLE II", "ARTICLE III", "ARTICLE IV", "4.1", "Exhibit A", "Exhibit B"]


def test_numbering_linked_through_a_style_and_its_based_on_chain(tmp_path, limits):
    document = docx.Document()
    set_numbering(document, [abstract_num(7, [Lvl(0, "Section %1", style="MsaSection"), Lvl(1, "(%2)", fmt="lowerLetter")])],
                  [num(4, 7)])
    section = document.styles.add_style("MsaSection", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    link_style_to_list(section, 4)
    sub = document.styles.add_style("MsaSub", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    sub.base_style = section
    numbered(document, "Services", style="MsaSection")
    numbered(document, "Billing", ilvl=1, style="MsaSection")
    numbered(document, "Fees", style="MsaSub")
    document.add_paragraph("Unnumbered text.")
    raw = read(document, tmp_path, limits)
    assert labels(raw) == [("Section 1", "Services"), ("(a)", "Billing"), ("Section 2", "Fees"), (None, "Unnumbered text.")]
    assert raw.blocks[0].style == "MsaSection"


def test_bullets_have_a_level_but_no_number(tmp_path, limits):
    document = docx.Document()
    set_numbering(document, [abstract_num(1, [Lvl(0, "\u2022", fmt="bullet")])], [num(1, 1)])
    numbered(document, "billing", 1, 0)
    block = read(document, tmp_path, limits).blocks[0]
    assert (block.number, block.level, block.text) == (None, 0, "billing")


def test_tracked_insertions_kept_and_deletions_dropped(tmp_path, limits):
    document = docx.Document()
    paragraph = document.add_paragraph("The Practice shall ")
    add_tracked_run(paragraph, "exclusively ", inserted=True)
    add_tracked_run(paragraph, "not ", inserted=False)
    paragraph.add_run("supervise clinical staff.")
    assert read(document, tmp_path, limits).blocks[0].text == "The Practice shall exclusively supervise clinical staff."


def test_headers_footers_and_comments_are_not_body_text(tmp_path, limits):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "CONFIDENTIAL DRAFT HEADER"
    add_page_number_field(document.sections[0].footer.paragraphs[0])
    paragraph = document.add_paragraph("The Manager shall provide billing services.")
    document.add_comment(paragraph.runs, text="Reviewer comment about fees", author="Counsel")
    raw = read(document, tmp_path, limits)
    assert [b.text for b in raw.blocks] == ["The Manager shall provide billing services."]


def test_tables_come_in_document_order_as_rows(tmp_path, limits):
    document = docx.Document()
    document.add_paragraph("Exhibit B fee schedule:")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Service", (0, 1): "Monthly fee", (1, 0): "Billing", (1, 1): "$4,000"}.items():
        table.cell(row, col).text = text
    document.add_paragraph("Fees are reviewed annually.")
    raw = read(document, tmp_path, limits)
    assert [(b.kind, b.text) for b in raw.blocks] == [
        ("paragraph", "Exhibit B fee schedule:"),
        ("table_row", "Service | Monthly fee"),
        ("table_row", "Billing | $4,000"),
        ("paragraph", "Fees are reviewed annually."),
    ]


def test_headings_bold_and_styles_are_reported(tmp_path, limits):
    document = docx.Document()
    document.add_heading("Management Services Agreement", 0)
    document.add_heading("Compensation", 1)
    bold = document.add_paragraph()
    bold.add_run("1.1 Fees.").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Fees.").bold = True
    mixed.add_run(" The fee is fixed.")
    blocks = read(document, tmp_path, limits).blocks
    assert [(b.kind, b.style, b.bold) for b in blocks] == [
        ("heading", "Title", False), ("heading", "Heading 1", True),  # the template's Heading 1 is bold
        ("paragraph", "Normal", True), ("paragraph", "Normal", False)]


def test_document_without_numbering_part_still_reads(tmp_path, limits):
    document = docx.Document()
    document.add_paragraph("Plain.")
    numbering_rel = [r for r in document.part.rels.values() if r.reltype.endswith("/numbering")]
    for rel in numbering_rel:
        document.part.drop_rel(rel.rId)
    assert [b.text for b in read(document, tmp_path, limits).blocks] == ["Plain."]
