"""Stand-in analysis functions for batch tests, passed as `ReviewOptions(analyze_fn=...)`.

`scripted_analyze` does what the file says: a file containing HANG never returns, EXPLODE
allocates 2 GB, SEGFAULT kills its own process, BUG raises an unexpected
exception, an empty file raises a coded error, "LOG:<file>" on the first line appends the
path to <file> (to count analyses), SPIN burns 0.25 s of CPU; anything else becomes a small,
deterministic AnalysisResult with parties, findings, fees and facts. `raw_library_parse` opens
files with pdfplumber / python-docx as they are, with no guards, to show that the worker
isolation alone contains what those libraries do with hostile files.
"""
from __future__ import annotations

import hashlib
import os
import signal
import time

from msa_toolkit.errors import MsaError
from msa_toolkit.model import (
    AnalysisResult, Clause, DealFacts, Document, FeeTerm, Finding, Party,
)


def scripted_analyze(path, *, state=None, limits=None, password=None):
    data = open(path, "rb").read()
    if not data:
        raise MsaError("E102", "the file is empty", path)
    if b"HANG" in data:
        while True:
            time.sleep(1)
    if b"EXPLODE" in data:  # 2 GB at most, so that a missing memory limit fails the test, not the machine
        hoard = [bytearray(50 * 2**20) for _ in range(40)]
        del hoard
    if b"SEGFAULT" in data:
        os.kill(os.getpid(), signal.SIGSEGV)
    if b"BUG" in data:
        raise ValueError("unexpected structure")
    if data.startswith(b"LOG:"):  # append a line to the named file: lets tests count analyses
        with open(data[4:].split(b"\n")[0].decode(), "a") as log:
            log.write(f"{path}\n")
    if b"SPIN" in data:
        spin_until = time.process_time() + 0.25
        while time.process_time() < spin_until:
            pass
    return _result_for(str(path), data.decode("utf-8", "replace"), state)


def _result_for(path: str, text: str, state) -> AnalysisResult:
    digest = hashlib.sha256(text.encode()).hexdigest()
    clause = Clause(id="c1", kind="section", number="1.1", heading="Fees", text=text[:200], level=1,
                    parent=None, page=1, start=0, end=min(len(text), 200), lane="business", lane_score=0.875)
    document = Document(
        path=path, format="text", text=text, clauses=(clause,),
        parties=(Party("Acme Management LLC", ("Manager",), "mso", "LLC"),
                 Party("Glow Medical P.C.", ("Practice",), "practice", "P.C.")),
        pages=1, warnings=("fake analysis",),
    )
    percentage = "PERCENT" in text
    findings = (
        Finding(rule="MSA101", name="percentage-of-collections-fee", category="revenue_based_fee",
                severity="high", clause_id="c1", evidence="=HYPERLINK(\"x\")", message="fee is a share of collections",
                suggestion="fee-fixed-fmv", start=0, end=5),
    ) if percentage else ()
    fees = (FeeTerm(structure="percentage" if percentage else "fixed", clause_id="c1", text=text[:50],
                    amount=None if percentage else 25000.0, percentage=8.0 if percentage else None,
                    period="month", base="Net Collections" if percentage else None),)
    return AnalysisResult(
        path=path, status="ok", document=document, findings=findings, fees=fees,
        verdict="noncompliant" if percentage else "compliant", state=state or "FL",
        facts=DealFacts(governing_state=state or "FL", effective_date="2025-01-01", term="5 years",
                        renewal="automatic 1-year renewals", termination_notice="90 days"),
        meta={"digest": digest[:12], "pid": os.getpid()},
    )


def raw_library_parse(path, *, state=None, limits=None, password=None):
    """Open the file with the raw libraries, no limits of their own: only the worker protects us."""
    head = open(path, "rb").read(8)
    if head.startswith(b"%PDF"):
        import pdfplumber

        with pdfplumber.open(path, password=password or "") as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    elif head.startswith(b"PK"):
        import docx

        text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    else:
        text = open(path, "rb").read().decode("utf-8")
    return _result_for(str(path), text, state)


def reader_only(path, *, state=None, limits=None, password=None):
    """The project's real readers (`msa_toolkit.ingest.read_raw`) and nothing after them."""
    from pathlib import Path

    from msa_toolkit.ingest import read_raw

    raw = read_raw(Path(path), limits=limits, password=password)
    return _result_for(str(path), "\n".join(block.text for block in raw.blocks), state)
