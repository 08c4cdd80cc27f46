"""Issue 6, Output: names are sanitised, paths confined, nothing overwritten without force, every
write atomic, spreadsheet formulas neutralised, inputs never modified."""
from __future__ import annotations

import hashlib
import os

import pytest

from msa_toolkit.batch import ReviewOptions, review
from msa_toolkit.errors import MsaError
from msa_toolkit.output import atomic_write, confined_path, neutralize_cell, safe_output_name

from batch import fakes  # tests/ is on sys.path: both folders are packages


def test_existing_files_are_not_overwritten_without_force(tmp_path):
    report = tmp_path / "report.html"
    report.write_text("the reviewer's edited copy")

    with pytest.raises(MsaError) as refused:
        atomic_write(report, "new report", force=False)

    assert refused.value.code == "E201"
    assert report.read_text() == "the reviewer's edited copy"
    atomic_write(report, "new report", force=True)
    assert report.read_text() == "new report"


def test_a_write_that_fails_midway_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    report = tmp_path / "summary.csv"
    report.write_text("complete old summary")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        atomic_write(report, "half a new summary", force=True)

    assert report.read_text() == "complete old summary"
    assert os.listdir(tmp_path) == ["summary.csv"]


def test_forcing_over_a_symlink_replaces_the_link_not_its_target(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("do not touch")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").symlink_to(precious)

    atomic_write(out / "report.html", "report", force=True)

    assert precious.read_text() == "do not touch"
    assert (out / "report.html").read_text() == "report" and not (out / "report.html").is_symlink()


@pytest.mark.parametrize("hostile_name", [
    "../../etc/passwd", "..\\..\\windows\\system32\\x.pdf", "/abs/path/contract.pdf", "con.pdf",
    "contract\x00.pdf", "..", "", "a" * 400 + ".pdf", "résumé <b>&\"'.docx",
])
def test_output_names_from_input_names_are_sanitised(hostile_name, tmp_path):
    name = safe_output_name(hostile_name, ".html")

    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".") and name.endswith(".html") and len(name) < 120
    assert name.split("-")[0].lower() != "con"
    assert confined_path(tmp_path, name).parent == tmp_path.resolve()


def test_two_inputs_with_the_same_name_get_different_outputs():
    assert safe_output_name("a/contract.pdf", ".html") != safe_output_name("b/contract.pdf", ".html")


@pytest.mark.parametrize("escape", ["../x.html", "/tmp/x.html", "a/../../x.html", "..", ""])
def test_outputs_cannot_leave_the_output_folder(escape, tmp_path):
    with pytest.raises(MsaError):
        confined_path(tmp_path / "out", escape)


def test_an_output_folder_link_inside_cannot_point_outside(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "reports").symlink_to(tmp_path)

    with pytest.raises(MsaError):
        confined_path(out, "reports/evil.html")


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_formula_like_cells_are_neutralised(value):
    assert neutralize_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Acme LLC", "", 12, 3.5, None, "a=b"])
def test_ordinary_cells_are_unchanged(value):
    assert neutralize_cell(value) == value


def _digest(folder):
    return {
        p: (hashlib.sha256(open(p, "rb").read()).hexdigest(), os.stat(p).st_mtime_ns)
        for p in sorted(str(q) for q in folder.rglob("*") if q.is_file())
    }


def test_reviewing_never_modifies_the_inputs(tmp_path):
    room = tmp_path / "room"
    room.mkdir()
    for name, content in {"a.txt": "fixed", "b.txt": "PERCENT", "c.txt": "BUG", "d.txt": ""}.items():
        (room / name).write_text(content)
    before = _digest(room)

    list(review(sorted(room.iterdir()), ReviewOptions(
        workers=1, analyze_fn=f"{fakes.__name__}:scripted_analyze", cache_path=tmp_path / "c.sqlite",
        results_path=tmp_path / "results.jsonl",
    )))

    assert _digest(room) == before
