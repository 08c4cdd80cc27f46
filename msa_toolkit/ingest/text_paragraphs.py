"""Where a blank-line paragraph of a plain-text filing really holds several paragraphs.

Text saved from filings often separates clauses by line breaks only ("1.1 Scope. ...\\n1.2 ..."),
and signature blocks put each field on its own short line. Both would otherwise be run together
into one paragraph. A line starts a new paragraph when it opens with a clause number right after a
line that ended a sentence or a heading; every line stays apart in a group of three or more lines
that are all short next to the file's printed width (a signature block, an address). A number after a line
that stops mid-sentence ("as provided in\\nSection 4.2 hereof", "more than\\n1.5 times") is a
wrapped reference and keeps the paragraph together.
"""
from __future__ import annotations

from .. import pattern_cache

# A clause number at the start of a line: "ARTICLE IV", "Section 4.2", "4.2", "4.", "(a)", "(iv)".
_CLAUSE_NUMBER = pattern_cache.compile(
    r"\s{0,40}(?:(?:ARTICLE|Article|SECTION|Section)\s{1,5}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){0,4}|[IVXLC]{1,7})\b"
    r"|[0-9]{1,3}(?:\.[0-9]{1,3}){0,4}\.?\s"
    r"|\((?:[a-z]{1,4}|[A-Z]|[0-9]{1,2})\)\s)"
)
_ENDS_SENTENCE = pattern_cache.compile(r"(?:[.:;!?][\"'\u201d)\]]*|;\s(?:and|or))\s*$")
# A line this much shorter than the printed width ended before the margin.
_SHORT_SHARE = 0.6
# A group of short lines this long is a form (signature block, address), not a wrapped heading
# such as "ARTICLE 4 / MEDICAL RECORDS".
_FORM_LINES = 3


def printed_width(lines: list[str]) -> int:
    """The width of the longest line: where a hard-wrapped file's margin is."""
    return max((len(line.rstrip()) for line in lines), default=0)


def split_paragraph(lines: list[str], width: int) -> list[list[str]]:
    """Group the lines of one blank-line paragraph into the paragraphs they really are."""
    if len(lines) < 2:
        return [lines]
    short = width and all(len(line.strip()) < _SHORT_SHARE * width for line in lines)
    if short and len(lines) >= _FORM_LINES:
        return [[line] for line in lines]
    groups: list[list[str]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        if _CLAUSE_NUMBER.match(line) and _ends_unit(prev):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _ends_unit(line: str) -> bool:
    """Whether a line ends a sentence or a list item ("...; and"), or is a heading in capitals ("1. DEFINITIONS AND SCOPE")."""
    text = line.strip()
    letters = [ch for ch in text if ch.isalpha()]
    return bool(_ENDS_SENTENCE.search(text)) or (bool(letters) and not any(ch.islower() for ch in letters))
