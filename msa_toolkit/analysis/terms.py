"""Defined terms that name clinical things in one agreement ("Treatment Staff" means the nurse injectors ...).

A drafter who defines "Treatment Staff", "Devices" or "Clinical Personnel" then writes every operative
clause with the defined word, which no vocabulary can list in advance. A defined term whose definition
starts with a clinical object of a rule (within its first words) becomes an object of that rule for
this document only.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from .. import pattern_cache
from ..model import Document
from .lexicon import Cues, form_words

_MEANS = pattern_cache.compile(r"\b(?:means?|shall\s+mean|refers?\s+to|shall\s+refer\s+to|includes?|consists?\s+of)\b",
                    re.IGNORECASE)
_HEAD_WINDOW = 90  # a clinical object must appear this close to "means" to be what the term names
_HEAD_START = 70  # ... and start the definition, possibly after a short list ("lasers, ... and other devices")
# words before the object that show it is not what the term names ("non-clinical staff", "the place where
# physicians practise", "staff who assist the physicians")
_NOT_THE_HEAD = pattern_cache.compile(r"\bnon[-\s]?|\b(?:other\s+than|excluding|excludes?|except|but\s+not|is|are|was|were|where|which|that|who|whom|"
                           r"at|by|for|to|of|with|assist\w*|support\w*|under|owned|located|operated|provided)\b",
                           re.IGNORECASE)
_NOT_A_THING = frozenset({"agreement", "services", "term", "effective date", "party", "parties"})


def clinical_terms(document: Document) -> tuple[tuple[str, str], ...]:
    """(term, head of its definition) for the document's defined terms that are not party names."""
    aliases = {a.lower() for p in document.parties for a in (p.name, *p.aliases)}
    found = []
    for defined in document.defined_terms:
        term = " ".join(defined.term.split())
        if (len(term) < 3 or term.lower() in aliases or _singular(term).lower() in aliases or term.lower() in _NOT_A_THING
                or _names_a_place(term)):
            continue
        definition = defined.definition or ""
        means = _MEANS.search(definition)
        if means is None:
            # 'Ingrid Roe, M.D. ("Director")': a physician's short name (in an exhibit's own preamble, say)
            if (_PHYSICIAN_ALIAS.search(document.text, max(0, defined.start - 60), defined.start)
                    and not ends_with(term, "clinical_objects.owner_terms")):  # the owner ("Shareholder"), a role of its own
                found.append((term, "medical director, physician"))
            elif _COLLECTIVE.search(document.text, max(0, defined.start - 30), defined.start):
                # 'physicians, physician assistants and registered nurses (collectively, "Providers")': a term that
                # gathers the list right before it names what the list names
                tail = definition[-_HEAD_WINDOW:]
                cut = max(tail.rfind(c) for c in "();\"\u201d")
                head = tail[cut + 1:] if cut >= 0 else tail[tail.find(" ") + 1:]  # (from a whole word)
                found.append((term, head.lstrip(" ,")))
            continue  # a term defined in passing ("the Office") says nothing of what it is
        including = _INCLUDING.search(definition, means.end()) if _DATA_TERM.search(term) else None
        if including:
            # '"Group Data" means all information ..., including patient charts and clinical photographs'
            found.append((term, definition[including.end(): including.end() + _HEAD_WINDOW]))
        found.append((term, definition[means.end(): means.end() + _HEAD_WINDOW]))
    found.extend(_named_after(document.text, aliases))
    return tuple(found)


# 'All information generated through the Platform, including ... treatment notes ..., constitutes "Platform Data"'
_NAMED_AFTER = pattern_cache.compile(r"\b(?:constitutes?|shall\s+constitute|(?:is|are|shall\s+be)\s+(?:hereinafter\s+)?(?:referred\s+to|"
                                     r"defined|known)\s+(?:herein\s+)?as|(?:is|are)\s+called)\s+(?:the\s+)?$")
_QUOTED_TERM = pattern_cache.compile(r"[\"\u201c]([A-Z][^\"\u201d]{1,60})[\"\u201d]")


def _named_after(text: str, aliases: set[str]) -> list[tuple[str, str]]:
    """(term, head) for terms whose definition comes before the name ('X ... constitutes "Platform Data"')."""
    found = []
    for quoted in _QUOTED_TERM.finditer(text):
        named = _NAMED_AFTER.search(text, max(0, quoted.start() - 60), quoted.start())
        if named is None:
            continue
        term = " ".join(quoted.group(1).split())
        if term.lower() in aliases or _names_a_place(term):
            continue
        opening = max(text.rfind(". ", 0, named.start()), text.rfind("\n", 0, named.start()), named.start() - 400)
        definition = text[opening + 1: named.start()].strip()
        including = _INCLUDING.search(definition) if _DATA_TERM.search(term) else None
        if including:
            found.append((term, definition[including.end(): including.end() + _HEAD_WINDOW]))
        found.append((term, definition[:_HEAD_WINDOW]))
    return found


def _names_a_place(term: str) -> bool:
    """"Centers", "Practice Sites": a term whose last words name a place (`clinical_objects.place_terms`)."""
    return ends_with(term, "clinical_objects.place_terms")


def ends_with(term: str, lexicon_entry: str) -> bool:
    """Whether the last words of a defined term are a form of the lexicon entry ("Practice Sites", "Administrative
    Matters")."""
    from .lexicon import entry

    return any(m.end() == len(term) for m in entry(lexicon_entry).regex.finditer(term))


_PHYSICIAN_ALIAS = pattern_cache.compile(r"(?:M\.\s?D\.|D\.\s?O\.|\bMD|\bDO|\bphysician|Medical\s+Director)(?:\W{0,3}\(\s*(?:the\s+)?|"
                                         # "Wren Abbott, M.D., a physician licensed by the Texas Medical Board ("Director")"
                                         r"\b[^;()\"\u201c\u201d.]{0,80}?\(\s*)[\"\u201c]?$")
_COLLECTIVE = pattern_cache.compile(r"\(\s*(?:collectively|together|each|individually|each\s+individually)\s*,?\s*(?:the\s+|an?\s+)?"
                                     r"[\"\u201c]?$", re.IGNORECASE)
_DATA_TERM = pattern_cache.compile(r"\b(?:Data|Records|Information|Files|Materials|Content)$")
_INCLUDING = pattern_cache.compile(r"\b(?:including|includes|such\s+as)\b(?:\s+(?:without\s+limitation|but\s+not\s+limited\s+to),?)?\s*")


@lru_cache(maxsize=512)
def _matching_terms(pattern: re.Pattern, terms: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    names = []
    for term, head in terms:
        if pattern.search(term) and pattern.search(_singular(term)):
            continue  # the vocabulary already knows it (in the singular too: "providers" but not "Provider")
        # (not "patient care coordinators": a word after the object can make it something else)
        m = next((m for m in pattern.finditer(head) if not not_the_thing().match(head, m.end())), None)
        if m and m.start() <= _HEAD_START and not _NOT_THE_HEAD.search(head, 0, m.start()):
            names.append(term)
    return tuple(names)


@cache
def not_the_thing() -> re.Pattern:
    """The words right after a clinical object that make it a system, a document, a place or a job about it
    ("EHR system", "patient care coordinators"), from `clinical_objects.not_the_thing_itself`."""
    from .lexicon import entry

    return pattern_cache.compile(r"\s*(?:" + entry("clinical_objects.not_the_thing_itself").regex.pattern + ")", re.IGNORECASE)


class WidenedPattern:
    """A rule's pattern and the document's own clinical terms, searched side by side.

    Recompiling the rule's large pattern with the extra words cost about 40 ms per document (and kept
    every document's pattern alive); the small pattern of the terms compiles in well under a
    millisecond. Matches are merged as the alternation would give them: leftmost first, the longer
    of two that start together, none overlapping.
    """

    __slots__ = ("base", "extra", "pattern", "flags")

    def __init__(self, base: re.Pattern, extra: re.Pattern):
        self.base, self.extra = base, extra
        self.pattern, self.flags = base.pattern, base.flags

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        found = sorted((*self.base.finditer(text, pos, endpos), *self.extra.finditer(text, pos, endpos)),
                       key=lambda m: (m.start(), -m.end()))
        reached = -1
        for m in found:
            if m.start() >= reached:
                reached = m.end()
                yield m

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        hits = [m for m in (self.base.match(text, pos, endpos), self.extra.match(text, pos, endpos)) if m]
        return max(hits, key=lambda m: m.end()) if hits else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        hits = [m for m in (self.base.search(text, pos, endpos), self.extra.search(text, pos, endpos)) if m]
        return min(hits, key=lambda m: (m.start(), -m.end())) if hits else None


@lru_cache(maxsize=256)
def _terms_pattern(names: tuple[str, ...]) -> re.Pattern:
    words = "|".join(r"\b" + r"\s+".join(re.escape(w) for w in _singular(n).split()) + r"(?:s|es)?\b" for n in
                     sorted(names, key=len, reverse=True))
    return re.compile(words)


def _singular(term: str) -> str:
    """"Providers" -> "Provider": a term defined in the plural is used in the singular too ("any Provider")."""
    return term[:-1] if term.endswith("s") and not term.endswith("ss") and len(term.split()[-1]) > 3 else term


def _extended(pattern: re.Pattern, names: tuple[str, ...]) -> WidenedPattern:
    return WidenedPattern(pattern, _terms_pattern(names))


def with_document_terms(params, terms: tuple[tuple[str, str], ...]):
    """The rule's patterns widened by this document's clinical defined terms (the same params when none)."""
    if not terms:
        return params
    named = {}
    for field in ("objects", "workers"):
        pattern = getattr(params, field)
        if pattern is not None:
            named[field] = _matching_terms(pattern, terms)
    return _widened(params, named)


def with_object_names(params, names: tuple[str, ...]):
    """The rule's objects widened by `names`: terms that stand for things of the rule's kind."""
    return _widened(params, {"objects": names}) if names and params.objects is not None else params


def _widened(params, named: dict[str, tuple[str, ...]]):
    changes = {field: _extended(getattr(params, field), names) for field, names in named.items() if names}
    if not changes:
        return params
    needs = tuple((key, cues | Cues.of_forms([form_words(n) for t in named[key] for n in {t, _singular(t)} if form_words(n)]))
                  if key in changes else (key, cues) for key, cues in params.needs)
    return replace(params, needs=needs, **changes)
