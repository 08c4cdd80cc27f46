"""msa-toolkit: draft and review Management Services Agreements for physician-led practices.

The library API is small; the command-line tools only wrap it. Heavy libraries (spaCy,
pdfplumber, python-docx) are imported lazily by the functions that need them, so importing this
package and ``msa-check --version`` stay fast.

Not legal advice: the toolkit points a lawyer at language to review and cites the rule behind
each finding; it does not decide what the law of any state requires.
"""
from __future__ import annotations

from os import PathLike

__version__ = "0.1.0"

DISCLAIMER = (
    "msa-toolkit output is an automated aid for attorneys, not legal advice. Findings cite the "
    "doctrine behind them; confirm every conclusion against the governing state's law."
)


def read(path, *, limits=None, password=None):
    """Read a contract file (PDF, DOCX, text) into a `Document` clause tree."""
    from .reading import read as _read

    return _read(path, limits=limits, password=password)


def analyze(source, *, state=None, limits=None, password=None, jobs=None):
    """Read (if given a path) and analyze a contract; returns an `AnalysisResult`.

    `jobs` > 1 lets the work of one contract use that many processes (same results): the file is read
    in a forked copy while this process imports and loads the analyzer, and a long contract's pages and
    clauses are shared out (see `parallel.py`).
    """
    from .parallel import Background, usable_jobs

    if usable_jobs(jobs) > 1 and isinstance(source, (str, PathLike)) and str(source).strip():
        from .reading import read

        reading = Background(lambda: read(source, limits=limits, password=password, jobs=jobs), jobs)
        from .analysis import analyze as _analyze, load_analyzer

        load_analyzer(warm=reading.in_background)
        source = reading.result()
    else:
        from .analysis import analyze as _analyze
    return _analyze(source, state=state, limits=limits, password=password, jobs=jobs)


def draft(deal, out, *, notes=False):
    """Render a Word draft from a deal sheet (path or mapping) to `out`; returns the output path."""
    from .drafting import draft as _draft

    return _draft(deal, out, notes=notes)


__all__ = ["DISCLAIMER", "__version__", "analyze", "draft", "read"]
