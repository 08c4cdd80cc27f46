"""Build RawDocuments for segmentation tests from plain text or from Word-like blocks."""
from __future__ import annotations

import textwrap

from msa_toolkit.model import Block, RawDocument
from msa_toolkit.segment import segment


def raw_from_text(text: str, *, fmt: str = "text") -> RawDocument:
    """One block per line, as a reader gives a file it could not split into paragraphs."""
    lines = textwrap.dedent(text).strip("\n").split("\n")
    return RawDocument(path="contract.txt", format=fmt, blocks=tuple(Block(line) for line in lines))


def raw_from_blocks(*blocks: Block, fmt: str = "docx") -> RawDocument:
    return RawDocument(path="contract.docx", format=fmt, blocks=tuple(blocks))


def clauses_of(text: str):
    return segment(raw_from_text(text))[1]


def by_id(clauses) -> dict:
    return {clause.id: clause for clause in clauses}


def assert_spans_cover_text(text: str, clauses) -> None:
    """Clauses are disjoint spans, in order, that hold every non-whitespace character."""
    covered = [0] * len(text)
    for clause in clauses:
        assert text[clause.start:clause.end] == clause.text
        for i in range(clause.start, clause.end):
            covered[i] += 1
    assert all(n <= 1 for n in covered)
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and covered[i] == 0]
    assert not missing, f"text outside every clause at {missing[:5]}: {text[missing[0]:missing[0] + 30]!r}"
