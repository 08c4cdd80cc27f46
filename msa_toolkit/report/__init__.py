"""One renderer per output format, behind a single entry point.

`render(results, fmt)` returns text for the text formats and bytes for the binary ones (docx,
xlsx). Renderers that need heavy libraries (python-docx, openpyxl) import them only when called.
The folder summary lives in `report.summary` (written next to per-contract reports).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model is imported lazily so `msa-check --version` stays fast
    from ..model import AnalysisResult

FORMATS = ("text", "json", "jsonl", "html", "docx", "csv", "xlsx", "sarif")
BINARY_FORMATS = frozenset({"docx", "xlsx"})
FILE_SUFFIXES = {
    "text": ".txt", "json": ".json", "jsonl": ".jsonl", "html": ".html", "docx": ".docx",
    "csv": ".csv", "xlsx": ".xlsx", "sarif": ".sarif",
}


def render(results: Iterable[AnalysisResult], fmt: str, *, color: bool = False) -> bytes | str:
    """Render analysis results in `fmt` (one of FORMATS). `color` only affects `text`."""
    results = list(results)
    if fmt == "text":
        from .text import render_text

        return render_text(results, color=color)
    if fmt == "json":
        from .json import render_json

        return render_json(results)
    if fmt == "jsonl":
        from .json import render_jsonl

        return render_jsonl(results)
    if fmt == "html":
        from .html import render_html

        return render_html(results)
    if fmt == "docx":
        from .docx_report import render_docx

        return render_docx(results)
    if fmt == "csv":
        from .tables import render_csv

        return render_csv(results)
    if fmt == "xlsx":
        from .tables import render_xlsx

        return render_xlsx(results)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(results)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["BINARY_FORMATS", "FILE_SUFFIXES", "FORMATS", "render"]
