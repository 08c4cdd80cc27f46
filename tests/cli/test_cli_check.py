"""msa-check as a reviewer and a CI job use it: exit codes, error lines, formats, output files."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "pdfplumber", "pypdfium2", "docx", "docxtpl", "openpyxl", "jinja2")


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_do_not_import_heavy_libraries(flag):
    code = (
        "import sys\nfrom msa_toolkit.cli.check import main\n"
        f"try:\n    main([{flag!r}])\nexcept SystemExit:\n    pass\n"
        f"print('HEAVY=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("HEAVY=")


def test_version_prints_the_package_version():
    import msa_toolkit

    out = subprocess.run([sys.executable, "-m", "msa_toolkit.cli.check", "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == f"msa-check {msa_toolkit.__version__}"


def test_help_documents_exit_codes_and_ends_with_an_example(run_check):
    result = run_check("--help")
    assert result.exit_code == 0
    assert "Exit codes:" in result.output
    assert result.output.rstrip().splitlines()[-1].strip().startswith("msa-check ")


def test_clean_contract_exits_0(run_check, contracts):
    result = run_check(contracts / "clean.txt")
    assert result.exit_code == 0
    assert "COMPLIANT" in result.stdout
    assert "Not legal advice" in result.stdout


def test_high_finding_exits_1_and_shows_evidence(run_check, contracts):
    result = run_check(contracts / "percent.txt")
    assert result.exit_code == 1
    assert "MSA101" in result.stdout
    assert "**PERCENT**" in result.stdout  # evidence marked in its sentence
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


@pytest.mark.parametrize("fail_on, expected", [("high", 0), ("medium", 1), ("low", 1), ("none", 0)])
def test_fail_on_sets_the_threshold(run_check, contracts, fail_on, expected):
    assert run_check(contracts / "review.txt", "--fail-on", fail_on).exit_code == expected


def test_fail_on_none_still_reports_high_findings(run_check, contracts):
    result = run_check(contracts / "percent.txt", "--fail-on", "none")
    assert result.exit_code == 0
    assert "MSA101" in result.stdout


def test_unreadable_single_file_exits_2_with_one_coded_line(run_check, contracts):
    result = run_check(contracts / "broken.txt")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(contracts / "broken.txt") in lines[0] and "E111" in lines[0] and "damaged" in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # the error is not repeated on stdout


def test_missing_file_exits_2(run_check, tmp_path):
    result = run_check(tmp_path / "nope.pdf")
    assert result.exit_code == 2
    assert "E100" in result.stderr


def test_folder_with_findings_and_an_error_exits_1(run_check, contracts):
    result = run_check(contracts, "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    statuses = {d["path"].rsplit("/", 1)[-1]: d["status"] for d in payload["documents"]}
    assert statuses == {"broken.txt": "error", "clean.txt": "ok", "percent.txt": "ok", "review.txt": "ok"}
    assert "E111" in result.stderr


def test_folder_with_an_error_and_nothing_at_threshold_exits_2(run_check, contracts):
    (contracts / "percent.txt").unlink()
    assert run_check(contracts).exit_code == 2


def test_json_is_one_object_in_discovery_order(run_check, contracts):
    payload = json.loads(run_check(contracts, "--format", "json", "--fail-on", "none").stdout)
    assert payload["tool"] == "msa-check" and payload["disclaimer"]
    paths = [d["path"] for d in payload["documents"]]
    assert paths == sorted(paths)
    percent = next(d for d in payload["documents"] if d["path"].endswith("percent.txt"))
    assert percent["verdict"] == "noncompliant"
    assert percent["findings"][0]["rule"] == "MSA101"


def test_jsonl_is_one_document_per_line(run_check, contracts):
    lines = run_check(contracts, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 4
    assert all(json.loads(line)["path"] for line in lines)


def test_output_file_is_not_overwritten_without_force(run_check, contracts, tmp_path):
    target = tmp_path / "report.html"
    assert run_check(contracts / "clean.txt", "-o", target).exit_code == 0
    assert target.read_text().startswith("<!DOCTYPE html>")  # format taken from the suffix
    target.write_text("keep me")
    again = run_check(contracts / "clean.txt", "-o", target)
    assert again.exit_code == 2
    assert "E201" in again.stderr and target.read_text() == "keep me"
    assert run_check(contracts / "clean.txt", "-o", target, "--force").exit_code == 0
    assert target.read_text().startswith("<!DOCTYPE html>")


def test_binary_format_can_be_piped(run_check, contracts):
    result = run_check(contracts / "percent.txt", "--format", "xlsx")
    assert result.exit_code == 1
    assert result.stdout_bytes.startswith(b"PK")


def test_output_dir_gets_one_report_per_contract_and_a_summary(run_check, contracts, tmp_path):
    out = tmp_path / "review"
    result = run_check(contracts, "--output-dir", out)
    assert result.exit_code == 1
    reports = sorted(p.name for p in out.glob("*.html") if p.name != "index.html")
    assert len(reports) == 4 and all(name.endswith(".txt.html") for name in reports)
    assert reports[0].startswith("broken-")
    assert (out / "results.jsonl").is_file()
    assert {"summary.csv", "summary.xlsx", "index.html"} <= {p.name for p in out.iterdir()}


def test_a_second_run_into_the_same_folder_needs_resume_or_force(run_check, contracts, tmp_path):
    out = tmp_path / "review"
    assert run_check(contracts, "--output-dir", out).exit_code == 1
    again = run_check(contracts, "--output-dir", out)
    assert again.exit_code == 2 and "E201" in again.stderr
    assert run_check(contracts, "--output-dir", out, "--resume").exit_code == 1
    assert run_check(contracts, "--output-dir", out, "--force").exit_code == 1
    assert len((out / "results.jsonl").read_text().splitlines()) == 4


def test_resume_needs_an_output_dir(run_check, contracts):
    result = run_check(contracts, "--resume")
    assert result.exit_code == 2
    assert "--output-dir" in result.output


def test_no_paths_is_a_usage_error(run_check):
    result = run_check()
    assert result.exit_code == 2


def test_empty_folder_is_an_input_error(run_check, tmp_path):
    result = run_check(tmp_path)
    assert result.exit_code == 2
    assert "E200" in result.stderr


def test_malformed_state_is_a_usage_error(run_check, contracts):
    result = run_check(contracts / "clean.txt", "--state", "Florida")
    assert result.exit_code == 2
    assert "--state" in result.output


def test_unknown_rule_for_explain_exits_2(run_check):
    pytest.importorskip("msa_toolkit.analysis.catalogue")
    result = run_check("--explain", "MSA999")
    assert result.exit_code == 2
    assert "MSA999" in result.stderr


def test_unexpected_errors_are_one_line_unless_debug(run_check, contracts, monkeypatch):
    import msa_toolkit.batch

    def broken_review(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(msa_toolkit.batch, "review", broken_review)
    result = run_check(contracts / "clean.txt")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "msa-check: E190 internal-error: RuntimeError: disk on fire (run with --debug for the traceback)")
    with pytest.raises(RuntimeError):
        run_check(contracts / "clean.txt", "--debug")
