"""Delegation-of-authority matrices written as prose rows: "Clinical hiring - Approver: MSO; Consulted: Practice".

Real agreements often attach a responsibility matrix to the MSA, and a converted exhibit reads as one short
row per matter: the matter, a dash or colon, then each role with its party. The role that decides (the
words are data: `control_verbs.matrix-role`) makes its party the holder of the power over the matter the
row names; consulted, informed or recommending parties hold none.
"""
from __future__ import annotations

import re
from functools import cache

from .. import pattern_cache
from .clause_grammar import evidence_span
from .lexicon import entry
from .view import ClauseView

# the row's matter ends at a dash or colon; the decision column follows it
_ROW_BREAK = pattern_cache.compile(r"\s+[-\u2013\u2014]\s+|:\s+")
_ROLE_GAP = pattern_cache.compile(r"\s*[:\-\u2013\u2014]?\s*(?:by\s+)?(?:the\s+)?$", re.IGNORECASE)


@cache
def _role_words() -> re.Pattern:
    return entry("control_verbs.matrix-role").regex


def matrix_rows(view: ClauseView, seg, objects) -> list[tuple[int, int]]:
    """A row whose deciding column names the MSO: power over the clinical matter the row starts with."""
    text = view.text
    if not objects:
        return []
    row_break = _ROW_BREAK.search(text, seg.start, seg.end)
    if not row_break or row_break.start() - seg.start > 90:
        return []
    matter = [o for o in objects if o[1] <= row_break.start()]
    if not matter:
        return []
    for role in _role_words().finditer(text, row_break.start(), seg.end):
        holder = next((x for x in view.mentions if role.end() <= x.start <= role.end() + 8), None)
        if holder is None or not _ROLE_GAP.fullmatch(text, role.end(), holder.start):
            continue
        if holder.role in ("mso", "joint"):
            return [evidence_span(row_break.start(), holder.end, matter)]
        return []  # the first deciding column names someone else
    return []
