"""Everything the rules need to know about one clause's text, computed once per clause."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .actors import ActorIndex, Mention, PowerFinder
from .context import NegationScope, Segment, split_segments
from .lexicon import _WORD_RUN


_MISSING = object()


@dataclass
class ClauseView:
    """A clause's text with its segments, party mentions, negation scope and power resolver."""

    text: str
    actors: ActorIndex
    _lacking: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _once: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def tokens(self) -> frozenset:
        """The clause's words, lowercased, once: rules whose cue words are all absent are skipped."""
        return frozenset(_WORD_RUN.findall(self.lowered))

    def lacks(self, cues) -> bool:
        """True when the clause lacks the words of every form of a vocabulary (`lexicon.Cues`), so it cannot match."""
        if cues is None:
            return False
        key = id(cues)
        known = self._lacking.get(key)
        if known is None:
            known = self._lacking[key] = not cues.found_in(self.tokens)
        return known

    def once(self, key, compute):
        """`compute()`, once per clause for `key` (a fact about a segment that every rule reads the same way)."""
        found = self._once.get(key, _MISSING)
        if found is _MISSING:
            found = self._once[key] = compute()
        return found

    def contains(self, regex) -> bool:
        """Whether `regex` occurs anywhere in the clause, asked once per clause however many rules ask."""
        return self.once((id(regex), "anywhere"), lambda: regex.search(self.text) is not None)

    def matches_in(self, regex, seg: Segment) -> tuple:
        """`regex.finditer(text, seg.start, seg.end)`, once per clause: several rules share a vocabulary (the
        verbs that decide, write or consent), and each would otherwise scan the same sentence with it again."""
        return self.once((id(regex), seg.start, seg.end), lambda: tuple(regex.finditer(self.text, seg.start, seg.end)))

    @cached_property
    def segments(self) -> tuple[Segment, ...]:
        return split_segments(self.text)

    @cached_property
    def mentions(self) -> list[Mention]:
        return self.actors.mentions(self.text)

    @cached_property
    def has_mso(self) -> bool:
        """Does the MSO (alone or jointly) appear at all? Every power the rules look for is held by a mention."""
        return any(m.role in ("mso", "joint") for m in self.mentions)

    @cached_property
    def powers(self) -> PowerFinder:
        return PowerFinder(self.text, self.mentions)

    @cached_property
    def scope(self) -> NegationScope:
        return NegationScope(self.text, self.powers.clause_starts, self.tokens, self.powers.relative_starts)

    @cached_property
    def sentences(self) -> tuple[Segment, ...]:
        """Segments merged back into whole sentences (fee formulas span semicolons and provisos)."""
        merged: list[Segment] = []
        for seg in self.segments:
            if merged and seg.opens in ("list", "proviso"):
                last = merged[-1]
                merged[-1] = Segment(last.start, seg.end, last.opens)
            else:
                merged.append(seg)
        return tuple(merged)

    def segment_at(self, pos: int) -> Segment:
        for seg in self.segments:
            if seg.start <= pos < seg.end:
                return seg
        return self.segments[-1]

    def mso_mentions(self, start: int = 0, end: int | None = None) -> list[Mention]:
        end = len(self.text) if end is None else end
        return [m for m in self.mentions if start <= m.start < end and m.role in ("mso", "joint")]
