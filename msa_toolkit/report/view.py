"""What every report shows, computed once: findings in reading order, evidence in its sentence,
lane counts, the clause a finding suggests. Renderers only lay these out.

Kept free of heavy imports: the text and JSON renderers run on a fast path.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..errors import MsaError
from ..model import LANES, SEVERITIES, AnalysisResult, Clause, Document, Finding

SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
UNASSIGNED_LANE = "unassigned"
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")
_PLACEHOLDER = re.compile(
    r"\{\{\s*(?P<variable>.+?)\s*\}\}|\[\[ref:(?P<reference>[^\]]+)\]\]|\[\[define:(?P<term>[^\]]+)\]\]|\{%.*?%\}",
    re.DOTALL,
)
_MAX_CONTEXT = 240  # characters of sentence kept on each side of the evidence
_NUMBER_WORDS = {"article": "Article", "exhibit": "Exhibit"}


@dataclass(frozen=True)
class EvidenceSpan:
    """The sentence around a finding's evidence, split so a renderer can highlight the middle."""

    before: str
    evidence: str
    after: str

    @property
    def found(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class SuggestedClause:
    """A clause from the library that a finding suggests as replacement wording."""

    id: str
    title: str | None
    text: str | None


def ordered_findings(result: AnalysisResult) -> list[Finding]:
    """Document-level findings first, then clause findings in reading order; high before low within a clause."""
    position = _clause_positions(result)

    def key(finding: Finding):
        where = -1 if finding.clause_id is None else position.get(finding.clause_id, len(position))
        return (where, -SEVERITY_RANK.get(finding.severity, 0), finding.start or 0, finding.rule)

    return sorted(result.findings, key=key)


def _clause_positions(result: AnalysisResult) -> dict[str, int]:
    clauses = result.document.clauses if result.document else ()
    return {clause.id: index for index, clause in enumerate(clauses)}


def clause_of(result: AnalysisResult, finding: Finding) -> Clause | None:
    if result.document is None or finding.clause_id is None:
        return None
    try:
        return result.document.clause(finding.clause_id)
    except KeyError:
        return None


def clause_label(clause: Clause | None, document: Document | None = None) -> str:
    """How a reviewer names a clause: "Section 5.1 Management Fee", "Section 3.1(a)", "Exhibit D".

    Sub-clause numbers ("(a)") are completed from their parents when the document is given.
    """
    if clause is None:
        return "Whole agreement"
    number = full_number(clause, document)
    heading = (clause.heading or "").strip()
    if number and number[0].isdigit():
        number = f"{_NUMBER_WORDS.get(clause.kind, 'Section')} {number}"
    label = " ".join(part for part in (number, heading) if part)
    if not label:
        label = clause.kind.replace("_", " ").capitalize()
    if clause.amends:  # an amendment's item: say which section of the agreement it changes
        label += f" (amends Section {clause.amends})"
    return label


def full_number(clause: Clause, document: Document | None = None) -> str:
    """The clause number with the parents' numbers in front of a bare "(a)" or "(i)"."""
    number = (clause.number or "").strip()
    parent_id = clause.parent
    seen = set()
    while number.startswith("(") and document is not None and parent_id and parent_id not in seen:
        seen.add(parent_id)
        try:
            parent = document.clause(parent_id)
        except KeyError:
            break
        parent_number = (parent.number or "").strip()
        if parent_number and parent.kind not in ("article", "exhibit"):
            number = parent_number + number
        parent_id = parent.parent
    return number


def lead_length(clause: Clause) -> int:
    """Length of the number-and-heading lead a clause text starts with ("3.2 Fees.", "(a)"), 0 when none.

    Readers keep the number and heading in the clause text; renderers show that lead in bold
    rather than printing it twice.
    """
    number = (clause.number or "").strip()
    heading = (clause.heading or "").strip()
    if heading:
        found = clause.text.find(heading, 0, len(number) + len(heading) + 16)
        if found >= 0:
            end = found + len(heading)
            return end + 1 if clause.text[end:end + 1] == "." else end
    stripped = clause.text.lstrip()
    if number and stripped.startswith(number):
        return len(clause.text) - len(stripped) + len(number)
    return 0


def deal_facts(result: AnalysisResult) -> dict[str, str]:
    """The business terms found in the agreement, labelled for a reader; absent ones left out."""
    facts = result.facts
    if facts is None:
        return {}
    labelled = {
        "Governing law": facts.governing_state, "Effective date": facts.effective_date, "Term": facts.term,
        "Renewal": facts.renewal, "Termination notice": facts.termination_notice,
    }
    return {label: value for label, value in labelled.items() if value}


def severity_counts(result: AnalysisResult) -> dict[str, int]:
    counts = Counter(f.severity for f in result.findings)
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}


def lane_counts(result: AnalysisResult) -> dict[str, int]:
    """Clauses per lane, plus the clauses the lane model left untagged."""
    counts = Counter((c.lane or UNASSIGNED_LANE) for c in (result.document.clauses if result.document else ()))
    ordered = {lane: counts.get(lane, 0) for lane in LANES}
    if counts.get(UNASSIGNED_LANE):
        ordered[UNASSIGNED_LANE] = counts[UNASSIGNED_LANE]
    return ordered


def at_or_above(result: AnalysisResult, threshold: str) -> list[Finding]:
    """Findings whose severity reaches `threshold` ("none" never does)."""
    floor = SEVERITY_RANK.get(threshold)
    if floor is None:
        return []
    return [f for f in result.findings if SEVERITY_RANK.get(f.severity, 0) >= floor]


def evidence_span(result: AnalysisResult, finding: Finding) -> EvidenceSpan:
    """The evidence inside its sentence, taken from the clause text (or the whole text for offsets)."""
    source, start, end = _locate(result, finding)
    if start is None:
        return EvidenceSpan("", "", "")
    sentence_start = start
    while sentence_start > 0 and not _ends_sentence(source, sentence_start - 1):
        sentence_start -= 1
    sentence_end = end
    while sentence_end < len(source) and not _ends_sentence(source, sentence_end):
        sentence_end += 1
    if sentence_end < len(source) and source[sentence_end] != "\n":
        sentence_end += 1  # keep the full stop
    before = source[sentence_start:start].lstrip()
    after = source[end:sentence_end].rstrip()
    if len(before) > _MAX_CONTEXT:
        before = "…" + before[-_MAX_CONTEXT:].lstrip()
    if len(after) > _MAX_CONTEXT:
        after = after[:_MAX_CONTEXT].rstrip() + "…"
    return EvidenceSpan(_squash(before), _squash(source[start:end]), _squash(after))


def _ends_sentence(text: str, index: int) -> bool:
    return _SENTENCE_END.match(text, index) is not None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _locate(result: AnalysisResult, finding: Finding) -> tuple[str, int | None, int | None]:
    document = result.document
    if document is None or not finding.evidence:
        return "", None, None
    clause = clause_of(result, finding)
    if clause is not None:
        found = find_words(clause.text, finding.evidence, hint=_relative(finding.start, clause.start))
        if found:
            return clause.text, found[0], found[1]
    if finding.start is not None and finding.end is not None and 0 <= finding.start < finding.end <= len(document.text):
        return document.text, finding.start, finding.end
    found = find_words(document.text, finding.evidence)
    if found:
        return document.text, found[0], found[1]
    return "", None, None


def evidence_in_clause(clause: Clause, finding: Finding) -> tuple[int, int] | None:
    """Offsets of a finding's evidence inside `clause.text`, for highlighting the clause itself."""
    if not finding.evidence:
        return None
    return find_words(clause.text, finding.evidence, hint=_relative(finding.start, clause.start))


def _relative(offset: int | None, base: int) -> int | None:
    return None if offset is None else offset - base


def find_words(text: str, evidence: str, hint: int | None = None) -> tuple[int, int] | None:
    """Find `evidence` in `text` ignoring case and differences in whitespace; prefer the match nearest `hint`."""
    words = evidence.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    if hint is not None:
        best = min(matches, key=lambda m: abs(m.start() - hint))
    else:
        best = matches[0]
    return best.start(), best.end()


def suggested_clause(clause_id: str | None) -> SuggestedClause | None:
    """The library clause a finding suggests, with its title and text when the library can be loaded."""
    if not clause_id:
        return None
    title, text = _library_entries().get(clause_id, (None, None))
    return SuggestedClause(clause_id, title, text)


@cache
def _library_entries() -> dict[str, tuple[str | None, str | None]]:
    """Titles and texts of the clause library; empty when the library is not installed or invalid.

    A report must still be written when the library is missing, so failures here only cost the
    titles, never the report.
    """
    try:
        from ..drafting.library import load_library
    except ImportError:
        return {}
    try:
        library = load_library()
    except (MsaError, OSError):  # a broken library is reported by `msa-draft --validate-library`
        return {}
    return {clause_id: (clause.title, "\n".join(clause.texts())) for clause_id, clause in library.clauses.items()}


def rule_rationale(code: str) -> str | None:
    """Why a rule matters, from the rule catalogue; None when the catalogue is unavailable."""
    rule = next((r for r in catalogue_rules() if r.code == code), None)
    if rule is None or not rule.rationale:
        return None
    return " ".join(rule.rationale.split())


@cache
def catalogue_rules() -> tuple:
    """The analyzer's rule catalogue, or () when it cannot be loaded.

    Reports are also rendered from stored results (cache, results.jsonl), so a missing or broken
    catalogue costs the rule descriptions, never the report; analysis itself fails loudly on it.
    """
    try:
        from ..analysis.catalogue import load_catalogue
    except ImportError:
        return ()
    try:
        return tuple(load_catalogue(resolve_uses=False))
    except (MsaError, OSError):
        return ()


def placeholder_segments(template_text: str) -> list[tuple[str, str]]:
    """Split library text into ("text", ...), ("placeholder", "[practice_name]") and ("term", "Services").

    Suggested wording is shown with its variables as visible blanks, never as template code;
    template control tags (``{% if %}``) are dropped.
    """
    segments, cursor = [], 0
    for match in _PLACEHOLDER.finditer(template_text):
        if match.start() > cursor:
            segments.append(("text", template_text[cursor:match.start()]))
        if match["variable"]:
            segments.append(("placeholder", f"[{match['variable']}]"))
        elif match["reference"]:
            segments.append(("placeholder", f"[see {match['reference']}]"))
        elif match["term"]:
            segments.append(("term", match["term"]))
        cursor = match.end()
    if cursor < len(template_text):
        segments.append(("text", template_text[cursor:]))
    return segments
