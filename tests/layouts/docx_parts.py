"""Small python-docx helpers for the layout fixtures: alignment, fields, tables, raw XML.

Each helper writes what a real word processor would write for one layout habit (a centred
ARTICLE line, a PAGE field in a footer, a two-column signature table, a tracked insertion),
so the fixtures read like the filings they imitate.
"""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml

W_DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def para(document, text: str = "", *, align=None, bold: bool = False, small_caps: bool = False,
         breaks_before: tuple[str, ...] = ()):
    """A paragraph; `text` may hold "\\n" for soft line breaks (Shift+Enter), as filings use them."""
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    for index, piece in enumerate(text.split("\n")):
        run = paragraph.add_run(piece)
        run.bold = bold or None
        if small_caps:
            run.font.small_caps = True
        if index < text.count("\n"):
            run.add_break()
    return paragraph


def add_field(paragraph, instruction: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES) the renderer fills in per page."""
    for xml in (
        f'<w:r {W_DECL}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W_DECL}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        f'<w:r {W_DECL}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {W_DECL}><w:t>{shown}</w:t></w:r>',
        f'<w:r {W_DECL}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def header_and_footer(document, header: str | None, footer_prefix: str | None, *, center: bool = True) -> None:
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
        section.header.paragraphs[0].alignment = CENTER
    if footer_prefix is not None:
        paragraph = section.footer.paragraphs[0]
        paragraph.add_run(footer_prefix)
        add_field(paragraph, "PAGE")
        if center:
            paragraph.alignment = CENTER


def table(document, rows: list[list[str]], *, borders: bool = True):
    """A table; a cell's "\\n" separates paragraphs inside the cell."""
    result = document.add_table(rows=len(rows), cols=len(rows[0]))
    if borders:
        result.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = result.cell(r, c)
            lines = value.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    return result


def tracked_insertion(paragraph, text: str, ident: int) -> None:
    paragraph._p.append(parse_xml(
        f'<w:ins {W_DECL} w:id="{ident}" w:author="Counsel" w:date="2026-02-01T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'
    ))


def list_definitions(document, abstracts: list[str], nums: list[str]) -> None:
    """Replace numbering.xml's lists (abstractNums must precede nums)."""
    numbering = document.part.numbering_part.element
    for element in list(numbering):
        numbering.remove(element)
    for xml in abstracts + nums:
        numbering.append(parse_xml(xml))


def abstract_num(abstract_id: int, levels: list[tuple[str, str]]) -> str:
    """levels: (numFmt, lvlText) per level, "%1.%2" style."""
    parts = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum {W_DECL} w:abstractNumId="{abstract_id}">{parts}</w:abstractNum>'


def num(num_id: int, abstract_id: int) -> str:
    return f'<w:num {W_DECL} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'


def numbered(document, text: str, num_id: int, ilvl: int, *, align=None):
    paragraph = para(document, text, align=align)
    paragraph._p.get_or_add_pPr().insert(
        0, parse_xml(f'<w:numPr {W_DECL}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph
