"""Terminal report: the verdict first, then each finding where it sits, then lanes and the note.

Colour only when asked (the CLI asks when stdout is a terminal); piped output is plain, with the
evidence marked by ``**`` so it still stands out in a log or an email.
"""
from __future__ import annotations

import textwrap

import click

from .. import DISCLAIMER
from ..model import AnalysisResult, Finding
from .view import clause_label, clause_of, evidence_span, lane_counts, ordered_findings, severity_counts
from .view import deal_facts, rule_rationale, suggested_clause

_VERDICT_COLOURS = {"noncompliant": "red", "review": "yellow", "compliant": "green"}
_SEVERITY_COLOURS = {"high": "red", "medium": "yellow", "low": "cyan"}
_WIDTH = 100
_INDENT = "    "


def render_text(results, *, color: bool = False) -> str:
    """All documents, one after the other, with one disclaimer at the end."""
    paint = _painter(color)
    blocks = [_document(result, paint) for result in results]
    if len(blocks) > 1:
        blocks.append(_totals(results))
    blocks.append(_wrap(f"Not legal advice: {DISCLAIMER}", ""))
    return "\n\n".join(blocks) + "\n"


def _painter(color: bool):
    """click.style when colour is on; otherwise plain text. `highlight` marks evidence either way."""

    def paint(text: str, *, highlight: bool = False, **style) -> str:
        if not color:
            return text
        if highlight:
            return click.style(text.strip("*"), bold=True, underline=True, fg="yellow")
        return click.style(text, **style)

    return paint


def _document(result: AnalysisResult, paint) -> str:
    if result.status != "ok":
        code = result.error.code if result.error else "E190"
        message = result.error.message if result.error else "unknown error"
        return f"{paint(result.path, bold=True)}: {paint('ERROR', fg='red', bold=True)} {code} {message}"
    lines = [_headline(result, paint)]
    lines.extend(_context_lines(result))
    findings = ordered_findings(result)
    if findings:
        lines.append("")
        for finding in findings:
            lines.extend(_finding(result, finding, paint))
            lines.append("")
    else:
        lines.append("")
        lines.append("No findings.")
        lines.append("")
    lines.append(_lane_line(result))
    return "\n".join(lines).rstrip()


def _headline(result: AnalysisResult, paint) -> str:
    verdict = result.verdict or "not analyzed"
    counts = severity_counts(result)
    tally = ", ".join(f"{n} {severity}" for severity, n in counts.items())
    label = paint(verdict.upper(), fg=_VERDICT_COLOURS.get(verdict), bold=True)
    return f"{paint(result.path, bold=True)}: {label} ({tally})"


def _context_lines(result: AnalysisResult) -> list[str]:
    lines = []
    document = result.document
    if document and document.parties:
        names = "; ".join(f"{p.name} ({p.role})" for p in document.parties)
        lines.append(_wrap(f"Parties: {names}", ""))
    profile = result.state or "generic"
    lines.append(f"State profile: {profile}")
    facts = deal_facts(result)
    if facts:
        lines.append(_wrap("; ".join(f"{label}: {value}" for label, value in facts.items()), ""))
    return lines


def _finding(result: AnalysisResult, finding: Finding, paint) -> list[str]:
    clause = clause_of(result, finding)
    severity = paint(f"[{finding.severity.upper()}]", fg=_SEVERITY_COLOURS.get(finding.severity), bold=True)
    where = clause_label(clause, result.document)
    if clause is not None and clause.page:
        where += f" (page {clause.page})"
    lines = [f"{severity} {paint(finding.rule, bold=True)} {finding.name} · {where}"]
    span = evidence_span(result, finding)
    if span.found:
        marked = paint(f"**{span.evidence}**", highlight=True)
        lines.append(_wrap(f"“{span.before}{marked}{span.after}”", _INDENT))
    elif finding.evidence:
        lines.append(_wrap(f"Evidence: {finding.evidence}", _INDENT))
    lines.append(_wrap(finding.message, _INDENT))
    rationale = rule_rationale(finding.rule)
    if rationale and rationale != finding.message:
        lines.append(_wrap(f"Why it matters: {rationale}", _INDENT))
    if finding.citation:
        lines.append(_wrap(f"Citation: {finding.citation}", _INDENT))
    suggestion = suggested_clause(finding.suggestion)
    if suggestion:
        title = f" ({suggestion.title})" if suggestion.title else ""
        lines.append(_wrap(f"Suggested clause: {suggestion.id}{title}", _INDENT))
    return lines


def _lane_line(result: AnalysisResult) -> str:
    counts = lane_counts(result)
    return "Lanes: " + ", ".join(f"{lane} {n}" for lane, n in counts.items()) + " clauses"


def _totals(results) -> str:
    results = list(results)
    ok = [r for r in results if r.status == "ok"]
    verdicts = {}
    for result in ok:
        verdicts[result.verdict or "not analyzed"] = verdicts.get(result.verdict or "not analyzed", 0) + 1
    parts = [f"{n} {verdict}" for verdict, n in sorted(verdicts.items())]
    errors = len(results) - len(ok)
    if errors:
        parts.append(f"{errors} could not be read")
    return f"{len(results)} documents: " + ", ".join(parts)


def _wrap(text: str, indent: str) -> str:
    """Wrap long lines for a terminal without breaking the highlighted words' escape codes."""
    return textwrap.fill(text, width=_WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)
