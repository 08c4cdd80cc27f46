"""Train the lane classifier and write it to models/msa_lanes/ with its metrics.

    make train        # or: .venv/bin/python training/train.py

Reproducible: the corpus is rebuilt from the hand-written families with a fixed seed, and spaCy's and
Python's random generators are seeded. The number of epochs is chosen on the dev split (a model trained
on train, scored on dev after every epoch); the shipped model is then trained from scratch on train + dev
for that many epochs. The test split is scored once, at the end, for reporting: never tune on it.

The model is spacy.blank("en") with one `textcat` using an explicitly configured bag-of-words
architecture (spacy.TextCatBOW.v3, exclusive classes, word n-grams up to 2): it runs several times
faster than the default ensemble and, on clause-length texts, loses nothing that matters here.
"""
from __future__ import annotations

import json
import math
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import spacy
import yaml
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_corpus import CORPUS_PATH, build  # noqa: E402
from evaluate_lanes import LANES, lane_scores  # noqa: E402
from export_lanes import export as export_lanes  # noqa: E402

from msa_toolkit.analysis.lanes import PartyNameRewriter  # noqa: E402

REPO = HERE.parent
MODEL_DIR = REPO / "models" / "msa_lanes"
METRICS_MD = HERE / "METRICS.md"
PARTY_WORDS = HERE / "party_words.yaml"
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


def load_party_words(path: Path = PARTY_WORDS) -> dict[str, list[str]]:
    """The generic party words, validated: two lists of distinct, non-empty names."""
    words = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(words, dict) or set(words) != {"manager", "practice"}:
        raise ValueError(f"{path}: expected exactly the keys 'manager' and 'practice'")
    seen: set[str] = set()
    for side, names in words.items():
        for name in names:
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"{path}: {side}: empty or non-text entry {name!r}")
            if name in seen:
                raise ValueError(f"{path}: {side}: duplicate entry {name!r}")
            seen.add(name)
    return words


REWRITE = PartyNameRewriter.from_word_lists(**load_party_words())


def write_corpus(rows: list[dict]) -> None:
    CORPUS_PATH.parent.mkdir(parents=True, exist_ok=True)
    with CORPUS_PATH.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def make_examples(nlp, rows: list[dict]) -> list[Example]:
    return [
        Example.from_dict(nlp.make_doc(REWRITE(r["text"])), {"cats": {lane: float(lane == r["lane"]) for lane in LANES}})
        for r in rows
    ]


def predict(nlp, rows: list[dict]) -> list[str]:
    return [max(cats, key=cats.get) for cats in predict_cats(nlp, rows)]


def predict_cats(nlp, rows: list[dict]) -> list[dict[str, float]]:
    return [doc.cats for doc in nlp.pipe((REWRITE(r["text"]) for r in rows), batch_size=256)]


def log_loss(rows: list[dict], cats: list[dict[str, float]]) -> float:
    """Mean negative log-probability of the gold lane: breaks ties between equally accurate epochs."""
    return sum(-math.log(max(c[r["lane"]], 1e-9)) for r, c in zip(rows, cats)) / max(len(rows), 1)


def _new_pipeline(train_rows: list[dict]):
    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": TEXTCAT_MODEL})
    for lane in LANES:
        textcat.add_label(lane)
    examples = make_examples(nlp, train_rows)
    optimizer = nlp.initialize(lambda: examples)
    return nlp, examples, optimizer


def _run_epoch(nlp, examples: list[Example], optimizer, rng: random.Random) -> float:
    rng.shuffle(examples)
    losses: dict[str, float] = {}
    for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.05)):
        nlp.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)
    return round(losses.get("textcat", 0.0), 4)


def select_epochs(rows: list[dict]) -> tuple[int, dict, list[dict]]:
    """Train on train, score dev after every epoch; the best epoch count and its dev scores.

    Best = highest dev macro-F1, ties broken by the lower dev log-loss (the better calibrated model).
    """
    train_rows = [r for r in rows if r["split"] == "train"]
    dev_rows = [r for r in rows if r["split"] == "dev"]
    nlp, examples, optimizer = _new_pipeline(train_rows)
    rng = random.Random(SEED)
    best_epoch, best_key, best_scores, history = 0, (-1.0, 0.0), {}, []
    for epoch in range(1, MAX_EPOCHS + 1):
        loss = _run_epoch(nlp, examples, optimizer, rng)
        cats = predict_cats(nlp, dev_rows)
        scores = lane_scores([r["lane"] for r in dev_rows], [max(c, key=c.get) for c in cats])
        dev_loss = round(log_loss(dev_rows, cats), 4)
        history.append({"epoch": epoch, "loss": loss, "dev_macro_f1": scores["macro_f1"], "dev_log_loss": dev_loss})
        print(f"epoch {epoch:2d}  loss {loss:8.4f}  dev macro-F1 {scores['macro_f1']:.4f}  dev log-loss {dev_loss:.4f}")
        key = (scores["macro_f1"], -dev_loss)
        if key > best_key:
            best_epoch, best_key, best_scores = epoch, key, scores
        elif epoch - best_epoch >= PATIENCE:
            break
    return best_epoch, best_scores, history


def train_final(rows: list[dict], epochs: int):
    """The shipped model: train + dev, for the number of epochs chosen on dev (test never seen)."""
    nlp, examples, optimizer = _new_pipeline([r for r in rows if r["split"] in ("train", "dev")])
    rng = random.Random(SEED)
    for _ in range(epochs):
        _run_epoch(nlp, examples, optimizer, rng)
    return nlp


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
        (staged / "party_words.json").write_text(json.dumps(load_party_words(), indent=2) + "\n", encoding="utf-8")
        export_lanes(staged)  # the same weights, for scoring without importing spaCy (bow/)
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
        "Written by `training/train.py` (do not edit by hand). Splits are by clause family: a family (one",
        "hand-written sentence with slots) lies wholly in train, dev or test. Dev scores come from the",
        "selection run (trained on train only); the shipped model is then trained on train + dev for the",
        "chosen number of epochs and scored once on test, which is never used for tuning.",
        "",
        f"- corpus: {metrics['corpus']['rows']} clauses from {metrics['corpus']['families']} families",
        f"- seed {metrics['seed']}, spaCy {metrics['spacy_version']}, best epoch {metrics['best_epoch']} "
        f"(of at most {MAX_EPOCHS})",
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
    best_epoch, dev_scores, history = select_epochs(rows)
    nlp = train_final(rows, best_epoch)
    seconds = round(time.perf_counter() - started, 1)
    test_rows = [r for r in rows if r["split"] == "test"]
    metrics = {
        "model": "msa_lanes",
        "spacy_version": spacy.__version__,
        "seed": SEED,
        "architecture": TEXTCAT_MODEL,
        "best_epoch": best_epoch,
        "corpus": {"rows": len(rows), "families": len({r["family"] for r in rows}),
                   "splits": corpus_counts(rows)},
        "dev": dev_scores,
        "test": lane_scores([r["lane"] for r in test_rows], predict(nlp, test_rows)),
        "history": history,
        "notes": "dev: selection run trained on train only; test: the shipped model (train + dev), "
                 "test families never used for training or tuning",
    }
    save_model(nlp, MODEL_DIR)
    (MODEL_DIR / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    write_metrics_md(metrics)
    print(f"dev macro-F1 {dev_scores['macro_f1']:.4f} (epoch {best_epoch})  "
          f"test macro-F1 {metrics['test']['macro_f1']:.4f}  ({seconds} s) -> {MODEL_DIR.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
