"""Deal facts a diligence summary needs, read from the agreement's own words (None when absent)."""
from __future__ import annotations

import re
from functools import cache

from ..model import DealFacts, Document
from .lexicon import load_lexicon

# each pattern opens with a lookahead on its possible first letters: the same matches, found several times faster
_GOVERNING = re.compile(
    r"(?=[gcie])\b(?:govern(?:ed|s|ing)?|constru(?:ed|e)|interpreted|enforced)\b[^.;]{0,160}?\blaws?\s+of\s+(?:the\s+)?"
    r"(?:State\s+of\s+|Commonwealth\s+of\s+)?([A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?)", re.IGNORECASE)
_GOVERNING_REVERSED = re.compile(
    r"(?=[tl])\b(?:the\s+)?laws?\s+of\s+(?:the\s+)?(?:State\s+of\s+|Commonwealth\s+of\s+)?([A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?)"
    r"[^.;]{0,60}?\bshall\s+govern", re.IGNORECASE)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|" \
        rf"the\s+\w+\s+day\s+of\s+{_MONTH},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
_EFFECTIVE = re.compile(rf"\b(?:effective|dated|entered\s+into)\s+(?:as\s+of\s+|on\s+)?(?:the\s+)?(?:date\s+)?({_DATE})",
                        re.IGNORECASE)
_EFFECTIVE_DEFINED = re.compile(rf"({_DATE})\s*\(\s*(?:the\s+)?[\"\u201c]?Effective\s+Date", re.IGNORECASE)
_DURATION = r"(?:[a-z]+(?:[\s-][a-z]+)?\s*\(\d+\)|\d+|[a-z]+)[\s-]+(?:years?|months?|year|month)"
_TERM = re.compile(rf"(?=[itf])(?:\b(?:initial\s+)?term\s+of\s+(?:this\s+Agreement\s+)?(?:shall\s+be\s+|of\s+)?({_DURATION})"
                   rf"|\bfor\s+(?:an?\s+)?(?:initial\s+)?(?:term|period)\s+of\s+({_DURATION}))", re.IGNORECASE)
_RENEWAL = re.compile(rf"(?=[as])\b(?:automatically|shall)\s+(?:be\s+)?renew(?:ed)?\b[^.;]{{0,120}}?"
                      rf"(?:successive|additional|consecutive|further)\s+({_DURATION}|[a-z-]+\s+(?:periods?|terms?))",
                      re.IGNORECASE)
_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                 r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)")
_NOTICE = re.compile(rf"(?=[otfsenha\d])\b((?:(?:{_NUMBER_WORDS}[\s-]+){{0,3}}{_NUMBER_WORDS}\s*\(\d+\)|\d+)\s+(?:calendar\s+|business\s+)?days)['\u2019]?\s+(?:prior\s+|advance\s+)?"
                     r"(?:written\s+)?notice", re.IGNORECASE)


# how every _NOTICE match ends; the number before it is short, so _NOTICE is only tried just before each of these
_NOTICE_END = re.compile(r"days['\u2019]?\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice", re.IGNORECASE)
_NOTICE_REACH = 400


def _first_notice(text: str) -> re.Match | None:
    """The same match as `_NOTICE.search(text)`, without trying the pattern at every word of the agreement."""
    for end in _NOTICE_END.finditer(text):
        m = _NOTICE.search(text, max(0, end.start() - _NOTICE_REACH), end.end())
        if m:
            return m
    return None


@cache
def _state_codes() -> dict[str, str]:
    return {name.lower(): e.id for e in load_lexicon("us_states").values() for name in e.forms}


def governing_state(text: str) -> str | None:
    codes = _state_codes()
    for rx in (_GOVERNING, _GOVERNING_REVERSED):
        for m in rx.finditer(text):
            words = m.group(1).split()
            for n in (2, 1):
                name = " ".join(words[:n]).lower()
                if name in codes:
                    return codes[name]
    return None


def extract_facts(document: Document) -> DealFacts:
    text = document.text

    def first(rx):
        m = _first_notice(text) if rx is _NOTICE else rx.search(text)
        return " ".join(next(g for g in m.groups() if g).split()) if m else None

    return DealFacts(
        governing_state=governing_state(text),
        effective_date=first(_EFFECTIVE_DEFINED) or first(_EFFECTIVE),
        term=first(_TERM),
        renewal=first(_RENEWAL),
        termination_notice=first(_NOTICE),
    )
