"""Clause numbers and headings at the start of a line.

A marker is the number a clause starts with: "ARTICLE IV", "Section 4.2", "4.2", "4.", "(a)",
"a.", "A.3". Every pattern is anchored at the start of the line with bounded repetition, so a
megabyte-long line costs no more than a short one. Whether a marker really starts a clause (and
is not a wrapped cross-reference such as "Section\\n4.2 of this Agreement") is decided here from
the line and the line before it; where it nests is decided in `nesting`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import pattern_cache
from .cues import segment_cues

# Scanning further than this into a line for a heading is pointless and would cost time on
# pathological one-line documents.
HEADING_SCAN = 200
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100

_WORD_NUMBERS = {
    "ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5, "SIX": 6, "SEVEN": 7, "EIGHT": 8,
    "NINE": 9, "TEN": 10, "ELEVEN": 11, "TWELVE": 12, "THIRTEEN": 13, "FOURTEEN": 14,
    "FIFTEEN": 15, "SIXTEEN": 16, "SEVENTEEN": 17, "EIGHTEEN": 18, "NINETEEN": 19, "TWENTY": 20,
}
_ARTICLE = pattern_cache.compile(
    r"(?:ARTICLE|Article)\s{1,5}([IVXLC]{1,7}|[0-9]{1,3}|[A-Z]|"
    + "|".join(_WORD_NUMBERS) + r"|" + "|".join(w.title() for w in _WORD_NUMBERS)
    + r")(?![\w])[.:]?(.*)"
)
_SECTION_WORD = pattern_cache.compile(r"(?:SECTION|Section|SEC\.|Sec\.|§{1,2})\s{0,5}([0-9]{1,3}(?:\.[0-9]{1,3}){0,4})(?![0-9])\.?(.*)")
_DECIMAL = pattern_cache.compile(r"([0-9]{1,3}(?:\.[0-9]{1,3}){1,4})\.?(?=\s|[A-Z\"“(]|$)(.*)")
# "2.B Amount." (a schedule's paragraphs lettered under its number)
_NUMBER_LETTER = pattern_cache.compile(r"([0-9]{1,3})\.([A-Z])\.?(?=\s)(.*)")
_SINGLE = pattern_cache.compile(r"([0-9]{1,3})[.)](?=\s|[A-Z\"“]|$)(.*)")
_PAREN = pattern_cache.compile(r"\(([a-z]{1,5}|[A-Z]{1,5}|[0-9]{1,3})\)(.*)")
_LETTER_DOT = pattern_cache.compile(r"([a-z]{1,5}|[A-Z]{1,5})\.(?=\s)(.*)")
_EXHIBIT_SECTION = pattern_cache.compile(r"([A-Z])[.\-]([0-9]{1,3}(?:\.[0-9]{1,3}){0,3})\.?(?=\s|$)(.*)")
_ROMAN = pattern_cache.compile(r"(x{0,3})(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_REF_TAIL = pattern_cache.compile(r"(?:[0-9]{1,3}(?:\.[0-9]{1,3})*|\([a-zA-Z0-9]{1,5}\)|Section|Sections|Article|Articles|§|Exhibit|Schedule|Paragraph|paragraph|clause|subsection|Subsection)$")
_REDACTION = pattern_cache.compile(r"^[\[(]?\s*(?:\*{2,}|x{3,}|X[x]{2,}|_{2,}|\.{3,})\s*[\])]?$")
_PAGE_ARTIFACT = pattern_cache.compile(r"(?:page\s{1,3}[0-9]{1,4}(?:\s{1,3}of\s{1,3}[0-9]{1,4})?|-\s{0,2}[0-9]{1,4}\s{0,2}-|[0-9]{1,4})(?:\s|_|$)", re.I)
# A whole line that is only page furniture: "Page 4 of 19", "- 7 -", "12", EDGAR's "<PAGE>", or a running footer
# set apart from its page number ("Kestrel / Summit Ridge MSA      Page 4 of 19", "Confidential | Page 3").
_PAGE_NUMBER_ONLY = (r"(?:page\s{1,3})?[0-9]{1,4}(?:\s{1,3}(?:of|/)\s{1,3}[0-9]{1,4})?|[-–—]\s{0,2}[0-9]{1,4}\s{0,2}[-–—]"
                     r"|<page>(?:\s{1,3}[0-9]{1,4})?")
_PAGE_TAIL = r"page\s{1,3}[0-9]{1,4}(?:\s{1,3}(?:of|/)\s{1,3}[0-9]{1,4})?"
_PAGE_FOOTER = pattern_cache.compile(rf"{_PAGE_NUMBER_ONLY}|[^\n]{{1,100}}?(?:\s{{2,80}}|\s{{0,3}}[|•·]\s{{0,3}}){_PAGE_TAIL}", re.I)
# The same footer after a reader collapsed its spacing; trusted only when it recurs page after page.
_LOOSE_PAGE_FOOTER = pattern_cache.compile(rf"[^\n]{{1,100}}?\s{_PAGE_TAIL}", re.I)
_DIGITS = pattern_cache.compile(r"[0-9]+")
_SENTENCE_END = ".:;!?"
_CLOSERS = "\"'”’)]*"


@dataclass(frozen=True)
class Marker:
    """A clause number at the start of a line.

    `family` is article | section (decimal numbering) | list (letters, romans, parenthesised
    numbers) | exhibit_section ("A.3"); `options` are the (style, ordinal) readings of the label,
    more than one when it is ambiguous ("(i)" is the ninth letter or roman one).
    """

    family: str
    label: str
    options: tuple[tuple[str, int], ...]
    rest: str
    keyword: bool = False
    attached: bool = False


def _is_number(text: str) -> bool:
    """ASCII digits only: "²" or "٣" are digits to str.isdigit but never clause numbers."""
    return text.isascii() and text.isdecimal()


def roman_value(label: str) -> int | None:
    low = label.lower()
    if not low or _ROMAN.fullmatch(low) is None:
        return None
    total = 0
    for i, ch in enumerate(low):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES.get(low[i + 1]) if i + 1 < len(low) else 0
        total += -value if nxt and nxt > value else value
    return total


def article_value(label: str) -> str:
    """"IV" -> "4", "4" -> "4", "FOUR" -> "4", "A" -> "a": the part of an article's clause id."""
    if _is_number(label):
        return str(int(label))
    if label.upper() in _WORD_NUMBERS:
        return str(_WORD_NUMBERS[label.upper()])
    value = roman_value(label)
    if value is not None:
        return str(value)
    return label.lower()


def _letter_options(label: str, case: str) -> tuple[tuple[str, int], ...]:
    """Readings of a letter label; "ii" is far more likely roman two than the 35th letter."""
    low = label.lower()
    letters: list[tuple[str, int]] = []
    if len(low) == 1:
        letters.append((f"letter-{case}", ord(low) - ord("a") + 1))
    elif len(set(low)) == 1 and len(low) <= 3:
        letters.append((f"letter-{case}", (ord(low[0]) - ord("a") + 1) + 26 * (len(low) - 1)))
    value = roman_value(low)
    romans = [(f"roman-{case}", value)] if value is not None else []
    return tuple(letters + romans if len(low) == 1 else romans + letters)


def _list_options(label: str, shape: str) -> tuple[tuple[str, int], ...]:
    if _is_number(label):
        return ((f"digit-{shape}", int(label)),)
    case = "lower" if label.islower() else "upper" if label.isupper() else ""
    if not case:
        return ()
    return tuple((f"{style}-{shape}", value) for style, value in _letter_options(label, case))


def parse_marker(text: str, *, in_exhibit: bool = False) -> Marker | None:
    """The clause number `text` starts with, or None."""
    m = _ARTICLE.match(text)
    if m:
        return Marker("article", m.group(1), (("article", 0),), m.group(2))
    m = _SECTION_WORD.match(text)
    if m:
        label = m.group(1)
        depth = label.count(".") + 1
        return Marker("section", label, ((f"decimal-{depth}", int(label.rsplit(".", 1)[-1])),),
                      m.group(2), keyword=True, attached=m.group(2)[:1] == "(")
    if in_exhibit:
        m = _EXHIBIT_SECTION.match(text)
        if m:
            label = f"{m.group(1)}.{m.group(2)}"
            depth = m.group(2).count(".") + 1
            return Marker("exhibit_section", label, ((f"exhibit-{depth}", int(m.group(2).rsplit(".", 1)[-1])),), m.group(3))
    m = _DECIMAL.match(text)
    if m:
        label = m.group(1)
        depth = label.count(".") + 1
        return Marker("section", label, ((f"decimal-{depth}", int(label.rsplit(".", 1)[-1])),),
                      m.group(2), attached=m.group(2)[:1] not in ("", " ", "\t"))
    m = _NUMBER_LETTER.match(text)
    if m:
        return Marker("section", f"{m.group(1)}.{m.group(2)}", (("decimal-letter", ord(m.group(2)) - 64),), m.group(3))
    m = _SINGLE.match(text)
    if m:
        return Marker("section", m.group(1), (("decimal-1", int(m.group(1))),), m.group(2),
                      attached=m.group(2)[:1] not in ("", " ", "\t"))
    m = _PAREN.match(text)
    if m:
        options = _list_options(m.group(1), "paren")
        if options:
            return Marker("list", f"({m.group(1)})", options, m.group(2))
        return None
    m = _LETTER_DOT.match(text)
    if m:
        options = _list_options(m.group(1), "dot")
        if options:
            return Marker("list", m.group(1), options, m.group(2))
    return None


def parse_word_label(label: str) -> Marker | None:
    """Read Word's automatic number ("3.2", "(a)", "ARTICLE IV", "1") leniently: it is trusted."""
    marker = parse_marker(label + " ")
    if marker is not None:
        return marker
    bare = label.strip().rstrip(".)")
    if _is_number(bare) and len(bare) <= 3:
        return Marker("section", bare, (("decimal-1", int(bare)),), "")
    options = _list_options(bare.strip("("), "dot") if bare.isalpha() and len(bare) <= 5 else ()
    return Marker("list", bare, options, "") if options else None


def sentence_complete(text: str) -> bool:
    """Whether a line ends where a sentence, list item or heading may end."""
    tail = text.rstrip().rstrip(_CLOSERS)
    return not tail or tail[-1] in _SENTENCE_END


def ends_in_reference(text: str) -> bool:
    """Whether a line ends like "... under Section 4.2" (so a number on the next line continues it)."""
    return _REF_TAIL.search(text[-40:].rstrip(",")) is not None


def first_word(text: str) -> str:
    word = text.lstrip()[:30].split(maxsplit=1)
    return word[0].strip(",.;:") if word else ""


def is_redaction(text: str) -> bool:
    return _REDACTION.match(text.strip()) is not None


def is_page_artifact(text: str) -> bool:
    """A page number or footer a reader left in the text ("Page 3 of 10", "- 7 -")."""
    return _PAGE_ARTIFACT.match(text) is not None


def is_page_footer(text: str) -> bool:
    """Whether a whole line is a page number or a running footer ending in one.

    Such a line continues whatever clause it interrupts: it never starts a clause, never gives a
    heading, and a sentence broken across the page break goes on after it.
    """
    text = text.strip()
    return len(text) <= 140 and _PAGE_FOOTER.fullmatch(text) is not None


def running_footers(lines: list[str]) -> set[str]:
    """Lines like "Kestrel / Summit Ridge MSA Page 4 of 19" that recur with only the number changing."""
    seen: dict[str, list[str]] = {}
    for text in lines:
        if len(text) <= 140 and _LOOSE_PAGE_FOOTER.fullmatch(text) and parse_marker(text) is None:
            seen.setdefault(_DIGITS.sub("#", text), []).append(text)
    return {text for group in seen.values() if len(group) >= 2 for text in group}


def is_heading_text(text: str) -> bool:
    """Whether `text` reads as a heading: short, every main word capitalised (or all capitals)."""
    text = text.strip()
    if not text or len(text) > MAX_HEADING_CHARS or is_redaction(text):
        return False
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or text[-1] in ",;":
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2 or not (words[0][:1].isupper() or _is_number(words[0][:1])):
        return False
    if text.upper() == text:
        return True
    small = segment_cues().small_words
    for word in words[1:]:
        bare = word.strip("\"'“”‘’(),.:;-–—/&")
        if bare and bare[0].isalpha() and not bare[0].isupper() and bare.lower() not in small:
            return False
    return True


def split_heading(rest: str) -> tuple[str | None, bool]:
    """(heading, has_body) for the text after a marker: "Billing and Collections. The Manager ..."."""
    rest = rest.strip().lstrip("-–—:.").strip()
    if not rest:
        return None, False
    if rest[0] in "\"“'(":
        return None, True
    scan = rest[:HEADING_SCAN]
    stop = re.search(r"[.:](?=\s|$)|\s[-–—]\s", scan)
    if stop:
        candidate = scan[:stop.start()].strip()
        body = rest[stop.end():].strip()
        if is_heading_text(candidate) and (body or candidate.upper() == candidate or len(candidate.split()) <= 6):
            return candidate, bool(body)
        return None, True
    if len(rest) <= MAX_HEADING_CHARS and is_heading_text(rest):
        return rest, False
    return None, True


@lru_cache(maxsize=4096)
def heading_line(text: str) -> str | None:
    """The heading a whole line holds ("FEES AND PAYMENT", "Billing and Collections."), or None."""
    candidate = text.strip()
    if "   " in candidate or "\t" in candidate:
        return None  # columns of a table row, not a heading
    if candidate.endswith((":", ".")):
        candidate = candidate[:-1].rstrip()
        if text.strip().endswith(".") and len(candidate.split()) > 6:
            return None
    return candidate if is_heading_text(candidate) else None
