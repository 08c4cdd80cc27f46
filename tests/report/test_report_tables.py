"""CSV and XLSX: one row per finding, and nothing a spreadsheet would execute."""
from __future__ import annotations

import csv
import io

from msa_toolkit import DISCLAIMER
from msa_toolkit.report import render
from msa_toolkit.report.tables import COLUMNS


def _csv_rows(results):
    return list(csv.reader(io.StringIO(render(results, "csv"))))


def test_csv_has_one_row_per_finding_and_one_per_document_without_findings(noncompliant, clean, unreadable):
    rows = _csv_rows([noncompliant, clean, unreadable])
    assert rows[0] == list(COLUMNS)
    body = rows[1:-1]
    assert len(body) == len(noncompliant.findings) + 2
    by_path = {}
    for row in body:
        by_path.setdefault(row[0], []).append(dict(zip(COLUMNS, row)))
    assert by_path["contracts/clean_msa.txt"][0]["verdict"] == "compliant"
    assert by_path["contracts/locked.pdf"][0]["error_code"] == "E110"
    fee = next(r for r in by_path["contracts/glow_msa.pdf"] if r["rule"] == "MSA101")
    assert fee["clause"] == "Section 5.1 Management Fee"
    assert fee["citation"] == "Fla. Bd. of Medicine, In re PhyMatrix (1997)"


def test_csv_ends_with_the_disclaimer(noncompliant):
    assert DISCLAIMER in _csv_rows([noncompliant])[-1][0]


def test_csv_neutralises_formula_cells(noncompliant):
    rows = [dict(zip(COLUMNS, row)) for row in _csv_rows([noncompliant])[1:-1]]
    odd = next(r for r in rows if r["rule"] == "MSA199")
    assert odd["evidence"] == "'=HYPERLINK(\"http://evil.example\")"
    assert odd["message"].startswith("'-")
    assert odd["citation"].startswith("'@")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_xlsx_has_no_formula_cells_and_an_about_sheet(noncompliant, clean):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(render([noncompliant, clean], "xlsx")))
    sheet = workbook["Findings"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + len(noncompliant.findings) + 1
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
    assert workbook["About"]["B2"].value == DISCLAIMER


def test_xlsx_survives_control_characters_without_letting_a_formula_through(noncompliant):
    from dataclasses import replace

    from openpyxl import load_workbook

    hostile = replace(noncompliant.findings[0], message="\x01=cmd|' /C calc'!A0", evidence="\x00bad\x1ftext")
    result = replace(noncompliant, findings=(hostile,))
    sheet = load_workbook(io.BytesIO(render([result], "xlsx")))["Findings"]
    values = [cell.value for cell in sheet[2]]
    assert "'=cmd|' /C calc'!A0" in values
    assert "badtext" in values
