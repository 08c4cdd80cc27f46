"""Stable, readable clause ids: "art-4", "sec-4.2", "sec-4.2-a-i", "exh-a-3", "def-net-collections".

Ids are derived from what the contract itself says (its numbers, its defined terms), so the same
clause keeps its id when other parts of the document change. A repeated id gets "-2", "-3".
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import pattern_cache
from .markers import article_value

_SLUG = pattern_cache.compile(r"[^a-z0-9]+")


@dataclass
class Draft:
    """A clause while the tree is being built (mutable; frozen into `Clause` at the end)."""

    kind: str
    start: int
    end: int
    page: int | None
    number: str | None = None
    heading: str | None = None
    parent: int | None = None
    has_body: bool = False
    term: str | None = None  # the defined term of a definition
    id_prefix: str | None = None  # "exh", "sch" for exhibits; the whole id of a named paragraph ("recitals")
    holds_definitions: bool = False
    bare: bool = False  # the clause so far is only its number (and maybe a heading line)
    holds_table: bool = False  # a heading-only clause ("B.5 Summary Table.") whose body is the table that follows


def slug(text: str, limit: int = 48) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-")


def _number_part(number: str) -> str:
    return slug(number.strip("()").rstrip("."), 24).replace("-", ".") or "x"


def _list_part(number: str) -> str:
    return slug(number.strip("()").rstrip("."), 12) or "x"


def base_id(index: int, drafts: list[Draft], ids: list[str], counters: dict[str, int],
            sections_restart: bool) -> str:
    draft = drafts[index]
    parent_id = ids[draft.parent] if draft.parent is not None else None
    parent = drafts[draft.parent] if draft.parent is not None else None
    kind = draft.kind
    if kind in ("title", "preamble"):
        return kind
    if kind == "signature":
        return "sig"
    if kind == "paragraph" and draft.id_prefix:
        return draft.id_prefix  # "recitals": the heading that opens the recitals
    if kind in ("recital", "paragraph"):
        counters[kind] = counters.get(kind, 0) + 1
        if kind == "paragraph" and draft.heading:
            return f"para-{slug(draft.heading) or counters[kind]}"
        return f"{kind[:4] if kind == 'paragraph' else kind}-{counters[kind]}"
    if kind == "definition" and draft.term:
        return f"def-{slug(draft.term) or 'term'}"
    if kind == "article":
        return f"art-{slug(article_value(draft.number or 'x')) or 'x'}"
    if kind == "exhibit":
        if draft.number is None and draft.id_prefix and draft.id_prefix.startswith("doc-"):
            return draft.id_prefix  # an instrument after the signatures, named by its title
        return f"{draft.id_prefix or 'exh'}-{slug(draft.number or 'x') or 'x'}"
    if kind == "exhibit_section":
        number = draft.number or "x"
        if not any(ch.isdigit() for ch in number):
            return f"{parent_id}-{_list_part(number)}" if parent_id else f"exh-{_list_part(number)}"
        exhibit = _nearest(drafts, index, "exhibit")
        if exhibit is None:
            return f"exh-{_number_part(number)}"
        head, _, tail = number.partition(".")
        if tail and head.lower() == (drafts[exhibit].number or "").lower():
            number = tail
        return f"{ids[exhibit]}-{_number_part(number)}"
    if kind == "section" or (kind == "definition" and draft.number and draft.number[0].isdigit()):
        number = _number_part(draft.number or "x")
        if parent is not None and parent.kind == "article" and sections_restart:
            return f"{parent_id}-sec-{number}"
        return f"sec-{number}"
    # subsections, unnumbered definitions without a term
    label = _list_part(draft.number or str(index))
    return f"{parent_id}-{label}" if parent_id else f"sub-{label}"


def _nearest(drafts: list[Draft], index: int, kind: str) -> int | None:
    parent = drafts[index].parent
    while parent is not None:
        if drafts[parent].kind == kind:
            return parent
        parent = drafts[parent].parent
    return None


def sections_restart_under_articles(drafts: list[Draft]) -> bool:
    """Whether articles restart section numbers (Article IV: 1, 2 ...) instead of "4.1", "4.2"."""
    for draft in drafts:
        if draft.kind != "section" or draft.parent is None or not draft.number:
            continue
        parent = drafts[draft.parent]
        if parent.kind == "article" and parent.number:
            if draft.number.split(".")[0] != article_value(parent.number):
                return True
    return False


def assign_ids(drafts: list[Draft]) -> list[str]:
    ids: list[str] = []
    used: set[str] = set()
    next_suffix: dict[str, int] = {}
    counters: dict[str, int] = {}
    restart = sections_restart_under_articles(drafts)
    for index in range(len(drafts)):
        base = base_id(index, drafts, ids, counters, restart)
        candidate = base
        while candidate in used:
            next_suffix[base] = next_suffix.get(base, 1) + 1
            candidate = f"{base}-{next_suffix[base]}"
        used.add(candidate)
        ids.append(candidate)
    return ids
