"""Simple ruled tables read straight from pdfium: the ruling lines give the grid, the text page
gives each cell's text.

A fee exhibit's table is usually a plain grid: every row rule runs the table's full width and
every column rule its full height. Such a page costs a few milliseconds here instead of some
hundreds in pdfplumber. Anything less regular (merged cells, boxes, two tables, text that
straddles a rule) is left to pdfplumber: `read_ruled_table` answers None.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdf_layout import CELL_SEPARATOR
from .pdf_lines import PdfLine, PdfPage

# Path objects at most this thick are rules; positions closer than SNAP are the same rule.
RULE_THICKNESS = 2.5
SNAP = 1.5
# A rule must reach the grid's outer edges within this much to count as running the full width.
REACH = 2.0
MIN_RULE_LENGTH = (10.0, 5.0)  # horizontal, vertical


@dataclass(frozen=True)
class Rules:
    """Ruling lines in top-down page coordinates: (y, x0, x1) across and (x, top, bottom) down."""

    across: tuple[tuple[float, float, float], ...]
    down: tuple[tuple[float, float, float], ...]
    other_paths: int = 0  # path objects that are neither (boxes, shading, drawings)

    def enough(self, minimum: int) -> bool:
        return len(self.across) >= minimum and len(self.down) >= minimum


def page_rules(page: pdfium.PdfPage, height: float) -> Rules:
    """The page's thin horizontal and vertical path objects."""
    across, down, other = [], [], 0
    left, bottom, right, top = (pdfium_c.FS_FLOAT(), pdfium_c.FS_FLOAT(), pdfium_c.FS_FLOAT(), pdfium_c.FS_FLOAT())
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        w, h = right.value - left.value, top.value - bottom.value
        if h <= RULE_THICKNESS and w > MIN_RULE_LENGTH[0]:
            y = height - (top.value + bottom.value) / 2
            across.append((y, left.value, right.value))
        elif w <= RULE_THICKNESS and h > MIN_RULE_LENGTH[1]:
            x = (left.value + right.value) / 2
            down.append((x, height - top.value, height - bottom.value))
        elif w > MIN_RULE_LENGTH[0] and h > MIN_RULE_LENGTH[1]:
            other += 1
    return Rules(tuple(across), tuple(down), other)


def read_ruled_table(textpage: pdfium.PdfTextPage, page: PdfPage, rules: Rules) -> PdfPage | None:
    """`page` with the lines inside its one simple grid replaced by one table row per grid row,
    cells joined as pdfplumber's reading joins them; None when the page is not that simple."""
    grid = _grid(rules)
    if grid is None:
        return None
    rows, columns = grid
    x0, x1, top, bottom = columns[0], columns[-1], rows[0], rows[-1]
    inside = [line for line in page.lines if _centre_inside(line, x0, top, x1, bottom)]
    if any(line.x0 < x0 - REACH or line.x1 > x1 + REACH for line in inside):
        return None  # text runs across the table's border: not a table we understand
    height = page.height
    table_rows, cell_texts = [], []
    for upper, lower in zip(rows, rows[1:]):
        cells = []
        for left, right in zip(columns, columns[1:]):
            text = textpage.get_text_bounded(left=left, bottom=height - lower, right=right, top=height - upper)
            cells.append(" ".join(text.replace("\ufffe", "-").split()))
        cell_texts += cells
        if any(cells):
            table_rows.append(PdfLine(text=CELL_SEPARATOR.join(cells), top=top, bottom=bottom, x0=x0, x1=x1,
                                      kind="table_row"))
    if not _same_characters([line.text for line in inside], cell_texts):
        return None  # some text sits on a rule or outside every cell
    outside = [line for line in page.lines if not _centre_inside(line, x0, top, x1, bottom)]
    at = next((i for i, line in enumerate(outside) if line.top > top), len(outside))
    return replace(page, lines=outside[:at] + table_rows + outside[at:], method="fast+table")


def _grid(rules: Rules) -> tuple[list[float], list[float]] | None:
    """Row and column edges of a full grid, or None."""
    if rules.other_paths or not rules.enough(2):
        return None
    rows = _snap(y for y, _, _ in rules.across)
    columns = _snap(x for x, _, _ in rules.down)
    if len(rows) < 2 or len(columns) < 2:
        return None
    left, right, top, bottom = columns[0], columns[-1], rows[0], rows[-1]
    for _, start, end in rules.across:
        if start > left + REACH or end < right - REACH:
            return None
    for _, start, end in rules.down:
        if start > top + REACH or end < bottom - REACH:
            return None
    return rows, columns


def _snap(values) -> list[float]:
    """Sorted distinct positions, values within SNAP of each other counted once."""
    snapped: list[float] = []
    for value in sorted(values):
        if not snapped or value - snapped[-1] > SNAP:
            snapped.append(value)
    return snapped


def _centre_inside(line: PdfLine, x0: float, top: float, x1: float, bottom: float) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _same_characters(line_texts: list[str], cell_texts: list[str]) -> bool:
    """Every character the fast reading saw in the table's box landed in exactly one cell."""

    def letters(texts) -> list[str]:
        return sorted("".join("".join(texts).split()))

    return letters(line_texts) == letters(cell_texts)
