"""The structural vocabulary of `data/lexicon/segment_cues.yaml`, compiled into regexes once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import pattern_cache
from .lexicon_file import load_entries

CUE_KINDS = {
    "recital_start", "recital_heading", "operative_start", "signature_start", "exhibit_word",
    "definitions_heading", "definition_verb", "crossref_follow", "heading_small_word", "preamble_phrase",
    "inline_definition_word", "signature_line", "signature_field", "amendment_verb", "amendment_adds",
    "attached_document",
}


@dataclass(frozen=True)
class SegmentCues:
    recital_start: re.Pattern
    recital_heading: re.Pattern
    operative_start: re.Pattern
    signature_start: re.Pattern
    exhibit_line: re.Pattern  # groups: word, label, rest
    attached_document: re.Pattern  # the capitalised title of an instrument after the signatures
    exhibit_prefix: dict[str, str]  # lower-cased word -> id prefix
    definitions_heading: re.Pattern
    definition_start: re.Pattern  # groups: term
    crossref_follow: frozenset[str]
    small_words: frozenset[str]
    preamble_phrase: re.Pattern
    inline_definition_words: frozenset[str]
    signature_line: re.Pattern  # "By:" at the start of a line
    signature_field: re.Pattern  # "Name:", "Title:" at the start of a line
    amended_section: re.Pattern | None = None
    added_section: re.Pattern | None = None
    amendment_literals: tuple[str, ...] = ()  # the cue words in lower case: a cheap test before the patterns


def _alternation(literals: list[str]) -> str:
    spaced = (re.escape(lit).replace(r"\ ", r"\s+") for lit in sorted(literals, key=len, reverse=True))
    return "|".join(spaced)


@cache
def segment_cues() -> SegmentCues:
    entries = load_entries(
        "segment_cues.yaml", required={"cue", "literal"}, optional={"id_prefix"},
        choices={"cue": CUE_KINDS},
    )
    by_cue: dict[str, list[str]] = {kind: [] for kind in CUE_KINDS}
    prefixes: dict[str, str] = {}
    for entry in entries:
        by_cue[entry["cue"]].append(str(entry["literal"]))
        if entry["cue"] == "exhibit_word":
            prefixes[str(entry["literal"]).lower()] = str(entry.get("id_prefix") or "exh")
    words = _alternation(by_cue["exhibit_word"])
    return SegmentCues(
        recital_start=pattern_cache.compile(rf"(?:{_alternation(by_cue['recital_start'])})\b", re.I),
        recital_heading=pattern_cache.compile(rf"(?:{_alternation(by_cue['recital_heading'])})\s*[:.]?\s*$", re.I),
        operative_start=pattern_cache.compile(rf"(?:{_alternation(by_cue['operative_start'])})\b", re.I),
        signature_start=pattern_cache.compile(rf"(?:{_alternation(by_cue['signature_start'])})\b", re.I),
        exhibit_line=pattern_cache.compile(
            rf"((?i:{words}))\s{{1,5}}([A-Z]{{1,2}}(?:-[0-9]{{1,3}})?|[0-9]{{1,3}}(?:\.[0-9]{{1,3}})?|[IVX]{{1,6}})(?![\w])[.:]?(.*)"
        ),
        exhibit_prefix=prefixes,
        attached_document=pattern_cache.compile(rf"(?:{_alternation(by_cue['attached_document'])})\b"),
        definitions_heading=pattern_cache.compile(rf"\b(?:{_alternation(by_cue['definitions_heading'])})\b", re.I),
        definition_start=pattern_cache.compile(
            r"[\"“”']([^\"“”\n]{1,80}?)[\"“”']\s{0,3}(?:\([^()\n]{0,80}\)\s{0,3})?,?\s{0,3}"
            rf"(?:{_alternation(by_cue['definition_verb'])})\b",
            re.I,
        ),
        crossref_follow=frozenset(by_cue["crossref_follow"]),
        small_words=frozenset(w.lower() for w in by_cue["heading_small_word"]),
        preamble_phrase=pattern_cache.compile(rf"(?:{_alternation(by_cue['preamble_phrase'])})", re.I),
        inline_definition_words=frozenset(w.lower() for w in by_cue["inline_definition_word"]),
        signature_line=pattern_cache.compile(rf"(?:{_alternation(by_cue['signature_line'])})\s{{0,3}}:", re.I),
        signature_field=pattern_cache.compile(rf"(?:{_alternation(by_cue['signature_field'])})\s{{0,3}}:", re.I),
        # "Section 6.1 of the Agreement is deleted in its entirety and replaced with the following"
        amended_section=pattern_cache.compile(
            rf"\b(?:Section|Article|Paragraph|Clause)\s+([0-9]{{1,3}}(?:\.[0-9]{{1,3}}){{0,3}}(?:\([a-z0-9]{{1,4}}\))?)\s+of\s+"
            rf"(?:the|this)\s+(?:[A-Z][\w-]*\s+){{0,5}}?Agreement\b[^.;]{{0,40}}?\b(?:{_alternation(by_cue['amendment_verb'])})\b", re.I),
        # "Article 5 of the Agreement is amended by adding the following new Section 5.6"
        added_section=pattern_cache.compile(
            rf"\b(?:{_alternation(by_cue['amendment_adds'])})\s+(?:the\s+following\s+)?(?:a\s+)?new\s+"
            rf"(?:Section|Article|Paragraph|Clause)\s+([0-9]{{1,3}}(?:\.[0-9]{{1,3}}){{0,3}}(?:\([a-z0-9]{{1,4}}\))?)", re.I),
        amendment_literals=tuple(" ".join(lit.lower().split()) for lit in by_cue["amendment_verb"] + by_cue["amendment_adds"]),
    )
