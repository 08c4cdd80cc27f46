"""What pages print around the text: page numbers and running headers/footers, in any format."""
from __future__ import annotations

import re

PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?[-\u2013\u2014]?\s*(?:\d{1,4}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\s*[-\u2013\u2014]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.:;!?]['\")\u201d]?$")
_DIGITS = re.compile(r"\d+")


def normalize(text: str) -> str:
    """Compare running lines with their page numbers and spacing ignored."""
    return _DIGITS.sub("#", " ".join(text.lower().split()))
