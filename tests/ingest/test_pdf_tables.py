"""Ruled fee tables: simple grids read by pdfium alone, anything else by pdfplumber, same rows either way."""
import pytest

from msa_toolkit.ingest import pdf as pdf_reader
from msa_toolkit.ingest.pdf import read_pdf
from pdfgen import Line, Page, Text, build_pdf

INTRO = "Exhibit A. The management fee is the sum of the components below."
OUTRO = "The fee is reviewed once a year against fair market value."
XS = (72, 260, 360, 520)
YS = (690, 670, 636, 616, 596)  # the third row is taller: one cell wraps onto two lines
CELLS = [
    ("Component", "Basis", "Monthly amount"),
    ("Billing, coding and", "Fixed", "$4,300.00"),
    ("Office lease", "Fixed", "$9,000.00"),
    ("Total", "Fixed", "$13,300.00"),
]
ROWS = ["Component | Basis | Monthly amount", "Billing, coding and collections support | Fixed | $4,300.00",
        "Office lease | Fixed | $9,000.00", "Total | Fixed | $13,300.00"]


def fee_table_page(*, merged_last_row=False, straddling_note=False) -> Page:
    page = Page([Text(72, 720, INTRO)])
    for index, y in enumerate(YS):
        if merged_last_row and index == len(YS) - 2:
            page.items.append(Line(XS[0], y, XS[2], y))  # a rule that stops short: merged cells
        else:
            page.items.append(Line(XS[0], y, XS[-1], y))
    page.items += [Line(x, YS[0], x, YS[-1]) for x in XS]
    for row, cells in enumerate(CELLS):
        for x, text in zip(XS, cells):
            page.items.append(Text(x + 5, YS[row] - 14, text))
    page.items.append(Text(XS[0] + 5, YS[1] - 28, "collections support"))
    if straddling_note:
        page.items.append(Text(40, YS[-1] + 4, "Note: amounts exclude pass-through costs and taxes"))
    page.items.append(Text(72, 560, OUTRO))
    return page


def blocks(path, limits, layout="auto"):
    return [(b.kind, b.text) for b in read_pdf(path, limits=limits, layout=layout).blocks]


@pytest.fixture
def no_pdfplumber(monkeypatch):
    """Fail the test if any page is sent to the careful (pdfplumber) reader."""

    def refuse(path, password, pages, flagged, warnings):
        raise AssertionError(f"pages {sorted(flagged)} were sent to pdfplumber")

    monkeypatch.setattr(pdf_reader, "_reread_with_layout", refuse)


def test_simple_grid_is_read_by_pdfium_one_row_per_line(fixture_dir, limits, no_pdfplumber):
    path = fixture_dir / "fee_grid.pdf"
    path.write_bytes(build_pdf([fee_table_page()]))
    assert blocks(path, limits) == [("paragraph", INTRO)] + [("table_row", row) for row in ROWS] + [
        ("paragraph", OUTRO)]


def test_simple_grid_reads_as_pdfplumber_reads_it(fixture_dir, limits):
    path = fixture_dir / "fee_grid_compare.pdf"
    path.write_bytes(build_pdf([fee_table_page()]))
    assert blocks(path, limits) == blocks(path, limits, layout="careful")


@pytest.mark.parametrize("variant", ["merged_last_row", "straddling_note"])
def test_irregular_tables_fall_back_to_pdfplumber(variant, fixture_dir, limits, monkeypatch):
    path = fixture_dir / f"fee_{variant}.pdf"
    path.write_bytes(build_pdf([fee_table_page(**{variant: True})]))
    sent = []
    careful_reader = pdf_reader._reread_with_layout

    def spy(path, password, pages, flagged, warnings):
        sent.extend(flagged)
        return careful_reader(path, password, pages, flagged, warnings)

    careful = blocks(path, limits, layout="careful")
    monkeypatch.setattr(pdf_reader, "_reread_with_layout", spy)
    assert blocks(path, limits) == careful
    assert sent == [1]
