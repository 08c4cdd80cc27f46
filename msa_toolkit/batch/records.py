"""AnalysisResult <-> JSON record, losslessly, for the cache and the results JSONL.

A record is the public `AnalysisResult.to_dict()` shape plus the few fields that shape leaves
out (the document's full text and path) and the content hash of the input, so that a cached or
resumed result is equal to the one the analyzer returned.
"""
from __future__ import annotations

from typing import Any

from ..model import AnalysisResult, Clause, DealFacts, DefinedTerm, Document, ErrorInfo, FeeTerm, Finding, Party


def result_to_record(result: AnalysisResult, sha256: str | None = None) -> dict[str, Any]:
    record = result.to_dict()
    doc = result.document
    record["document_text"] = doc.text if doc else None
    record["document_path"] = doc.path if doc else None
    record["sha256"] = sha256
    return record


def result_from_record(record: dict[str, Any]) -> AnalysisResult:
    document = None
    if record.get("document_text") is not None:
        document = Document(
            path=record.get("document_path") or record["path"],
            format=record["format"],
            text=record["document_text"],
            clauses=tuple(_clause(c) for c in record.get("clauses", ())),
            parties=tuple(
                Party(name=p["name"], aliases=tuple(p["aliases"]), role=p["role"], entity_type=p.get("entity_type"))
                for p in record.get("parties", ())
            ),
            defined_terms=tuple(DefinedTerm(**t) for t in record.get("defined_terms", ())),
            pages=record.get("pages"),
            warnings=tuple(record.get("warnings", ())),
        )
    error = record.get("error")
    facts = record.get("facts")
    return AnalysisResult(
        path=record["path"],
        status=record["status"],
        document=document,
        error=ErrorInfo(**error) if error else None,
        findings=tuple(Finding(**f) for f in record.get("findings", ())),
        fees=tuple(FeeTerm(**f) for f in record.get("fees", ())),
        verdict=record.get("verdict"),
        state=record.get("state"),
        facts=DealFacts(**facts) if facts else None,
        meta=dict(record.get("meta") or {}),
    )


_CLAUSE_FIELDS = frozenset(Clause.__dataclass_fields__)


def _clause(row: dict[str, Any]) -> Clause:
    """`Clause(**row)`, without the frozen dataclass's field-by-field `__init__` when the row holds exactly the
    clause's fields (as every record does): a cached 300-page agreement has thousands of clauses."""
    if row.keys() != _CLAUSE_FIELDS:
        return Clause(**row)
    clause = object.__new__(Clause)
    clause.__dict__.update(row)
    return clause
