"""Check a Word template for docxtpl tags that Word has split across runs.

Word splits text into runs whenever formatting, spell-check or revision marks change, so a tag
typed as `{{ name }}` can end up stored as `{{ na` + `me }}`. docxtpl repairs some of those cases
and silently mis-renders others; this check finds every tag whose text is not inside one `w:t`.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")


def split_tags(path: Path) -> list[str]:
    """Problems found: one message per tag that spans more than one run (empty when clean)."""
    problems = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(n for n in archive.namelist() if _PARTS.fullmatch(n)):
            root = ElementTree.fromstring(archive.read(name))
            for paragraph in root.iter(f"{_W}p"):
                pieces = [t.text or "" for t in paragraph.iter(f"{_W}t")]
                text = "".join(pieces)
                boundaries, position = set(), 0
                for piece in pieces[:-1]:
                    position += len(piece)
                    boundaries.add(position)
                for match in _TAG.finditer(text):
                    if any(match.start() < b < match.end() for b in boundaries):
                        problems.append(f"{name}: tag {match.group(0)!r} is split across runs")
                if ("{{" in text or "{%" in text) and not _TAG.search(text):
                    problems.append(f"{name}: unclosed tag in paragraph {text[:60]!r}")
    return problems
