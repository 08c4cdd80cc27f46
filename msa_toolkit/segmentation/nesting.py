"""Which open clause a numbered line belongs under.

Contracts nest numbering styles in no fixed order ("4.2" > "(a)" > "(i)" in one, "1." > "a." >
"(1)" in another), so the nesting is learned while reading: a stack of open numbering styles.
A label whose style is already open continues that list (a sibling); a new style opens a deeper
list. A list that restarts at its first value inside a deeper list ("1." under "(a)") nests.
"""
from __future__ import annotations

from dataclasses import dataclass

# Styles that hold a whole part of the agreement; a numbered section never nests under a
# heading-only paragraph, and nothing pops an exhibit except another exhibit or an article.
CONTAINER_STYLES = ("article", "exhibit")
SECTION_PREFIX = "decimal-"


@dataclass
class Open:
    style: str
    value: int
    clause: int  # index of the clause draft


class NumberingStack:
    def __init__(self) -> None:
        self.open: list[Open] = []

    def reset(self, keep_exhibit: bool = False) -> None:
        if keep_exhibit and self.open and self.open[0].style == "exhibit":
            del self.open[1:]
        else:
            self.open.clear()

    def top(self) -> Open | None:
        return self.open[-1] if self.open else None

    def parent(self) -> int | None:
        return self.open[-1].clause if self.open else None

    def styles(self) -> list[str]:
        return [entry.style for entry in self.open]

    def choose(self, options: tuple[tuple[str, int], ...]) -> tuple[str, int]:
        """Pick the reading of an ambiguous label: continue an open list if one fits."""
        for style, value in options:
            for entry in reversed(self.open):
                if entry.style == style and value == entry.value + 1:
                    return style, value
        for style, value in options:
            if value == 1:
                return style, value
        for style, value in options:
            if any(entry.style == style for entry in self.open):
                return style, value
        return options[0]

    def fits(self, options: tuple[tuple[str, int], ...]) -> bool:
        """Whether a label starts a list or continues an open one (a wrapped "(5) days" does neither)."""
        for style, value in options:
            if value == 1 or any(e.style == style and value == e.value + 1 for e in self.open):
                return True
        return False

    def place(self, style: str, value: int, clause: int, *, numbered_section: bool = False) -> int | None:
        """Record a numbered clause; returns the index of its parent clause (or None).

        A numbered section (not a list item) never nests under a heading-only paragraph.
        """
        position = self._position(style, value)
        if position is None:
            if numbered_section:
                while self.open and self.open[-1].style == "paragraph":
                    self.open.pop()
            parent = self.parent()
        else:
            del self.open[position:]
            parent = self.parent()
        self.open.append(Open(style, value, clause))
        return parent

    def place_container(self, style: str, clause: int) -> int | None:
        """An article (under the current exhibit, if any) or an exhibit (always top level)."""
        if style == "article" and self.open and self.open[0].style == "exhibit":
            del self.open[1:]
        else:
            self.open.clear()
        parent = self.parent()
        self.open.append(Open(style, 0, clause))
        return parent

    def place_paragraph(self, clause: int) -> int | None:
        """An unnumbered clause (a heading on its own line): under the enclosing article or exhibit."""
        while self.open and self.open[-1].style not in CONTAINER_STYLES:
            self.open.pop()
        parent = self.parent()
        self.open.append(Open("paragraph", 0, clause))
        return parent

    def _position(self, style: str, value: int) -> int | None:
        for index in range(len(self.open) - 1, -1, -1):
            entry = self.open[index]
            if entry.style != style:
                continue
            is_top = index == len(self.open) - 1
            restarts_inside = value == 1 and not is_top
            if restarts_inside and (style == "decimal-1" or not style.startswith(SECTION_PREFIX)):
                return None  # a fresh list inside a deeper item ("1." under "(a)"): nest it
            return index
        return None
