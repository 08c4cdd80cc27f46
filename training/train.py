"""Train the lane classifier and write it to models/msa_lanes/ with its metrics.

    make train        # or: .venv/bin/python training/train.py

Reproducible: the corpus is rebuilt from the hand-written families with a fixed seed, spaCy's and
Python's random generators are seeded, and the number of epochs is chosen on the dev split (the epoch
with the best dev macro-F1 is kept). The test split is scored once, after the choice, for reporting.

The model is spacy.blank("en") with one `textcat` using an explicitly configured bag-of-words
architecture (spacy.TextCatBOW.v3, exclusive classes, word n-grams up to 2): it runs several times
faster than the default ensemble and, on clause-length texts, loses nothing that matters here.
"""
from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_corpus import CORPUS_PATH, build  # noqa: E402
from evaluate import LANES, lane_scores  # noqa: E402

REPO = HERE.parent
MODEL_DIR = REPO / "models" / "msa_lanes"
METRICS_MD = HERE / "METRICS.md"
SEED = 7
MAX_EPOCHS = 30
PATIENCE = 6
DROPOUT = 0.2
TEXTCAT_MODEL = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 2 ** 16,  # hashed feature rows; small enough to keep the shipped model under ~1 MB
}


def write_corpus(rows: list[dict]) -> None:
    CORPUS_PATH.parent.mkdir(parents=True, exist_ok=True)
    with CORPUS_PATH.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def make_examples(nlp, rows: list[dict]) -> list[Example]:
    return [
        Example.from_dict(nlp.make_doc(r["text"]), {"cats": {lane: float(lane == r["lane"]) for lane in LANES}})
        for r in rows
    ]


def predict(nlp, rows: list[dict]) -> list[str]:
    return [max(doc.cats, key=doc.cats.get) for doc in nlp.pipe((r["text"] for r in rows), batch_size=256)]


def train(rows: list[dict]) -> tuple[spacy.language.Language, dict]:
    fix_random_seed(SEED)
    rng = random.Random(SEED)
    train_rows = [r for r in rows if r["split"] == "train"]
    dev_rows = [r for r in rows if r["split"] == "dev"]
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": TEXTCAT_MODEL})
    for lane in LANES:
        textcat.add_label(lane)
    examples = make_examples(nlp, train_rows)
    optimizer = nlp.initialize(lambda: examples)
    best = {"epoch": 0, "macro_f1": -1.0, "bytes": None}
    history = []
    for epoch in range(1, MAX_EPOCHS + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.05)):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)
        dev_f1 = lane_scores([r["lane"] for r in dev_rows], predict(nlp, dev_rows))["macro_f1"]
        history.append({"epoch": epoch, "loss": round(losses.get("textcat", 0.0), 4), "dev_macro_f1": dev_f1})
        print(f"epoch {epoch:2d}  loss {losses.get('textcat', 0.0):8.4f}  dev macro-F1 {dev_f1:.4f}")
        if dev_f1 > best["macro_f1"]:
            best = {"epoch": epoch, "macro_f1": dev_f1, "bytes": nlp.to_bytes()}
        elif epoch - best["epoch"] >= PATIENCE:
            break
    nlp.from_bytes(best["bytes"])
    return nlp, {"best_epoch": best["epoch"], "history": history}


def save_model(nlp, directory: Path) -> None:
    """Write the pipeline atomically enough: build in a temp dir, then replace the old one."""
    nlp.meta.update({
        "name": "msa_lanes", "version": "0.1.0", "license": "MIT",
        "description": "Lane classifier (business / clinical / general) for clauses of management services "
                       "agreements, trained by msa-toolkit on its own written corpus (training/).",
    })
    directory.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory.parent) as tmp:
        staged = Path(tmp) / "msa_lanes"
        nlp.to_disk(staged)
        if directory.exists():
            shutil.rmtree(directory)
        shutil.move(str(staged), directory)


def corpus_counts(rows: list[dict]) -> dict:
    counts = {}
    for split in ("train", "dev", "test"):
        part = [r for r in rows if r["split"] == split]
        counts[split] = {
            "rows": len(part), "families": len({r["family"] for r in part}),
            "lanes": {lane: sum(1 for r in part if r["lane"] == lane) for lane in LANES},
        }
    return counts


def write_metrics_md(metrics: dict) -> None:
    lines = [
        "# Lane model metrics",
        "",
        "Written by `training/train.py` (do not edit by hand). The test split holds clause families never",
        "seen in training or model selection; it is scored once, after the epoch is chosen on dev.",
        "",
        f"- corpus: {metrics['corpus']['rows']} clauses from {metrics['corpus']['families']} families",
        f"- seed {metrics['seed']}, spaCy {metrics['spacy_version']}, best epoch {metrics['best_epoch']} "
        f"(of at most {MAX_EPOCHS}), training time {metrics['train_seconds']} s",
        f"- architecture: {metrics['architecture']['@architectures']}, ngram_size "
        f"{metrics['architecture']['ngram_size']}, exclusive classes",
        "",
    ]
    for split in ("dev", "test"):
        scores = metrics[split]
        lines += [f"## {split} (n={scores['n']}): macro-F1 {scores['macro_f1']:.4f}, accuracy {scores['accuracy']:.4f}",
                  "", "| lane | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for lane in LANES:
            c = scores["per_class"][lane]
            lines.append(f"| {lane} | {c['precision']:.4f} | {c['recall']:.4f} | {c['f1']:.4f} | {c['support']} |")
        lines.append("")
    METRICS_MD.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    started = time.perf_counter()
    rows = build()
    write_corpus(rows)
    nlp, run = train(rows)
    seconds = round(time.perf_counter() - started, 1)
    metrics = {
        "model": "msa_lanes",
        "spacy_version": spacy.__version__,
        "seed": SEED,
        "architecture": TEXTCAT_MODEL,
        "best_epoch": run["best_epoch"],
        "train_seconds": seconds,
        "corpus": {"rows": len(rows), "families": len({r["family"] for r in rows}),
                   "splits": corpus_counts(rows)},
        "dev": lane_scores([r["lane"] for r in rows if r["split"] == "dev"],
                           predict(nlp, [r for r in rows if r["split"] == "dev"])),
        "test": lane_scores([r["lane"] for r in rows if r["split"] == "test"],
                            predict(nlp, [r for r in rows if r["split"] == "test"])),
        "history": run["history"],
    }
    save_model(nlp, MODEL_DIR)
    (MODEL_DIR / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    write_metrics_md(metrics)
    print(f"dev macro-F1 {metrics['dev']['macro_f1']:.4f}  test macro-F1 {metrics['test']['macro_f1']:.4f}  "
          f"({seconds} s) -> {MODEL_DIR.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
