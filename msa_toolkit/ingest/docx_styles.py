"""Paragraph and character styles of a DOCX: names, basedOn inheritance, numbering and bold.

Word lets a style carry list numbering ("Heading 2" numbered 3.2) and bold, inherited along
basedOn chains; the reader needs both to label paragraphs as Word displays them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .docx_xml import child, child_val, int_val, toggle, w

# Guards against basedOn cycles in hostile files.
_MAX_CHAIN = 32


@dataclass(frozen=True)
class Style:
    style_id: str
    name: str | None
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    bold: bool | None
    outline_level: int | None


class StyleSheet:
    def __init__(self, styles_element) -> None:
        self.styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        if styles_element is None:
            return
        from docx.styles import BabelFish

        for element in styles_element.iter(w("style")):
            style_id = element.get(w("styleId"))
            if not style_id:
                continue
            p_pr = child(element, "pPr")
            num_pr = child(p_pr, "numPr")
            raw_name = child_val(element, "name")
            self.styles[style_id] = Style(
                style_id=style_id,
                name=BabelFish.internal2ui(raw_name) if raw_name else None,
                based_on=child_val(element, "basedOn"),
                num_id=child_val(num_pr, "numId"),
                ilvl=int_val(num_pr, "ilvl"),
                bold=toggle(child(element, "rPr"), "b"),
                outline_level=int_val(p_pr, "outlineLvl"),
            )
            if element.get(w("type")) == "paragraph" and (element.get(w("default")) or "").lower() in ("1", "true", "on"):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its basedOn ancestors, nearest first."""
        found: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(found) < _MAX_CHAIN:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            found.append(style)
            style_id = style.based_on
        return found

    def name(self, style_id: str | None) -> str | None:
        style = self.styles.get(style_id or "")
        return style.name if style else style_id

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """numId and ilvl the style (or the nearest ancestor that says) gives a paragraph."""
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def bold(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            if style.bold is not None:
                return style.bold
        return False

    def is_heading(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            if style.outline_level is not None and style.outline_level < 9:
                return True
            name = (style.name or "").lower()
            if name in ("title", "subtitle") or (name.startswith("heading ") and name[8:].isdigit()):
                return True
        return False
