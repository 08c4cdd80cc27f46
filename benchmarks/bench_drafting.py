"""Time to render one draft from each sample deal sheet (target: under a second per draft).

    .venv/bin/python benchmarks/bench_drafting.py [--repeat N]

Measures the library call `msa_toolkit.drafting.draft` in process, after one warm-up draft that
pays the one-time imports (docxtpl, python-docx) and library load; prints median and worst time
per sample, with and without drafting notes.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from msa_toolkit.drafting import draft  # noqa: E402

DEALS = sorted((ROOT / "samples" / "deals").glob("*.yaml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "draft.docx"
        start = time.perf_counter()
        draft(DEALS[0], out, force=True)
        print(f"first draft (imports + library load): {time.perf_counter() - start:.3f} s")
        for notes in (False, True):
            for deal in DEALS:
                times = []
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    draft(deal, out, notes=notes, force=True)
                    times.append(time.perf_counter() - start)
                label = f"{deal.stem}{' --notes' if notes else ''}"
                print(f"{label:<34} median {statistics.median(times):.3f} s   worst {max(times):.3f} s")


if __name__ == "__main__":
    main()
