"""Regenerate the golden segmentation files from the sample sources.

    .venv/bin/python -m tests.samples.regen          (or: python tests/samples/regen.py)

The golden is derived from samples/src/*.msa, which is the truth about what each contract
contains, not from the reader under test. Review the diff by eye before committing it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_support import GOLDEN_DIR, SAMPLES_DIR, golden_path, load_build_script, sample_files  # noqa: E402


def _dump(name: str, fmt: str, rows: list) -> str:
    """One clause per line, so a reviewer reads the golden like a table of contents."""
    lines = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
    return f'{{"sample": "{name}", "format": "{fmt}", "clauses": [\n{lines}\n]}}\n'


def main() -> int:
    build = load_build_script()
    GOLDEN_DIR.mkdir(exist_ok=True)
    for name, fmt in sample_files():
        contract = build.parse_source(SAMPLES_DIR / "src" / f"{name}.msa")
        rows = build.outline(contract, fmt)
        path = golden_path(name, fmt)
        path.write_text(_dump(name, fmt, rows), encoding="utf-8")
        print(f"{path.relative_to(GOLDEN_DIR.parents[2])}: {len(rows)} numbered clauses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
