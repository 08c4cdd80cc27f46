"""In-process measurements, one per invocation, each printing one JSON line (run by benchmarks/run.py).

    python benchmarks/probes.py floor-pypdfium2 FILE.pdf
    python benchmarks/probes.py floor-pdfplumber FILE.pdf
    python benchmarks/probes.py reader FILE          (msa_toolkit.read, after a warm-up read)
    python benchmarks/probes.py analysis FILE        (msa_toolkit.analyze on an already-read Document)
    python benchmarks/probes.py draft N              (msa_toolkit.draft over the sample deal sheets)
    python benchmarks/probes.py profile FILE         (pyinstrument of read + analyze)
    python benchmarks/probes.py first-result DIR N   (batch review of DIR with N workers, no cache:
                                                      seconds to the first and to the last result)

Imports are outside the timed part: these are stage costs, not start-up costs (except in
first-result, which times worker start-up).
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = ROOT / "samples" / "contracts" / "compliant_msa.pdf"


def floor_pypdfium2(path: str) -> dict:
    import pypdfium2

    began = time.perf_counter()
    document = pypdfium2.PdfDocument(path)
    characters = 0
    for index in range(len(document)):
        page = document[index]
        text_page = page.get_textpage()
        characters += len(text_page.get_text_range())
        text_page.close()
        page.close()
    pages = len(document)
    document.close()
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "pages": pages, "ms_per_page": seconds * 1000 / pages, "characters": characters}


def floor_pdfplumber(path: str) -> dict:
    import pdfplumber

    began = time.perf_counter()
    characters = 0
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            characters += len(page.extract_text() or "")
            page.flush_cache()
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "pages": pages, "ms_per_page": seconds * 1000 / pages, "characters": characters}


def reader(path: str) -> dict:
    import msa_toolkit

    msa_toolkit.read(WARM_UP)
    began = time.perf_counter()
    document = msa_toolkit.read(path)
    seconds = time.perf_counter() - began
    pages = document.pages or 1
    return {"seconds": seconds, "pages": pages, "ms_per_page": seconds * 1000 / pages,
            "clauses": len(document.clauses)}


def analysis(path: str) -> dict:
    import msa_toolkit

    msa_toolkit.analyze(msa_toolkit.read(WARM_UP))
    document = msa_toolkit.read(path)
    began = time.perf_counter()
    result = msa_toolkit.analyze(document)
    seconds = time.perf_counter() - began
    clauses = len(document.clauses)
    return {"seconds": seconds, "clauses": clauses, "clauses_per_second": clauses / seconds,
            "findings": len(result.findings)}


def draft(count: str) -> dict:
    import msa_toolkit

    deals = sorted((ROOT / "samples" / "deals").glob("*.yaml"))
    if not deals:
        raise SystemExit("no deal sheets in samples/deals/")
    with tempfile.TemporaryDirectory(prefix="msa-bench-draft-") as folder:
        msa_toolkit.draft(deals[0], Path(folder) / "warm.docx")
        began = time.perf_counter()
        for index in range(int(count)):
            msa_toolkit.draft(deals[index % len(deals)], Path(folder) / f"draft_{index}.docx")
        seconds = time.perf_counter() - began
    return {"seconds": seconds, "drafts": int(count), "drafts_per_second": int(count) / seconds}


def _synthetic(frame) -> bool:
    """pyinstrument's own grouping frames ("[self]", "<thread>") are not functions."""
    return frame.function.startswith("[") or (frame.file_path or "").startswith("<thread")


def profile(path: str) -> dict:
    from pyinstrument import Profiler

    import msa_toolkit

    msa_toolkit.analyze(msa_toolkit.read(WARM_UP))
    profiler = Profiler(interval=0.0005)
    profiler.start()
    began = time.perf_counter()
    document = msa_toolkit.read(path)
    read_done = time.perf_counter()
    msa_toolkit.analyze(document)
    ended = time.perf_counter()
    profiler.stop()
    own: dict[str, float] = {}

    def walk(frame) -> None:
        """Exclusive time per function: a frame's time minus its real (non-synthetic) children's."""
        if frame is None:
            return
        real_children = [child for child in frame.children if not _synthetic(child)]
        if not _synthetic(frame):
            name = f"{Path(frame.file_path or '?').name}:{frame.function}"
            own[name] = own.get(name, 0.0) + frame.time - sum(child.time for child in real_children)
        for child in frame.children:
            walk(child)

    walk(profiler.last_session.root_frame())
    hotspots = sorted(own.items(), key=lambda item: -item[1])[:12]
    return {"seconds": ended - began, "read_seconds": read_done - began, "analysis_seconds": ended - read_done,
            "hotspots": hotspots}


def first_result(folder: str, workers: str) -> dict:
    from msa_toolkit.batch import ReviewOptions, discover, review

    files = discover([folder])
    began = time.perf_counter()
    first = None
    for _ in review(files, ReviewOptions(workers=int(workers), use_cache=False)):
        first = first if first is not None else time.perf_counter() - began
    return {"seconds": first, "all_seconds": time.perf_counter() - began, "files": len(files)}


def _peak_mb() -> float | None:
    """This process's own peak resident set (VmHWM), reported with every probe."""
    try:
        line = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        return None


PROBES = {"floor-pypdfium2": floor_pypdfium2, "floor-pdfplumber": floor_pdfplumber, "reader": reader,
          "analysis": analysis, "draft": draft, "profile": profile,
          "first-result": first_result}

if __name__ == "__main__":
    name, *args = sys.argv[1:]
    figures = PROBES[name](*args)
    figures["peak_mb"] = _peak_mb()
    print(json.dumps(figures))
