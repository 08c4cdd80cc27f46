"""Batch review of folders: discover files, analyse each in an isolated worker, stream results.

    from msa_toolkit.batch import ReviewOptions, discover, review
    for result in review(discover(["data-room/"]), ReviewOptions(workers=2, results_path="out/results.jsonl")):
        print(result.path, result.status, result.verdict)
"""
from __future__ import annotations

from .discover import discover, scan
from .options import ReviewOptions, default_cache_path
from .runner import review

__all__ = ["ReviewOptions", "default_cache_path", "discover", "review", "scan"]
