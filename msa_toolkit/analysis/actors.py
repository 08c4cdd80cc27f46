"""Who holds a power in a contract sentence: the subject of the modal verb, the "by X" agent of a
passive, the party a relation points to ("report to X", "property of X"), or the party whose consent
is required ("without the prior written consent of X").

Party names come from the reader's `Document.parties` (aliases and role), so "Company" is whichever
party the preamble made it. The fallback names in `lexicon/actor_names.yaml` are used only when the
parties are unknown (a clause on its own); the generic ones ("MSO", "Medical Group") always apply
unless they clash with a defined party name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Party
from .lexicon import load_lexicon

_MODAL = re.compile(
    r"^[\s,]*(?:\([^)]{0,80}\)\s*)?(?:,[^,]{0,80},\s*)?(?:(?:shall|will|may|must|can|could|should|would|agrees?\s+to|"
    r"is|are|be|has|have|had|hereby|retains?|reserves?|also|further|only|solely|exclusively|alone|jointly|mutually|"
    r"directly|reasonably|promptly|expressly|otherwise|thereafter|at\s+all\s+times|in\s+its\s+(?:sole\s+)?discretion|"
    r"from\s+time\s+to\s+time|entitled|authorized|empowered|permitted|required|responsible|obligated|the|sole|exclusive|"
    r"final|ultimate|full|right|rights|power|authority|to|for|and|or|in|with|of|its|their|own|discretion|"
    r"continue|continues|nevertheless|nonetheless|however|also|either|each|both|then|thereupon|hereunder|"
    r"not|never|no|in\s+no\s+event|under\s+no\s+circumstances|nothing|construed|deemed|permit|allow|"
    r"[a-z]+ly|[,()])\s*){0,16}$",
    re.IGNORECASE,
)
_PASSIVE_AGENT = re.compile(
    r"^\s*(?:(?:in\s+writing|solely|exclusively|only|jointly|mutually|first|expressly|and|or|as|be|been|"
    r"made|exercised|given|in\s+advance|in\s+its\s+(?:sole\s+)?discretion|reasonably|unilaterally|[a-z]+ly)\s+){0,4}"
    r"(?:by|of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HOLDER = re.compile(
    r"\b(?:(?:be|are|is)\s+)?(?:made|exercised|vested|reserved|held|retained|determined|decided|approved|set|"
    r"established|controlled|selected)\s+(?:solely\s+|exclusively\s+|only\s+|jointly\s+|mutually\s+)?"
    r"(?:by|in|to|with)\s+(?:the\s+)?$|\b(?:rests?|remains?|lies?|resides?)\s+(?:solely\s+|exclusively\s+)?with\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:and|or|and/or|,)\s*(?:the\s+)?$", re.IGNORECASE)
_WITH_PARTNER = re.compile(r"\b(?:jointly\s+with|together\s+with|in\s+conjunction\s+with|with)\s+(?:the\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|such\s+party|such\s+entity)\b(?!')", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?:'s|\u2019s|'|\u2019)")
_CHAIN_START = re.compile(
    r"^\s*(?:[,(]|shall\b|will\b|may\b|must\b|can\b|agrees?\b|is\b|are\b|has\b|have\b|hereby\b|retains?\b|"
    r"reserves?\b|alone\b|solely\b|exclusively\b|jointly\b|mutually\b|to\b|also\b|and\b|or\b|$|[a-z]+ly\b)",
    re.IGNORECASE)
_SUBJECT_OPENS = re.compile(r"^\s*(?:,[^,]{0,100},\s*|\([^)]{0,100}\)\s*)?(?:shall|will|may|must|agrees?|hereby|"
                            r"is\s+(?:entitled|authorized|responsible)|has\s+the)\b", re.IGNORECASE)
_GOVERNS = re.compile(r"\b(?:in|with|for|on|regarding|to|of|concerning|about|as\s+to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    role: str  # mso | practice | joint | medical_director | owner | other
    possessive: bool = False


@dataclass(frozen=True)
class Power:
    """Who holds the power expressed by the words at [start, end)."""

    roles: frozenset[str]
    start: int
    end: int
    how: str  # active | passive | relation | consent

    @property
    def mso(self) -> bool:
        return "mso" in self.roles or "joint" in self.roles


def _alternation(names) -> re.Pattern | None:
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return None
    parts = []
    for name in names:
        body = r"\s+".join(re.escape(w) for w in name.split())
        head = r"\b" if name[:1].isalnum() else ""
        tail = r"\b" if name[-1:].isalnum() else r"(?!\w)"
        parts.append(head + body + tail)
    return re.compile("|".join(parts))


@dataclass(frozen=True)
class ActorIndex:
    """Compiled names of the parties of one document (case-sensitive, plus ALL CAPS variants)."""

    pattern: re.Pattern | None
    roles: dict
    titles: re.Pattern | None

    @staticmethod
    def for_parties(parties: tuple[Party, ...] = ()) -> "ActorIndex":
        return _index_for(tuple((p.name, tuple(p.aliases), p.role) for p in parties))

    def mentions(self, text: str) -> list[Mention]:
        if self.pattern is None:
            return []
        blocked = [(m.start(), m.end()) for m in self.titles.finditer(text)] if self.titles else []
        found = []
        for m in self.pattern.finditer(text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in blocked):
                continue
            role = self.roles.get(m.group()) or self.roles.get(m.group().lower(), "other")
            possessive = bool(_POSSESSIVE.match(text[m.end(): m.end() + 2]))
            found.append(Mention(m.start(), m.end(), role, possessive))
        for m in _PRONOUN.finditer(text):
            previous = [x for x in found if x.end <= m.start() and x.role in ("mso", "practice", "joint")]
            if previous:
                found.append(Mention(m.start(), m.end(), previous[-1].role))
        found.sort(key=lambda x: x.start)
        return found


@cache
def _index_for(parties: tuple) -> ActorIndex:
    lexicon = load_lexicon("actor_names")
    roles: dict[str, str] = {}
    known = {role for _, _, role in parties}
    for name, aliases, role in parties:
        if role not in ("mso", "practice", "medical_director", "owner", "other"):
            continue
        for alias in (name, *aliases):
            alias = " ".join(str(alias).split())
            if len(alias) > 1:
                roles.setdefault(alias, role)
    use_fallback = not ({"mso", "practice"} <= known)
    for entry in lexicon.values():
        if entry.kind == "title":
            continue
        if entry.id.endswith("-fallback") and not use_fallback:
            continue
        for form in entry.forms:
            if form not in roles and form.lower() not in {k.lower() for k in roles}:
                roles[form] = entry.kind
    variants = dict(roles)
    for name, role in roles.items():
        variants.setdefault(name.upper(), role)
        if name.lower().startswith("the ") is False and " " not in name and name[:1].isupper():
            variants.setdefault(f"the {name}", role)
    title_forms = [f for e in lexicon.values() if e.kind == "title" for f in e.forms
                   if f not in roles]
    return ActorIndex(_alternation(variants), variants, _alternation(title_forms + [t.upper() for t in title_forms]))


class PowerFinder:
    """Resolves who holds the power behind a power word, inside one clause."""

    def __init__(self, text: str, mentions: list[Mention]):
        self.text = text
        self.mentions = mentions

    def subject_starts(self) -> tuple[int, ...]:
        """Offsets where a party starts a new clause of its own ("..., and Manager shall ...")."""
        starts = []
        for m in self.mentions:
            after = self.text[m.end: m.end + 40]
            if re.match(r"\s*(?:shall|will|may|must|agrees)\b", after) and m.start > 0:
                before = self.text[max(0, m.start - 12): m.start]
                if re.search(r"(?:,|;|\band|\bbut|\bwhile|\bwhereas)\s*(?:the\s+)?$", before, re.IGNORECASE):
                    starts.append(m.start)
        return tuple(starts)

    def _after(self, pos: int, limit: int = 90) -> list[Mention]:
        return [m for m in self.mentions if pos <= m.start < pos + limit]

    def _group(self, first: Mention) -> set[str]:
        """A mention plus the parties coordinated with it ("Practice and Manager")."""
        roles = {first.role}
        previous = first
        for m in self.mentions:
            if m.start >= previous.end and _COORDINATED.match(self.text[previous.end: m.start]):
                roles.add(m.role)
                previous = m
        earlier = [m for m in self.mentions if m.end <= first.start]
        while earlier and _COORDINATED.match(self.text[earlier[-1].end: first.start]):
            roles.add(earlier[-1].role)
            first = earlier.pop()
        return roles

    def agent_after(self, start: int, end: int, seg_end: int, window: int = 70) -> Power | None:
        """A "by X" agent of a passive (or "of X", "rests with X") just after the power words."""
        for m in self._after(end, window):
            if m.start > seg_end:
                break
            between = self.text[end: m.start]
            if _PASSIVE_AGENT.match(between) or _HOLDER.search(between):
                return Power(frozenset(self._group(m)), start, m.end, "passive")
            if "." in between or ";" in between:
                break
        return None

    def holder_later(self, start: int, end: int, seg_end: int) -> Power | None:
        """A noun of power decided elsewhere in the segment: "the selection ... shall be made by Manager"."""
        for m in self.mentions:
            if end <= m.start <= seg_end and _HOLDER.search(self.text[max(end, m.start - 60): m.start]):
                return Power(frozenset(self._group(m)), start, m.end, "passive")
        return None

    def relation_target(self, start: int, end: int, seg_end: int) -> Power | None:
        """The party a relation points to: "report directly to the Chief Operating Officer of Manager"."""
        for m in self._after(end, 80):
            if m.start > seg_end:
                break
            between = self.text[end: m.start]
            if len(between.split()) <= 7 and not re.search(r"[;.]|\band\s+to\b", between):
                return Power(frozenset({m.role}), start, m.end, "relation")
            break
        return None

    def subject_before(self, seg_start: int, verb_start: int, support: re.Pattern | None = None) -> Power | None:
        """The subject of the modal verb that governs the power word (nearest party before it).

        A party directly chained to the word ("Manager shall, in its discretion, approve", "permit Manager to
        approve") is the subject. A party further back that opens its own clause ("Manager shall provide
        billing and approve ...") is the subject too, unless a helping verb governs the power word
        ("Manager shall assist Practice in establishing ...").
        """
        candidates = [m for m in self.mentions if seg_start <= m.start and m.end <= verb_start]
        for m in reversed(candidates):
            if m.possessive:
                continue
            between = self.text[m.end: verb_start]
            if len(between) > 260 or re.search(r"[;.]\s", between):
                return None
            tight = _CHAIN_START.match(between) and _MODAL.match(between)
            if not tight and not _SUBJECT_OPENS.match(between):
                continue
            if not tight and support is not None:
                helpers = list(support.finditer(between))
                if helpers and _GOVERNS.search(between[helpers[-1].end():]):
                    return None
            roles = self._group(m)
            for partner in candidates:
                if partner.start >= m.end and _WITH_PARTNER.search(self.text[m.end: partner.start]):
                    roles.add(partner.role)
            return Power(frozenset(roles), m.start, verb_start, "active")
        return None

    def consent_holder(self, start: int, end: int, seg_end: int) -> Mention | None:
        """Whose consent: "Manager's prior written consent", "consent of Manager", "unless Manager consents"."""
        before = [m for m in self.mentions if m.end <= start]
        if before:
            m = before[-1]
            gap = self.text[m.end: start]
            if m.possessive and re.fullmatch(r"(?:'s|\u2019s|'|\u2019)?\s*(?:(?:prior|express|advance|written|"
                                             r"affirmative|formal|reasonable|separate)\s+)*", gap, re.IGNORECASE):
                return m
            if re.fullmatch(r"\s*(?:otherwise\s+|first\s+|has\s+|shall\s+have\s+|expressly\s+)?", gap, re.IGNORECASE):
                return m
        for m in self._after(end, 50):
            if m.start > seg_end:
                break
            if re.fullmatch(r"\s*(?:in\s+writing\s+)?(?:of|by|from)\s+(?:the\s+)?(?:both\s+)?", self.text[end: m.start],
                            re.IGNORECASE):
                return m
            break
        return None
