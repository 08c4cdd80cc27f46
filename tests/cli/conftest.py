"""Run `msa-check` in-process against a stand-in analyzer (tests/cli/fakes.py) in real worker processes."""
from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from msa_toolkit.cli import check


@pytest.fixture
def run_check(monkeypatch, tmp_path):
    """Call msa-check with arguments; analysis is done by `fakes.analyze`, the cache lives in tmp_path."""
    build_options = check._review_options

    def with_fake_analyzer(*args, **kwargs):
        return replace(build_options(*args, **kwargs), analyze_fn="tests.cli.fakes:analyze")

    monkeypatch.setattr(check, "_review_options", with_fake_analyzer)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def run(*args):
        return CliRunner().invoke(check.main, [str(a) for a in args], catch_exceptions=False)

    return run


@pytest.fixture
def contracts(tmp_path):
    """A small folder: a clean contract, one with a high finding, one with a medium, one unreadable."""
    folder = tmp_path / "contracts"
    folder.mkdir()
    (folder / "clean.txt").write_text("1. Services. Manager provides billing.\n\n2. Fees. A fixed monthly fee.\n")
    (folder / "percent.txt").write_text("1. Fees. Manager receives PERCENT of collections.\n\n2. Term. Five years.\n")
    (folder / "review.txt").write_text("1. Director. The medical director may REVIEW things.\n")
    (folder / "broken.txt").write_text("BROKEN\n")
    return folder
