"""The on-disk cache of compiled patterns: a second start rebuilds the same patterns without compiling them,
and a missing, damaged or tampered cache only means compiling again."""
from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from msa_toolkit import pattern_cache

ROOT = Path(__file__).resolve().parents[2]
NAMED = r"(?P<rate>\d+(?:\.\d+)?)\s*%\s+of\s+(?P<base>net\s+(?:revenue|collections))"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path))
    pattern_cache.forget()
    yield tmp_path
    pattern_cache.forget()


def _fresh_start():
    """What a new process sees: nothing loaded yet."""
    pattern_cache.forget()


def test_a_second_start_rebuilds_the_same_pattern_from_the_cache(cache_dir):
    first = pattern_cache.compile(NAMED, re.IGNORECASE)
    assert pattern_cache.save() is True
    assert pattern_cache.cache_file().is_file()

    _fresh_start()
    again = pattern_cache.compile(NAMED, re.IGNORECASE)
    assert pattern_cache._unsaved == 0  # it came from the file, nothing new to write
    assert pattern_cache.save() is False
    assert (again.pattern, again.flags, again.groupindex) == (first.pattern, first.flags, first.groupindex)
    text = "a fee of 12.5% of Net Collections each month"
    assert again.search(text).groupdict() == first.search(text).groupdict() == {"rate": "12.5", "base": "Net Collections"}


def test_a_damaged_cache_file_only_means_compiling_again(cache_dir):
    pattern_cache.compile(r"\bManager\b")
    pattern_cache.save()
    pattern_cache.cache_file().write_bytes(b"\x00not a cache\xff")

    _fresh_start()
    assert pattern_cache.compile(r"\bManager\b").search("the Manager shall").group() == "Manager"
    assert pattern_cache.save() is True  # rewritten whole


def test_a_tampered_program_is_refused_by_the_engine_and_compiled_afresh(cache_dir):
    path = pattern_cache.cache_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(marshal.dumps([[r"\bPractice\b", 0, 32, [999999, 1, 2], 0, {}, [None]]]))

    _fresh_start()
    rx = pattern_cache.compile(r"\bPractice\b")
    assert rx.search("the Practice shall").group() == "Practice"


def test_invalid_patterns_raise_as_usual_and_are_not_kept(cache_dir):
    with pytest.raises(re.error):
        pattern_cache.compile(r"(unclosed")
    assert pattern_cache.save() is False


def test_the_cache_can_be_switched_off(monkeypatch):
    monkeypatch.setenv(pattern_cache.ENV, "off")
    pattern_cache.forget()
    try:
        assert pattern_cache.cache_file() is None
        assert pattern_cache.compile(r"\bfee\b").search("the fee") is not None
        assert pattern_cache.save() is False
    finally:
        pattern_cache.forget()


def test_findings_are_the_same_from_a_cold_and_a_warm_cache(tmp_path):
    """Two fresh processes, the first writing the cache and the second reading it, report the same."""
    env = {**os.environ, pattern_cache.ENV: str(tmp_path / "patterns")}
    sample = ROOT / "samples" / "contracts" / "noncompliant_msa.txt"
    command = [sys.executable, "-m", "msa_toolkit.cli.check", "--format", "json", "--no-cache", "--workers", "1",
               str(sample)]
    if not sample.is_file():
        pytest.skip("sample contract not present")
    runs = [subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120) for _ in range(2)]
    assert list((tmp_path / "patterns").glob("patterns-*")), runs[0].stderr
    cold, warm = (json.loads(run.stdout)["documents"][0] for run in runs)
    assert cold["findings"] and cold["findings"] == warm["findings"]
    assert cold["verdict"] == warm["verdict"] == "noncompliant"


def test_a_full_load_drops_patterns_nobody_asks_for_any_more(cache_dir, monkeypatch):
    monkeypatch.setattr(pattern_cache, "_FULL_LOAD", 3)
    for word in ("stale", "Manager", "Practice"):
        pattern_cache.compile(rf"\b{word}\b")
    pattern_cache.save()

    _fresh_start()  # the rules changed: "stale" is no longer used, "Physician" is new
    for word in ("Manager", "Practice", "Physician"):
        pattern_cache.compile(rf"\b{word}\b")
    assert pattern_cache.save() is True

    _fresh_start()
    kept = {row[0] for row in marshal.loads(pattern_cache.cache_file().read_bytes())}
    assert kept == {r"\bManager\b", r"\bPractice\b", r"\bPhysician\b"}


def test_a_data_file_is_parsed_once_and_each_caller_gets_its_own_copy(cache_dir):
    from msa_toolkit.yamlio import load_yaml_text

    text = "entries:\n  - id: consent\n    words: [approve, consent]\n"
    first = load_yaml_text(text)
    first["entries"].append("changed by a caller")
    assert pattern_cache.save() is True

    _fresh_start()
    calls = []
    again = pattern_cache.data(text, lambda t: calls.append(t))
    assert calls == []  # came from the file, not parsed
    assert again == {"entries": [{"id": "consent", "words": ["approve", "consent"]}]}


def test_invalid_yaml_is_a_yaml_syntax_error_and_is_not_kept(cache_dir):
    from msa_toolkit.yamlio import YamlSyntaxError, load_yaml_text

    with pytest.raises(YamlSyntaxError):
        load_yaml_text("entries: [unclosed\n")
    assert pattern_cache.save() is False


def test_a_warm_start_reads_the_packaged_data_without_importing_yaml(tmp_path):
    env = {**os.environ, pattern_cache.ENV: str(tmp_path)}
    sample = ROOT / "samples" / "contracts" / "noncompliant_msa.txt"
    code = ("import sys, msa_toolkit; r = msa_toolkit.analyze(sys.argv[1]); "
            "print(r.verdict, 'yaml' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, env=env,
                           cwd=ROOT, timeout=120) for _ in range(2)]
    assert [run.stdout.split() for run in runs] == [["noncompliant", "True"], ["noncompliant", "False"]], runs[1].stderr


def test_what_a_forked_reader_used_is_kept_by_the_process_that_saves(cache_dir):
    from msa_toolkit.parallel import Background

    pattern = r"\bMedical\s+Director\b"
    assert Background(lambda: pattern_cache.compile(pattern).pattern, jobs=2).result() == pattern
    assert pattern_cache.save() is True  # the copy compiled it; this process writes it
    _fresh_start()
    assert pattern in {row[0] for row in marshal.loads(pattern_cache.cache_file().read_bytes())}
