"""Stage orchestration for reading: file -> RawDocument -> clause tree -> parties and terms."""
from __future__ import annotations

from pathlib import Path

from .limits import DEFAULT_LIMITS, Limits
from .model import Document


def read(path, *, limits: Limits | None = None, password: str | None = None, jobs: int | None = None) -> Document:
    """Read a contract file into its clause tree; `jobs` > 1 reads a long PDF's pages in that many processes."""
    from .ingest import read_raw
    from .parties import resolve_parties
    from .segment import segment
    from .terms import find_defined_terms

    limits = limits or DEFAULT_LIMITS
    raw = read_raw(Path(path), limits=limits, password=password, jobs=jobs)
    text, clauses = segment(raw)
    parties = resolve_parties(text, clauses)
    terms = find_defined_terms(text, clauses)
    return Document(
        path=str(path), format=raw.format, text=text, clauses=clauses, parties=parties,
        defined_terms=terms, pages=raw.pages, warnings=raw.warnings,
    )
