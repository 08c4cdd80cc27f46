"""Join the wrapped lines of one paragraph: single spaces, hyphenated line breaks closed up."""
from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
# "manage-" at a line end followed by "ment": a word broken by hyphenation.
_BROKEN_WORD = re.compile(r"[A-Za-z]-$")


def join_two(left: str, right: str) -> str:
    """Append line `right` to `left`, closing a hyphenated break.

    The hyphen is dropped when the next line continues in lower case ("manage-" + "ment"); it
    is kept, without a space, before a capital ("Non-" + "Compete"), where it is part of the name.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if _BROKEN_WORD.search(left) and right[0].isalpha():
        return left[:-1] + right if right[0].islower() else left + right
    return f"{left} {right}"


def join_wrapped_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = join_two(text, _SPACES.sub(" ", line).strip())
    return text.strip()
