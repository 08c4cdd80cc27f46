"""The bundled samples are built from their sources, deterministically, with Word's own numbering."""
from __future__ import annotations

import io
import re
import zipfile

import pytest

from sample_support import CONTRACTS_DIR, expected, load_build_script, load_golden, sample_files


@pytest.fixture(scope="module")
def build():
    return load_build_script()


@pytest.fixture(scope="module")
def contracts(build):
    return {source.name.removesuffix(".msa"): build.parse_source(source) for source in build.sources()}


def test_every_source_has_expectations_and_files(contracts):
    assert set(contracts) == set(expected())
    for name, fmt in sample_files():
        assert (CONTRACTS_DIR / f"{name}.{fmt}").is_file(), f"run samples/build_samples.py ({name}.{fmt})"


def test_committed_text_and_docx_match_their_sources(build, contracts):
    for name, contract in contracts.items():
        assert (CONTRACTS_DIR / f"{name}.txt").read_text(encoding="utf-8") == build.render_text(contract), name
        if contract.style != "messy":
            committed = zipfile.ZipFile(CONTRACTS_DIR / f"{name}.docx")
            rebuilt = zipfile.ZipFile(io.BytesIO(build.render_docx(contract)))
            for part in ("word/document.xml", "word/numbering.xml"):
                assert committed.read(part) == rebuilt.read(part), f"{name}.docx {part}: run build_samples.py"


def test_docx_build_is_deterministic(build, contracts):
    contract = contracts["compliant_msa"]
    assert build.render_docx(contract) == build.render_docx(contract)


def test_golden_files_match_the_sources(build, contracts):
    for name, fmt in sample_files():
        assert load_golden(name, fmt) == build.outline(contracts[name], fmt), \
            f"{name}.{fmt}: run `python -m tests.samples.regen` and review the diff"


@pytest.mark.parametrize("name", ["compliant_msa", "noncompliant_msa"])
def test_docx_numbers_come_from_word_numbering_not_the_text(name):
    with zipfile.ZipFile(CONTRACTS_DIR / f"{name}.docx") as package:
        numbering = package.read("word/numbering.xml").decode()
        body = package.read("word/document.xml").decode()
        styles = package.read("word/styles.xml").decode()
    for level_text in ("ARTICLE %1", "%1.%2", "(%3)"):
        assert f'w:val="{level_text}"' in numbering
    assert "<w:numPr>" in styles, "articles are numbered through a numbering-linked style"
    assert body.count("<w:ilvl") > 40
    text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
    assert "ARTICLE 1" not in text and not re.search(r"(?<![\d.])3\.2(?![\d(])\s+[A-Z]", text)


@pytest.mark.parametrize("name", ["compliant_msa", "noncompliant_msa"])
def test_docx_has_running_header_and_page_x_of_y_footer(name):
    import docx

    document = docx.Document(io.BytesIO((CONTRACTS_DIR / f"{name}.docx").read_bytes()))
    section = document.sections[0]
    assert "Management Services Agreement" in section.header.paragraphs[0].text
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def test_messy_text_sample_has_filing_artifacts():
    text = (CONTRACTS_DIR / "exhibit_fee_msa.txt").read_text(encoding="utf-8")
    assert "1.1Appointment." in text
    assert re.search(r"^\s*Page 3 of \d+$", text, re.M)
    assert "[***]" in text and "____" in text and "ARTICLE IV" in text
    assert "%" not in text.split("EXHIBIT B")[-1], "the residual fee is described without a percent sign"


def test_a_malformed_source_line_is_reported_with_its_line_number(build, tmp_path):
    source = tmp_path / "broken.msa"
    source.write_text("TITLE: AGREEMENT\nSECTION: Heading without a body\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken.msa:2: SECTION needs 2 fields"):
        build.parse_source(source)
