"""Reviewing many files: one result per file whatever the file does to its worker."""
from __future__ import annotations

import json
import os
import signal
from dataclasses import replace

import pytest

from msa_toolkit.batch import review
from msa_toolkit.batch.records import result_from_record
from msa_toolkit.errors import ERROR_CODES, MsaError

from .conftest import TEST_LIMITS, write_files


def _by_name(results):
    return {os.path.basename(r.path): r for r in results}


def test_every_file_gets_one_row_even_when_it_explodes_or_crashes(tmp_path, make_options):
    files = write_files(tmp_path, {
        "2_ok.txt": "fixed fee", "3_explode.txt": "EXPLODE", "4_ok.txt": "PERCENT fee",
        "5_segfault.txt": "SEGFAULT", "6_bug.txt": "BUG", "7_empty.txt": "", "8_ok.txt": "fixed",
    })
    files.append(tmp_path / "9_missing.pdf")

    rows = _by_name(review(files, make_options(workers=1, limits=replace(TEST_LIMITS, timeout_seconds=120))))

    assert len(rows) == len(files)
    assert rows["3_explode.txt"].error.code == "E141"
    assert rows["5_segfault.txt"].error.code == "E141"
    assert rows["6_bug.txt"].error.code == "E190" and "ValueError" in rows["6_bug.txt"].error.message
    assert rows["7_empty.txt"].error.code == "E102"
    assert rows["9_missing.pdf"].error.code == "E100"
    assert [rows[n].status for n in ("2_ok.txt", "4_ok.txt", "8_ok.txt")] == ["ok", "ok", "ok"]
    assert rows["4_ok.txt"].verdict == "noncompliant"


def test_a_file_that_hangs_costs_its_time_limit_and_the_batch_goes_on(tmp_path, make_options):
    files = write_files(tmp_path, {"1_hang.txt": "HANG", "2_ok.txt": "fixed fee"})

    rows = _by_name(review(files, make_options(workers=1, limits=replace(TEST_LIMITS, timeout_seconds=2))))

    assert rows["1_hang.txt"].error.code == "E140"
    assert rows["2_ok.txt"].status == "ok"


def test_a_fifo_becomes_an_error_row_instead_of_blocking(tmp_path, make_options):
    fifo = tmp_path / "contract.pdf"
    os.mkfifo(fifo)

    def blocked(signum, frame):
        raise AssertionError("opening the FIFO blocked the batch")

    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(20)
    try:
        [row] = review([fifo], make_options())
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

    assert row.error.code == "E101"


def test_a_file_over_the_size_limit_is_not_read(tmp_path, make_options):
    [big] = write_files(tmp_path, {"big.txt": "x" * 5000})

    [row] = review([big], make_options(limits=replace(TEST_LIMITS, max_file_bytes=1000)))

    assert row.error.code == "E104"


def test_one_worker_process_serves_many_files(tmp_path, make_options):
    files = write_files(tmp_path, {f"{i}.txt": f"contract {i}" for i in range(6)})

    pids = {r.meta["pid"] for r in review(files, make_options(workers=1))}

    assert len(pids) == 1


def test_two_workers_share_the_files(tmp_path, make_options):
    files = write_files(tmp_path, {f"{i}.txt": f"SPIN contract {i}" for i in range(12)})

    results = list(review(files, make_options(workers=2)))

    assert sorted(r.path for r in results) == sorted(map(str, files))
    assert len({r.meta["pid"] for r in results}) == 2


def test_results_are_written_as_they_complete(tmp_path, make_options):
    files = write_files(tmp_path / "in", {"a.txt": "one", "b.txt": "two", "c.txt": "HANG"})
    journal = tmp_path / "results.jsonl"

    stream = review(files, make_options(results_path=journal, workers=1))
    first = next(stream)
    lines_after_first = journal.read_text().splitlines()
    rest = list(stream)

    assert [json.loads(line)["path"] for line in lines_after_first] == [first.path]
    records = [json.loads(line) for line in journal.read_text().splitlines()]
    assert len(records) == 3 == 1 + len(rest)
    assert all(r["sha256"] and len(r["sha256"]) == 64 for r in records)


def test_resume_skips_what_an_interrupted_run_finished(tmp_path, make_options):
    log = tmp_path / "analysed.log"
    files = write_files(tmp_path / "in", {f"{i}.txt": f"LOG:{log}\ncontract {i}" for i in range(4)})
    journal = tmp_path / "results.jsonl"
    interrupted = review(files, make_options(results_path=journal, workers=1))
    done_before = [next(interrupted).path, next(interrupted).path]
    interrupted.close()
    with open(journal, "ab") as cut:
        cut.write(b'{"path": "half a line')  # the kill came mid-write
    log.write_text("")

    resumed = list(review(files, make_options(results_path=journal, resume=True, workers=1)))

    assert sorted(r.path for r in resumed) == sorted(map(str, files))
    analysed_again = log.read_text().splitlines()
    assert sorted(analysed_again) == sorted(set(map(str, files)) - set(done_before))
    readable = [line for line in journal.read_text().splitlines() if line.startswith('{"path": "/')]
    assert sorted(json.loads(line)["path"] for line in readable) == sorted(map(str, files))


def test_resume_reanalyses_a_file_whose_content_changed(tmp_path, make_options):
    log = tmp_path / "analysed.log"
    [file] = write_files(tmp_path / "in", {"a.txt": f"LOG:{log}\nfixed fee"})
    journal = tmp_path / "results.jsonl"
    list(review([file], make_options(results_path=journal)))
    file.write_text(f"LOG:{log}\nPERCENT fee")

    [row] = review([file], make_options(results_path=journal, resume=True))

    assert row.verdict == "noncompliant"
    assert log.read_text().splitlines() == [str(file), str(file)]


def test_an_existing_results_file_is_not_overwritten_without_force(tmp_path, make_options):
    journal = tmp_path / "results.jsonl"
    journal.write_text('{"path": "earlier"}\n')

    with pytest.raises(MsaError) as refused:
        list(review([], make_options(results_path=journal)))

    assert refused.value.code == "E201"
    assert journal.read_text() == '{"path": "earlier"}\n'
    list(review([], make_options(results_path=journal, force=True)))
    assert journal.read_text() == ""


def test_journal_records_round_trip_to_equal_results(tmp_path, make_options):
    files = write_files(tmp_path / "in", {"a.txt": "PERCENT fee", "b.txt": "BUG"})
    journal = tmp_path / "results.jsonl"

    results = {r.path: r for r in review(files, make_options(results_path=journal))}

    for line in journal.read_text().splitlines():
        restored = result_from_record(json.loads(line))
        assert restored == results[restored.path]


def test_error_rows_carry_known_codes(tmp_path, make_options):
    files = write_files(tmp_path, {"a.txt": "BUG", "b.txt": ""})

    codes = {r.error.code for r in review(files, make_options())}

    assert codes <= set(ERROR_CODES)
