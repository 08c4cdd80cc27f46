"""Join the wrapped lines of one paragraph: single spaces, hyphenated line breaks closed up."""
from __future__ import annotations

from .. import pattern_cache

_SPACES = pattern_cache.compile(r"\s+")
# "manage-" at a line end followed by "ment": a word broken by hyphenation.
_BROKEN_WORD = pattern_cache.compile(r"[A-Za-z]-$")


# Words that, ending a line with a hyphen, start a hyphenated compound rather than being cut.
_COMPOUND_PREFIXES = frozenset(
    "non post pre co self semi anti multi sub inter intra cross well long short full part half "
    "third first second one two three four five six seven eight nine ten twelve thirty sixty ninety "
    "year month day end follow start set cost fee arm in on off up out over under e".split()
)


def join_two(left: str, right: str) -> str:
    """Append line `right` to `left`, closing a hyphenated break.

    The hyphen is dropped where a word was cut ("manage-" + "ment"); it is kept, without a
    space, where it belongs to a compound (see `_keeps_hyphen`).
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if _BROKEN_WORD.search(left) and right[0].isalpha():
        return left + right if _keeps_hyphen(left, right) else left[:-1] + right
    return f"{left} {right}"


def _keeps_hyphen(left: str, right: str) -> bool:
    """Whether a line-end hyphen belongs to the word: a compound ("out-of-" + "pocket",
    "post-" + "treatment", "Non-" + "Compete") rather than a hyphenation point."""
    if right[0].isupper():
        return True
    fragment = left.rsplit(None, 1)[-1][:-1].lstrip("(\"'\u201c")
    return "-" in fragment or fragment.lower() in _COMPOUND_PREFIXES


def join_wrapped_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = join_two(text, _SPACES.sub(" ", line).strip())
    return text.strip()
