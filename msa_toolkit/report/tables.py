"""One run's findings as a spreadsheet: one row per finding (CSV, or XLSX with an "About" sheet).

Every document appears: a document without findings gets one row with its verdict, a file that
could not be read gets one row with its error. Cells that a spreadsheet would run as a formula are
neutralised, because evidence and party names come from strangers' documents.
"""
from __future__ import annotations

import csv
import io

from .. import DISCLAIMER, __version__
from ..model import AnalysisResult
from ..output import neutralize_cell
from .view import clause_label, clause_of, evidence_span, ordered_findings, suggested_clause

COLUMNS = (
    "path", "status", "error_code", "error_message", "verdict", "severity", "rule", "name", "category",
    "clause_id", "clause", "page", "evidence", "sentence", "message", "citation", "suggestion",
    "suggestion_title",
)


def finding_rows(results) -> list[dict]:
    """The table shared by CSV and XLSX, values not yet neutralised."""
    rows = []
    for result in results:
        base = {
            "path": result.path, "status": result.status,
            "error_code": result.error.code if result.error else None,
            "error_message": result.error.message if result.error else None,
            "verdict": result.verdict,
        }
        findings = ordered_findings(result)
        if not findings:
            rows.append(dict(base))
        for finding in findings:
            rows.append({**base, **_finding_columns(result, finding)})
    return rows


def _finding_columns(result: AnalysisResult, finding) -> dict:
    clause = clause_of(result, finding)
    span = evidence_span(result, finding)
    suggestion = suggested_clause(finding.suggestion)
    return {
        "severity": finding.severity, "rule": finding.rule, "name": finding.name,
        "category": finding.category, "clause_id": finding.clause_id, "clause": clause_label(clause, result.document),
        "page": clause.page if clause is not None else None, "evidence": finding.evidence,
        "sentence": f"{span.before}{span.evidence}{span.after}" if span.found else None,
        "message": finding.message, "citation": finding.citation, "suggestion": finding.suggestion,
        "suggestion_title": suggestion.title if suggestion else None,
    }


def render_csv(results) -> str:
    """CSV with a header row; the last row carries the not-legal-advice note (first cell starts with #)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in finding_rows(results):
        writer.writerow([_cell(row.get(column)) for column in COLUMNS])
    writer.writerow([f"# msa-check {__version__}. Not legal advice: {DISCLAIMER}"])
    return buffer.getvalue()


def render_xlsx(results) -> bytes:
    """Workbook with a "Findings" sheet (filterable, frozen header) and an "About" sheet with the note."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Findings"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3EA")

    def xlsx_cell(value):
        # XLSX cannot store control characters; drop them before neutralising, which must see the result
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return _cell(value)

    for row in finding_rows(results):
        sheet.append([xlsx_cell(row.get(column)) for column in COLUMNS])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    widths = {"path": 30, "evidence": 40, "sentence": 60, "message": 60, "clause": 30, "citation": 30}
    for index, column in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(column, 14)
        if column in widths:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    about = workbook.create_sheet("About")
    about.append(["Tool", f"msa-check {__version__}"])
    about.append(["Not legal advice", DISCLAIMER])
    about.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value):
    if value is None:
        return ""
    return neutralize_cell(value)
