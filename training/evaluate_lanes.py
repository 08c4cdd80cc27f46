"""Score lane predictions, and evaluate the shipped lane model on one split of the corpus.

    .venv/bin/python training/evaluate_lanes.py            # dev split (use this while working)
    .venv/bin/python training/evaluate_lanes.py --split test

The shipped model is evaluated through `msa_toolkit.analysis.lanes.classify_texts`, the same code the
analyzer runs, so the figures describe the product and not a training-time shortcut. The test split
is for reporting only: never tune on it.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

LANES = ("business", "clinical", "general")
CORPUS_PATH = Path(__file__).resolve().parent / "corpus" / "clauses.jsonl"


def load_corpus(path: Path = CORPUS_PATH) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def lane_scores(gold: list[str], predicted: list[str]) -> dict:
    """Per-lane precision, recall, F1 and support, plus macro-F1 and accuracy."""
    per_class = {}
    for lane in LANES:
        tp = sum(1 for g, p in zip(gold, predicted) if g == lane and p == lane)
        fp = sum(1 for g, p in zip(gold, predicted) if g != lane and p == lane)
        fn = sum(1 for g, p in zip(gold, predicted) if g == lane and p != lane)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[lane] = {"precision": round(precision, 4), "recall": round(recall, 4),
                           "f1": round(f1, 4), "support": tp + fn}
    macro = sum(v["f1"] for v in per_class.values()) / len(LANES)
    accuracy = sum(1 for g, p in zip(gold, predicted) if g == p) / len(gold) if gold else 0.0
    return {"per_class": per_class, "macro_f1": round(macro, 4), "accuracy": round(accuracy, 4),
            "n": len(gold)}


def evaluate_shipped(split: str) -> tuple[dict, list[tuple[dict, str]]]:
    """Scores of the shipped model on `split`, and the misclassified rows with their predictions."""
    from msa_toolkit.analysis.lanes import classify_texts

    rows = [r for r in load_corpus() if r["split"] == split]
    predicted = [lane for lane, _ in classify_texts([r["text"] for r in rows])]
    errors = [(r, p) for r, p in zip(rows, predicted) if r["lane"] != p]
    return lane_scores([r["lane"] for r in rows], predicted), errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--show-errors", action="store_true", help="print misclassified clauses")
    args = parser.parse_args(argv)
    scores, errors = evaluate_shipped(args.split)
    print(json.dumps(scores, indent=2))
    if args.show_errors:
        for row, predicted in errors:
            print(f"{row['id']}: gold={row['lane']} predicted={predicted}\n  {row['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
