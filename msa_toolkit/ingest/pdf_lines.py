"""Positioned text lines of PDF pages: the common currency of the fast and the careful readers."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PdfLine:
    """One line of text; coordinates in points from the page's top-left corner."""

    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    baseline: float = 0.0  # of the line's first character: steps between lines are measured here
    size: float = 0.0  # font size in points
    kind: str = "paragraph"  # paragraph | table_row
    column: str = "full"  # full | left | right (two-column pages)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def em(self) -> float:
        """Font size, or the box height when the reader could not tell the size."""
        return self.size if self.size > 0 else self.height


@dataclass
class PdfPage:
    """The lines of one page in reading order, and how they were read ("fast" or "layout")."""

    number: int
    width: float
    height: float
    lines: list[PdfLine] = field(default_factory=list)
    method: str = "fast"
    chars: int = 0  # non-whitespace characters in the page's text layer
