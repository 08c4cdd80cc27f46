"""What pages print around the text: page numbers and running headers/footers, in any format."""
from __future__ import annotations

import re

from .. import pattern_cache

# Spaces are bounded so that a megabyte of blanks after a number costs linear time, not cubic.
PAGE_NUMBER = pattern_cache.compile(
    r"^\s{0,200}(?:page\s{1,20})?[-\u2013\u2014]?\s{0,20}(?:\d{1,4}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\s{0,20}"
    r"[-\u2013\u2014]?(?:\s{0,20}(?:of|/)\s{0,20}\d{1,4})?\s{0,200}$",
    re.IGNORECASE,
)
# A running header or footer printed on the same line as the page number, set apart by a wide gap
# or a separator: "Kestrel / Summit Ridge MSA        Page 4 of 19", "Page 4 of 19  |  Confidential".
_PAGE_TAIL = r"page\s{1,3}\d{1,4}(?:\s{1,3}(?:of|/)\s{1,3}\d{1,4})?"
PAGE_FOOTER = pattern_cache.compile(
    rf"^\s{{0,200}}(?:\S[^\n]{{0,100}}?(?:\s{{3,80}}|\s{{0,3}}[|\u2022\u00b7]\s{{0,3}}){_PAGE_TAIL}"
    rf"|{_PAGE_TAIL}(?:\s{{3,80}}|\s{{0,3}}[|\u2022\u00b7]\s{{0,3}})\S[^\n]{{0,100}}?)\s{{0,200}}$",
    re.IGNORECASE,
)
# The page marker of EDGAR text filings ("<PAGE>", sometimes with the page number after it).
PAGE_MARKER = pattern_cache.compile(r"^\s{0,200}<PAGE>(?:\s{1,20}\d{1,4})?\s{0,200}$", re.IGNORECASE)
SENTENCE_END = pattern_cache.compile(r"[.:;!?]['\")\u201d]?$")
_DIGITS = pattern_cache.compile(r"\d+")


def is_page_number_line(text: str) -> bool:
    """A line that prints the page number, alone or beside a running header or footer."""
    return bool(text.strip()) and (PAGE_NUMBER.match(text) is not None or PAGE_FOOTER.match(text) is not None)


def is_page_marker(text: str) -> bool:
    """An EDGAR "<PAGE>" line: a page break, never text."""
    return PAGE_MARKER.match(text) is not None


# A line that opens a clause ("ARTICLE 4", "Section 2.1", "3.3 Fees", "(a)") is never a running
# header, even when, numbers aside, the same words follow several page breaks.
_CLAUSE_START = pattern_cache.compile(r"^\s*(?:article|section|exhibit|schedule|appendix|annex|\(?\d|\([a-z]{1,4}\))", re.IGNORECASE)


def may_be_running_line(text: str) -> bool:
    return _CLAUSE_START.match(text) is None


def normalize(text: str) -> str:
    """Compare running lines with their page numbers and spacing ignored."""
    return _DIGITS.sub("#", " ".join(text.lower().split()))
