"""Deal facts a diligence summary needs, read from the agreement's own words (None when absent).

Values keep the contract's wording ("five (5) years", "not less than sixty days") so a reviewer can
trust them, completed into a readable phrase where the wording is spread over a sentence (renewal).
Each fact is looked for only in clauses whose text holds its key word, with regexes compiled once.
A blank date ("____ day of ______, 20__") is no date: `effective_date` is then None, like an absent one.
"""
from __future__ import annotations

import re
from functools import cache

from .. import pattern_cache
from ..model import Clause, DealFacts, Document
from .lexicon import load_lexicon

_WS = pattern_cache.compile(r"\s+")
# a hyphen broken over a line ("non-\nrenewal") joins again; other whitespace runs become one space
_BROKEN_HYPHEN = pattern_cache.compile(r"(?<=\w)-\s+(?=\w)")
_SENTENCE_END = pattern_cache.compile(r"(?<=[a-z0-9)\"\u201d][.;])\s+(?=[A-Z(\"\u201c])")

# ---- numbers and durations -------------------------------------------------------------------------------
_NUM_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
             r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)")
_NUM_WORDS = rf"\b{_NUM_WORD}(?:[\s-]+(?:and[\s-]+)?{_NUM_WORD}){{0,4}}"
# "five (5)", "sixty", "180" -- never the "3" of "Section 9.3" or "9.3.1"
_NUMBER = rf"(?:{_NUM_WORDS}\s*\(\d+\)|{_NUM_WORDS}|(?<![\d.,§])\d+(?![.,]\d))"
_DURATION = rf"{_NUMBER}[\s-]*\(?-?(?:calendar\s+)?(?:years?|months?)\b"
_DAYS = rf"{_NUMBER}\s+(?:calendar\s+|business\s+)?(?:days|months)"
_AT_LEAST = r"(?:(?:at\s+least|not\s+less\s+than|no\s+less\s+than|a\s+minimum\s+of|no\s+fewer\s+than)\s+)?"

# ---- governing law ---------------------------------------------------------------------------------------


@cache
def _state_codes() -> dict[str, str]:
    return {" ".join(name.lower().split()): e.id for e in load_lexicon("us_states").values() for name in e.forms}


@cache
def _governing_patterns() -> tuple[re.Pattern, ...]:
    names = sorted(_state_codes(), key=len, reverse=True)
    state = r"(?P<state>" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")\b"
    place = rf"(?:the\s+)?(?:(?:State|Commonwealth)\s+of\s+)?{state}"
    verb = r"\b(?:govern(?:ed|s)?|constru(?:ed|e)|interpreted|enforced|subject\s+to|applies|apply)\b"
    # the gap between verb and "laws of" may not be a party's organisation ("organized under the laws of")
    gap = r"(?:(?!organi[sz]ed|incorporated|formed|existing|licensed)[^.;]){0,120}?"
    return (
        pattern_cache.compile(rf"{verb}{gap}\blaws?\s+of\s+{place}", re.IGNORECASE),          # governed by the laws of X
        pattern_cache.compile(rf"\blaws?\s+of\s+{place}[^.;]{{0,80}}?\b(?:shall\s+|will\s+|to\s+)?(?:govern|control|apply)",
                   re.IGNORECASE),                                                  # the laws of X shall govern
        pattern_cache.compile(rf"\b{state}\s+law\s+(?:shall\s+|will\s+)?(?:govern|control|appl)", re.IGNORECASE),  # X law governs
        pattern_cache.compile(rf"{verb}[^.;]{{0,60}}?\b(?:by|under|with)\s+(?:the\s+)?{state}\s+law\b", re.IGNORECASE),
    )


def governing_state(text: str) -> str | None:
    """Two-letter code of the state whose law governs the agreement, from a sentence that says so."""
    codes = _state_codes()
    for rx in _governing_patterns():
        m = rx.search(text)
        if m:
            return codes[" ".join(m.group("state").lower().split())]
    return None


# ---- effective date --------------------------------------------------------------------------------------
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
          r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY_WORD = r"(?:\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:[\s-][a-z]+)?)"
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?{_MONTH},?\s+\d{{4}}"
         rf"|{_DAY_WORD}\s+day\s+of\s+{_MONTH},?\s+(?:in\s+the\s+year\s+)?\d{{4}}"
         r"|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})")
_SIGNING_PHRASE = (r"the\s+(?:date|day|later\s+of|last\s+date)[^,;.()\"\u201c]{0,70}?"
                   r"\b(?:(?:signatures?|signs?|signed|executed|execution)(?:\s+(?:below|above|hereto|hereof))?"
                   r"|below|above|hereto|hereof)\b")
_EFFECTIVE_PATTERNS = (
    # January 15, 2025 (the "Effective Date")
    pattern_cache.compile(rf"(?:the\s+|this\s+)?(?P<v>{_DATE})\s*\(\s*(?:the\s+|hereinafter\s+)?[\"\u201c\u2018']?Effective\s+Date",
               re.IGNORECASE),
    # "Effective Date" means March 1, 2025 / means the date last signed below
    pattern_cache.compile(rf"Effective\s+Date[\"\u201d\u2019']?\s+(?:means|shall\s+mean|is|will\s+be)\s+(?P<v>{_DATE}|{_SIGNING_PHRASE})",
               re.IGNORECASE),
    # effective as of / dated / entered into as of / made on ...
    pattern_cache.compile(rf"\b(?:effective|dated|entered\s+into|made|executed\s+and\s+delivered)\s+(?:and\s+entered\s+into\s+)?"
               rf"(?:effective\s+)?(?:as\s+of\s+|on\s+|this\s+|the\s+)?(?:the\s+|this\s+)?(?P<v>{_DATE})", re.IGNORECASE),
    # effective as of the date last signed below
    pattern_cache.compile(rf"\b(?:effective|dated|entered\s+into|made)\s+(?:as\s+of|on|upon)\s+(?P<v>{_SIGNING_PHRASE})",
               re.IGNORECASE),
)


def effective_date(text: str) -> str | None:
    for rx in _EFFECTIVE_PATTERNS:
        m = rx.search(text)
        if m:
            return m.group("v")
    return None


# ---- term ------------------------------------------------------------------------------------------------
_FOR_PERIOD = r"(?:a\s+(?:period|term)\s+of\s+|an?\s+(?:initial\s+)?(?:period|term)\s+of\s+|an?\s+)?"
_TERM_PATTERNS = (
    pattern_cache.compile(rf"\binitial\s+term\b[^.;]{{0,60}}?\b(?:of|be|is|for)\s+{_FOR_PERIOD}(?P<v>{_DURATION})", re.IGNORECASE),
    pattern_cache.compile(rf"\bterm\s+of\s+this\s+Agreement\b[^.;]{{0,100}}?\b(?:be|is|of|for)\s+{_FOR_PERIOD}(?P<v>{_DURATION})",
               re.IGNORECASE),
    pattern_cache.compile(rf"\b(?:continues?|remains?\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?|be\s+in\s+effect|runs?|last)"
               rf"\b[^.;]{{0,40}}?\bfor\s+{_FOR_PERIOD}(?P<v>{_DURATION})", re.IGNORECASE),
    pattern_cache.compile(rf"\bfor\s+(?:an?\s+)?(?:initial\s+)?(?:term|period)\s+of\s+(?P<v>{_DURATION})", re.IGNORECASE),
    pattern_cache.compile(rf"\b(?:continues?|remains?\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?)\s+(?:until|through)\s+"
               rf"(?P<v>{_DATE})", re.IGNORECASE),
)
_AFTER_END = pattern_cache.compile(r"\s*(?:after|following|beyond)\s+(?:the\s+|any\s+|its\s+)?(?:termination|expiration|expiry|end)",
                        re.IGNORECASE)
_RENEWING_BEFORE = pattern_cache.compile(r"\b(?:renew\w*|extend\w*|extension|successive|additional)\b[^.;]{0,40}$", re.IGNORECASE)


def agreement_term(text: str) -> str | None:
    for rx in _TERM_PATTERNS:
        for m in rx.finditer(text):
            if _AFTER_END.match(text, m.end()) or _RENEWING_BEFORE.search(text, max(0, m.start() - 40), m.start("v")):
                continue  # a survival period or a renewal period, not the initial term
            value = m.group("v")
            return value if "(" not in value or ")" in value else value.rstrip("(- ")
    return None


# ---- renewal ---------------------------------------------------------------------------------------------
_RENEWAL_PERIOD = pattern_cache.compile(
    rf"\b(?:successive|additional|consecutive|further|subsequent)\s+(?:renewal\s+)?"
    rf"(?:{_DURATION}(?:\s+(?:renewal\s+)?(?:periods?|terms?))?|(?:renewal\s+)?(?:periods?|terms?)\s+of\s+{_DURATION}(?:\s+each)?)"
    rf"|\b(?:an?|one)\s+(?:additional|further|renewal)\s+(?:{_DURATION}\s+(?:periods?|terms?)|(?:periods?|terms?)\s+of\s+{_DURATION})"
    r"|\byear[\s-]to[\s-]year\b|\bmonth[\s-]to[\s-]month\b",
    re.IGNORECASE)
_MUTUAL_PHRASE = pattern_cache.compile(r"\b(?:by|upon|with|on)\s+(?:the\s+)?mutual(?:ly)?\s+(?:written\s+)?(?:agreement|consent)"
                            r"(?:\s+of\s+the\s+parties)?", re.IGNORECASE)
_NON_RENEWAL_NOTICE = pattern_cache.compile(rf"(?P<v>{_AT_LEAST}{_DAYS})", re.IGNORECASE)
_RENEWAL_KINDS = (  # first kind found wins; the label starts the renewal text
    ("evergreen", "evergreen"), ("mutual", "by mutual agreement"), ("no-renewal", "no automatic renewal"),
    ("option", "at a party's option"), ("automatic", "automatic"),
)


def renewal(text: str) -> str | None:
    """"automatic, successive one (1) year periods; non-renewal notice at least ninety (90) days" and the like."""
    sentences = [s for s in _SENTENCE_END.split(text) if re.search(r"renew|evergreen|year[\s-]to[\s-]year", s, re.I)]
    if not sentences:
        return None
    words = " ".join(sentences)
    lexicon = load_lexicon("deal_terms")
    label = next((name for kind, name in _RENEWAL_KINDS if lexicon[kind].search(words)), None)
    if label is None:
        if not re.search(r"\b(?:shall|will|may)\s+(?:be\s+)?renew|\brenews\b", words, re.IGNORECASE):
            return None
        label = "renewable"
    if label == "by mutual agreement":
        m = _MUTUAL_PHRASE.search(words)
        label = " ".join(m.group(0).split()) if m else label
    parts = [label]
    period = _RENEWAL_PERIOD.search(words)
    if period and label != "no automatic renewal":
        parts[0] += ", " + " ".join(period.group(0).split())
    if label.startswith("automatic") or label == "evergreen":
        for sentence in sentences:
            if re.search(r"notice|non-?renewal|not\s+to\s+renew", sentence, re.IGNORECASE):
                at = sentence.find(period.group(0)) if period else -1
                m = _NON_RENEWAL_NOTICE.search(sentence, at + len(period.group(0)) if at >= 0 else 0)
                if m:
                    parts.append("non-renewal notice " + " ".join(m.group("v").split()))
                    break
    return "; ".join(parts)


# ---- termination notice ----------------------------------------------------------------------------------
_TERMINATION_NOTICE = (
    pattern_cache.compile(rf"(?P<v>{_AT_LEAST}{_DAYS})['\u2019]?\s+(?:(?:prior|advance|written|previous)\s+)*notice", re.IGNORECASE),
    pattern_cache.compile(rf"\bnotice\s+(?:in\s+writing\s+)?of\s+(?P<v>{_AT_LEAST}{_DAYS})", re.IGNORECASE),
    pattern_cache.compile(rf"\bnotice\b[^.;]{{0,40}}?\b(?P<v>{_AT_LEAST}{_DAYS})\s+(?:prior\s+to|before|in\s+advance)", re.IGNORECASE),
    pattern_cache.compile(rf"(?P<v>{_AT_LEAST}{_DAYS})\s+(?:prior\s+to|before|in\s+advance\s+of)\b[^.;]{{0,60}}?\bnotice", re.IGNORECASE),
)
_CURE_BEFORE = pattern_cache.compile(r"\b(?:within|cure[sd]?|after)\s+(?:a\s+period\s+of\s+)?$", re.IGNORECASE)
_NON_RENEWAL_AFTER = pattern_cache.compile(r"[^.;]{0,30}?\b(?:non-?renewal|not\s+to\s+renew|intent\w*\s+not\s+to)", re.IGNORECASE)


def termination_notice(text: str) -> tuple[int, int, str] | None:
    """The best (rank, position, notice) in one clause: rank 0 without cause, 1 plain, 2 for cause."""
    lexicon = load_lexicon("deal_terms")
    best = None
    for sentence_start, sentence in _sentences_with(text, "terminat"):
        low = sentence.lower()
        if "notice" not in low or ("day" not in low and "month" not in low):
            continue
        if re.search(r"renew", sentence, re.IGNORECASE) and not re.search(r"without\s+cause|convenience", sentence, re.I):
            continue  # a non-renewal notice belongs to the renewal
        for rx in _TERMINATION_NOTICE:
            for m in rx.finditer(sentence):
                before = sentence[max(0, m.start() - 160):m.start()]
                if _CURE_BEFORE.search(sentence[max(0, m.start() - 30):m.start()]) or _NON_RENEWAL_AFTER.match(sentence, m.end()):
                    continue
                local = before[max(0, before.rfind(",") - 40 if "," in before else 0):]
                rank = 0 if lexicon["without-cause"].search(local) else 2 if lexicon["for-cause"].search(
                    sentence) else 1
                found = (rank, sentence_start + m.start(), " ".join(m.group("v").split()))
                best = found if best is None or found[:2] < best[:2] else best
    return best


def _sentences_with(text: str, word: str):
    position = 0
    for sentence in _SENTENCE_END.split(text):
        start = text.find(sentence, position)
        position = start + len(sentence)
        if word in sentence.lower():
            yield start, sentence


# ---- the document ----------------------------------------------------------------------------------------
# a clause is searched for a fact only when its lowercased text holds one of these words
_CUES = {
    "state": ("law",),
    "date": ("effective", "dated", "entered", "made"),
    "term": ("term", "continue", "remain", "period"),
    "renewal": ("renew", "evergreen", "year to year", "year-to-year"),
    "notice": ("terminat",),
}
_TERM_HEADING = pattern_cache.compile(r"\bterm\b|duration", re.IGNORECASE)
_LAW_HEADING = pattern_cache.compile(r"govern|law", re.IGNORECASE)


def _clean(text: str) -> str:
    return _BROKEN_HYPHEN.sub("-", _WS.sub(" ", text)) if "-" in text else _WS.sub(" ", text)


def _texts(document: Document) -> list[tuple[Clause | None, str]]:
    if document.clauses:
        return [(c, c.text) for c in document.clauses]
    return [(None, block) for block in re.split(r"\n\s*\n", document.text) if block.strip()]


def _first(candidates, finder):
    for _, text in candidates:
        value = finder(_clean(text))
        if value:
            return value
    return None


def extract_facts(document: Document) -> DealFacts:
    pieces = _texts(document)
    found: dict[str, list] = {key: [] for key in _CUES}
    for clause, raw in pieces:
        low = raw.lower()
        for key, cues in _CUES.items():
            if any(cue in low for cue in cues):
                found[key].append((clause, raw))

    def heading_first(items, rx):
        return sorted(items, key=lambda item: not (item[0] is not None and item[0].heading and rx.search(item[0].heading)))

    notices = [n for _, text in found["notice"] if (n := termination_notice(_clean(text)))]
    notices = [(rank, i, pos, value) for i, (rank, pos, value) in enumerate(notices)]
    return DealFacts(
        governing_state=_first(heading_first(found["state"], _LAW_HEADING), governing_state),
        effective_date=_first(found["date"], effective_date),
        term=_first(heading_first(found["term"], _TERM_HEADING), agreement_term),
        renewal=_first(heading_first(found["renewal"], _TERM_HEADING), renewal),
        termination_notice=min(notices)[3] if notices else None,
    )
