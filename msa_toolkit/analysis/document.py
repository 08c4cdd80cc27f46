"""Document-level detectors: what the agreement as a whole lacks or leaves unresolved.

They only judge whole agreements (`WHOLE_AGREEMENT_MIN_CLAUSES` clauses or more): a lone clause
cannot be blamed for lacking a reservation of clinical authority.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import pattern_cache
from ..model import Document
from .fees import FeeHit, fee_schedule_headings
from .lexicon import load_lexicon
from .view import ClauseView

WHOLE_AGREEMENT_MIN_CLAUSES = 5
_CLINICAL_HOLDERS = ("practice", "medical_director", "owner")
_RESERVED_TO = pattern_cache.compile(r"\b(?:reserved|retained|vested|belong|belongs|rest|rests|remain|remains|lie|lies)\b"
                          r"[^.;]{0,40}\b(?:to|in|with)\s+(?:the\s+)?$"
                          # "All decisions regarding ... the standing orders ... shall be made exclusively by Provider"
                          r"|(?<![\w-])(?:exclusively|solely)\s+by\s+(?:the\s+)?$",
                          re.IGNORECASE)
_EXHIBIT_HEADING = pattern_cache.compile(r"^\W*((?:Exhibit|Schedule|Attachment|Appendix|Annex|Addendum)\s+[A-Z0-9][\w.-]*)",
                              re.IGNORECASE)


@dataclass(frozen=True)
class DocumentHit:
    """A document-level problem; `clause_id`/offsets point at the words involved when there are any."""

    message: str
    evidence: str = ""
    clause_id: str | None = None
    start: int | None = None  # offsets in the clause text
    end: int | None = None


@dataclass(frozen=True)
class _DocumentCues:
    clinical_domain: re.Pattern
    reservation: re.Pattern
    periodic: re.Pattern
    review: re.Pattern
    review_topics: re.Pattern
    unassigned: re.Pattern
    not_a_service: re.Pattern
    weak_reservation: re.Pattern
    control_denied: re.Pattern


@cache
def _words() -> dict:
    """Each cue group's words (`lexicon.Cues`): clauses without them are skipped before any regex."""
    return {e.id: e.cues for e in load_lexicon("document_cues").values()}


@cache
def _cues() -> _DocumentCues:
    lex = load_lexicon("document_cues")
    return _DocumentCues(lex["clinical_domain"].regex, lex["reservation_words"].regex, lex["periodic"].regex,
                         lex["review_words"].regex, lex["review_topics"].regex, lex["unassigned_service"].regex,
                         lex["not_a_service"].regex, lex["reservation_weak_words"].regex, lex["control_denied"].regex)


def _whole(document: Document) -> bool:
    return len(document.clauses) >= WHOLE_AGREEMENT_MIN_CLAUSES


# how far apart (characters) a common reserving word and the clinical topic may stand in one sentence
_RESERVATION_REACH = 100



def missing_reservation(document: Document, views: dict[str, ClauseView], fees: list[FeeHit]) -> list[DocumentHit]:
    """No sentence keeps clinical authority with the practice (or the MSO out of it)."""
    if not _whole(document):
        return []
    cues = _cues()
    words = _words()
    for clause in document.clauses:
        view = views[clause.id]
        if view.lacks(words["clinical_domain"]) or not cues.clinical_domain.search(view.text):
            continue
        for seg in view.segments:
            topic = cues.clinical_domain.search(view.text, seg.start, seg.end)
            word = cues.reservation.search(view.text, seg.start, seg.end)
            if not (topic and word):
                continue
            if cues.weak_reservation.fullmatch(word.group()) and all(
                    abs(t.start() - word.start()) > _RESERVATION_REACH
                    for t in cues.clinical_domain.finditer(view.text, seg.start, seg.end)):
                continue  # "use the Marks only in the form prescribed ... and display a notice that the medical services ..."
            cue = view.scope.negation_cue(seg, topic.start()) or view.scope.negation_cue(seg, word.end())
            if cue and cues.control_denied.search(view.text, cue[0], max(topic.start(), cue[1])):
                return []  # "Manager shall not interfere with ... professional judgment"
            if cue:
                continue  # "MSO is not licensed to practice medicine": a disclaimer keeps nothing for the practice
            holders = [m for m in view.mentions if seg.start <= m.start < max(topic.start(), word.start())]
            if holders and holders[-1].role in _CLINICAL_HOLDERS:
                return []
            # "All clinical matters ... are reserved exclusively to Medical Group": the holder follows
            later = [m for m in view.mentions if max(topic.end(), word.end()) <= m.start < seg.end]
            if later and later[0].role in _CLINICAL_HOLDERS and _RESERVED_TO.search(
                    view.text, word.start(), later[0].start):
                return []
    return [DocumentHit("No clause reserves clinical authority and professional judgment to the practice.")]


def missing_compliance_review(document: Document, views: dict[str, ClauseView], fees) -> list[DocumentHit]:
    """No periodic review of the structure, the agreements and oversight (a duty to obey the law is not one)."""
    if not _whole(document):
        return []
    cues, words = _cues(), _words()
    for clause in document.clauses:
        view = views[clause.id]
        if view.lacks(words["review_words"]) or view.lacks(words["periodic"]) or view.lacks(words["review_topics"]):
            continue
        for seg in view.sentences:
            for review in cues.review.finditer(view.text, seg.start, seg.end):
                if (cues.periodic.search(view.text, seg.start, seg.end)
                        and cues.review_topics.search(view.text, review.end(), min(seg.end, review.end() + 140))):
                    return []
    return [DocumentHit("The agreement provides no periodic compliance review of its structure, agreements and "
                        "oversight.")]


def unassigned_roles(document: Document, views: dict[str, ClauseView], fees) -> list[DocumentHit]:
    """Duties written in the passive with no party ("services shall be provided") leave roles unclear."""
    cues, words = _cues(), _words()
    found = []
    for clause in document.clauses:
        if clause.kind in ("definition", "recital", "title", "preamble", "signature"):
            continue
        view = views[clause.id]
        if view.lacks(words["unassigned_service"]):
            continue
        for m in cues.unassigned.finditer(view.text):
            seg = view.segment_at(m.start())
            sentence = next(s for s in view.sentences if s.start <= m.start() < s.end)
            if view.mentions and any(sentence.start <= x.start < sentence.end for x in view.mentions):
                continue
            if cues.not_a_service.search(view.text, sentence.start, m.start()):
                continue  # "Notices shall be delivered to the addresses ...": no service goes unassigned
            if view.scope.negated(seg, m.start()):
                continue
            found.append(DocumentHit("", m.group(), clause.id, m.start(), m.end()))
    if not found:
        return []
    first = found[0]
    where = f"clause {first.clause_id}" + (f" and {len(found) - 1} other place(s)" if len(found) > 1 else "")
    return [DocumentHit(f"Duties are assigned to no party ({where}): say which party performs each service.",
                        first.evidence, first.clause_id, first.start, first.end)]


def _exhibit_names(document: Document) -> dict[str, list[str]]:
    """Each exhibit's name ("schedule 2") and the ids of its clauses (its heading to the next exhibit)."""
    names: dict[str, list[str]] = {}
    current: list[str] | None = None
    for clause in document.clauses:
        for text in (clause.heading or "", clause.number or "", clause.text[:80]):
            m = _EXHIBIT_HEADING.match(text)
            if m and (clause.kind.startswith("exhibit") or text is not clause.text[:80] or clause.level <= 1):
                current = names.setdefault(" ".join(m.group(1).lower().split()), [])
                break
        if current is not None:
            current.append(clause.id)
    return names


_STATES_AN_AMOUNT = pattern_cache.compile(r"[$%\u20ac\u00a3]|\bpercent\b|\bdollars?\b|\d[\d,]*\.\d\d\b", re.IGNORECASE)


def _states_a_fee(document: Document, clause_ids: list[str], resolved: list[FeeHit]) -> bool:
    """Does the exhibit hold a readable fee? Only an exhibit headed by the fee ("SCHEDULE 2 SERVICE FEE") is
    judged: it must hold a fee term the analyzer read, or at least an amount ("[To be attached.]" does not)."""
    ids = set(clause_ids)
    clauses = [c for c in document.clauses if c.id in ids]
    if not clauses or not fee_schedule_headings([c.heading or c.text[:80] for c in clauses[:2]]):
        return True  # an exhibit of services that a fee clause mentions: the fee is read where it is
    if any(f.term.clause_id in ids for f in resolved):
        return True
    return any(_STATES_AN_AMOUNT.search(c.text) for c in clauses)


def unresolved_fee(document: Document, views, fees: list[FeeHit]) -> list[DocumentHit]:
    """The fee is redacted, or lives in an exhibit the document does not contain."""
    resolved = [f for f in fees if f.term.structure != "unresolved"]
    exhibits = _exhibit_names(document)
    for hit in fees:
        if hit.term.structure != "unresolved":
            continue
        if hit.exhibit is None:
            return [DocumentHit("The fee amount is redacted or left blank; the fee cannot be assessed.",
                                views[hit.term.clause_id].text[hit.start:hit.end], hit.term.clause_id,
                                hit.start, hit.end)]
        name = " ".join(hit.exhibit.lower().rstrip(".").split())
        if name not in exhibits or not resolved or not _states_a_fee(document, exhibits[name], resolved):
            return [DocumentHit(f"The fee is set out in {hit.exhibit}, which is not in the document or states no "
                                f"readable fee; the fee cannot be assessed.",
                                views[hit.term.clause_id].text[hit.start:hit.end], hit.term.clause_id,
                                hit.start, hit.end)]
    return []


DOCUMENT_DETECTORS = {
    "missing_reservation": missing_reservation,
    "missing_compliance_review": missing_compliance_review,
    "unassigned_roles": unassigned_roles,
    "unresolved_fee": unresolved_fee,
}
