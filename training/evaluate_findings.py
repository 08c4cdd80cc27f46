"""Measure the analyzer's clause-level findings against the labeled corpus.

    .venv/bin/python training/evaluate_findings.py --split dev [--errors 20] [--category clinical_control]

Reads `training/corpus/*.jsonl` (rows: id, text, lane, findings: [categories], split, family) and reports,
for the five clause-level categories, precision and recall per category and micro-averaged over them. A row
is a hit for a category when the analyzer raises any finding of that category on the row's text. Tune on
train and dev only; the test split is for the final measurement.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from msa_toolkit.model import CLAUSE_CATEGORIES

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


def load_rows(split: str, corpus_dir: Path = CORPUS_DIR) -> list[dict]:
    rows = []
    for path in sorted(corpus_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    if split == "all" or row.get("split") == split:
                        rows.append(row)
    return rows


def predict(text: str) -> set[str]:
    """Categories the analyzer raises on one clause (generic profile, no segmentation, no lanes)."""
    from msa_toolkit.analysis import analyze_document, clause_document

    findings, _ = analyze_document(clause_document(text))
    return {f.category for f in findings if f.category in CLAUSE_CATEGORIES}


def score(rows: list[dict]) -> dict:
    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CLAUSE_CATEGORIES}
    errors = []
    began = time.perf_counter()
    for row in rows:
        gold = set(row.get("findings") or ()) & set(CLAUSE_CATEGORIES)
        got = predict(row["text"])
        for category in CLAUSE_CATEGORIES:
            if category in got and category in gold:
                counts[category]["tp"] += 1
            elif category in got:
                counts[category]["fp"] += 1
                errors.append(("FP", category, row))
            elif category in gold:
                counts[category]["fn"] += 1
                errors.append(("FN", category, row))
    seconds = time.perf_counter() - began

    def prf(c):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), **c}

    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    return {
        "rows": len(rows), "clauses_per_second": round(len(rows) / seconds, 1) if seconds else None,
        "per_category": {c: prf(v) for c, v in counts.items()}, "micro": prf(total), "errors": errors,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test", "all"))
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    parser.add_argument("--errors", type=int, default=0, help="print up to N misclassified rows")
    parser.add_argument("--category", default=None, help="only print errors of this category")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    rows = load_rows(args.split, args.corpus)
    if not rows:
        print(f"no rows for split {args.split!r} in {args.corpus}", file=sys.stderr)
        return 2
    result = score(rows)
    errors = result.pop("errors")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"split={args.split} rows={result['rows']} clauses/s={result['clauses_per_second']}")
        print(f"{'category':24} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'fp':>4} {'fn':>4}")
        for name, s in [*result["per_category"].items(), ("micro", result["micro"])]:
            print(f"{name:24} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['tp']:5} {s['fp']:4} {s['fn']:4}")
    shown = [e for e in errors if args.category in (None, e[1])][: args.errors]
    for kind, category, row in shown:
        print(f"\n{kind} {category} [{row['id']}] gold={row.get('findings')}\n  {row['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
