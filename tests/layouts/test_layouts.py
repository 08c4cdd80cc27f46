"""The reader and segmenter on five agreements laid out like real filings, in every format.

Each layout (see `layouts.py`) must give the same outline of numbered clauses from its DOCX, the
PDF LibreOffice renders from it, and its text file; the same parties in the same roles; and lose
no character of the body text.
"""
from __future__ import annotations

import re

import pytest

from layouts import LAYOUTS

CASES = [pytest.param(layout, fmt, id=f"{layout.name}-{fmt}") for layout in LAYOUTS for fmt in layout.formats]
UNNUMBERED = {"title", "preamble", "recital", "signature"}
_PREFIX = re.compile(r"^(?:article|section)\s+", re.I)


def outline(document) -> list[list[str | None]]:
    """[number, heading] of every numbered clause, spelled one way: "ARTICLE I" -> "I", headings casefolded."""
    rows = []
    for clause in document.clauses:
        if clause.number and clause.kind not in UNNUMBERED:
            number = _PREFIX.sub("", clause.number).rstrip(".")
            heading = " ".join(clause.heading.split()).rstrip(".:").casefold() if clause.heading else None
            rows.append([number, heading])
    return rows


def expected_outline(layout) -> list[list[str | None]]:
    return [[number, heading.casefold() if heading else None] for number, heading in layout.outline]


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("layout, fmt", CASES)
def test_outline_is_the_same_in_every_format(read_layout, layout, fmt):
    assert outline(read_layout(layout.name, fmt)) == expected_outline(layout)


@pytest.mark.parametrize("layout, fmt", CASES)
def test_parties_and_roles(read_layout, layout, fmt):
    document = read_layout(layout.name, fmt)
    found = {" ".join(p.name.split()).casefold(): p for p in document.parties}
    for name, role, alias in layout.parties:
        party = found.get(name.casefold())
        assert party is not None, f"{name} not among {sorted(found)}"
        assert party.role == role
        assert alias in party.aliases
    assert len(document.parties) == len(layout.parties)


@pytest.mark.parametrize("layout, fmt", CASES)
def test_no_body_text_is_lost(read_layout, layout, fmt):
    document = read_layout(layout.name, fmt)
    clauses = squash("".join(clause.text for clause in document.clauses))
    for paragraph in layout.body:
        assert squash(paragraph) in clauses, paragraph[:60]


@pytest.mark.parametrize("layout, fmt", CASES)
def test_page_furniture_starts_no_clause_and_gives_no_heading(read_layout, layout, fmt):
    document = read_layout(layout.name, fmt)
    for clause in document.clauses:
        for line in layout.furniture:
            assert not clause.text.startswith(line), (clause.id, line)
            assert line not in (clause.heading or ""), (clause.id, line)


@pytest.mark.parametrize("layout, fmt", CASES)
def test_signature_blocks_form_a_signature_clause(read_layout, layout, fmt):
    document = read_layout(layout.name, fmt)
    signatures = [clause for clause in document.clauses if clause.kind == "signature"]
    assert len(signatures) == 1
    assert "By:" in signatures[0].text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_fee_table_stays_in_its_exhibit(read_layout, fmt):
    exhibit = read_layout("bold_headings", fmt).clause("exh-a")
    assert exhibit.heading.casefold() == "fee schedule"
    assert "$9,500.00" in exhibit.text and "$2,000.00" in exhibit.text


@pytest.mark.parametrize("layout", [layout for layout in LAYOUTS if "pdf" in layout.formats], ids=lambda l: l.name)
def test_pdf_clauses_keep_the_page_they_start_on(read_layout, layout):
    pages = [clause.page for clause in read_layout(layout.name, "pdf").clauses]
    assert all(page is not None for page in pages)
    assert pages == sorted(pages) and pages[-1] > 1
