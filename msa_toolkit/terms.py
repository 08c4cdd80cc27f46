"""Defined terms: where the agreement gives a word a meaning, and what that meaning is.

Three shapes: a definition paragraph ('"Net Collections" means ...'), a definition sentence
anywhere in a clause, and an inline parenthetical ('(the "Premises")', '(each, a "Location")').
Party names are defined terms too; their definition is the party's legal name. The first place a
term is defined wins.
"""
from __future__ import annotations

import bisect
import re

from . import pattern_cache
from .model import Clause, DefinedTerm

_PARENTHETICAL = pattern_cache.compile(r"\(([^()\n]{0,200}?[\"“][^()]{0,200}?)\)")
_QUOTED = pattern_cache.compile(r"[\"“]([^\"“”\n]{1,80}?)[\"”]")
_REFERRED_AS = pattern_cache.compile(
    r"\b(?:referred\s{1,3}to(?:\s{1,3}[\w,]{1,20}){0,6}?\s{1,3}as|hereinafter|together\s{1,3}as|individually\s{1,3}as)"
    r",?\s{0,3}(?:an?\s{1,3}|the\s{1,3})?[\"“]([^\"“”\n]{1,60}?)[\"”]",
    re.I,
)
_WORD = pattern_cache.compile(r"[A-Za-z]+")
_BOUNDARY = pattern_cache.compile(r"[.;:]\s|\n\s*\n|\b(?:between|among)\s", re.I)
MAX_DEFINITION_CHARS = 600
MAX_CONTEXT_CHARS = 200


def find_defined_terms(text: str, clauses: tuple[Clause, ...]) -> tuple[DefinedTerm, ...]:
    """Every term the agreement defines, first definition first, ordered by where it is defined."""
    from .parties import resolve_parties
    from .segmentation.cues import segment_cues

    cues = segment_cues()
    found: dict[str, DefinedTerm] = {}
    starts = [c.start for c in clauses]

    def clause_index(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        return i if i >= 0 and offset < clauses[i].end else None

    def clause_at(offset: int) -> str | None:
        i = clause_index(offset)
        return None if i is None else clauses[i].id

    def context_before(offset: int) -> str:
        i = clause_index(offset)
        return _preceding_context(text, offset, 0 if i is None else clauses[i].start)

    def add(term: str, definition: str, offset: int) -> None:
        term = re.sub(r"\s+", " ", term).strip(" ,.;:")
        if not term or not any(ch.isalpha() for ch in term):
            return
        candidate = DefinedTerm(term=term, definition=re.sub(r"\s+", " ", definition).strip(), clause_id=clause_at(offset), start=offset)
        if term not in found or offset < found[term].start:
            found[term] = candidate

    for match in cues.definition_start.finditer(text):
        opening = match.start()
        if opening and not (text[opening - 1].isspace() or text[opening - 1] in "(:;"):
            continue
        body_end = _sentence_end(text, match.end())
        add(match.group(1), text[opening:body_end], match.start(1))
    for match in _PARENTHETICAL.finditer(text):
        inner = match.group(1)
        leftover = _QUOTED.sub(" ", inner)
        if any(w.lower() not in cues.inline_definition_words for w in _WORD.findall(leftover)):
            continue
        context = context_before(match.start())
        for quoted in _QUOTED.finditer(inner):
            add(quoted.group(1), context, match.start(1) + quoted.start(1))
    for match in _REFERRED_AS.finditer(text):
        add(match.group(1), context_before(match.start()), match.start(1))

    for party in resolve_parties(text, clauses):
        for alias in party.aliases:
            if alias in found:
                term = found[alias]
                found[alias] = DefinedTerm(term.term, party.name, term.clause_id, term.start)
    return tuple(sorted(found.values(), key=lambda t: t.start))


def _sentence_end(text: str, offset: int) -> int:
    window = text[offset:offset + MAX_DEFINITION_CHARS]
    stop = re.search(r"[.;](?=\s|$)|\n\s*\n", window)
    return offset + (stop.end() if stop else len(window))


def _preceding_context(text: str, offset: int, floor: int) -> str:
    """The phrase a parenthetical names: back to the previous sentence, clause or 'between'."""
    window = text[max(floor, offset - MAX_CONTEXT_CHARS):offset]
    cut = 0
    for boundary in _BOUNDARY.finditer(window):
        cut = boundary.end()
    return window[cut:].strip(" ,")
