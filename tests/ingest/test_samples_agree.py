"""The bundled samples read the same from DOCX (Word numbering) and from their rendered PDFs."""
from pathlib import Path

import pytest

from msa_toolkit.ingest import read_raw
from msa_toolkit.ingest.pdf import read_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "contracts"
PAIRS = sorted(p.stem for p in SAMPLES.glob("*.docx") if p.with_suffix(".pdf").exists()) if SAMPLES.is_dir() else []


@pytest.mark.skipif(not PAIRS, reason="no DOCX/PDF sample pairs")
@pytest.mark.parametrize("stem", PAIRS)
def test_pdf_paragraphs_equal_docx_paragraphs_with_their_numbers(stem, limits):
    from_docx = read_raw(SAMPLES / f"{stem}.docx", limits=limits)
    from_pdf = read_raw(SAMPLES / f"{stem}.pdf", limits=limits)
    assert [b.text for b in from_pdf.blocks] == [f"{b.number} {b.text}" if b.number else b.text for b in from_docx.blocks]


@pytest.mark.skipif(not PAIRS, reason="no DOCX/PDF sample pairs")
@pytest.mark.parametrize("stem", PAIRS)
def test_default_reading_equals_layout_aware_reading_of_every_page(stem, limits):
    """pdfium for plain pages plus pdfplumber for the fee-table pages loses nothing against
    reading every page with pdfplumber."""
    default = read_pdf(SAMPLES / f"{stem}.pdf", limits=limits)
    careful = read_pdf(SAMPLES / f"{stem}.pdf", limits=limits, layout="careful")
    assert [(b.kind, b.text, b.page) for b in default.blocks] == [(b.kind, b.text, b.page) for b in careful.blocks]
