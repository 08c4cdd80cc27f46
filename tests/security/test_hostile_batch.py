"""Issue 6, "Done when": every hostile file comes out of a batch review as one ok or coded row,
within its limits, with the parent process's memory flat.

The files are the shared corpus of real broken, encrypted and fuzzer-found files (used in place,
never copied) plus bombs and traps generated here. Each analysis function is run through the same
batch: the raw PDF/Word libraries with no guards of their own (so only worker isolation protects
the batch), the project's readers, and the full analyzer once it is installed.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from msa_toolkit.batch import ReviewOptions, discover, review, scan
from msa_toolkit.errors import ERROR_CODES
from msa_toolkit.limits import Limits

from batch import fakes  # tests/ is on sys.path: both folders are packages
from .hostile_files import build_all

SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "hostile"
HOSTILE_LIMITS = Limits(timeout_seconds=10.0, memory_bytes=512 * 2**20)


def _available(dotted: str) -> str:
    module, _, name = dotted.partition(":")
    try:
        if not callable(getattr(importlib.import_module(module), name, None)):
            pytest.skip(f"{dotted} is not available yet")
    except ImportError as err:
        pytest.skip(f"{dotted} is not importable: {err}")
    return dotted


ANALYSES = {
    "raw-libraries": lambda: f"{fakes.__name__}:raw_library_parse",
    "project-readers": lambda: _available("msa_toolkit.ingest:read_raw") and f"{fakes.__name__}:reader_only",
    "full-analyzer": lambda: _available("msa_toolkit.analysis:analyze"),
}


@pytest.fixture(scope="module")
def hostile_room(tmp_path_factory):
    """Generated hostile files, a FIFO and a link leaving the folder; returns (room, secret)."""
    base = tmp_path_factory.mktemp("hostile")
    room = base / "room"
    build_all(room)
    os.mkfifo(room / "pipe.pdf")
    secret = base / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("SEGFAULT not yours to read")
    (room / "escape.txt").symlink_to(secret)
    return room, secret


def _vm_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError(field)


def _corpus_files() -> list[Path]:
    if not SHARED_CORPUS.is_dir():
        return []
    return sorted(p for p in SHARED_CORPUS.iterdir() if p.is_file() and p.name not in ("MANIFEST.json", "README.md"))


@pytest.mark.parametrize("analysis", list(ANALYSES))
def test_every_hostile_file_gives_one_ok_or_coded_row(analysis, hostile_room, tmp_path):
    analyze_fn = ANALYSES[analysis]()
    room, _ = hostile_room
    generated = discover([room])
    files = generated + _corpus_files()
    options = ReviewOptions(
        workers=2, limits=HOSTILE_LIMITS, analyze_fn=analyze_fn, use_cache=False,
        results_path=tmp_path / "results.jsonl",
    )
    rss_before, peak_before = _vm_kb("VmRSS"), _vm_kb("VmHWM")

    rows = list(review(files, options))

    rss_after, peak_after = _vm_kb("VmRSS"), _vm_kb("VmHWM")
    assert sorted(r.path for r in rows) == sorted(map(str, files))
    for row in rows:
        assert row.status in ("ok", "error"), row.path
        if row.status == "error":
            assert row.error.code in ERROR_CODES, row
            assert "Traceback" not in row.error.message
    assert (rss_after - rss_before) < 64 * 1024, "the parent's memory grew while reviewing"
    # The parent holds one result at a time (the 40 MB one-line text is the largest); a bomb that
    # inflated in the parent would add its 300 MB.
    assert (peak_after - peak_before) < 256 * 1024, "a hostile file inflated in the parent process"
    assert len((tmp_path / "results.jsonl").read_text().splitlines()) == len(files)


def test_traps_in_the_folder_are_not_followed(hostile_room):
    room, secret = hostile_room

    files, skipped = scan([room])

    reasons = {p.name: why for p, why in skipped}
    assert reasons["pipe.pdf"] == "not a regular file"
    assert reasons["escape.txt"] == "link pointing outside the folder"
    assert all(secret != Path(os.path.realpath(p)) for p in files)


def test_a_fifo_named_on_the_command_line_is_an_error_row(hostile_room):
    room, _ = hostile_room

    options = ReviewOptions(workers=1, use_cache=False, analyze_fn=f"{fakes.__name__}:scripted_analyze")

    [row] = review([room / "pipe.pdf"], options)

    assert row.error.code == "E101"


def test_the_raw_libraries_really_hang_and_explode_without_the_worker_guards(hostile_room):
    """Shows what the guards are for: the self-referencing PDF never finishes in pdfminer, the
    zip bomb needs more than the memory limit in python-docx."""
    room, _ = hostile_room
    raw = f"{fakes.__name__}:raw_library_parse"

    def review_one(path, timeout):
        limits = Limits(timeout_seconds=timeout, memory_bytes=512 * 2**20)
        [row] = review([path], ReviewOptions(workers=1, limits=limits, analyze_fn=raw, use_cache=False))
        return row

    assert review_one(room / "self_reference.pdf", 3.0).error.code == "E140"
    assert review_one(room / "zip_bomb.docx", 120.0).error.code == "E141"
