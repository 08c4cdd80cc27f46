"""Analyze an MSA: lanes, coded findings, fee terms, deal facts, a state profile and the verdict.

`analyze(path_or_document)` is the library entry point (`msa_toolkit.analyze` wraps it). Rules come
from the catalogue (`data/rules/`), words from the lexicons (`data/lexicon/`), severities from the
state profile (`data/states/`); this module only runs them over the clauses, in order.
"""
from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

from .. import pattern_cache
from ..errors import MsaError
from ..model import AnalysisResult, Clause, Document, Finding, RawDocument
from .actors import ActorIndex
from .catalogue import CLAUSE_SCOPE, Rule, load_catalogue
from .defined_standards import mso_standards, terms_taking_in, umbrella_definitions
from .organs import body_aliases, composed_bodies
from .detectors import DETECTORS, build_params, clinical_objects
from .document import DOCUMENT_DETECTORS
from .facts import extract_facts
from .fees import FeeHit, clause_fees, defines_cost_term, fee_part_terms, fee_schedule_headings
from .gate import rule_gate
from .list_leads import opens_item_list
from ..parallel import MIN_ITEMS_PER_JOB, map_chunks, usable_jobs
from .terms import clinical_terms, with_document_terms, with_object_names
from .states import GENERIC, StateProfile, all_profiles, load_profile
from .verdict import verdict
from .view import ClauseView

__all__ = ["analyze", "analyze_document", "analyze_text", "clause_document", "document_from_text", "load_analyzer"]

_PARAMS: dict[str, object] = {}



def _params(rule: Rule):
    if rule.code not in _PARAMS:
        _PARAMS[rule.code] = build_params(rule.uses, rule.detector)
    return _PARAMS[rule.code]


def _tag_lanes(document: Document, jobs: int | None = None, classified=None) -> tuple[Document, str | None]:
    """Lanes from the trained model when it is installed; without it the analysis still runs.
    `classified`: lanes already scored, by clause id (see `lanes.tag_lanes`)."""
    try:
        from .lanes import tag_lanes
    except ImportError:
        return document, "lane model unavailable (analysis.lanes is not installed)"
    try:
        return tag_lanes(document, jobs=jobs, classified=classified), None
    except Exception as exc:  # a missing or broken model must not stop the findings
        return document, f"lane model unavailable: {exc}"


def _resolve_profile(state: str | None, document: Document, facts) -> StateProfile:
    if state is not None and str(state).strip().lower() == "auto":
        code = facts.governing_state
        return all_profiles().get(code or "", load_profile(None))
    return load_profile(state)


def _clause_base(document: Document, clause: Clause) -> int | None:
    """Offset of the clause's text in Document.text (None when the reader did not keep them aligned)."""
    if document.text[clause.start: clause.start + len(clause.text)] == clause.text:
        return clause.start
    found = document.text.find(clause.text)
    return found if found >= 0 else None


def _finding(rule: Rule, profile: StateProfile, clause_id, evidence, message, start, end) -> Finding:
    return Finding(
        rule=rule.code, name=rule.name, category=rule.category,
        severity=profile.severity_for(rule.code, rule.category, rule.severity),
        clause_id=clause_id, evidence=evidence, message=message, suggestion=rule.fix, citation=rule.citation,
        start=start, end=end,
    )


class _ClauseChecks:
    """The rules of one document under one profile: `check` runs the clause-level rules over some
    clauses (in any process), `findings` turns the results of every checked clause into findings."""

    def __init__(self, document: Document, profile: StateProfile):
        self.profile = profile
        rules = [r for r in load_catalogue() if r.applies_in(profile.id)]
        clause_rules = [r for r in rules if r.scope == CLAUSE_SCOPE]
        self.clause_rules = clause_rules
        self.document_rules = [r for r in rules if r.scope != CLAUSE_SCOPE]
        self.by_code = {rule.code: rule for rule in clause_rules}
        actors = ActorIndex.for_parties(document.parties)
        self.views: dict[str, ClauseView] = {c.id: ClauseView(c.text, actors) for c in document.clauses}
        # "3 of its 5 members appointed by Manager" in one clause; "The Operating Committee shall approve" in another
        bodies = composed_bodies(self.views.values())
        if bodies:
            bodies += body_aliases(bodies, document.defined_terms)
            actors = ActorIndex.for_parties(document.parties, bodies)
            self.views = {c.id: ClauseView(c.text, actors) for c in document.clauses}
        terms = clinical_terms(document)
        self.params = {rule.code: with_document_terms(_params(rule), terms) for rule in clause_rules}
        definitions = [(d.term, d.definition or "") for d in document.defined_terms]
        # terms defined to take in clinical things ('"Administrative Matters" means ..., including the staffing plan')
        umbrellas = umbrella_definitions(self.views.values(), [a for p in document.parties for a in (p.name, *p.aliases)])
        for rule in clause_rules:
            if rule.detector == "mso_power" and umbrellas and self.params[rule.code].objects is not None:
                names = terms_taking_in(umbrellas, self.params[rule.code].objects, clinical_objects)
                self.params[rule.code] = with_object_names(self.params[rule.code], names)
        for rule in clause_rules:
            if rule.detector == "defined_standard" and definitions:
                names = mso_standards(definitions, lambda t: ClauseView(t, actors), self.params[rule.code].objects)
                self.params[rule.code] = replace(self.params[rule.code], standards=names)
        self.gate = rule_gate(tuple((code, p.needs) for code, p in self.params.items()))
        self.checked = [c for c in document.clauses if c.text.strip() and c.kind not in ("title", "signature")]
        self.in_fee_schedule = _in_fee_schedule(document)
        self.fee_parts = fee_part_terms([(d.term, d.definition or "") for d in document.defined_terms], document.text)
        # "3.2 Manager shall be responsible for:" then "(e) establishing the ratio of nurse injectors ...": an item
        # split into its own clause is read with its lead in front of it
        self.lead_views: dict[str, tuple[ClauseView, int]] = {}
        by_id = {c.id: c for c in document.clauses}
        for clause in self.checked:
            parent = by_id.get(clause.parent) if clause.parent else None
            lead = _list_lead(parent.text) if parent is not None else None
            if lead and opens_item_list(lead):
                # "A.8 Product Program. Selecting ... the fillers": the item's number and heading are no sentence of
                # their own, so its words continue the lead
                cut = _item_heading_length(clause)
                self.lead_views[clause.id] = (ClauseView(lead + " " + clause.text[cut:], actors), len(lead) + 1 - cut)

    def check(self, clauses) -> list[tuple[list[FeeHit], list[tuple[str, tuple[int, int]]]]]:
        """Fee terms and (rule code, evidence span) of the rules that fire, for each clause."""
        out = []
        for clause in clauses:
            view = self.views[clause.id]
            clause_fee_hits = clause_fees(view, clause.id, in_fee_schedule=clause.id in self.in_fee_schedule,
                                          fee_parts=self.fee_parts)
            fired = []
            led, shift = self.lead_views.get(clause.id, (view, 0))
            allowed = self.gate.allowed(led.tokens)
            # '"Company Expenses" means ... compensation of licensed personnel ...': a list of costs pays no one
            cost_definition = defines_cost_term(clause.text)
            for rule in self.clause_rules:
                if rule.code in allowed and not (cost_definition and rule.category == "volume_pressure_comp"):
                    spans = DETECTORS[rule.detector](led, clause_fee_hits, self.params[rule.code])
                    spans = [(max(0, a - shift), b - shift) for a, b in spans if b - shift > 0]
                    if spans:
                        fired.append((rule.code, spans[0]))
            out.append((clause_fee_hits, fired))
        return out

    def findings(self, document: Document, results) -> tuple[tuple[Finding, ...], list[FeeHit]]:
        """Findings (sorted by position) and fee terms, from `check`'s results for `self.checked`."""
        profile, by_code = self.profile, self.by_code
        fees: list[FeeHit] = []
        findings: list[Finding] = []
        for clause, (clause_fee_hits, fired) in zip(self.checked, results):
            fees.extend(clause_fee_hits)
            categories = {by_code[code].category for code, _ in fired}
            base = _clause_base(document, clause) if fired else None
            for code, (start, end) in fired:
                rule = by_code[code]
                if categories.intersection(rule.defers_to):
                    continue
                findings.append(_finding(rule, profile, clause.id, clause.text[start:end], rule.summary,
                                         None if base is None else base + start, None if base is None else base + end))
        for rule in self.document_rules:
            for hit in DOCUMENT_DETECTORS[rule.detector](document, self.views, fees):
                base = None
                if hit.clause_id is not None and hit.start is not None:
                    base = _clause_base(document, document.clause(hit.clause_id))
                findings.append(_finding(rule, profile, None, hit.evidence, hit.message or rule.summary,
                                         None if base is None else base + hit.start,
                                         None if base is None else base + hit.end))
        order = {c.id: i for i, c in enumerate(document.clauses)}
        findings.sort(key=lambda f: (f.clause_id is None, order.get(f.clause_id, 0), f.start or 0, f.rule))
        pattern_cache.save()  # the first analysis on this interpreter keeps its compiled patterns for the next start
        return tuple(findings), fees


_LEAD_SENTENCE = re.compile(r"(?:^|(?<=[.;]\s))((?:[^.;]|\.(?!\s)){10,300}:)\s*$")


def _item_heading_length(clause: Clause) -> int:
    """Length of the "A.8 Product and Device Program. " that opens a numbered item with a heading (0 if none)."""
    if not (clause.number and clause.heading):
        return 0
    m = re.match(rf"\s*{re.escape(clause.number)}\.?\s+{re.escape(clause.heading)}\s*[.:\u2013\u2014-]\s*", clause.text)
    return m.end() if m else 0


def _list_lead(parent_text: str) -> str | None:
    """The last sentence of a clause when it ends in a colon and so opens a list ("Manager shall provide:")."""
    m = _LEAD_SENTENCE.search(parent_text.strip())
    return m.group(1).strip() if m else None


def _in_fee_schedule(document: Document) -> frozenset[str]:
    """Ids of the clauses inside an exhibit or schedule whose heading names the fee ("EXHIBIT B - MANAGEMENT FEE"), or
    items of a short lead that names it ("Fees payable to Manager: (a) ...; (b) ...")."""
    by_id = {c.id: c for c in document.clauses}
    inside = set()
    for clause in document.clauses:
        headings, parent, seen = [], clause.parent, 0
        while parent is not None and parent in by_id and seen < 6:
            ancestor = by_id[parent]
            if ancestor.kind in ("exhibit", "schedule", "annex", "appendix", "attachment"):
                headings.append(ancestor.heading)
            parent, seen = ancestor.parent, seen + 1
        if headings and fee_schedule_headings(headings):
            inside.add(clause.id)
        lead = by_id.get(clause.parent) if clause.parent else None
        if lead is not None and _FEE_LIST_LEAD.search(lead.text) and fee_schedule_headings([lead.text[:80]]):
            inside.add(clause.id)  # "Fees payable to Manager: (a) Base Component ...; (b) Variable Component ..."
    return frozenset(inside)


# a short lead that opens a list of the fee's parts, ending in a colon
_FEE_LIST_LEAD = pattern_cache.compile(r"^(?:[\w.()]+\s+)?(?:[^.;:]|\.(?=\d)){0,140}:\s*$")


def analyze_document(document: Document, profile: StateProfile | None = None, *,
                     jobs: int | None = None) -> tuple[tuple[Finding, ...], list[FeeHit]]:
    """Findings (sorted by position) and fee terms of a Document under a state profile.

    `jobs` > 1 lets a long document's clauses be checked in that many processes (see parallel.py).
    """
    checks = _ClauseChecks(document, profile or load_profile(None))
    return checks.findings(document, map_chunks(checks.check, checks.checked, jobs, weight=lambda c: len(c.text)))


def _lanes_and_checks(document: Document, profile: StateProfile, jobs: int | None):
    """Lanes and findings with one share-out of the clauses: each process scores the lanes of its
    share and runs the clause rules over it, so a copy is forked once, not once per stage."""
    checks = _ClauseChecks(document, profile)
    checked = {c.id for c in checks.checked}
    names: dict[str, str] = {}
    try:
        from .lanes import document_party_names, load_lane_model, needs_lane_model, classify_texts

        load_lane_model()  # once, before any copy is forked
        names = document_party_names(document)
        by_model = {c.id for c in document.clauses if needs_lane_model(c)}
    except Exception:  # noqa: BLE001 - no usable lane model: `_tag_lanes` reports it below
        by_model = set()

    def work(share):
        scored = [c for c in share if c.id in by_model]
        try:
            lanes = dict(zip((c.id for c in scored), classify_texts([c.text for c in scored], party_names=names)))
            lanes = {cid: lane for cid, lane in lanes.items() if lane is not None}
        except Exception:  # noqa: BLE001 - left to `_tag_lanes`, which reports why
            lanes = {}
        results = iter(checks.check([c for c in share if c.id in checked]))
        return [(lanes.get(c.id), next(results) if c.id in checked else None) for c in share]

    per_clause = dict(zip((c.id for c in document.clauses),
                          map_chunks(work, document.clauses, jobs, weight=lambda c: len(c.text))))
    classified = {cid: lane for cid, (lane, _) in per_clause.items() if lane is not None}
    document, lane_warning = _tag_lanes(document, classified=classified)
    findings, fees = checks.findings(document, [per_clause[c.id][1] for c in checks.checked])
    return document, lane_warning, findings, fees


def load_analyzer(*, warm: bool = False) -> None:
    """Load the catalogue, every rule's parameters and the lane model now rather than at first use
    (`msa_toolkit.analyze` does it while a forked copy reads the file). A problem is left for the
    analysis itself to report.

    `warm`: also analyse the short made-up agreement of warm.py, which builds what the analysis builds on
    first use (the other lexicons, the generic profile, patterns, the lane scorer's commonest words). Worth
    it while the file is being read elsewhere: about 30 ms that the reader's time hides.
    """
    try:
        for rule in load_catalogue():
            if rule.scope == CLAUSE_SCOPE:
                _params(rule)
        from .lanes import load_lane_model

        load_lane_model()
        if warm:
            from .warm import WARM_UP_TEXT

            analyze(document_from_text(WARM_UP_TEXT, path="<warm-up>"))
    except Exception:  # noqa: BLE001 - see the docstring
        pass


def _fee_terms(fees: list[FeeHit], findings) -> tuple:
    """Fee terms for the JSON: exhibit references drop out once the exhibit's own fee was read."""
    unresolved_exhibit = any(f.category == "unresolved_fee" for f in findings)
    return tuple(h.term for h in fees if h.exhibit is None or unresolved_exhibit)


def analyze(source, *, state=None, limits=None, password=None, jobs=None) -> AnalysisResult:
    """Read (when given a path) and analyze an agreement. Raises MsaError on input errors.

    `jobs`: how many processes may share the per-clause work of a long document (default one);
    the results are the same whatever the number.

    `state`: a two-letter code with a profile in `data/states/`, "auto" (the governing-law state when
    it has a profile), or None for the conservative generic profile.
    """
    if isinstance(source, Document):
        document = source
    elif isinstance(source, (str, Path)) and str(source).strip():
        from ..reading import read

        document = read(Path(source), limits=limits, password=password, jobs=jobs)
    else:
        raise MsaError("E200", f"analyze() needs a file path or a Document, not {type(source).__name__}")
    began = time.perf_counter()
    facts = extract_facts(document)
    profile = _resolve_profile(state, document, facts)
    if len(document.clauses) >= 2 * MIN_ITEMS_PER_JOB and usable_jobs(jobs) > 1:
        document, lane_warning, findings, fees = _lanes_and_checks(document, profile, jobs)
    else:
        document, lane_warning = _tag_lanes(document, jobs)
        findings, fees = analyze_document(document, profile, jobs=jobs)
    meta = {"profile": profile.id, "profile_name": profile.name, "disclaimer": profile.disclaimer,
            "analysis_seconds": round(time.perf_counter() - began, 4)}
    if lane_warning:
        meta["lane_warning"] = lane_warning
    if profile.id == GENERIC:
        meta["profile_note"] = profile.summary
    return AnalysisResult(
        path=document.path, status="ok", document=document, findings=findings, fees=_fee_terms(fees, findings),
        verdict=verdict(findings), state=profile.id, facts=facts, meta=meta,
    )


def document_from_text(text: str, path: str = "<text>") -> Document:
    """A Document from plain text through the same segmenter and party resolver files go through."""
    if not isinstance(text, str) or not text.strip():
        raise MsaError("E102", "the text is empty", path)
    from ..ingest.text import text_to_blocks
    from ..parties import resolve_parties
    from ..segment import segment
    from ..terms import find_defined_terms

    raw = RawDocument(path=path, format="text", blocks=tuple(text_to_blocks(text)))
    full_text, clauses = segment(raw)
    return Document(path=path, format="text", text=full_text, clauses=clauses,
                    parties=resolve_parties(full_text, clauses), defined_terms=find_defined_terms(full_text, clauses))


def clause_document(text: str, path: str = "<clause>") -> Document:
    """One clause as a Document, with no segmentation (for labeled single-clause corpora)."""
    clause = Clause(id="c1", kind="paragraph", number=None, heading=None, text=text, level=0, parent=None,
                    page=None, start=0, end=len(text))
    return Document(path=path, format="text", text=text, clauses=(clause,))


def analyze_text(text: str, *, state=None) -> AnalysisResult:
    """Analyze an agreement (or a single clause) given as text: a convenience for tests and examples."""
    return analyze(document_from_text(text), state=state)
