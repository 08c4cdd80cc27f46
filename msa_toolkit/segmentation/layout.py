"""The document text and its lines: what clause offsets point into.

The text is the blocks joined with "\\n"; a block Word numbers automatically gets its label in
front ("3.2 Billing. ..."), so the number is part of the text a reader sees and offsets cover it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import RawDocument


@dataclass(frozen=True)
class Line:
    """One non-blank line of the document text; `start`/`end` exclude surrounding whitespace."""

    text: str
    start: int
    end: int
    page: int | None
    bold: bool
    first_in_block: bool
    word_label: str | None  # Word's automatic number, when this line begins a numbered block
    table_row: bool = False


def block_line_text(text: str, number: str | None) -> str:
    return f"{number} {text}" if number else text


def layout(raw: RawDocument) -> tuple[str, list[Line]]:
    pieces: list[str] = []
    lines: list[Line] = []
    offset = 0
    for index, block in enumerate(raw.blocks):
        if index:
            pieces.append("\n")
            offset += 1
        label = (block.number or "").strip() or None
        block_text = block_line_text(block.text or "", label)
        pieces.append(block_text)
        first = True
        for segment in block_text.split("\n"):
            stripped = segment.strip()
            if stripped:
                lead = len(segment) - len(segment.lstrip())
                lines.append(Line(
                    text=stripped, start=offset + lead, end=offset + lead + len(stripped),
                    page=block.page, bold=bool(block.bold), first_in_block=first,
                    word_label=label if first else None, table_row=block.kind == "table_row",
                ))
                first = False
            offset += len(segment) + 1
        offset -= 1
    return "".join(pieces), lines
