"""Build DOCX fixtures in code: python-docx for content, direct numbering.xml edits for lists.

Word stores list labels only as definitions (abstractNum levels) and instances (num); these
helpers write exactly the XML a test needs so each numbering behaviour can be pinned down.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import parse_xml

W_DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class Lvl:
    ilvl: int
    text: str
    fmt: str = "decimal"
    start: int = 1
    is_legal: bool = False
    style: str | None = None


def abstract_num(abstract_id: int, levels: list[Lvl]) -> str:
    parts = []
    for lvl in levels:
        extra = '<w:isLgl/>' if lvl.is_legal else ''
        style = f'<w:pStyle w:val="{lvl.style}"/>' if lvl.style else ''
        parts.append(
            f'<w:lvl w:ilvl="{lvl.ilvl}"><w:start w:val="{lvl.start}"/><w:numFmt w:val="{lvl.fmt}"/>'
            f'{style}{extra}<w:lvlText w:val="{lvl.text}"/><w:lvlJc w:val="left"/></w:lvl>'
        )
    return f'<w:abstractNum {W_DECL} w:abstractNumId="{abstract_id}">{"".join(parts)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, start_overrides: dict[int, int] | None = None) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    return f'<w:num {W_DECL} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def set_numbering(document, abstracts: list[str], nums: list[str]) -> None:
    """Replace the document's list definitions (abstractNums must precede nums in the part)."""
    numbering = document.part.numbering_part.element
    for element in list(numbering):
        numbering.remove(element)
    for xml in abstracts + nums:
        numbering.append(parse_xml(xml))


def num_pr_xml(num_id: int | None, ilvl: int | None) -> str:
    inner = ""
    if ilvl is not None:
        inner += f'<w:ilvl w:val="{ilvl}"/>'
    if num_id is not None:
        inner += f'<w:numId w:val="{num_id}"/>'
    return f'<w:numPr {W_DECL}>{inner}</w:numPr>'


def numbered(document, text: str, num_id: int | None = None, ilvl: int | None = None, style: str | None = None):
    """Add a paragraph carrying its own numPr (when num_id or ilvl is given)."""
    paragraph = document.add_paragraph(text, style=style)
    if num_id is not None or ilvl is not None:
        paragraph._p.get_or_add_pPr().insert(0, parse_xml(num_pr_xml(num_id, ilvl)))
    return paragraph


def link_style_to_list(style, num_id: int, ilvl: int | None = None) -> None:
    """Give a paragraph style list numbering, as Word's "Heading 1 numbered 1." does."""
    style.element.get_or_add_pPr().insert(0, parse_xml(num_pr_xml(num_id, ilvl)))


def add_tracked_run(paragraph, text: str, *, inserted: bool) -> None:
    """Append a run inside a tracked insertion (w:ins) or deletion (w:del with w:delText)."""
    if inserted:
        xml = (f'<w:ins {W_DECL} w:id="9{len(text)}" w:author="Reviewer" w:date="2026-01-01T00:00:00Z">'
               f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>')
    else:
        xml = (f'<w:del {W_DECL} w:id="8{len(text)}" w:author="Reviewer" w:date="2026-01-01T00:00:00Z">'
               f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')
    paragraph._p.append(parse_xml(xml))


def add_page_number_field(paragraph, prefix: str = "Page ") -> None:
    """A footer paragraph reading "Page N" through a PAGE field, as Word writes it."""
    paragraph.add_run(prefix)
    for xml in (
        f'<w:r {W_DECL}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W_DECL}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {W_DECL}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {W_DECL}><w:t>1</w:t></w:r>',
        f'<w:r {W_DECL}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))
