"""The document model shared by every stage of the pipeline.

Plain frozen dataclasses, defined once. Readers produce `RawDocument`, the segmenter and party
resolver turn it into a `Document`, the analyzer returns an `AnalysisResult`. Stages never mutate
what they receive; they return new objects (``dataclasses.replace``). JSON output is a faithful
dump of these objects (see `AnalysisResult.to_dict`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LANES = ("business", "clinical", "general")
ROLES = ("mso", "practice", "owner", "medical_director", "other")
SEVERITIES = ("high", "medium", "low")
CATEGORIES = (
    "clinical_control",
    "revenue_based_fee",
    "volume_pressure_comp",
    "md_reports_to_mso",
    "mso_owns_records",
    "missing_clinical_reservation",
    "missing_compliance_review",
    "unclear_roles",
    "unresolved_fee",
)
CLAUSE_CATEGORIES = CATEGORIES[:5]  # raised on one clause
DOCUMENT_CATEGORIES = CATEGORIES[5:]  # raised on the agreement as a whole (clause_id is null)
CLAUSE_KINDS = (
    "title", "preamble", "recital", "article", "section", "subsection", "definition",
    "exhibit", "exhibit_section", "signature", "paragraph",
)
VERDICTS = ("compliant", "review", "noncompliant")


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit as a reader found it, before segmentation.

    `number` carries the label Word's automatic numbering would display ("3.2", "(a)"), which
    is not part of the paragraph text; `level` is the list level when the reader knows it.
    """

    text: str
    page: int | None = None
    kind: str = "paragraph"  # paragraph | heading | table_row
    number: str | None = None
    level: int | None = None
    bold: bool = False
    style: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """What a reader extracted from a file: ordered blocks plus facts about the file."""

    path: str
    format: str  # pdf | docx | text
    blocks: tuple[Block, ...]
    pages: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    """A node of the clause tree. `start`/`end` are offsets into `Document.text`."""

    id: str
    kind: str
    number: str | None
    heading: str | None
    text: str
    level: int
    parent: str | None
    page: int | None
    start: int
    end: int
    lane: str | None = None
    lane_score: float | None = None
    amends: str | None = None  # an amendment's item: the number of the section of the agreement it replaces or adds


@dataclass(frozen=True)
class Party:
    name: str
    aliases: tuple[str, ...]
    role: str
    entity_type: str | None = None


@dataclass(frozen=True)
class DefinedTerm:
    term: str
    definition: str
    clause_id: str | None
    start: int


@dataclass(frozen=True)
class Document:
    """A contract read into a clause tree, with its parties and defined terms."""

    path: str
    format: str
    text: str
    clauses: tuple[Clause, ...]
    parties: tuple[Party, ...] = ()
    defined_terms: tuple[DefinedTerm, ...] = ()
    pages: int | None = None
    warnings: tuple[str, ...] = ()

    def clause(self, clause_id: str) -> Clause:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    def party(self, role: str) -> Party | None:
        return next((p for p in self.parties if p.role == role), None)


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: str
    clause_id: str | None
    evidence: str
    message: str
    suggestion: str | None = None
    citation: str | None = None
    start: int | None = None  # offset of the evidence in Document.text
    end: int | None = None


@dataclass(frozen=True)
class FeeTerm:
    """One fee provision: how the MSO is paid and what it is measured by."""

    structure: str  # fixed | cost_plus | hourly | percentage | residual | performance | hybrid | unresolved
    clause_id: str | None
    text: str
    amount: float | None = None
    percentage: float | None = None
    period: str | None = None
    base: str | None = None  # e.g. "Net Collections", "MSO costs"


@dataclass(frozen=True)
class DealFacts:
    """Business terms a diligence summary needs, as written in the agreement (None when absent)."""

    governing_state: str | None = None  # two-letter code, from the governing-law clause
    effective_date: str | None = None
    term: str | None = None
    renewal: str | None = None
    termination_notice: str | None = None


@dataclass(frozen=True)
class ErrorInfo:
    code: str
    message: str


@dataclass(frozen=True)
class AnalysisResult:
    path: str
    status: str  # ok | error
    document: Document | None = None
    error: ErrorInfo | None = None
    findings: tuple[Finding, ...] = ()
    fees: tuple[FeeTerm, ...] = ()
    verdict: str | None = None
    state: str | None = None
    facts: DealFacts | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_error(cls, path: str, code: str, message: str) -> "AnalysisResult":
        return cls(path=str(path), status="error", error=ErrorInfo(code, message))

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape of one document. Keys are a contract: add, never rename."""
        doc = self.document
        return {
            "path": self.path,
            "status": self.status,
            "error": _flat(self.error) if self.error else None,
            "format": doc.format if doc else None,
            "pages": doc.pages if doc else None,
            "state": self.state,
            "verdict": self.verdict,
            "parties": [
                {"name": p.name, "aliases": list(p.aliases), "role": p.role, "entity_type": p.entity_type}
                for p in (doc.parties if doc else ())
            ],
            "defined_terms": [_flat(t) for t in (doc.defined_terms if doc else ())],
            "clauses": [
                {
                    "id": c.id, "kind": c.kind, "number": c.number, "heading": c.heading,
                    "text": c.text, "lane": c.lane, "lane_score": c.lane_score, "page": c.page,
                    "level": c.level, "parent": c.parent, "start": c.start, "end": c.end, "amends": c.amends,
                }
                for c in (doc.clauses if doc else ())
            ],
            "findings": [_flat(f) for f in self.findings],
            "fees": [_flat(f) for f in self.fees],
            "facts": _flat(self.facts) if self.facts else None,
            "warnings": list(doc.warnings) if doc else [],
            "meta": dict(self.meta),
        }


def _flat(record) -> dict[str, Any]:
    """The fields of a flat record (strings, numbers, None) as a dict, in field order: what `dataclasses.asdict`
    gives for these classes, without its recursive deep copy (a cached folder of 200 results renders twice as fast)."""
    return dict(record.__dict__)
