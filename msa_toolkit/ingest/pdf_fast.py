"""The fast PDF text layer (pypdfium2), and the cheap tests that tell when layout matters.

pdfium reads a page's text in about a millisecond and a half, some fifty times faster than
pdfminer. Its text comes in content order with line breaks, which is right for ordinary
single-column pages; simple ruled grids are read here too (pdf_tables); pages with side-by-side
columns or other tables go to the careful reader.
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .. import pattern_cache
from .pdf_lines import PdfLine, PdfPage
from .pdf_tables import Rules, page_rules, read_ruled_table

# A line of page text; pdfium joins a line ending in a hyphen to the next and marks the hyphen
# with U+FFFE, so a line also ends after that mark.
_LINE_OR_HYPHEN = pattern_cache.compile(r"[^\r\n\ufffe]+\ufffe?|\ufffe")
# A column gutter must lie in the middle band of the page and leave this many text runs per side.
_GUTTER_BAND = (0.3, 0.7)
_MIN_RUNS_PER_COLUMN = 3
# In a column of prose the typical line fills at least this share of the column's width.
_PROSE_FILL = 0.5
# Ruling lines (or boxes, which count twice) of each direction that make a page count as a
# ruled table; pdf_tables reads the simple ones, pdfplumber the rest.
_MIN_RULES = 2


def read_fast_page(page: pdfium.PdfPage, number: int) -> tuple[PdfPage, str | None, float | None]:
    """Read one page's lines with pdfium; also say why layout matters on it (or None), and
    where the column gutter is when there is one."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        result = PdfPage(number=number, width=width, height=height)
        text = textpage.get_text_range()
        result.chars = len("".join(text.split()))
        if result.chars:
            result.lines = _lines(textpage, text, height)
            gutter = _column_gutter([textpage.get_rect(i) for i in range(textpage.count_rects())], width)
            if gutter is not None:
                return result, "columns", gutter
            rules = page_rules(page, height)
            if not _has_ruling(rules):
                return result, None, None
            try:
                with_table = read_ruled_table(textpage, result, rules)
            except Exception:  # noqa: BLE001 - an odd page is pdfplumber's to read, not an error
                with_table = None
            return (with_table, None, None) if with_table is not None else (result, "table", None)
        return result, None, None
    finally:
        textpage.close()


def _lines(textpage: pdfium.PdfTextPage, text: str, height: float) -> list[PdfLine]:
    """Split the page text into positioned lines.

    Where pdfium closed up a hyphenated break (U+FFFE) the two visual lines are split again,
    so that line pitch stays measurable and both readers join words the same way.
    """
    identity = len(text) == textpage.count_chars()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    lines = []
    for match in _LINE_OR_HYPHEN.finditer(text):
        raw = match.group()
        if not raw.strip():
            continue
        first = match.start() + (len(raw) - len(raw.lstrip()))
        last = match.start() + len(raw.rstrip()) - 1
        if not identity:
            first = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, first)
            last = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, last)
            if first < 0 or last < 0:
                continue
        left, _, _, top = textpage.get_charbox(first, loose=True)
        _, bottom, right, _ = textpage.get_charbox(last, loose=True)
        pdfium_c.FPDFText_GetCharOrigin(textpage, first, origin_x, origin_y)
        lines.append(PdfLine(
            text=raw.strip().replace("\ufffe", "-"), top=height - top, bottom=height - bottom,
            x0=left, x1=max(right, left), baseline=height - origin_y.value,
            size=pdfium_c.FPDFText_GetFontSize(textpage, first),
        ))
    return lines


def _column_gutter(rects: list[tuple[float, float, float, float]], width: float) -> float | None:
    """The x of an empty vertical band between two columns of text runs, if the page has one.

    Only runs that share their line with another run can show a gutter (a centred title or a
    running header alone on its line says nothing), and both sides must look like prose:
    their runs fill most of the column, unlike the short cells of an unruled table.
    """
    runs = _runs_sharing_a_line([r for r in rects if r[2] - r[0] > 1])
    if len(runs) < 2 * _MIN_RUNS_PER_COLUMN:
        return None
    text_left = min(r[0] for r in runs)
    text_right = max(r[2] for r in runs)
    band_low, band_high = width * _GUTTER_BAND[0], width * _GUTTER_BAND[1]
    covered_to = None
    for left, _, right, _ in sorted(runs, key=lambda r: r[0]):
        if covered_to is not None and left > covered_to and band_low <= (left + covered_to) / 2 <= band_high:
            gutter = (left + covered_to) / 2
            if _prose_on_both_sides(runs, gutter, text_left, text_right):
                return gutter
        covered_to = right if covered_to is None else max(covered_to, right)
    return None


def _runs_sharing_a_line(runs):
    """Runs that overlap vertically with at least one other run (sorted sweep, no pair loop)."""
    shared = []
    group: list = []
    group_bottom = None
    for run in sorted(runs, key=lambda r: -r[3]):  # from the top of the page down
        _, bottom, _, top = run
        if group and top > group_bottom:
            group.append(run)
            group_bottom = min(group_bottom, bottom)
            continue
        if len(group) > 1:
            shared.extend(group)
        group, group_bottom = [run], bottom
    if len(group) > 1:
        shared.extend(group)
    return shared


def _prose_on_both_sides(runs, gutter: float, text_left: float, text_right: float) -> bool:
    left = sorted(r[2] - r[0] for r in runs if r[2] <= gutter)
    right = sorted(r[2] - r[0] for r in runs if r[0] >= gutter)
    if len(left) < _MIN_RUNS_PER_COLUMN or len(right) < _MIN_RUNS_PER_COLUMN:
        return False
    return (left[len(left) // 2] >= _PROSE_FILL * (gutter - text_left)
            and right[len(right) // 2] >= _PROSE_FILL * (text_right - gutter))


def _has_ruling(rules: Rules) -> bool:
    """True when the page draws horizontal and vertical rules (or boxes), as table borders do."""
    boxes = 2 * rules.other_paths
    return len(rules.across) + boxes >= _MIN_RULES and len(rules.down) + boxes >= _MIN_RULES
