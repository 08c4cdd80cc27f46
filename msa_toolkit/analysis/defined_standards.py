"""Clinical standards that a defined term puts in the MSO's hands, and the clauses that bind clinical work to them.

'"Approved Protocols" means the treatment protocols ... as approved in writing by Manager's Clinical Operations
Committee', and pages later 'each Licensed Provider shall render services only in accordance with the Approved
Protocols': neither sentence alone names both the MSO's power and the clinical work it governs. The definition
makes the term the MSO's standard; a clause that binds the work to the term is the control.

The same holds inside one clause: "Medical Group shall order compounded medications only from the pharmacies
on the Approved Pharmacy List, and Administrator may add or drop pharmacies from that list whenever it chooses"
(`kept_in_clause`).
"""
from __future__ import annotations

import re
from typing import Iterable

from .. import pattern_cache
from .lexicon import entry
from .terms import ends_with
from .view import ClauseView

_DEFINES = pattern_cache.compile(r"[\"\u201c]([^\"\u201d]{2,60})[\"\u201d]\s+(?:means|shall\s+mean|refers\s+to|shall\s+refer\s+to)\s+"
                                 r"((?:[^.;]|\.(?!\s))*)")
_BIND_WINDOW = 60


def mso_standards(definitions: Iterable[tuple[str, str]], view_of, objects: re.Pattern | None) -> tuple[tuple[str, bool], ...]:
    """(term, names a clinical thing) for the defined terms (of `definitions`: (term, definition) pairs) whose
    definition has the MSO approve, prepare, adopt, issue or keep the thing. A term that is no clinical thing
    itself (a "Brand Standards Manual") counts only where a clause puts clinical things in it.
    `view_of(text)` gives a ClauseView of a text."""
    if objects is None:
        return ()
    found = []
    for term, definition in definitions:
        kept = False
        for m in entry("control_verbs.standard-author").regex.finditer(definition):
            holders = view_of(definition[m.end(): m.end() + 80]).mentions
            if holders and holders[0].start <= 2 and holders[0].role in ("mso", "joint"):
                kept = True
                break
        # the keeper named before its verb: "... protocols that the Manager keeps and updates from time to time"
        for m in ([] if kept else _ACTIVE_KEEPER.finditer(definition)):
            window = definition[m.end(): m.end() + 80]
            holders = view_of(window).mentions
            gap = _ADVERB_GAP.match(window, holders[0].end) if holders else None
            if (gap is not None and holders[0].start <= 1 and holders[0].role in ("mso", "joint")
                    and entry("control_verbs.standard-keeper").regex.match(window, gap.end())):
                kept = True
                break
        if kept:
            clinical = bool(objects.search(term) or objects.search(definition[:160]))
            found.append((" ".join(term.split()), clinical))
    return tuple(found)


_ACTIVE_KEEPER = pattern_cache.compile(r"\b(?:that|which|as)\s+(?:the\s+)?(?=[A-Z])")
_ADVERB_GAP = pattern_cache.compile(r"\s+(?:[a-z]+ly\s+)?")


def clause_definitions(text: str) -> list[tuple[str, str]]:
    """Terms defined inside one clause ('"Approved Protocols" means ...')."""
    return [(m.group(1), m.group(2)) for m in _DEFINES.finditer(text)]


def bound_to_standard(view: ClauseView, names: Iterable[tuple[str, bool]], objects: re.Pattern | None) -> list[tuple[int, int]]:
    """Spans where the clause binds work to one of `names` ("only in accordance with the Approved Protocols",
    "the treatment protocols ... set out in the Brand Standards Manual"), outside any negation, and not in the
    definition itself."""
    text = view.text
    hits = []
    for name, clinical in names:
        for m in re.finditer(r"\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b", text):
            if re.match(r"[\"\u201d]?\s+(?:means|shall\s+mean|refers\s+to)\b", text[m.end(): m.end() + 20]):
                continue  # the definition itself
            bind = entry("control_verbs.standard-binding").regex.search(text, max(0, m.start() - _BIND_WINDOW), m.start())
            if bind is None:
                continue
            seg = view.segment_at(bind.start())
            if view.scope.negated(seg, bind.start(), m.end()):
                continue
            if not clinical and (objects is None or not objects.search(text, seg.start, bind.start())):
                continue  # a manual of the MSO's that this clause does not fill with clinical things
            actors = [x for x in view.mentions if seg.start <= x.start < bind.start() and x.role != "other"]
            if actors and actors[-1].role in ("mso", "joint"):
                continue  # "Manager shall perform the Services consistent with the Operations Manual": its own work
            hits.append((bind.start(), m.end()))
    return sorted(hits)[:1]


# a capitalised name of a document or list ("Approved Pharmacy List", "Glow Operations Manual")
_NAMED_STANDARD = pattern_cache.compile(
    r"\b((?:[A-Z][\w&'-]*\s+){0,4}(?:List|Lists|Manual|Standards|Protocols|Formulary|Guidelines|Handbook|Playbook|"
    r"Policies|Procedures|Pathways|Criteria|Program|Plan|Catalog|Catalogue|Menu)|(?:Exhibit|Schedule|Appendix|Annex|"
    r"Attachment)\s+[A-Z0-9][\w.-]*)\b")
_RELATIVE_BEFORE_KEEPER = pattern_cache.compile(r",?\s+(?<!except\s)(?<!provided\s)(?<!so\s)(?:which|that)\s+(?:list|manual|exhibit|schedule|formulary|menu|plan|"
                                               r"document|standards|protocols)?\s*(?:the\s+)?$", re.IGNORECASE)
_KEEPER_GAP = pattern_cache.compile(r"\s+(?:shall|will|may|must)?\s*(?:(?:from\s+time\s+to\s+time|solely|alone|unilaterally)\s+)?",
                                    re.IGNORECASE)
# what stands for the name later in the clause: "that list", "the manual", "it"
_STANDS_FOR = r"(?:it|them|(?:that|the|such|this)\s+(?:list|manual|formulary|handbook|playbook|plan|program|menu|catalog(?:ue)?|" \
              r"standards|protocols|guidelines|policies|procedures))\b"


# a document the MSO itself prepares, named in lower case: "Manager shall prepare the staffing model for each
# Clinic, ..., and Practice shall staff each Clinic in accordance with such model"
_PREPARED_DOCUMENT = pattern_cache.compile(
    r"\s+(?:the|a|an)\s+((?:[a-z][\w-]*\s+){0,2}(model|plan|template|manual|matrix|roster|playbook|pathway|schedule))\b")


# the head nouns of _NAMED_STANDARD and _PREPARED_DOCUMENT, in lower case
_DOCUMENT_WORDS = ("list", "manual", "standards", "protocols", "formulary", "guidelines", "handbook", "playbook",
                   "policies", "procedures", "pathway", "criteria", "program", "plan", "catalog", "menu", "model",
                   "template", "matrix", "roster", "schedule")


def kept_in_clause(view: ClauseView, objects: re.Pattern | None) -> list[tuple[str, bool]]:
    """Names of lists and manuals that this clause has the MSO prepare, keep or change ("the MSO may add or
    drop pharmacies from that list", "only the Company may change it"), as (name, names a clinical thing)."""
    text = view.text
    lowered = view.lowered
    if not any(word in lowered for word in _DOCUMENT_WORDS):
        return []  # most clauses name no list or manual: skip the regexes
    names = {" ".join(m.group(1).split()) for m in _NAMED_STANDARD.finditer(text)}
    names = {n for n in names if len(n.split()) >= 2 and not n.split()[0] in ("The", "This", "That", "Such", "Each")}
    keeper = entry("control_verbs.standard-keeper").regex
    found = _prepared_documents(view, keeper, objects)
    if not names:
        return found
    for name in sorted(names, key=len, reverse=True):
        words = name.split()
        forms = {" ".join(words[i:]) for i in range(len(words) - 1)}  # "Glow Operations Manual", "Operations Manual"
        named = [m for form in forms for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, form.split())) + r"\b", text)]
        if not named:
            continue
        first = min(m.start() for m in named)
        for verb in keeper.finditer(text):
            seg = view.segment_at(verb.start())
            after = text[verb.end(): min(seg.end, verb.end() + 90)]
            points = any(re.search(r"\b" + r"\s+".join(map(re.escape, f.split())) + r"\b", after) for f in forms)
            holders = [x for x in view.mentions if seg.start <= x.start < verb.start() and x.role != "other"]
            # "the vendors listed in Exhibit G, which list NorthStar shall maintain": a relative names it before the keeper
            points = points or bool(holders and verb.start() > first and _RELATIVE_BEFORE_KEEPER.search(
                text, max(first, holders[-1].start - 30), holders[-1].start) and _KEEPER_GAP.fullmatch(text, holders[-1].end, verb.start()))
            if not points and not (verb.start() > first and re.search(r"\b" + _STANDS_FOR, after)):
                continue
            if not holders or holders[-1].role not in ("mso", "joint") or view.scope.negated(seg, verb.start()):
                continue
            # "the Glow Operations Manual, which includes the treatment protocols, ..."
            clinical = objects is not None and any(
                not view.scope.negated(view.segment_at(o.start()), o.start())
                for m in named for o in objects.finditer(text, m.start(), min(view.segment_at(m.start()).end, m.end() + 200)))
            found.extend((form, clinical) for form in forms)
            break
    return found


def _prepared_documents(view: ClauseView, keeper: re.Pattern, objects: re.Pattern | None) -> list[tuple[str, bool]]:
    """("staffing model", clinical) and its head noun ("model", for "such model") when the MSO prepares or keeps a
    document named in lower case and the same sentence fills it with clinical things."""
    text = view.text
    found = []
    for verb in keeper.finditer(text):
        named = _PREPARED_DOCUMENT.match(text, verb.end())
        if named is None:
            continue
        seg = view.segment_at(verb.start())
        holders = [x for x in view.mentions if seg.start <= x.start < verb.start() and x.role != "other"]
        if not holders or holders[-1].role not in ("mso", "joint") or view.scope.negated(seg, verb.start()):
            continue
        clinical = objects is not None and any(
            not view.scope.negated(seg, o.start()) for o in objects.finditer(text, named.end(1), seg.end))
        if clinical:
            found += [(" ".join(named.group(1).split()), True), (named.group(2), True)]
    return found


# a term defined by what it includes: '"Operational Decisions" includes decisions regarding ...'
_DEFINES_OR_INCLUDES = pattern_cache.compile(
    r"[\"\u201c]([A-Z][^\"\u201d]{1,60})[\"\u201d]\s+(?:means|shall\s+mean|refers\s+to|shall\s+refer\s+to|includes|"
    r"shall\s+include|include)\s+((?:[^.;]|\.(?!\s)|;(?=\s*(?:and\s+|or\s+)?\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)))*)")


def umbrella_definitions(views: Iterable[ClauseView], parties: Iterable[str] = ()) -> list[tuple[ClauseView, re.Match]]:
    """The definitions of umbrella terms (matters, decisions, services, plans, budgets ...) in these clauses: the
    terms that can gather clinical things under one name (see `terms_taking_in`). A committee or the patient
    records defined with clinical words in them are no clinical decisions; party names never count."""
    names = {" ".join(p.lower().split()) for p in parties}
    found = []
    for view in views:
        if '"' not in view.text and "\u201c" not in view.text:
            continue
        for definition in _DEFINES_OR_INCLUDES.finditer(view.text):
            term = " ".join(definition.group(1).split())
            if ends_with(term, "clinical_objects.umbrella_terms") and term.lower() not in names:
                found.append((view, definition))
    return found


def terms_taking_in(definitions: list[tuple[ClauseView, re.Match]], objects, clinical_objects) -> tuple[str, ...]:
    """Terms whose definition (of `umbrella_definitions`) takes in clinical things of the kind `objects` names, for
    use in other clauses: '1.1 "Administrative Matters" means ..., including ... the number and mix of nurse
    injectors on each shift' and, in 2.1, 'Manager shall have full and final authority over the Administrative
    Matters'. `clinical_objects(view, objects, a, b)` (detectors.clinical_objects) gives the clinical objects in
    view.text[a:b] after the lexicon's carve-outs."""
    found: list[str] = []
    for view, definition in definitions:
        term = " ".join(definition.group(1).split())
        if term in found or not objects.search(view.text, definition.start(2), definition.end(2)):
            continue
        taken = clinical_objects(view, objects, definition.start(2), definition.end(2))
        if any(_taken_in(view.text, definition.start(2), o[0]) for o in taken):
            found.append(term)
    return tuple(found)


_LEAVES_OUT = pattern_cache.compile(r"\b(?:other\s+than|excluding|excludes?|except(?:\s+for)?|but\s+not|does\s+not\s+include|"
                                    r"shall\s+not\s+include|not\s+including|without\s+including|rather\s+than)\b", re.IGNORECASE)
_TAKES_IN = pattern_cache.compile(r"\b(?:including|includes?|such\s+as|namely|comprising)\b", re.IGNORECASE)


def _taken_in(text: str, start: int, at: int) -> bool:
    """Whether the definition that starts at `start` takes in the thing at `at`: not after a carve-out ("other than
    the treatment protocols, the service menu and ..."), unless an "including" comes after the carve-out."""
    out = list(_LEAVES_OUT.finditer(text, start, at))
    if not out:
        return True
    # "all matters other than the rendering of care to a patient, including (i) ... the treatment protocols": the
    # list belongs to "all matters"; after "excludes every Clinical Decision, including ..." it spells out the exclusion
    if not out[-1].group().lower().startswith(("other", "rather")):
        return False
    return any(m.start() > out[-1].end() for m in _TAKES_IN.finditer(text, start, at))
