"""From positioned PDF lines to paragraph blocks: drop running headers, footers and page numbers,
then join wrapped lines into paragraphs using vertical gaps and short last lines.
"""
from __future__ import annotations

from collections import defaultdict

from .. import pattern_cache
from ..model import Block
from .joining import join_two
from .page_furniture import PAGE_NUMBER, SENTENCE_END, normalize
from .pdf_lines import PdfLine, PdfPage

# Running headers and footers live in these top and bottom shares of the page.
_MARGIN_BAND = 0.12
# A line is "running" when it repeats at about the same height on this share of the pages.
_REPEAT_SHARE = 0.4
_SAME_POSITION = 8.0  # points
_BROKEN_WORD = pattern_cache.compile(r"[A-Za-z]-$")
# A vertical step this much larger than the page's usual line pitch separates paragraphs.
_GAP_FACTOR = 1.35
# Single-spaced lines sit about this many of their font sizes apart.
_PITCH_PER_EM = 1.15
# A change of font size by more than this share starts a new paragraph (a heading).
_SIZE_CHANGE = 0.15


def remove_running_lines(pages: list[PdfPage]) -> None:
    """Delete page numbers and lines repeated in the margins across pages (in place)."""
    occurrences: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for page in pages:
        for line in _margin_lines(page):
            occurrences[normalize(line.text)].append((page.number, line.top))
    needed = max(2, round(_REPEAT_SHARE * len(pages)))

    def is_running(line: PdfLine) -> bool:
        if line.kind != "paragraph":
            return False
        if PAGE_NUMBER.match(line.text):
            return True
        seen = occurrences.get(normalize(line.text), ())
        pages_here = {number for number, top in seen if abs(top - line.top) <= _SAME_POSITION}
        return len(pages_here) >= needed

    for page in pages:
        margin = {id(line) for line in _margin_lines(page)}
        page.lines = [line for line in page.lines if id(line) not in margin or not is_running(line)]


def _margin_lines(page: PdfPage) -> list[PdfLine]:
    top_band = page.height * _MARGIN_BAND
    bottom_band = page.height * (1 - _MARGIN_BAND)
    return [line for line in page.lines if line.bottom <= top_band or line.top >= bottom_band]


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

    # Measured over the whole document: a sparse last page says little about the layout.
    all_lines = [line for page in pages for line in page.lines]
    pitch = _usual_pitch(all_lines)
    right_edges = _right_edges(all_lines)
    for page in pages:
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
                if index == 0 or line.baseline < previous.baseline - 1:
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
    """The body's line pitch: the lower quartile of baseline steps, so that paragraph gaps
    (often as frequent as wrapped lines in contracts of short clauses) do not inflate it."""
    steps = sorted(
        b.baseline - a.baseline for a, b in zip(lines, lines[1:])
        if a.kind == b.kind == "paragraph" and 0 < b.baseline - a.baseline <= 3 * a.em
    )
    return steps[len(steps) // 4] if steps else 0.0


def _starts_paragraph(line: PdfLine, previous: PdfLine, pitch: float) -> bool:
    step = line.baseline - previous.baseline
    # Large type (a title) has a larger pitch than the body text.
    if step > max(pitch, previous.em * _PITCH_PER_EM) * _GAP_FACTOR:
        return True
    return abs(line.em - previous.em) > _SIZE_CHANGE * previous.em


def _continues(text_so_far: str) -> bool:
    """Across a page or column break a paragraph goes on only when its last line ran to the
    margin (checked by the caller) and did not end a sentence, or ended in a broken word."""
    text = text_so_far.rstrip()
    return bool(text) and (text.endswith("-") or not SENTENCE_END.search(text))
