"""Warming up the analyzer: running it once on made-up text so that what it builds on first use (lexicon
tables, patterns named after nothing in particular, cached properties of its rules) is built before the
real contract arrives.

A forkserver warms up before it forks workers (batch/preload.py), so that every worker inherits what was
built. A review of one file analyses only `WARM_UP_TEXT`, while a forked copy reads the file
(`load_analyzer(warm=True)`): measured on the 35-page benchmark file, that takes 30 ms the reader hides and
saves about 25 ms of the analysis, while the rule examples as well cost more than they save. Nothing here
reads user input, and the results of an analysis never depend on whether it ran.
"""
from __future__ import annotations

from typing import Iterator

# A made-up agreement touching the parts the analysis loads lazily: parties, fees, term, law.
WARM_UP_TEXT = """MANAGEMENT SERVICES AGREEMENT

This Management Services Agreement is made between Warmup Management LLC, a Delaware limited
liability company ("Manager"), and Warmup Medical P.C., a professional corporation ("Practice").

1. Services. Manager shall provide billing, payroll and office administration to Practice.
Practice retains sole authority over all clinical decisions and the medical records of patients.

2. Fees. Practice shall pay Manager a fixed monthly fee of $10,000, which the parties agree is
fair market value for the services and does not vary with referrals or collections.

3. Term. This Agreement begins on January 1, 2025, runs for three years and renews for one-year
terms unless either party gives ninety (90) days' written notice of termination.

4. Governing Law. This Agreement is governed by the laws of the State of Florida.
"""

# rule examples analysed together per warm-up text
_EXAMPLES_PER_TEXT = 12


def warm_up_texts() -> Iterator[str]:
    """The made-up agreement, then every rule's own examples (flagged and compliant), a few at a time:
    between them, each detector runs its paths once."""
    from .catalogue import load_catalogue

    yield WARM_UP_TEXT
    examples = [text for rule in load_catalogue() for text in (*rule.flagged, *rule.compliant)]
    for start in range(0, len(examples), _EXAMPLES_PER_TEXT):
        share = examples[start:start + _EXAMPLES_PER_TEXT]
        yield "\n\n".join(f"{number}. {text}" for number, text in enumerate(share, start=1))


def warm_up() -> int:
    """Analyse the warm-up texts; returns how many were analysed. Never raises: a warm-up that fails leaves
    the work to the real analysis."""
    from . import analyze, document_from_text

    done = 0
    try:
        for text in warm_up_texts():
            analyze(document_from_text(text, path="<warm-up>"), state="auto")
            done += 1
    except Exception:  # noqa: BLE001 - see the docstring
        pass
    return done
