"""Score the analyzer on the blind long-clause set (clauses.yaml).

Each clause is wrapped in a minimal agreement (title, preamble defining the two parties by the
names the entry gives, then the clause numbered "4.2") and run through
`msa_toolkit.analysis.analyze_text`. A category counts as predicted when a finding of that
category carries a clause id (document-level findings are ignored). Categories listed under an
entry's `tolerated` are neither a miss nor a false positive.

Run: .venv/bin/python tests/generality_long/evaluate.py [--verbose]
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from msa_toolkit.model import CLAUSE_CATEGORIES

CLAUSES_PATH = Path(__file__).with_name("clauses.yaml")
CATEGORIES = CLAUSE_CATEGORIES
ENTRY_KEYS = {"id", "text", "parties", "findings", "tolerated"}

TEMPLATE = (
    "MANAGEMENT SERVICES AGREEMENT\n\n"
    "This Management Services Agreement (this \"Agreement\") is entered into as of January 1, 2025 by and "
    "between Acme Holdings, LLC, a Delaware limited liability company (\"{mso}\"), and Bright Medical, P.C., "
    "a Texas professional corporation (\"{practice}\").\n\n"
    "4.2 {text}\n"
)


def load_entries(path: Path = CLAUSES_PATH) -> list[dict]:
    """Load and validate the labeled clauses; fail loudly on a malformed entry."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    seen: set[str] = set()
    for entry in entries:
        eid = entry.get("id")
        unknown = set(entry) - ENTRY_KEYS
        if unknown:
            raise ValueError(f"{path.name}: entry {eid}: unknown keys {sorted(unknown)}")
        if eid in seen:
            raise ValueError(f"{path.name}: duplicate id {eid}")
        seen.add(eid)
        for key in ("findings", "tolerated"):
            bad = set(entry.get(key) or ()) - set(CATEGORIES)
            if bad:
                raise ValueError(f"{path.name}: entry {eid}: unknown {key} {sorted(bad)}")
        if set(entry["parties"]) != {"mso", "practice"}:
            raise ValueError(f"{path.name}: entry {eid}: parties must have mso and practice")
    return entries


def build_document(entry: dict) -> str:
    """The small agreement that carries one clause."""
    text = " ".join(entry["text"].split())
    return TEMPLATE.format(mso=entry["parties"]["mso"], practice=entry["parties"]["practice"], text=text)


def predicted_categories(entry: dict) -> set[str]:
    """Clause-level categories the analyzer raises for one entry."""
    from msa_toolkit.analysis import analyze_text

    result = analyze_text(build_document(entry))
    return {f.category for f in result.findings if f.clause_id is not None and f.category in CATEGORIES}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    per_category: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, category, text)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        total = Score()
        for s in self.per_category.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total

    def render(self, verbose: bool = True) -> str:
        lines = [f"{'category':22} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6}"]
        for cat, s in [*self.per_category.items(), ("MICRO", self.micro)]:
            lines.append(f"{cat:22} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:6.3f} {s.recall:6.3f}")
        if verbose:
            for title, rows in (("MISSES", self.misses), ("FALSE POSITIVES", self.false_positives)):
                lines.append(f"\n{title} ({len(rows)})")
                for eid, cat, text in rows:
                    lines.append(f"- {eid} [{cat}] {' '.join(text.split())[:300]}")
        return "\n".join(lines)


def evaluate(entries: list[dict] | None = None) -> Report:
    """Run every entry through the analyzer and tally hits, misses and false positives."""
    report = Report()
    for entry in entries if entries is not None else load_entries():
        gold = set(entry["findings"])
        tolerated = set(entry.get("tolerated") or ())
        predicted = predicted_categories(entry)
        for cat in CATEGORIES:
            score = report.per_category[cat]
            if cat in gold and cat in predicted:
                score.tp += 1
            elif cat in gold:
                score.fn += 1
                report.misses.append((entry["id"], cat, entry["text"]))
            elif cat in predicted and cat not in tolerated:
                score.fp += 1
                report.false_positives.append((entry["id"], cat, entry["text"]))
    return report


if __name__ == "__main__":
    print(evaluate().render(verbose="--quiet" not in sys.argv))
