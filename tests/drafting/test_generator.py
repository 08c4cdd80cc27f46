"""Rendering: every sample drafts, Word numbers the clauses, references name the right sections,
values stay data, output is deterministic, drafting notes appear only when asked for."""
from __future__ import annotations

import re
import zipfile

import pytest
import yaml

import msa_toolkit
from msa_toolkit.drafting.generator import master_template_path
from msa_toolkit.drafting.template_check import split_tags
from msa_toolkit.errors import MsaError

from draft_helpers import SAMPLE_DEALS, docx_text, open_docx, render, word_numbers


@pytest.fixture(scope="module")
def florida_docx(library):
    raw = yaml.safe_load((SAMPLE_DEALS[0].parent / "florida_fixed_fee.yaml").read_text())
    return render(library, raw)


def test_there_are_at_least_four_varied_sample_deals():
    deals = [yaml.safe_load(p.read_text()) for p in SAMPLE_DEALS]
    assert len(deals) >= 4
    assert len({d["governing_state"] for d in deals}) >= 4
    assert {d["fee"]["structure"] for d in deals} >= {"fixed", "cost_plus", "hourly"}
    assert len({tuple(d["services"]) for d in deals}) >= 4


@pytest.mark.parametrize("deal_path", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_each_sample_deal_renders_and_opens_in_python_docx(tmp_path, deal_path):
    out = msa_toolkit.draft(deal_path, tmp_path / "draft.docx")
    document = open_docx(out.read_bytes())
    text = docx_text(document)
    deal = yaml.safe_load(deal_path.read_text())
    assert deal["practice"]["legal_name"] in text and deal["mso"]["legal_name"] in text
    assert "MANAGEMENT SERVICES AGREEMENT" in text and "IN WITNESS WHEREOF" in text
    assert not re.search(r"\{\{|\{%|\}\}|%\}|\[\[", text)
    assert len(document.tables) == 4  # signatures + three exhibits


def test_articles_and_sections_use_word_numbering_not_typed_numbers(florida_docx):
    document = open_docx(florida_docx)
    numbered = word_numbers(document)
    assert [n for n, style, _ in numbered if style == "MSA Article"][:3] == ["ARTICLE 1", "ARTICLE 2", "ARTICLE 3"]
    for paragraph in document.paragraphs:
        if paragraph.style.name in ("MSA Article", "MSA Section", "MSA Subsection"):
            num_pr = paragraph._p.pPr.numPr
            assert num_pr is not None and num_pr.numId.val == 90
            assert not re.match(r"\s*(ARTICLE\s+\d|\d+\.\d|\([a-z]\))", paragraph.text)
    numbering = zipfile.ZipFile(__import__("io").BytesIO(florida_docx)).read("word/numbering.xml").decode()
    for lvl_text in ("ARTICLE %1", "%1.%2", "(%3)"):
        assert f'w:lvlText w:val="{lvl_text}"' in numbering


def test_cross_references_name_the_section_word_displays(florida_docx):
    document = open_docx(florida_docx)
    number_of = {text.split(".")[0]: number for number, style, text in word_numbers(document) if style == "MSA Section"}
    text = docx_text(document)
    review = number_of["Annual Fair Market Value Review"]
    assert f"the fee shall be reviewed as provided in Section {review}." in text
    judgment = number_of["Professional Judgment Reserved to the Practice"]
    assert f"reserved to the Practice under Section {judgment}." in text
    assert "schedule of services attached as Exhibit A" in text
    assert "as set out in Exhibit B" in text


def test_defined_terms_are_bold(florida_docx):
    document = open_docx(florida_docx)
    bold = {run.text for p in document.paragraphs for run in p.runs if run.bold}
    assert {"\u201cPractice\u201d", "\u201cManager\u201d", "\u201cApplicable Law\u201d"} <= bold


def test_state_specific_clauses_follow_the_governing_state(library, florida_raw):
    florida_raw["governing_state"] = "OR"
    text = docx_text(open_docx(render(library, florida_raw)))
    assert "Oregon Ownership and Authority Limits" in text
    assert "governed by the laws of the State of Oregon" in text
    florida_text = docx_text(open_docx(render(library, {**florida_raw, "governing_state": "FL"})))
    assert "Oregon Ownership" not in florida_text


@pytest.mark.parametrize("value", ["AT&T <Holdings> & Sons", "{{ 7*7 }}", "{% if 1 %}x{% endif %}", "{_{ a }_}",
                                   "O'Brien \"Quoted\" {#c#}"])
def test_values_come_out_exactly_as_typed(library, florida_raw, value):
    florida_raw["practice"]["legal_name"] = value
    florida_raw["locations"][0]["name"] = value
    document = open_docx(render(library, florida_raw))
    text = docx_text(document)
    assert text.count(value) >= 4  # preamble, signature block, header, locations table
    assert "49" not in text.replace(value, "")
    stripped = text.replace(value, "")
    assert not re.search(r"\{\{|\{%|\}\}|%\}", stripped)


def test_same_deal_renders_identical_bytes(library, florida_raw):
    assert render(library, florida_raw) == render(library, florida_raw)
    assert render(library, florida_raw, notes=True) == render(library, florida_raw, notes=True)


def test_drafting_notes_become_comments_only_with_notes(library, florida_raw):
    clean = open_docx(render(library, florida_raw))
    assert len(list(clean.comments)) == 0
    annotated = open_docx(render(library, florida_raw, notes=True))
    comments = list(annotated.comments)
    assert len(comments) > 60
    texts = [c.text for c in comments]
    assert any(t.startswith("separation.medical_director (v1):") for t in texts)


def test_master_template_has_no_tags_split_across_runs():
    assert split_tags(master_template_path()) == []


def test_template_check_catches_a_split_tag(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("{{ practice_")
    paragraph.add_run("name }}").bold = True
    document.add_paragraph("{{ intact }}")
    path = tmp_path / "split.docx"
    document.save(path)
    problems = split_tags(path)
    assert len(problems) == 1 and "{{ practice_name }}" in problems[0]


def test_existing_output_is_kept_without_force(tmp_path):
    out = tmp_path / "draft.docx"
    out.write_bytes(b"keep me")
    with pytest.raises(MsaError) as caught:
        msa_toolkit.draft(SAMPLE_DEALS[0], out)
    assert caught.value.code == "E201" and out.read_bytes() == b"keep me"
    assert list(tmp_path.iterdir()) == [out]


def test_invalid_deal_writes_nothing(tmp_path, florida_raw):
    florida_raw["fee"]["monthly_amount"] = "lots"
    out = tmp_path / "draft.docx"
    with pytest.raises(MsaError):
        msa_toolkit.draft(florida_raw, out)
    assert not out.exists()


def test_percentage_fee_drafts_only_with_override_where_allowed(library, florida_raw):
    florida_raw["governing_state"] = "GA"
    florida_raw["fee"] = {"structure": "percentage_of_revenue", "percentage": 6, "override_percentage_fee": True}
    text = docx_text(open_docx(render(library, florida_raw)))
    assert "a fee equal to 6% of the Practice's net collections" in text
    assert "Drafted under an explicit override" in text
