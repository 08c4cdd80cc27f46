"""Signature blocks that no "IN WITNESS WHEREOF" line announces.

Many filings go straight from the last section to the signature page: a caption naming the
party ("CRESTLINE HEALTH SERVICES, INC."), a signing line ("By: ______") and the signer's fields
("Name:", "Title:"), often side by side in a two-column table. A signing line counts only when a
signer's field follows within a few lines, so "By: email" in a notices clause never does. The
block starts at its caption lines when they sit right above the first signing line.
"""
from __future__ import annotations

from .cues import segment_cues
from .layout import Line
from .markers import parse_marker

# How many lines after "By:" the signer's "Name:" or "Title:" may come.
_FIELD_REACH = 4
# How many caption lines ("MANAGER:", "ACME MSO, LLC") may sit above the first signing line.
_CAPTION_LINES = 2
_CAPTION_CHARS = 120


def unannounced_signature_start(lines: list[Line]) -> int | None:
    """Offset where the first signature block starts, or None when there is none.

    Only the first block matters: once the segmenter is in a signature clause, the blocks after
    it belong to that clause.
    """
    cues = segment_cues()
    for index, line in enumerate(lines):
        if not cues.signature_line.match(line.text):
            continue
        following = lines[index + 1:index + 1 + _FIELD_REACH]
        if not any(cues.signature_field.match(other.text) for other in following):
            continue
        start = index
        while start > 0 and index - start < _CAPTION_LINES and _is_caption(lines[start - 1].text):
            start -= 1
        return lines[start].start
    return None


def _is_caption(text: str) -> bool:
    """A party's name or role over a signing line: short, all capitals, not a clause or a sentence."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or len(text) > _CAPTION_CHARS or parse_marker(text) is not None:
        return False
    return not any(ch.islower() for ch in letters) and not text.rstrip().endswith((";", ","))
