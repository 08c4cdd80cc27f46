"""Read a short agreement written in a test into parties and defined terms."""
from __future__ import annotations

import textwrap

from msa_toolkit.model import Block, RawDocument
from msa_toolkit.parties import resolve_parties
from msa_toolkit.segment import segment
from msa_toolkit.terms import find_defined_terms


def _segmented(text: str):
    paragraphs = [p.strip() for p in textwrap.dedent(text).strip().split("\n\n") if p.strip()]
    return segment(RawDocument(path="contract.txt", format="text", blocks=tuple(Block(p) for p in paragraphs)))


def parties_of(text: str) -> dict:
    """Parties by role; paragraphs are separated by blank lines as in a plain-text filing."""
    return {party.role: party for party in resolve_parties(*_segmented(text))}


def terms_of(text: str) -> dict:
    return {term.term: term for term in find_defined_terms(*_segmented(text))}
