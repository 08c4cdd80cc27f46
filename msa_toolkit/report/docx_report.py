"""Word output. For a DOCX contract: a copy of the original with a Word comment on each flagged
passage, so the reviewer works in the document they already have. For PDF or text contracts (or
several at once): a Word report with the same content as the terminal report.

The original file is only read; the copy is built in memory and returned as bytes.
"""
from __future__ import annotations

import copy
import io
from pathlib import Path

from .. import DISCLAIMER, __version__
from ..model import AnalysisResult, Finding
from .view import clause_label, clause_of, evidence_span, lane_counts, ordered_findings, rule_rationale
from .view import find_words, placeholder_segments, severity_counts, suggested_clause

AUTHOR = "msa-check"
INITIALS = "MC"
_VERDICT_HEX = {"noncompliant": "B42318", "review": "B54708", "compliant": "2F8A57"}
_RUN_PATHS = " | ".join(  # runs that hold the paragraph's visible text, not our own comment marks
    f"{parent}w:r[not(w:commentReference)]" for parent in ("./", "./w:ins/", "./w:hyperlink/", "./w:smartTag/",
                                                          "./w:fldSimple/"))


def render_docx(results) -> bytes:
    """An annotated copy for a single DOCX contract that is still on disk; otherwise a Word report."""
    results = list(results)
    if len(results) == 1 and _is_annotatable(results[0]):
        return annotated_copy(results[0])
    return word_report(results)


def _is_annotatable(result: AnalysisResult) -> bool:
    return (result.status == "ok" and result.document is not None and result.document.format == "docx"
            and Path(result.path).is_file())


def comment_lines(result: AnalysisResult, finding: Finding) -> list[str]:
    """What a comment (or a report entry) says about one finding."""
    lines = [f"{finding.rule} {finding.name} ({finding.severity})", finding.message]
    rationale = rule_rationale(finding.rule)
    if rationale and rationale != finding.message:
        lines.append(f"Why it matters: {rationale}")
    if finding.citation:
        lines.append(f"Citation: {finding.citation}")
    suggestion = suggested_clause(finding.suggestion)
    if suggestion:
        title = f" ({suggestion.title})" if suggestion.title else ""
        lines.append(f"Suggested clause: {suggestion.id}{title}")
    return lines


# -- annotated copy -------------------------------------------------------------------------------

def annotated_copy(result: AnalysisResult) -> bytes:
    from docx import Document

    word = Document(result.path)
    paragraphs = _paragraphs(word)
    first = next((p for p in paragraphs if _runs(p)), None)
    if first is None:
        first = word.add_paragraph()
        first.add_run("")
    _comment(word, _runs(first), _summary_lines(result))
    for finding in ordered_findings(result):
        runs = _anchor(paragraphs, result, finding) or _runs(first)
        _comment(word, runs, comment_lines(result, finding))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _summary_lines(result: AnalysisResult) -> list[str]:
    counts = ", ".join(f"{n} {severity}" for severity, n in severity_counts(result).items())
    verdict = (result.verdict or "not analyzed").upper()
    return [f"msa-check {__version__}: {verdict} ({counts}); state profile {result.state or 'generic'}.",
            f"Not legal advice: {DISCLAIMER}"]


def _comment(word, runs, lines: list[str]) -> None:
    comment = word.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(line)


def _paragraphs(word) -> list:
    """Every paragraph of the body in document order, including those inside tables."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, word._body) for p in word.element.body.iter(qn("w:p"))]


def _runs(paragraph) -> list:
    from docx.text.run import Run

    return [Run(r, paragraph) for r in paragraph._p.xpath(_RUN_PATHS)]


def _anchor(paragraphs, result: AnalysisResult, finding: Finding) -> list | None:
    """The runs that hold the finding's evidence, split at its edges; the clause's paragraph otherwise."""
    start_at = _clause_paragraph(paragraphs, result, finding)
    order = list(range(start_at or 0, len(paragraphs))) + list(range(0, start_at or 0))
    if finding.evidence:
        for index in order:
            runs = _runs(paragraphs[index])
            found = find_words("".join(run.text for run in runs), finding.evidence)
            if found:
                return _runs_covering(runs, *found)
    if start_at is not None:
        return _runs(paragraphs[start_at]) or None
    return None


def _clause_paragraph(paragraphs, result: AnalysisResult, finding: Finding) -> int | None:
    clause = clause_of(result, finding)
    if clause is None:
        return None
    for probe in (clause.text[:80], clause.heading or ""):
        words = " ".join(probe.split()[:8])
        if not words:
            continue
        for index, paragraph in enumerate(paragraphs):
            if _runs(paragraph) and find_words(paragraph.text, words):
                return index
    return None


def _runs_covering(runs, start: int, end: int) -> list:
    """Runs spanning [start, end) of the paragraph text, splitting simple text runs at the edges."""
    covered, position = [], 0
    for run in runs:
        text = run.text
        run_start, run_end = position, position + len(text)
        position = run_end
        if run_end <= start or run_start >= end or not text:
            continue
        if run_start < start and _is_plain(run):
            run = _split(run, start - run_start)
            run_start = start
        if run_end > end and _is_plain(run):
            _split(run, end - run_start)
        covered.append(run)
    return covered or runs


def _is_plain(run) -> bool:
    """A run holding only formatting and one text element can be split without losing anything."""
    children = [child for child in run._r if child.tag.rsplit("}", 1)[-1] != "rPr"]
    return len(children) == 1 and children[0].tag.endswith("}t")


def _split(run, at: int):
    """Split a plain run at `at`: the original keeps the head, the returned new run holds the tail."""
    from docx.text.run import Run

    text = run.text
    tail = copy.deepcopy(run._r)
    run._r.addnext(tail)
    _set_text(run._r, text[:at])
    _set_text(tail, text[at:])
    return Run(tail, run._parent)


def _set_text(r, value: str) -> None:
    from docx.oxml.ns import qn

    t = r.find(qn("w:t"))
    t.text = value
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


# -- Word report (PDF and text contracts) -------------------------------------------------------

def word_report(results) -> bytes:
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt, RGBColor

    word = Document()
    word.styles["Normal"].font.name = "Calibri"
    word.styles["Normal"].font.size = Pt(10.5)
    word.add_heading("msa-check review", level=0)
    _note(word, RGBColor)
    for number, result in enumerate(results):
        if number:
            word.add_page_break()
        _report_document(word, result, WD_COLOR_INDEX, RGBColor)
    word.add_paragraph()
    _note(word, RGBColor)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _note(word, RGBColor) -> None:
    paragraph = word.add_paragraph()
    label = paragraph.add_run("Not legal advice. ")
    label.bold = True
    paragraph.add_run(DISCLAIMER).font.color.rgb = RGBColor(0x5B, 0x65, 0x75)


def _report_document(word, result: AnalysisResult, highlight, RGBColor) -> None:
    word.add_heading(result.path, level=1)
    if result.status != "ok" or result.document is None:
        code = result.error.code if result.error else "E190"
        message = result.error.message if result.error else "the document could not be analyzed"
        word.add_paragraph(f"Could not be reviewed: {code} {message}")
        return
    verdict = word.add_paragraph()
    verdict.add_run("Verdict: ").bold = True
    verdict_run = verdict.add_run((result.verdict or "not analyzed").upper())
    verdict_run.bold = True
    verdict_run.font.color.rgb = RGBColor.from_string(_VERDICT_HEX.get(result.verdict, "344054"))
    counts = ", ".join(f"{n} {severity}" for severity, n in severity_counts(result).items())
    verdict.add_run(f"  ({counts}; state profile {result.state or 'generic'})")
    for party in result.document.parties:
        word.add_paragraph(f"{party.name} ({party.role.replace('_', ' ')})", style="List Bullet")
    lanes = ", ".join(f"{lane} {n}" for lane, n in lane_counts(result).items())
    word.add_paragraph(f"Clauses by lane: {lanes}.")
    findings = ordered_findings(result)
    if not findings:
        word.add_paragraph("No findings.")
    for finding in findings:
        _report_finding(word, result, finding, highlight)


def _report_finding(word, result: AnalysisResult, finding: Finding, highlight) -> None:
    clause = clause_of(result, finding)
    where = clause_label(clause, result.document)
    if clause is not None and clause.page:
        where += f" (page {clause.page})"
    word.add_heading(f"[{finding.severity.upper()}] {finding.rule} {finding.name}: {where}", level=2)
    span = evidence_span(result, finding)
    if span.found:
        quote = word.add_paragraph(style="Quote")
        quote.add_run(span.before)
        marked = quote.add_run(span.evidence)
        marked.bold = True
        marked.font.highlight_color = highlight.YELLOW
        quote.add_run(span.after)
    lines = comment_lines(result, finding)[1:]
    for line in lines:
        word.add_paragraph(line)
    suggestion = suggested_clause(finding.suggestion)
    if suggestion and suggestion.text:
        replacement = word.add_paragraph(style="Intense Quote")
        for kind, text in placeholder_segments(suggestion.text):
            run = replacement.add_run(text)
            run.bold = kind in ("placeholder", "term")
