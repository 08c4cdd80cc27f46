"""The careful PDF reader (pdfplumber) for pages where layout matters: columns and ruled tables.

It costs some fifty times more than pdfium per page, so it only sees the pages the fast reader
flags. Columns are read left column first, then right, between any full-width lines; ruled
tables come out one row per line, cells joined with " | ".
"""
from __future__ import annotations

from .pdf_lines import PdfLine, PdfPage

CELL_SEPARATOR = " | "
# Words whose tops differ by less than this share of their height sit on the same line.
_SAME_LINE = 0.5


def read_layout_page(plumber_page, number: int, gutter: float | None) -> PdfPage:
    """Read one pdfplumber page into lines in reading order."""
    width, height = float(plumber_page.width), float(plumber_page.height)
    tables = plumber_page.find_tables()
    table_boxes = [table.bbox for table in tables]
    words = [
        w for w in plumber_page.extract_words(use_text_flow=False, extra_attrs=["size"])
        if not any(_inside(w, box) for box in table_boxes)
    ]
    items: list[tuple[float, str, list[PdfLine]]] = []  # (top, column, lines)
    for row in _rows(words):
        for segment, column in _split_at_gutter(row, gutter):
            items.append((segment.top, column, [segment]))
    for table in tables:
        rows = [_table_row(cells, table.bbox) for cells in table.extract()]
        items.append((table.bbox[1], "full", [r for r in rows if r is not None]))
    page = PdfPage(number=number, width=width, height=height, method="layout")
    page.lines = _reading_order(items)
    page.chars = sum(len(line.text.replace(" ", "")) for line in page.lines)
    return page


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _rows(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows:
            anchor = rows[-1][0]
            if abs(word["top"] - anchor["top"]) <= _SAME_LINE * max(anchor["bottom"] - anchor["top"], 1.0):
                rows[-1].append(word)
                continue
        rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _line(words: list[dict], column: str = "full") -> PdfLine:
    return PdfLine(
        column=column,
        text=" ".join(w["text"] for w in words),
        top=min(w["top"] for w in words), bottom=max(w["bottom"] for w in words),
        x0=words[0]["x0"], x1=max(w["x1"] for w in words),
        baseline=words[0]["bottom"], size=float(words[0].get("size") or 0.0),
    )


def _split_at_gutter(row: list[dict], gutter: float | None) -> list[tuple[PdfLine, str]]:
    if gutter is None:
        return [(_line(row), "full")]
    left = [w for w in row if w["x1"] <= gutter]
    right = [w for w in row if w["x0"] >= gutter]
    if len(left) + len(right) < len(row):
        return [(_line(row), "full")]  # a word straddles the gutter: a full-width line
    return [(_line(part, column), column) for part, column in ((left, "left"), (right, "right")) if part]


def _table_row(cells: list[str | None], bbox) -> PdfLine | None:
    texts = [" ".join((cell or "").split()) for cell in cells]
    if not any(texts):
        return None
    x0, top, x1, bottom = bbox
    return PdfLine(text=CELL_SEPARATOR.join(texts), top=top, bottom=bottom, x0=x0, x1=x1, kind="table_row")


def _reading_order(items: list[tuple[float, str, list[PdfLine]]]) -> list[PdfLine]:
    """Full-width items in place; between them, the left column's lines, then the right's."""
    ordered: list[PdfLine] = []
    left: list[PdfLine] = []
    right: list[PdfLine] = []

    def flush_columns() -> None:
        ordered.extend(left)
        ordered.extend(right)
        left.clear()
        right.clear()

    for _, column, lines in sorted(items, key=lambda item: item[0]):
        if column == "left":
            left.extend(lines)
        elif column == "right":
            right.extend(lines)
        else:
            flush_columns()
            ordered.extend(lines)
    flush_columns()
    return ordered
