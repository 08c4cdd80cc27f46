"""Batch tests run the real worker machinery with stand-in analysis functions (see fakes.py)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from msa_toolkit.batch import ReviewOptions
from msa_toolkit.limits import Limits

from . import fakes

SCRIPTED = f"{fakes.__name__}:scripted_analyze"
RAW_LIBRARIES = f"{fakes.__name__}:raw_library_parse"
TEST_LIMITS = Limits(timeout_seconds=4.0, memory_bytes=384 * 2**20)


@pytest.fixture
def make_options(tmp_path):
    """ReviewOptions for a test: the stand-in analysis, a private cache, 2 workers, short limits."""

    def make(**overrides) -> ReviewOptions:
        base = ReviewOptions(
            workers=2, limits=TEST_LIMITS, analyze_fn=SCRIPTED, cache_path=tmp_path / "cache" / "cache.sqlite",
            use_cache=False,
        )
        return replace(base, **overrides)

    return make


def write_files(folder, contents: dict) -> list:
    """Create files named by `contents` keys under `folder`; return their paths, sorted."""
    paths = []
    for name, content in contents.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        paths.append(path)
    return sorted(paths)
