"""Word output: comments on a copy of a DOCX contract, a Word report for other inputs."""
from __future__ import annotations

import hashlib
import io

import docx
from docx.oxml.ns import qn

from msa_toolkit import DISCLAIMER
from msa_toolkit.report import render
from msa_toolkit.report.docx_report import AUTHOR

from report_builders import CLAUSES, build_result


def _write_contract(path):
    """The hand-built contract as Word paragraphs, each split into runs that cut through the evidence."""
    word = docx.Document()
    for _id, _kind, _number, heading, text, *_rest in CLAUSES:
        if heading:
            word.add_heading(heading, level=2)
        if text:
            paragraph = word.add_paragraph()
            third = len(text) // 3
            paragraph.add_run(text[:third])
            paragraph.add_run(text[third:]).italic = True
    word.save(path)
    return path


def _anchored_texts(word) -> dict[str, str]:
    """Comment id -> the text between its range start and end, in document order."""
    open_ranges, texts = set(), {}
    for element in word.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ranges.add(element.get(qn("w:id")))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ranges.discard(element.get(qn("w:id")))
        elif element.tag == qn("w:t"):
            for comment_id in open_ranges:
                texts[comment_id] = texts.get(comment_id, "") + (element.text or "")
    return texts


def test_docx_contract_gets_a_comment_on_each_flagged_passage(tmp_path):
    contract = _write_contract(tmp_path / "glow.docx")
    result = build_result(str(contract), "docx")
    word = docx.Document(io.BytesIO(render([result], "docx")))
    comments = list(word.comments)
    assert len(comments) == len(result.findings) + 1  # plus the summary on the title
    assert {c.author for c in comments} == {AUTHOR}
    assert {c.initials for c in comments} == {"MC"}
    anchored = _anchored_texts(word)
    for finding in result.findings:
        comment = next(c for c in comments if c.text.startswith(f"{finding.rule} "))
        assert finding.message in comment.text
        if finding.suggestion:
            assert f"Suggested clause: {finding.suggestion}" in comment.text
        if finding.evidence:
            assert anchored[str(comment.comment_id)] == finding.evidence  # runs split at the evidence's edges


def test_annotated_copy_keeps_the_text_and_never_touches_the_original(tmp_path):
    contract = _write_contract(tmp_path / "glow.docx")
    before = hashlib.sha256(contract.read_bytes()).hexdigest()
    result = build_result(str(contract), "docx")
    annotated = docx.Document(io.BytesIO(render([result], "docx")))
    assert hashlib.sha256(contract.read_bytes()).hexdigest() == before
    original_text = [p.text for p in docx.Document(contract).paragraphs]
    assert [p.text for p in annotated.paragraphs] == original_text
    italic = [r.italic for p in annotated.paragraphs for r in p.runs if "Net Collections" in r.text]
    assert italic == [True]  # split runs keep their formatting


def test_summary_comment_carries_verdict_and_disclaimer(tmp_path):
    contract = _write_contract(tmp_path / "glow.docx")
    word = docx.Document(io.BytesIO(render([build_result(str(contract), "docx")], "docx")))
    summary = next(c for c in word.comments if c.text.startswith("msa-check"))
    assert "NONCOMPLIANT" in summary.text and DISCLAIMER in summary.text


def test_evidence_not_found_falls_back_to_the_clause_paragraph(tmp_path):
    from dataclasses import replace

    contract = _write_contract(tmp_path / "glow.docx")
    result = build_result(str(contract), "docx")
    lost = replace(result.findings[0], evidence="words that the document does not contain", start=None, end=None)
    word = docx.Document(io.BytesIO(render([replace(result, findings=(lost,))], "docx")))
    comment = next(c for c in word.comments if c.text.startswith("MSA101"))
    assert _anchored_texts(word)[str(comment.comment_id)].startswith("In consideration of the Services")


def test_pdf_contract_gets_a_word_report_with_the_same_content(noncompliant):
    word = docx.Document(io.BytesIO(render([noncompliant], "docx")))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "NONCOMPLIANT" in text
    for finding in noncompliant.findings:
        assert f"{finding.rule} {finding.name}" in text
        assert finding.message in text
        if finding.citation:
            assert finding.citation in text
    assert "Section 5.1 Management Fee (page 2)" in text
    assert DISCLAIMER in text
    highlighted = [r.text for p in word.paragraphs for r in p.runs if r.font.highlight_color]
    assert "twelve percent (12%) of Net Collections" in highlighted


def test_several_contracts_make_one_word_report(noncompliant, clean, unreadable):
    word = docx.Document(io.BytesIO(render([noncompliant, clean, unreadable], "docx")))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [noncompliant.path, clean.path, unreadable.path]
    assert any("E110" in p.text for p in word.paragraphs)
