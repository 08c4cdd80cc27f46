"""Clinical standards that a defined term puts in the MSO's hands, and the clauses that bind clinical work to them.

'"Approved Protocols" means the treatment protocols ... as approved in writing by Manager's Clinical Operations
Committee', and pages later 'each Licensed Provider shall render services only in accordance with the Approved
Protocols': neither sentence alone names both the MSO's power and the clinical work it governs. The definition
makes the term the MSO's standard; a clause that binds the work to the term is the control.
"""
from __future__ import annotations

import re
from typing import Iterable

from .. import pattern_cache
from .lexicon import entry
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
        for m in entry("control_verbs.standard-author").regex.finditer(definition):
            holders = view_of(definition[m.end(): m.end() + 80]).mentions
            if holders and holders[0].start <= 2 and holders[0].role in ("mso", "joint"):
                clinical = bool(objects.search(term) or objects.search(definition[:160]))
                found.append((" ".join(term.split()), clinical))
                break
    return tuple(found)


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
            if actors and actors[0].role in ("mso", "joint"):
                continue  # "Manager shall perform the Services consistent with the Operations Manual": its own work
            hits.append((bind.start(), m.end()))
    return sorted(hits)[:1]
