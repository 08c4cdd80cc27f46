"""Self-contained HTML report: summary on top, then the contract clause by clause, tinted by lane,
with each finding beside the clause it concerns.

One file, no network: inline CSS, no scripts, no external fonts, and a Content-Security-Policy
that forbids loading anything. Everything taken from a document is escaped.
"""
from __future__ import annotations

from html import escape

from .. import DISCLAIMER, __version__
from ..model import AnalysisResult, Clause, Finding
from .html_style import STYLESHEET
from .view import SEVERITY_RANK, clause_label, clause_of, deal_facts, evidence_in_clause, evidence_span
from .view import lane_counts, lead_length, ordered_findings, placeholder_segments, rule_rationale
from .view import severity_counts, suggested_clause

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_VERDICT_TEXT = {"noncompliant": "Noncompliant", "review": "Needs review", "compliant": "Compliant"}


def render_html(results) -> str:
    results = list(results)
    title = results[0].path if len(results) == 1 else f"{len(results)} contracts"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>msa-check report: {escape(title)}</title>",
        f"<style>{STYLESHEET}</style></head><body>",
        f'<header class="run"><span class="tool">msa-check {escape(__version__)}</span>'
        f'<span class="note">{escape(DISCLAIMER)}</span></header>',
        "<main>",
    ]
    if len(results) > 1:
        parts.append(_contents(results))
    for number, result in enumerate(results, start=1):
        parts.append(_document(result, f"d{number}"))
    parts.append(f'<footer class="disclaimer"><strong>Not legal advice.</strong> {escape(DISCLAIMER)}</footer>')
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _contents(results) -> str:
    items = []
    for number, result in enumerate(results, start=1):
        verdict = result.verdict if result.status == "ok" else "error"
        label = _VERDICT_TEXT.get(verdict, "Error" if verdict == "error" else "Not analyzed")
        items.append(f'<li><a href="#d{number}">{escape(result.path)}</a> '
                     f'<span class="verdict small {escape(verdict or "none")}">{escape(label)}</span></li>')
    return f'<nav class="contents"><h2>Contracts</h2><ol>{"".join(items)}</ol></nav>'


def _document(result: AnalysisResult, doc_id: str) -> str:
    if result.status != "ok" or result.document is None:
        code = result.error.code if result.error else "E190"
        message = result.error.message if result.error else "the document could not be analyzed"
        return (f'<article class="document" id="{doc_id}"><section class="summary">'
                f"<h1>{escape(result.path)}</h1>"
                f'<p class="error"><strong>{escape(code)}</strong> {escape(message)}</p></section></article>')
    findings = ordered_findings(result)
    ids = {id(finding): f"{doc_id}-f{n}" for n, finding in enumerate(findings, start=1)}
    by_clause: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.clause_id is not None and clause_of(result, finding) is not None:
            by_clause.setdefault(finding.clause_id, []).append(finding)
    loose = [f for f in findings if f.clause_id is None or clause_of(result, f) is None]
    parts = [f'<article class="document" id="{doc_id}">', _summary(result, findings, ids, loose)]
    parts.append('<section class="contract"><h2>The agreement, clause by clause</h2>')
    for clause in result.document.clauses:
        parts.append(_clause(result, clause, by_clause.get(clause.id, []), ids, doc_id))
    parts.append("</section></article>")
    return "\n".join(parts)


def _summary(result: AnalysisResult, findings, ids, loose) -> str:
    verdict = result.verdict or "none"
    counts = severity_counts(result)
    document = result.document
    parts = ['<section class="summary">', f"<h1>{escape(result.path)}</h1>",
             f'<div class="verdict-line"><span class="verdict {escape(verdict)}">'
             f"{escape(_VERDICT_TEXT.get(verdict, 'Not analyzed'))}</span>"]
    for severity, count in counts.items():
        parts.append(f'<span class="count sev-{severity}"><b>{count}</b> {severity}</span>')
    parts.append("</div><dl class=\"facts\">")
    if document.parties:
        people = "".join(f"<li>{escape(p.name)} <span class=\"role\">{escape(p.role.replace('_', ' '))}</span></li>"
                         for p in document.parties)
        parts.append(f"<dt>Parties</dt><dd><ul class=\"parties\">{people}</ul></dd>")
    parts.append(f"<dt>State profile</dt><dd>{escape(result.state or 'generic')}</dd>")
    pages = f", {document.pages} pages" if document.pages else ""
    parts.append(f"<dt>Document</dt><dd>{escape(document.format)}{pages}, {len(document.clauses)} clauses</dd>")
    for label, value in deal_facts(result).items():
        parts.append(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")
    if result.fees:
        fees = "; ".join(escape(_fee_label(fee)) for fee in result.fees)
        parts.append(f"<dt>Fees</dt><dd>{fees}</dd>")
    parts.append("</dl>")
    parts.append('<div class="lanes">' + "".join(
        f'<span class="lane-chip lane-{lane}">{escape(lane)} <b>{count}</b></span>'
        for lane, count in lane_counts(result).items()) + "</div>")
    if findings:
        items = "".join(
            f'<li><a href="#{ids[id(f)]}"><span class="sev-dot sev-{escape(f.severity)}"></span>'
            f"<code>{escape(f.rule)}</code> {escape(f.name)}</a> "
            f'<span class="where">{escape(clause_label(clause_of(result, f), result.document))}</span></li>'
            for f in findings)
        parts.append(f'<h2>Findings</h2><ol class="finding-index">{items}</ol>')
    else:
        parts.append('<p class="clean">No findings.</p>')
    if loose:
        parts.append('<h2>About the agreement as a whole</h2><div class="loose">')
        parts.extend(_finding_card(result, f, ids[id(f)], quote=True) for f in loose)
        parts.append("</div>")
    parts.append("</section>")
    return "\n".join(parts)


def _fee_label(fee) -> str:
    label = fee.structure.replace("_", " ")
    if fee.percentage is not None:
        label += f" {fee.percentage:g}%"
    if fee.amount is not None:
        label += f" {fee.amount:,.2f}"
    if fee.base:
        label += f" of {fee.base}"
    return label


def _clause(result: AnalysisResult, clause: Clause, findings, ids, doc_id: str) -> str:
    """One row: the clause (tinted by lane) on the left, its findings on the right."""
    lane = clause.lane or "unassigned"
    worst = max((f.severity for f in findings), key=lambda s: SEVERITY_RANK.get(s, 0), default=None)
    flagged = f" flagged sev-{worst}" if worst else ""
    lead = lead_length(clause)
    head = _clause_head(clause) if not lead else ""
    if head:
        head = f'<div class="clause-head">{head}</div>'
    lane_tag = escape(lane)
    if clause.lane_score is not None:
        lane_tag += f" {clause.lane_score:.2f}"
    if clause.page:
        lane_tag += f" · p. {clause.page}"
    notes = "".join(_finding_card(result, f, ids[id(f)], quote=False) for f in findings)
    indent = min(max(clause.level, 0), 4)
    return (f'<div class="row{flagged}" id="{doc_id}-{escape(clause.id)}">'
            f'<div class="clause lane-{escape(lane)} level-{indent} kind-{escape(clause.kind)}">'
            f'<span class="lane-tag">{lane_tag}</span>{head}'
            f'<div class="clause-text">{_highlighted(clause, findings, lead)}</div></div>'
            f'<aside class="notes">{notes}</aside></div>')


def _clause_head(clause: Clause) -> str:
    """Number and heading for a clause whose text does not start with them (Word numbering)."""
    number = f'<span class="num">{escape(clause.number)}</span>' if clause.number else ""
    heading = f'<span class="heading">{escape(clause.heading)}</span>' if clause.heading else ""
    return number + heading


def _highlighted(clause: Clause, findings, lead: int) -> str:
    """The clause text, escaped, with its lead ("3.2 Fees.") in bold and each finding's evidence marked."""
    spans = []
    for finding in findings:
        where = evidence_in_clause(clause, finding)
        if where:
            spans.append((where[0], where[1], finding))
    spans.sort(key=lambda span: (span[0], -span[1]))
    if spans and spans[0][0] < lead:
        lead = 0
    out = [f'<strong class="lead">{escape(clause.text[:lead])}</strong>'] if lead else []
    cursor = lead
    for start, end, finding in spans:
        if start < cursor:  # overlapping evidence: the first mark already covers it
            continue
        out.append(escape(clause.text[cursor:start]))
        out.append(f'<mark class="sev-{escape(finding.severity)}" title="{escape(finding.rule)}">'
                   f"{escape(clause.text[start:end])}</mark>")
        cursor = end
    out.append(escape(clause.text[cursor:]))
    return "".join(out)


def _finding_card(result: AnalysisResult, finding: Finding, card_id: str, *, quote: bool) -> str:
    parts = [f'<div class="finding sev-{escape(finding.severity)}" id="{card_id}">',
             f'<div class="finding-head"><span class="sev">{escape(finding.severity)}</span>'
             f"<code>{escape(finding.rule)}</code> <span class=\"name\">{escape(finding.name)}</span></div>"]
    span = evidence_span(result, finding)
    if quote and span.found:
        parts.append(f'<p class="quote">{escape(span.before)}<mark class="sev-{escape(finding.severity)}">'
                     f"{escape(span.evidence)}</mark>{escape(span.after)}</p>")
    parts.append(f'<p class="message">{escape(finding.message)}</p>')
    rationale = rule_rationale(finding.rule)
    if rationale and rationale != finding.message:
        parts.append(f'<p class="why"><b>Why it matters.</b> {escape(rationale)}</p>')
    if finding.citation:
        parts.append(f'<p class="cite"><b>Citation.</b> {escape(finding.citation)}</p>')
    suggestion = suggested_clause(finding.suggestion)
    if suggestion:
        title = f" — {escape(suggestion.title)}" if suggestion.title else ""
        parts.append(f'<details class="fix" open><summary>Suggested clause <code>{escape(suggestion.id)}</code>'
                     f"{title}</summary>")
        if suggestion.text:
            parts.append(f'<div class="replacement">{_with_placeholders(suggestion.text)}</div>')
        parts.append("</details>")
    parts.append("</div>")
    return "".join(parts)


def _with_placeholders(template_text: str) -> str:
    """Library text with its variables shown as visible blanks and defined terms in bold."""
    tags = {"placeholder": ('<span class="placeholder">', "</span>"), "term": ("<b>", "</b>")}
    return "".join(
        f"{tags[kind][0]}{escape(text)}{tags[kind][1]}" if kind in tags else escape(text)
        for kind, text in placeholder_segments(template_text)
    )
