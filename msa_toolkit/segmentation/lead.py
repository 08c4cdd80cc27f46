"""The opening of an agreement: cover text, title, the preamble and its list of parties.

Filed agreements often begin with a confidentiality legend or a filing label before the title;
the preamble is the first paragraph that names the agreement and its parties, and a list of
parties numbered "(1)", "(2)" under "... by and among:" belongs to it, not to the clause tree.
"""
from __future__ import annotations

import re

from .. import pattern_cache
from .cues import SegmentCues, segment_cues
from .layout import Line

_PREAMBLE_OPENING = pattern_cache.compile(r"(?:THIS|This)\b")
# A line naming a party: an entity suffix ("LLC", "P.C.", "M.D.") or a "BETWEEN:" / "AND:" joiner.
PARTY_LINE = pattern_cache.compile(
    r"\b(?:L\.?L\.?C|INC|P\.?C|P\.?L\.?L\.?C|P\.?A|S\.?C|CORP|CORPORATION|COMPANY|M\.?D|D\.?O|LTD|L\.?L\.?P|L\.?P)\b\.?"
    r"|^(?:AND|BETWEEN|AMONG|BY AND BETWEEN|BY AND AMONG)\b",
    re.I,
)
# How many opening lines may be cover-page text (confidentiality legends, filing labels) before
# the preamble; further on, a sentence naming the agreement is no longer its preamble.
_COVER_LINES = 40
# A quoted name defined in parentheses: '("Manager")', '(the "Company")'.
_DEFINED_NAME = pattern_cache.compile(r"\([^()]{0,40}[\"“][^\"“”]{1,60}[\"”][^()]{0,40}\)")
# How a preamble line may end when a list of the parties follows it ("... by and among:", "...; and").
_PARTY_LIST_LEAD = pattern_cache.compile(r"(?:[:;,]|\b(?:and|AND|between|BETWEEN|among|AMONG))\s*$")


def preamble_like(text: str, cues: SegmentCues) -> bool:
    """"This Management Services Agreement ...", or a line saying "by and between" / "entered into"."""
    head = text[:300]
    if _PREAMBLE_OPENING.match(head) and "agreement" in head.lower():
        return True
    return cues.preamble_phrase.search(head) is not None


def preamble_start(lines: list[Line]) -> int | None:
    """Where the preamble starts when cover lines precede it, or None.

    The preamble is the first paragraph naming the agreement and its parties ("This Agreement is
    entered into ... by and between"); lines before it (a "CONFIDENTIAL TREATMENT REQUESTED" legend,
    a note on omitted portions, the title) are title and cover text. The search stops where the
    recitals, the operative terms or the signatures begin.
    """
    cues = segment_cues()
    for line in lines[:_COVER_LINES]:
        text = line.text
        if cues.recital_start.match(text) or cues.operative_start.match(text) or cues.signature_start.match(text):
            return None
        if preamble_like(text, cues):
            return line.start
    return None


def lists_a_party(prev_text: str, text: str, marker_rest: str) -> bool:
    """Whether a numbered line right after `prev_text` in the preamble is an entry of its list of parties.

    '... by and among:' followed by '(1) ACME MSO, LLC, a Delaware limited liability company
    ("Manager");': the entries name the parties; they are not clauses of the agreement.
    """
    if not _PARTY_LIST_LEAD.search(prev_text):
        return False
    return _DEFINED_NAME.search(text[:600]) is not None or PARTY_LINE.search(marker_rest[:200]) is not None
