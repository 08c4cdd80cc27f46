"""Drafting: clause library + deal sheet -> a Word management services agreement.

    library (clause_library/*.yaml) -> deal sheet validation -> plan and numbering -> docxtpl render

`draft` is the library entry point; `msa-draft` (msa_toolkit/cli/draft.py) only wraps it.
"""
from __future__ import annotations

from pathlib import Path


def draft(deal, out, *, notes: bool = False, force: bool = False, library_dir=None) -> Path:
    """Render the deal sheet `deal` (path or mapping) to the .docx file `out` and return its path.

    Every deal-sheet problem is reported at once (MsaError E210) before anything is written; an
    existing `out` is kept unless `force` (MsaError E201).
    """
    from .dealsheet import load_deal
    from .generator import render_docx, write_atomically
    from .library import load_library

    library = load_library(library_dir)
    validated = load_deal(deal, library)
    data = render_docx(library, validated, notes=notes)
    return write_atomically(data, Path(out), force=force)


__all__ = ["draft"]
