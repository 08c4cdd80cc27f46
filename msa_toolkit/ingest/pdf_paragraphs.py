"""From positioned PDF lines to paragraph blocks: drop running headers, footers and page numbers,
then join wrapped lines into paragraphs using vertical gaps and short last lines.
"""
from __future__ import annotations

import re
from collections import defaultdict
from statistics import median

from ..model import Block
from .joining import join_two
from .pdf_lines import PdfLine, PdfPage

# Running headers and footers live in these top and bottom shares of the page.
_MARGIN_BAND = 0.12
# A line is "running" when it repeats at about the same height on this share of the pages.
_REPEAT_SHARE = 0.4
_SAME_POSITION = 8.0  # points
_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?[-\u2013\u2014]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-\u2013\u2014]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_BROKEN_WORD = re.compile(r"[A-Za-z]-$")
# A vertical step this much larger than the page's usual line pitch separates paragraphs.
_GAP_FACTOR = 1.35
# Single-spaced lines sit about this many of their own (font box) heights apart.
_PITCH_PER_HEIGHT = 1.15
_SENTENCE_END = re.compile(r"[.:;!?]['\")\u201d]?$")


def remove_running_lines(pages: list[PdfPage]) -> None:
    """Delete page numbers and lines repeated in the margins across pages (in place)."""
    occurrences: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for page in pages:
        for line in _margin_lines(page):
            occurrences[_normalize(line.text)].append((page.number, line.top))
    needed = max(2, round(_REPEAT_SHARE * len(pages)))

    def is_running(page: PdfPage, line: PdfLine) -> bool:
        if line.kind != "paragraph":
            return False
        if _PAGE_NUMBER.match(line.text):
            return True
        seen = occurrences.get(_normalize(line.text), ())
        pages_here = {number for number, top in seen if abs(top - line.top) <= _SAME_POSITION}
        return len(pages_here) >= needed

    for page in pages:
        margin = {id(line) for line in _margin_lines(page)}
        page.lines = [line for line in page.lines if id(line) not in margin or not is_running(page, line)]


def _margin_lines(page: PdfPage) -> list[PdfLine]:
    top_band = page.height * _MARGIN_BAND
    bottom_band = page.height * (1 - _MARGIN_BAND)
    return [line for line in page.lines if line.bottom <= top_band or line.top >= bottom_band]


def _normalize(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def paragraphs(pages: list[PdfPage]) -> list[Block]:
    """Join lines into paragraph blocks; a block keeps the page it starts on."""
    blocks: list[Block] = []
    current: list[str] = []
    start_page = 0
    previous: PdfLine | None = None
    previous_right = 0.0  # right edge of the column the previous line sits in

    def flush() -> None:
        if current:
            text = ""
            for part in current:
                text = join_two(text, part)
            if text.strip():
                blocks.append(Block(text=" ".join(text.split()), page=start_page))
            current.clear()

    for page in pages:
        pitch = _usual_pitch(page.lines)
        right_edges = _right_edges(page.lines)
        for index, line in enumerate(page.lines):
            if line.kind == "table_row":
                flush()
                blocks.append(Block(text=line.text, page=page.number, kind="table_row"))
                previous = None
                continue
            if previous is None:
                starts = True
            else:
                early = _ended_early(previous, previous_right, line)
                if index == 0 or line.top < previous.top - 1:
                    starts = early or not _continues(" ".join(current))
                else:
                    starts = early or _starts_paragraph(line, previous, pitch)
            if starts:
                flush()
                start_page = page.number
            current.append(line.text)
            previous, previous_right = line, right_edges[line.column]
    flush()
    return blocks


def _right_edges(lines: list[PdfLine]) -> dict[str, float]:
    edges: dict[str, float] = {}
    for line in lines:
        if line.kind == "paragraph":
            edges[line.column] = max(edges.get(line.column, line.x1), line.x1)
    return edges


def _ended_early(previous: PdfLine, right_edge: float, line: PdfLine) -> bool:
    """True when the next line's first word would have fit on the previous line: the writer
    ended the line on purpose (paragraph end, heading, manual break), it did not wrap."""
    words = line.text.split()
    if not words or _BROKEN_WORD.search(previous.text):
        return False
    char_width = (line.x1 - line.x0) / max(len(line.text), 1)
    needed = (len(words[0]) + 1) * char_width
    return right_edge - previous.x1 > needed * 1.1 + 1.0


def _usual_pitch(lines: list[PdfLine]) -> float:
    steps = [
        b.top - a.top for a, b in zip(lines, lines[1:])
        if a.kind == b.kind == "paragraph" and 0 < b.top - a.top <= 3 * a.height
    ]
    return median(steps) if steps else 0.0


def _starts_paragraph(line: PdfLine, previous: PdfLine, pitch: float) -> bool:
    step = line.top - previous.top
    # Large type (a title) has a larger pitch than the page's body text.
    if step > max(pitch, previous.height * _PITCH_PER_HEIGHT) * _GAP_FACTOR:
        return True
    return abs(line.height - previous.height) > 0.25 * previous.height


def _continues(text_so_far: str) -> bool:
    """Across a page or column break a paragraph goes on only when its last line ran to the
    margin (checked by the caller) and did not end a sentence, or ended in a broken word."""
    text = text_so_far.rstrip()
    return bool(text) and (text.endswith("-") or not _SENTENCE_END.search(text))
