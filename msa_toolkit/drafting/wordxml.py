"""WordprocessingML for generated paragraphs, handed to docxtpl as already-escaped markup.

Paragraphs carry the master template's styles ("MSA Article", "MSA Section", ...) and a `numPr`
pointing at the template's multi-level list, so Word computes "ARTICLE 1", "1.1" and "(a)" itself;
no number is ever typed into the text. The template builder imports the ids below, so the template
and the generator cannot drift apart.

Every piece of text is escaped here, including braces: docxtpl post-processes its output (it turns
"{_{" into "{{"), and writing "{" as a character reference keeps a value such as "{{ 7*7 }}" or
"{_{" exactly as typed.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

NUM_ID = 90  # w:num the generated paragraphs point at (above the ids python-docx's base template uses)
ABSTRACT_NUM_ID = 90
LIST_LEVELS = (  # (ilvl, style id, style name, numFmt, lvlText)
    (0, "MSAArticle", "MSA Article", "decimal", "ARTICLE %1"),
    (1, "MSASection", "MSA Section", "decimal", "%1.%2"),
    (2, "MSASubsection", "MSA Subsection", "lowerLetter", "(%3)"),
)
ARTICLE, SECTION, SUBSECTION = (level[1] for level in LIST_LEVELS)
BODY = "MSABody"
RECITAL = "MSARecital"
DEFINITION = "MSADefinition"
EXHIBIT_LABEL = "MSAExhibitLabel"
EXHIBIT_TITLE = "MSAExhibitTitle"
PLAIN_STYLES = (  # style id, style name
    (BODY, "MSA Body"), (RECITAL, "MSA Recital"), (DEFINITION, "MSA Definition"),
    (EXHIBIT_LABEL, "MSA Exhibit Label"), (EXHIBIT_TITLE, "MSA Exhibit Title"),
)
_LEVEL_OF_STYLE = {style: ilvl for ilvl, style, *_ in LIST_LEVELS}

_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "{": "&#123;", "}": "&#125;",
    "%": "&#37;", "#": "&#35;",
})


def escape_text(text: str) -> str:
    return str(text).translate(_ESCAPES)


def as_value(text) -> Markup:
    """A user value for a `{{ name }}` slot of the master template: escaped once, never evaluated."""
    return Markup(escape_text(text))


@dataclass(frozen=True)
class Segment:
    text: str
    bold: bool = False
    underline: bool = False


def _run(segment: Segment) -> str:
    props = ("<w:b/>" if segment.bold else "") + ('<w:u w:val="single"/>' if segment.underline else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape_text(segment.text)}</w:t></w:r>'


def paragraph(segments, style: str, bookmark: tuple[int, str] | None = None) -> str:
    """One `<w:p>`: style, list numbering when the style is a list level, optional hidden bookmark."""
    numbering = ""
    if style in _LEVEL_OF_STYLE:
        numbering = f'<w:numPr><w:ilvl w:val="{_LEVEL_OF_STYLE[style]}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
    marks_start = marks_end = ""
    if bookmark is not None:
        mark_id, name = bookmark
        marks_start = f'<w:bookmarkStart w:id="{mark_id}" w:name="{name}"/>'
        marks_end = f'<w:bookmarkEnd w:id="{mark_id}"/>'
    runs = "".join(_run(s) for s in segments if s.text)
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{numbering}</w:pPr>{marks_start}{runs}{marks_end}</w:p>'


def paragraphs(xml_parts) -> Markup:
    """Markup for a `{{p name }}` slot; docxtpl replaces the slot's paragraph with these."""
    return Markup("".join(xml_parts))
