"""Segmentation stage: a RawDocument's blocks into the document text and a clause tree.

See `msa_toolkit.segmentation` for how; this module is the stable entry point the read pipeline
calls.
"""
from __future__ import annotations

from .model import Clause, RawDocument


def segment(raw: RawDocument) -> tuple[str, tuple[Clause, ...]]:
    """Return the document text (blocks joined with "\\n", Word numbers in front) and its clauses.

    Clauses are contiguous, disjoint spans of that text that together hold every non-blank
    character; `Clause.parent` and `Clause.level` carry the tree.
    """
    from .segmentation.builder import segment_raw

    return segment_raw(raw)
