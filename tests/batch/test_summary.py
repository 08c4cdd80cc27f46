"""The folder summary: one row per agreement in CSV, XLSX (+ every finding) and an HTML index."""
from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from msa_toolkit.errors import MsaError
from msa_toolkit.model import AnalysisResult, Party
from msa_toolkit.report.summary import SUMMARY_COLUMNS, summary_row, write_summary

from .fakes import _result_for


@pytest.fixture
def results():
    percentage = _result_for("room/glow.pdf", "PERCENT of Net Collections", "FL")
    hostile_party = Party('=HYPERLINK("http://evil.example","x") <script>alert(1)</script>', (), "mso", "LLC")
    hostile = replace(_result_for("room/evil.docx", "fixed", "TX"),
                      document=replace(percentage.document, path="room/evil.docx", parties=(hostile_party,)))
    broken = AnalysisResult.from_error("room/scan.pdf", "E112", "no text layer")
    return [percentage, hostile, broken]


def test_one_row_per_agreement_with_the_deal_terms(results):
    row = summary_row(results[0])

    assert row["verdict"] == "noncompliant" and row["high"] == 1 and row["medium"] == 0
    assert row["mso"] == "Acme Management LLC" and row["practice"] == "Glow Medical P.C."
    assert row["state"] == "FL" and row["term"] == "5 years" and row["termination_notice"] == "90 days"
    assert row["fee_structure"] == "percentage" and row["fee_amount"] == "8% of Net Collections per month"
    assert row["top_findings"] == "MSA101 percentage-of-collections-fee (high)"


def test_an_unreadable_file_is_a_row_with_its_error(results):
    row = summary_row(results[2])

    assert (row["status"], row["error_code"], row["verdict"]) == ("error", "E112", None)


def test_write_summary_writes_csv_xlsx_and_html(results, tmp_path):
    written = write_summary(results, tmp_path, force=False, report_links={"room/glow.pdf": "reports/glow report.html"})

    assert [p.name for p in written] == ["summary.csv", "summary.xlsx", "index.html"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "summary.csv").read_text())))
    assert [r["path"] for r in rows] == ["room/glow.pdf", "room/evil.docx", "room/scan.pdf"]
    assert list(rows[0]) == list(SUMMARY_COLUMNS)
    page = (tmp_path / "index.html").read_text()
    assert 'href="reports/glow%20report.html"' in page


def test_xlsx_has_a_findings_sheet_and_no_formulas(results, tmp_path):
    from openpyxl import load_workbook

    write_summary(results, tmp_path, force=False)
    book = load_workbook(tmp_path / "summary.xlsx")

    assert book.sheetnames[:2] == ["Summary", "Findings"]
    findings = list(book["Findings"].values)
    assert len(findings) == 1 + sum(len(r.findings) for r in results)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(str(c.value).startswith("'=HYPERLINK") for c in cells)


def test_csv_cells_that_would_be_formulas_are_neutralised(results, tmp_path):
    write_summary(results, tmp_path, force=False)

    rows = list(csv.DictReader(io.StringIO((tmp_path / "summary.csv").read_text())))

    assert rows[1]["mso"].startswith("'=HYPERLINK")


def test_html_index_escapes_values_from_documents(results, tmp_path):
    write_summary(results, tmp_path, force=False)

    page = (tmp_path / "index.html").read_text()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("link", ["../outside.html", "/etc/passwd", "javascript:alert(1)", "https://evil.example/x"])
def test_report_links_must_stay_inside_the_output_folder(results, tmp_path, link):
    with pytest.raises(MsaError):
        write_summary(results, tmp_path, force=False, report_links={"room/glow.pdf": link})


def test_an_existing_summary_is_kept_without_force(results, tmp_path):
    (tmp_path / "summary.csv").write_text("earlier run")

    with pytest.raises(MsaError) as refused:
        write_summary(results, tmp_path, force=False)

    assert refused.value.code == "E201"
    assert (tmp_path / "summary.csv").read_text() == "earlier run"
    write_summary(results, tmp_path, force=True)
    assert (tmp_path / "summary.csv").read_text().startswith("path,status")
