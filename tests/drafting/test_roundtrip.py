"""End to end: each sample draft converts to PDF in LibreOffice (a real Word-compatible client),
reads back through the project's own reader with the section numbers the generator intended, renders
a non-blank first page, and passes the project's own analyzer with no high or medium findings."""
from __future__ import annotations

import shutil
import subprocess

import pytest

import msa_toolkit
from msa_toolkit.drafting.dealsheet import load_deal
from msa_toolkit.drafting.numbering import plan_agreement, section_numbers

from draft_helpers import SAMPLE_DEALS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def drafts(tmp_path_factory, library):
    """{sample stem: (docx path, pdf path)}; all samples converted in one LibreOffice run."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    workdir = tmp_path_factory.mktemp("drafts")
    docx_paths = [msa_toolkit.draft(path, workdir / f"{path.stem}.docx") for path in SAMPLE_DEALS]
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{workdir / 'lo-profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(workdir), *map(str, docx_paths)],
        check=True, capture_output=True, timeout=300,
    )
    return {p.stem: (p, p.with_suffix(".pdf")) for p in docx_paths}


def intended_numbers(library, deal_path):
    plan = plan_agreement(library, load_deal(deal_path, library))
    articles = [str(i) for i in range(1, len(plan.articles) + 1)]
    return articles, list(section_numbers(plan).values())


@pytest.mark.parametrize("deal_path", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_pdf_reads_back_with_the_intended_section_numbers(drafts, library, deal_path):
    _, pdf = drafts[deal_path.stem]
    assert pdf.exists() and pdf.stat().st_size > 10_000
    document = msa_toolkit.read(pdf)
    articles, sections = intended_numbers(library, deal_path)
    assert [c.number for c in document.clauses if c.kind == "article"] == articles
    assert [c.number for c in document.clauses if c.kind == "section"] == sections


@pytest.mark.parametrize("deal_path", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_docx_reads_back_with_the_intended_section_numbers(drafts, library, deal_path):
    docx_path, _ = drafts[deal_path.stem]
    document = msa_toolkit.read(docx_path)
    _, sections = intended_numbers(library, deal_path)
    assert [c.number for c in document.clauses if c.kind == "section"] == sections


def test_first_page_png_is_not_blank(drafts, tmp_path):
    from PIL import Image

    _, pdf = drafts["florida_fixed_fee"]
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=60)
    [png] = tmp_path.glob("page*.png")
    image = Image.open(png).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark / (image.width * image.height) > 0.01


@pytest.mark.parametrize("deal_path", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_generated_draft_has_no_high_or_medium_findings(drafts, deal_path):
    docx_path, _ = drafts[deal_path.stem]
    result = msa_toolkit.analyze(docx_path)
    assert result.status == "ok", result.error
    serious = [(f.rule, f.name, f.clause_id, f.evidence) for f in result.findings if f.severity in ("high", "medium")]
    assert serious == []
