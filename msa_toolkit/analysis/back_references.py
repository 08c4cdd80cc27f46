"""Words that name a party again: "the former" and "the latter", and the MSO's officer named again by title.

`actors.py` finds the parties' names; these later words point back at one of them, so the power they hold
is that party's.
"""
from __future__ import annotations

import re

from .. import pattern_cache
from .mentions import Mention


def named_again(text: str, found: list[Mention]) -> list[Mention]:
    """Mentions for the words in `text` that name again a party of `found`."""
    return _former_latter(text, found) + _officer_again(text, found)


_FORMER_LATTER = pattern_cache.compile(r"\bthe\s+(former|latter)(?:(?:'s|\u2019s)|\b)", re.IGNORECASE)


def _former_latter(text: str, found: list[Mention]) -> list[Mention]:
    """"Each of the Practice and the Management Company ...; if the former's representative and the latter's
    disagree": "the former" and "the latter" name the first and second of the last two parties named."""
    out = []
    for m in _FORMER_LATTER.finditer(text):
        before = [x for x in found if x.end <= m.start() and x.role in ("mso", "practice")]
        if len(before) < 2 or before[-1].role == before[-2].role:
            continue
        named = before[-2] if m.group(1).lower() == "former" else before[-1]
        out.append(Mention(m.start(), m.end(), named.role, possessive=m.group().endswith(("'s", "\u2019s"))))
    return out


_TITLE = r"(?:[A-Z][\w-]*\s+){0,4}?(?:Officer|President|Director|Head|Lead|Representative|Executive|Supervisor|Coordinator)(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
_TITLE_OF = pattern_cache.compile(rf"(?:the\s+)?({_TITLE})\s+of\s+")
_TITLE_AFTER_POSSESSIVE = pattern_cache.compile(rf"(?:'s|\u2019s)\s+({_TITLE})\b")


def _officer_again(text: str, found: list[Mention]) -> list[Mention]:
    """"... to the Chief Operating Officer of Aurelia ... such measures as the Chief Operating Officer may
    direct": the MSO's officer named again by title alone still acts for the MSO ("Service Company's Regional Vice
    President of Operations ... such Regional Vice President": also without the title's "of ..." part)."""
    out: list[Mention] = []
    for x in found:
        if x.role != "mso":
            continue
        title = _TITLE_OF.match(text, x.start, x.end)
        after = _TITLE_AFTER_POSSESSIVE.match(text, x.end) if x.possessive else None
        name = (title or after).group(1) if (title or after) else None
        if not name or "Medical Director" in name:
            continue
        start = (after.end() if after else x.end)
        short = name.split(" of ")[0]
        forms = [rf"\b[Tt]he\s+{re.escape(name)}\b"]
        if short != name:  # "such Regional Vice President" (not "the Vice President of the P.C.", another's officer)
            determiner = r"[Tt]he|[Ss]uch|[Ss]aid|[Tt]hat" if len(short.split()) > 1 else r"[Ss]uch|[Ss]aid"
            forms.append(rf"\b(?:{determiner})\s+" + r"\s+".join(re.escape(w) for w in short.split()) + r"\b(?!\s+of\b)")
        for form in forms:
            for later in re.finditer(form, text[start:]):
                a, b = start + later.start(), start + later.end()
                if not any(m.start < b and a < m.end for m in (*found, *out)):
                    out.append(Mention(a, b, "mso", possessive=text[b:b + 2] in ("'s", "\u2019s")))
    return out
