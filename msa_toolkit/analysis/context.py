"""Negation and exception scope for contract sentences: one component, used by every rule.

In the style of medSpaCy's ConText: cues from `lexicon/negation_cues.yaml` have a kind and a direction
and govern the words after them (or before, for "shall not be required") until a terminator: a
semicolon, a proviso ("provided, however", "except that", "unless"), or a new coordinated clause with
its own subject. A clause is cut into `Segment`s at sentence ends, semicolons and provisos, so that
"Manager shall have no authority ...; provided, however, that Manager shall approve ..." yields a
second, un-negated segment.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import pattern_cache
from .lexicon import load_lexicon

_ABBREVIATIONS = pattern_cache.compile(
    r"(?:\b(?:[A-Za-z]\.){1,4}|\b(?:Inc|Co|Corp|Ltd|No|Nos|Sec|Secs|Art|Mr|Ms|Mrs|Dr|St|Jr|Sr|vs|etc|approx|Ex|Exh|Sch|"
    r"Para|para|al|cf|Stat|Ann|Rev|Reg|Regs|Cal|Fla|Tex|Or|Ill|Educ|Prof|Bus|Code|Admin|Gen|Ch|Pub|Civ|Corp|Bd|Med)\.)$"
)
# a sentence ends before a capital, a digit or a list item in lower case ("... by such Clinician. (b) Halcyon may")
# "... set forth in Exhibit D. Halcyon shall ...": a lettered exhibit, not an initial, ends the sentence
_LETTERED_EXHIBIT = pattern_cache.compile(r"\b(?:Exhibit|Schedule|Appendix|Annex|Attachment|Addendum|Article|Section|Part)\s+[A-Z]\.$")
_SENTENCE_END = pattern_cache.compile(r"[.!?][\"'\u201d)]*\s+(?=[\"'\u201c(]?[A-Z0-9]|\((?:[a-z]{1,2}|[ivx]{1,5})\)\s)")
# the lookaheads on possible first characters below only let the engine skip positions (same matches)
# ", but not the obligation, to ..." keeps the right it qualifies; it opens no new segment
_PROVISO = pattern_cache.compile(
    r"(?=[;,\spe])(?:;|,?\s*\bprovided(?:,)?\s+(?:however|further|further,\s+however|that)\b|,?\s*\bexcept\s+that\b|,\s*but\b(?!\s+(?:not|shall\s+not\s+be|is\s+not)\s+(?:the\s+|an\s+)?(?:obligation|duty|obligated|required)\b)|;\s*however\b|"
    r"\bprovided\s*,\s*however\b|(?<!shall)(?<!will)(?<!may)(?<!must),\s*however\s*,)",
    re.IGNORECASE,
)
# "In the event the Parties cannot agree, the decision of Manager shall be final": a negation inside a
# conditional clause ends at the comma that closes it
_CONDITION_ENDS = pattern_cache.compile(r"(?=[iwt])\b(?:if|in\s+the\s+event|when|where|whenever|to\s+the\s+extent)\b[^,;.]{1,160},",
                             re.IGNORECASE)
# the first item of a list right after a negation: "shall not (a)", "shall not do any of the following: (a)"
_NEGATED_LIST_LEAD = pattern_cache.compile(r"(?:(?!\b(?:without|unless|except|until|other\s+than)\b)[^.;:()]){0,60}?:?\s*"
                                           r"\((?:a|i|1)\)\s", re.IGNORECASE)
_NEW_CLAUSE = pattern_cache.compile(r"(?=[,\saobw])(?:,\s*\b(?:and|or|but|while|whereas|and\s+further)\s+(?=(?:the\s+)?[A-Z][a-z])|"
                         # without a comma only a capitalised subject with its own verb: not "grafts placed or Procedures performed"
                         r"\s+(?:and|or|but|while|whereas)\s+(?=(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?:'s\s+[\w-]+)?\s+(?:\w+ly\s+)?"
                         r"(?:shall|will|may|must|has|have|is|are|does|do|agrees?|acknowledges?|consents?|approves?|determines?|decides?)\b)|"
                         r",\s*(?:and|or|but)\s+(?:[a-z]+\s+){1,3}(?=(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:shall|will|may|must)\b)|"
                         # ", all of which data ... shall belong to Company": a relative clause with a verb of its own
                         r",\s*(?:(?:all|each|any|none|some|both|most)\s+of\s+)?which\b(?=[^.;]{0,120}\b(?:shall|will|may|must)\b))")


_MODAL_AFTER = pattern_cache.compile(r"\b(?:shall|will|may|must)\b")
_MODIFIER_NOT = pattern_cache.compile(r"(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?not", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    """A stretch of a clause that one negation or proviso can govern. `opens` tells what cut it."""

    start: int
    end: int
    opens: str  # clause | sentence | list | proviso


@dataclass(frozen=True)
class _CueTables:
    negated_forward: tuple[re.Pattern, ...]
    negated_backward: tuple[re.Pattern, ...]
    pseudo: tuple[re.Pattern, ...]
    terminate: tuple[re.Pattern, ...]
    waiver: tuple[re.Pattern, ...]
    restriction: tuple[re.Pattern, ...]


@cache
def _cue_tables() -> _CueTables:
    entries = load_lexicon("negation_cues").values()

    def pick(kind, direction=None):
        return tuple((e.regex, e.cues) for e in entries
                     if e.kind == kind and (direction is None or (e.direction or "forward") == direction))

    return _CueTables(
        negated_forward=pick("negated", "forward"), negated_backward=pick("negated", "backward"),
        pseudo=pick("pseudo"), terminate=pick("terminate"), waiver=pick("waiver"), restriction=pick("restriction"),
    )


def split_segments(text: str) -> tuple[Segment, ...]:
    """Cut a clause at sentence ends, semicolons and provisos (the proviso words open the next segment)."""
    cuts: list[tuple[int, str]] = [(0, "clause")]
    for m in _SENTENCE_END.finditer(text):
        if (not _ABBREVIATIONS.search(text[max(0, m.start() - 12): m.start() + 1])
                or _LETTERED_EXHIBIT.search(text, max(0, m.start() - 24), m.start() + 1)):
            cuts.append((m.end(), "sentence"))
    for m in _PROVISO.finditer(text):
        cuts.append((m.start(), "list" if m.group().strip() == ";" else "proviso"))
    cuts.sort()
    segments = []
    for i, (start, opens) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        if end > start and text[start:end].strip(" ;,"):
            segments.append(Segment(start, end, opens))
    return tuple(segments) or (Segment(0, len(text), "clause"),)


# the end of a relative clause: a semicolon, a sentence end, the next list item or a coordinated clause (not a comma
# that opens an aside: "whom Manager determines, in its reasonable judgment, to be ...")
_RELATIVE_ENDS = pattern_cache.compile(r"[;(]|\.(?:\s|$)|,(?=\s*(?:(?:and|or|but|nor|provided|except|unless|whereupon|"
                                       r"while|which|who)\b|\())")


def _relative_end(text: str, start: int) -> int:
    end = _RELATIVE_ENDS.search(text, start)
    return end.start() if end else len(text)


class NegationScope:
    """Answers "is the word at this offset negated, or is a consent requirement waived?" for one clause."""

    def __init__(self, text: str, subject_starts: tuple[int, ...] = (), tokens: frozenset | None = None,
                 relative_starts: tuple[int, ...] = ()):
        """`subject_starts`: where a party opens a clause of its own (it ends a negation's scope);
        `relative_starts`: where a party opens a relative clause (it ends the scope until the relative ends);
        `tokens`: the clause's lowercase words, when known, to skip cues whose words are absent."""
        tables = _cue_tables()
        self.text = text

        def present(patterns):
            return [rx for rx, cues in patterns if tokens is None or cues is None or cues.found_in(tokens)]

        pseudo = [(m.start(), m.end()) for rx in present(tables.pseudo) for m in rx.finditer(text)]
        # "any product that is not listed on ...": negates nothing, and ends an earlier negation's reach
        restrictions = [(m.start(), m.end()) for rx in present(tables.restriction) for m in rx.finditer(text)
                        if not any(s <= m.start() < e for s, e in pseudo)]
        pseudo += restrictions

        def spans(patterns):
            found = []
            for rx in present(patterns):
                for m in rx.finditer(text):
                    if not any(s <= m.start() < e for s, e in pseudo):
                        found.append((m.start(), m.end()))
            return sorted(set(found))

        self.forward = spans(tables.negated_forward)
        self.backward = spans(tables.negated_backward)
        self.waivers = spans(tables.waiver)
        terminators = {s for s, _ in spans(tables.terminate)}
        terminators.update(m.start() for m in _NEW_CLAUSE.finditer(text))
        terminators.update(m.end() - 1 for m in _CONDITION_ENDS.finditer(text))
        terminators.update(subject_starts)
        self.terminators = sorted(terminators)
        # a relative clause ("any change to which Manager objects", "any product that is not listed on ...") is out of
        # an earlier negation's reach, but only up to its end: "shall not (i) advertise any outcome that Group has not
        # approved, (ii) offer ..." still negates (ii)
        self.relatives = [(start, _relative_end(text, start)) for start in (*relative_starts, *(e for _, e in restrictions))]
        # "Company shall not (a) practice dentistry; (b) set any production goal ...": a negated lead governs its items
        self.list_leads = [(start, end, lead.end()) for start, end in self.forward
                           for lead in [_NEGATED_LIST_LEAD.match(text, end)] if lead]

    def _open_cue(self, cues, segment: Segment, pos: int) -> tuple[int, int] | None:
        """The last forward cue in `segment` before `pos` whose scope no terminator has closed."""
        best = None
        for start, end in cues:
            if start >= pos:
                break
            if start < segment.start:
                continue  # (a word inside the cue is governed too: "shall pay no ...")
            if any(end <= t < pos for t in self.terminators) or any(end <= t <= pos < stop for t, stop in self.relatives):
                continue
            if _MODIFIER_NOT.fullmatch(self.text, start, end) and _MODAL_AFTER.search(self.text, end, pos):
                continue  # "any filler not previously stocked ... shall be decided by X", "any product that is not on the
                # list shall be approved by X": the modifier's "not" ends there
            best = (start, end)
        if best is None and segment.opens == "list" and cues is self.forward:
            for start, end, items in self.list_leads:
                if (items <= segment.start and not _SENTENCE_END.search(self.text, items, segment.start)
                        and not any(segment.start + 2 < t < pos for t in self.terminators)):  # (not the "; " itself)
                    best = (start, end)
        return best

    def negated(self, segment: Segment, pos: int, end: int | None = None) -> bool:
        """True when a negation cue governs the words at `pos` (forward) or right after `end` (backward)."""
        if self._open_cue(self.forward, segment, pos):
            return True
        if end is not None:
            for start, _ in self.backward:
                if end <= start < segment.end and not any(end <= t < start for t in self.terminators):
                    return True
        return False

    def negation_cue(self, segment: Segment, pos: int) -> tuple[int, int] | None:
        return self._open_cue(self.forward, segment, pos)

    def waived(self, segment: Segment, pos: int) -> bool:
        """True when "without any need for ..." (or similar) governs the consent word at `pos`."""
        return self._open_cue(self.waivers, segment, pos) is not None
