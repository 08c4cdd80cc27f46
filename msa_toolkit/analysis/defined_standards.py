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
from .view import ClauseView

_DEFINES = pattern_cache.compile(r"[\"\u201c]([^\"\u201d]{2,60})[\"\u201d]\s+(?:means|shall\s+mean|refers\s+to|shall\s+refer\s+to)\s+"
                                 r"((?:[^.;]|\.(?!\s))*)")
# "... as approved in writing from time to time by", "established, maintained and updated by"
_BY_AUTHOR = pattern_cache.compile(r"\b(?:approved|adopted|established|issued|promulgated|maintained|determined|prescribed|"
                                   r"published|specified|developed|written|selected|designated|authori[sz]ed|updated|"
                                   r"amended|revised)\b(?:\s*,?\s*(?:in\s+writing|from\s+time\s+to\s+time|and\s+\w+|or\s+\w+)){0,4}"
                                   r"\s*,?\s+by\s+(?:the\s+)?", re.IGNORECASE)
# the words that bind work to a standard: "only in accordance with the", "consistent with", "listed in"
_BINDS = pattern_cache.compile(r"\b(?:in\s+accordance\s+with|consistent\s+with|pursuant\s+to|in\s+compliance\s+with|"
                               r"compl(?:y|ies|ying)\s+with|follow(?:s|ing)?|adhere\s+to|conform\s+to|under|"
                               r"set\s+forth\s+in|listed\s+in|contained\s+in|included\s+in|on|from|only)\s+"
                               r"(?:the\s+|all\s+|such\s+|any\s+|then-current\s+|applicable\s+)*$", re.IGNORECASE)
_BIND_WINDOW = 60


def mso_standards(definitions: Iterable[tuple[str, str]], view_of, objects: re.Pattern | None) -> tuple[str, ...]:
    """The defined terms (of `definitions`: (term, definition) pairs) that name a clinical thing and whose
    definition has the MSO approve, adopt, issue or keep it. `view_of(text)` gives a ClauseView of a text."""
    if objects is None:
        return ()
    found = []
    for term, definition in definitions:
        if not objects.search(term) and not objects.search(definition[:160]):
            continue  # not a clinical thing
        for m in _BY_AUTHOR.finditer(definition):
            holders = view_of(definition[m.end(): m.end() + 80]).mentions
            if holders and holders[0].start <= 2 and holders[0].role in ("mso", "joint"):
                found.append(" ".join(term.split()))
                break
    return tuple(found)


def clause_definitions(text: str) -> list[tuple[str, str]]:
    """Terms defined inside one clause ('"Approved Protocols" means ...')."""
    return [(m.group(1), m.group(2)) for m in _DEFINES.finditer(text)]


def bound_to_standard(view: ClauseView, names: Iterable[str]) -> list[tuple[int, int]]:
    """Spans where the clause binds work to one of `names` ("only in accordance with the Approved Protocols"),
    outside any negation, and not in the definition itself."""
    text = view.text
    hits = []
    for name in names:
        for m in re.finditer(r"\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b", text):
            if re.match(r"[\"\u201d]?\s+(?:means|shall\s+mean|refers\s+to)\b", text[m.end(): m.end() + 20]):
                continue  # the definition itself
            bind = _BINDS.search(text, max(0, m.start() - _BIND_WINDOW), m.start())
            if bind is None:
                continue
            seg = view.segment_at(bind.start())
            if view.scope.negated(seg, bind.start(), m.end()):
                continue
            actors = [x for x in view.mentions if seg.start <= x.start < bind.start() and x.role != "other"]
            if actors and actors[0].role in ("mso", "joint"):
                continue  # "Manager shall perform the Services consistent with the Operations Manual": its own work
            hits.append((bind.start(), m.end()))
    return sorted(hits)[:1]
