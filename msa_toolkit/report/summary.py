"""The folder summary a diligence team reads first: one row per agreement.

Written as `summary.csv`, `summary.xlsx` (a second sheet, "Findings", lists every finding) and
`index.html` (links to the per-contract reports). Every value may come from a stranger's file, so
spreadsheet cells are neutralised, HTML is escaped, links must stay inside the output folder,
and every file is written atomically without overwriting unless `force`.
"""
from __future__ import annotations

import csv
import html
import io
from pathlib import Path
from urllib.parse import quote

from .. import DISCLAIMER, __version__
from ..errors import MsaError
from ..model import AnalysisResult
from ..output import atomic_write, confined_path, neutralize_cell

SUMMARY_COLUMNS = (
    "path", "status", "error_code", "error_message", "verdict", "high", "medium", "low",
    "mso", "practice", "state", "effective_date", "term", "renewal", "termination_notice",
    "fee_structure", "fee_amount", "top_findings",
)
FINDING_COLUMNS = (
    "path", "rule", "name", "category", "severity", "clause_id", "evidence", "message", "suggestion", "citation",
)
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
_TOP_FINDINGS = 3


def summary_row(result: AnalysisResult) -> dict:
    """One agreement as a flat row (values not yet neutralised)."""
    doc = result.document
    facts = result.facts
    counts = {severity: 0 for severity in _SEVERITY_ORDER}
    for finding in result.findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return {
        "path": result.path,
        "status": result.status,
        "error_code": result.error.code if result.error else None,
        "error_message": result.error.message if result.error else None,
        "verdict": result.verdict,
        **{severity: counts[severity] for severity in _SEVERITY_ORDER},
        "mso": _party_names(doc, "mso"),
        "practice": _party_names(doc, "practice"),
        "state": (facts.governing_state if facts and facts.governing_state else None) or result.state,
        "effective_date": facts.effective_date if facts else None,
        "term": facts.term if facts else None,
        "renewal": facts.renewal if facts else None,
        "termination_notice": facts.termination_notice if facts else None,
        "fee_structure": "; ".join(dict.fromkeys(fee.structure for fee in result.fees)) or None,
        "fee_amount": "; ".join(filter(None, (_fee_amount(fee) for fee in result.fees))) or None,
        "top_findings": "; ".join(
            f"{f.rule} {f.name} ({f.severity})" for f in _ordered(result.findings)[:_TOP_FINDINGS]
        ) or None,
    }


def finding_rows(result: AnalysisResult) -> list[dict]:
    return [
        {"path": result.path, **{column: getattr(f, column) for column in FINDING_COLUMNS[1:]}}
        for f in _ordered(result.findings)
    ]


def write_summary(results, out_dir, *, force: bool, report_links: dict | None = None) -> list[Path]:
    """Write summary.csv, summary.xlsx and index.html into `out_dir`; return their paths.

    `report_links` maps a result's path to its per-contract report, relative to `out_dir`.
    """
    out_dir = Path(out_dir)
    rows, findings = [], []
    for result in results:
        rows.append(summary_row(result))
        findings.extend(finding_rows(result))
    links = _checked_links(out_dir, report_links or {})
    targets = [confined_path(out_dir, name) for name in ("summary.csv", "summary.xlsx", "index.html")]
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:  # refuse before writing any, so a refusal leaves no mixed set
        raise MsaError("E201", "summary files exist; use --force to overwrite them", existing[0])
    contents = (summary_csv(rows), summary_xlsx(rows, findings), summary_html(rows, links))
    return [atomic_write(target, content, force=force) for target, content in zip(targets, contents)]


def summary_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SUMMARY_COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in SUMMARY_COLUMNS])
    return buffer.getvalue()


def summary_xlsx(rows: list[dict], findings: list[dict]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    for sheet, columns, table in (
        (book.active, SUMMARY_COLUMNS, rows), (book.create_sheet("Findings"), FINDING_COLUMNS, findings),
    ):
        if sheet is book.active:
            sheet.title = "Summary"
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table:
            sheet.append([_xlsx_cell(row[column]) for column in columns])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    about = book.create_sheet("About")
    about.append([f"msa-toolkit {__version__}"])
    about.append([DISCLAIMER])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def summary_html(rows: list[dict], links: dict[str, str]) -> str:
    head = "".join(f"<th>{html.escape(label)}</th>" for label in _HTML_COLUMNS.values())
    body = []
    for row in rows:
        cells = []
        for column in _HTML_COLUMNS:
            value = "" if row[column] is None else str(row[column])
            text = html.escape(value)
            if column == "path" and row["path"] in links:
                text = f'<a href="{html.escape(links[row["path"]], quote=True)}">{text}</a>'
            css = f' class="{html.escape(str(row["verdict"] or row["status"]))}"' if column == "verdict" else ""
            cells.append(f"<td{css}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    counts = {v: sum(1 for r in rows if r["verdict"] == v) for v in ("noncompliant", "review", "compliant")}
    errors = sum(1 for r in rows if r["status"] != "ok")
    overview = (
        f"{len(rows)} agreements: {counts['noncompliant']} noncompliant, {counts['review']} to review, "
        f"{counts['compliant']} compliant, {errors} could not be analysed."
    )
    return _PAGE.format(
        overview=html.escape(overview), head=head, body="\n".join(body),
        disclaimer=html.escape(DISCLAIMER), version=html.escape(__version__),
    )


def _checked_links(out_dir: Path, report_links: dict) -> dict[str, str]:
    """Relative links that resolve inside `out_dir`, URL-quoted; anything else is refused."""
    checked = {}
    for source, link in report_links.items():
        link = str(link)
        confined_path(out_dir, link)  # raises for absolute paths, "..", and anything outside
        if ":" in link.split("/")[0]:
            raise MsaError("E200", f"report link {link!r} must be a relative path", str(out_dir))
        checked[str(source)] = quote(link.replace("\\", "/"))
    return checked


def _party_names(doc, role: str) -> str | None:
    names = [p.name for p in (doc.parties if doc else ()) if p.role == role]
    return "; ".join(names) or None


def _fee_amount(fee) -> str | None:
    per = f" per {fee.period}" if fee.period else ""
    if fee.percentage is not None:
        return f"{fee.percentage:g}% of {fee.base or 'an unstated base'}{per}"
    if fee.amount is not None:
        return f"${fee.amount:,.2f}{per}"
    return None


def _ordered(findings) -> list:
    return sorted(findings, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 9), f.rule))


def _cell(value):
    return "" if value is None else neutralize_cell(value)


def _xlsx_cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return neutralize_cell(value)


_HTML_COLUMNS = {
    "path": "Agreement", "status": "Status", "error_code": "Error", "verdict": "Verdict", "high": "High",
    "medium": "Medium", "low": "Low", "mso": "MSO", "practice": "Practice", "state": "State",
    "effective_date": "Effective", "term": "Term", "renewal": "Renewal",
    "termination_notice": "Termination notice", "fee_structure": "Fee structure", "fee_amount": "Fee",
    "top_findings": "Top findings",
}

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>msa-check summary</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }}
table {{ border-collapse: collapse; font-size: 0.85rem; }}
th, td {{ border: 1px solid #d0d0d5; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}
th {{ background: #f2f2f5; position: sticky; top: 0; }}
td.noncompliant {{ background: #fde2e1; font-weight: 600; }}
td.review {{ background: #fff4d6; }}
td.compliant {{ background: #e3f6e5; }}
td.error {{ background: #ececec; }}
footer {{ margin-top: 1.5rem; font-size: 0.8rem; color: #555; }}
</style></head>
<body>
<h1>Management services agreements: summary</h1>
<p>{overview}</p>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody>
</table>
<footer><p>{disclaimer}</p><p>msa-toolkit {version}</p></footer>
</body></html>
"""
