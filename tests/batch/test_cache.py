"""The result cache: an unchanged data room is not analysed twice, and cached results are exact."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from msa_toolkit.batch import review
from msa_toolkit.batch.cache import ResultCache
from msa_toolkit.errors import MsaError
from msa_toolkit.model import AnalysisResult

from .conftest import TEST_LIMITS, write_files


def _analysed(log):
    return log.read_text().splitlines() if log.exists() else []


def test_a_second_run_over_an_unchanged_folder_analyses_nothing(tmp_path, make_options):
    log = tmp_path / "analysed.log"
    contents = {f"{i}.txt": f"LOG:{log}\n{'PERCENT' if i % 2 else 'fixed'} {i}" for i in range(5)}
    files = write_files(tmp_path / "in", contents)
    options = make_options(use_cache=True)

    first = {r.path: r for r in review(files, options)}
    second = {r.path: r for r in review(files, options)}

    assert len(_analysed(log)) == 5
    assert second == first


def test_only_changed_files_are_analysed_again(tmp_path, make_options):
    log = tmp_path / "analysed.log"
    files = write_files(tmp_path / "in", {"a.txt": f"LOG:{log}\nfixed", "b.txt": f"LOG:{log}\nfixed too"})
    options = make_options(use_cache=True)
    list(review(files, options))
    files[1].write_text(f"LOG:{log}\nPERCENT now")

    results = {r.path: r for r in review(files, options)}

    assert sorted(_analysed(log)) == [str(files[0]), str(files[1]), str(files[1])]
    assert results[str(files[1])].verdict == "noncompliant"


def test_a_renamed_file_is_a_cache_hit_under_its_new_name(tmp_path, make_options):
    log = tmp_path / "analysed.log"
    [original] = write_files(tmp_path / "in", {"a.txt": f"LOG:{log}\nPERCENT"})
    options = make_options(use_cache=True)
    list(review([original], options))
    moved = original.rename(tmp_path / "in" / "renamed.txt")

    [row] = review([moved], options)

    assert len(_analysed(log)) == 1
    assert row.path == str(moved) and row.document.path == str(moved)


def test_settings_that_change_the_result_miss_the_cache(tmp_path, make_options):
    log = tmp_path / "analysed.log"
    files = write_files(tmp_path / "in", {"a.txt": f"LOG:{log}\nfixed"})
    list(review(files, make_options(use_cache=True)))

    [row] = review(files, make_options(use_cache=True, state="NY"))
    list(review(files, make_options(use_cache=True, limits=replace(TEST_LIMITS, max_pages=10))))

    assert len(_analysed(log)) == 3
    assert row.state == "NY"


def test_timeouts_are_not_cached(tmp_path, make_options):
    files = write_files(tmp_path / "in", {"slow.txt": "HANG"})
    options = make_options(use_cache=True, limits=replace(TEST_LIMITS, timeout_seconds=1))
    list(review(files, options))

    with sqlite3.connect(options.cache_path) as db:
        assert db.execute("SELECT COUNT(*) FROM results").fetchone() == (0,)


def test_cache_is_sqlite_in_wal_mode(tmp_path):
    cache = ResultCache(tmp_path / "c.sqlite")
    result = AnalysisResult.from_error("a.pdf", "E111", "the PDF is corrupt")
    cache.put("k", result, "0" * 64)

    assert cache.get("k") == result
    assert cache.db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    cache.close()


def test_two_runs_can_share_one_cache(tmp_path):
    first, second = ResultCache(tmp_path / "c.sqlite"), ResultCache(tmp_path / "c.sqlite")
    for i in range(20):
        writer = first if i % 2 else second
        writer.put(f"k{i}", AnalysisResult.from_error(f"{i}.pdf", "E111", "corrupt"), "0" * 64)

    assert all(first.get(f"k{i}").path == f"{i}.pdf" for i in range(20))
    first.close()
    second.close()


def test_a_damaged_cache_file_is_a_clear_error(tmp_path, make_options):
    damaged = tmp_path / "cache.sqlite"
    damaged.write_bytes(b"this is not a database" * 100)
    files = write_files(tmp_path / "in", {"a.txt": "fixed"})

    with pytest.raises(MsaError) as refused:
        list(review(files, make_options(use_cache=True, cache_path=damaged)))

    assert refused.value.code == "E200" and "--no-cache" in refused.value.message
