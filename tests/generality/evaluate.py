"""Score the analyzer on the blind generality set (`clauses.yaml`) and print every error.

The set was written without looking at the analyzer or its training corpus, so these figures say
how the clause-level rules carry over to drafting they were not built from. Each entry is wrapped
in a minimal agreement (title, a preamble defining the two parties under the entry's names, then
the clause as section 1.1) and analyzed with `msa_toolkit.analysis.analyze_text`.

Run:  .venv/bin/python tests/generality/evaluate.py            (table, misses, false positives)
      .venv/bin/python tests/generality/evaluate.py --only fee  (entries whose id starts with "fee")
      .venv/bin/python tests/generality/evaluate.py --clauses tests/generality_fees/clauses.yaml
"""
from __future__ import annotations

import argparse
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from msa_toolkit.model import CLAUSE_CATEGORIES

CLAUSES_PATH = Path(__file__).with_name("clauses.yaml")

CATEGORIES = CLAUSE_CATEGORIES
ENTRY_KEYS = {"id", "text", "parties", "findings", "tolerated"}
TARGET_NUMBER = "1.1"

# Legal names and entity descriptions used to build the preamble; which one an entry gets is a
# stable function of its id, so a failure always reproduces with the same document.
_MSO_LEGAL = (
    ("Lumen Aesthetics Holdings, LLC", "a Delaware limited liability company"),
    ("Crescent Spa Partners, LLC", "a Texas limited liability company"),
    ("Bright Harbor Management, Inc.", "a Delaware corporation"),
    ("Juniper Wellness Services, LLC", "a Florida limited liability company"),
)
_PRACTICE_LEGAL = (
    ("Rivera Aesthetic Medicine, P.C.", "a Texas professional corporation"),
    ("Solana Medical Group, P.A.", "a Florida professional association"),
    ("Whitfield Dermatology, PLLC", "a Georgia professional limited liability company"),
    ("Castellan Medical Corporation", "a California professional medical corporation"),
)
_PC_LEGAL = (  # for a practice the clause calls "P.C." or "PC", a legal name that fits
    ("Rivera Aesthetic Medicine, P.C.", "a Texas professional corporation"),
    ("Marlowe Skin Institute, P.C.", "a New York professional service corporation"),
)
_TITLES = (
    "Management Services Agreement",
    "Administrative Services Agreement",
    "Business Support Services Agreement",
)
_GENERIC_MSO_NAMES = {
    "Manager", "Company", "Management Company", "Administrator", "Service Company",
    "Business Manager", "MSO",
}


@dataclass
class Outcome:
    """What the analyzer said about one entry, next to what the label says."""

    entry: dict
    predicted: dict[str, list[str]]  # category -> evidence strings on the 1.1 clause
    error: str | None = None

    @property
    def gold(self) -> set[str]:
        return set(self.entry["findings"])

    @property
    def tolerated(self) -> set[str]:
        return set(self.entry.get("tolerated") or ())


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    misses: list[tuple[str, Outcome]] = field(default_factory=list)
    false_positives: list[tuple[str, Outcome]] = field(default_factory=list)

    def precision(self, category: str | None = None) -> float:
        tp, fp = self._sum(self.tp, category), self._sum(self.fp, category)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, category: str | None = None) -> float:
        tp, fn = self._sum(self.tp, category), self._sum(self.fn, category)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _sum(counts: dict[str, int], category: str | None) -> int:
        return counts[category] if category else sum(counts.values())


def load_entries(path: Path = CLAUSES_PATH) -> list[dict]:
    """Load and validate the labeled clauses; a malformed entry is an error naming its id."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    seen: set[str] = set()
    for entry in entries:
        name = f"{path.name}: entry {entry.get('id', '?')}"
        unknown = set(entry) - ENTRY_KEYS
        if unknown:
            raise ValueError(f"{name}: unknown keys {sorted(unknown)}")
        if entry["id"] in seen:
            raise ValueError(f"{name}: duplicate id")
        seen.add(entry["id"])
        if set(entry["parties"]) != {"mso", "practice"}:
            raise ValueError(f"{name}: parties must name exactly 'mso' and 'practice'")
        if isinstance(entry.get("tolerated"), str):  # one category written without a list
            entry["tolerated"] = [entry["tolerated"]]
        for key in ("findings", "tolerated"):
            bad = set(entry.get(key) or ()) - set(CATEGORIES)
            if bad:
                raise ValueError(f"{name}: unknown {key} categories {sorted(bad)}")
        if not isinstance(entry["text"], str) or not entry["text"].strip():
            raise ValueError(f"{name}: empty text")
    return entries


def build_document(entry: dict) -> str:
    """A minimal agreement: title, a preamble defining both parties, the clause as section 1.1."""
    pick = zlib.crc32(entry["id"].encode("utf-8"))
    mso_alias, practice_alias = entry["parties"]["mso"], entry["parties"]["practice"]
    if mso_alias in _GENERIC_MSO_NAMES:
        mso_legal, mso_kind = _MSO_LEGAL[pick % len(_MSO_LEGAL)]
    else:
        mso_legal, mso_kind = f"{mso_alias} Services, LLC", "a Delaware limited liability company"
    practice_names = _PC_LEGAL if practice_alias in {"P.C.", "PC"} else _PRACTICE_LEGAL
    practice_legal, practice_kind = practice_names[(pick // 7) % len(practice_names)]
    title = _TITLES[(pick // 5) % len(_TITLES)]
    mso = f'{mso_legal}, {mso_kind} ("{mso_alias}")'
    practice = f'{practice_legal}, {practice_kind} ("{practice_alias}")'
    first, second = (mso, practice) if pick % 2 else (practice, mso)
    preamble = (
        f"This {title} (this \"Agreement\") is entered into as of January 1, 2025, "
        f"by and between {first}, and {second}."
    )
    return f"{title.upper()}\n\n{preamble}\n\n{TARGET_NUMBER} {entry['text'].strip()}\n"


def _target_clause_ids(document) -> set[str]:
    """Ids of the 1.1 clause and of any sub-clauses the segmenter split out of it."""
    targets = {c.id for c in document.clauses if c.number == TARGET_NUMBER}
    grew = True
    while grew:
        children = {c.id for c in document.clauses if c.parent in targets} - targets
        targets |= children
        grew = bool(children)
    return targets


def analyze_entry(entry: dict, analyze_text) -> Outcome:
    """Run the analyzer on one entry and keep the clause-level findings on its 1.1 clause."""
    result = analyze_text(build_document(entry))
    if result.status != "ok" or result.document is None:
        message = result.error.message if result.error else "no document"
        return Outcome(entry, {}, error=message)
    targets = _target_clause_ids(result.document)
    if not targets:
        return Outcome(entry, {}, error="no clause numbered 1.1 in the segmented document")
    predicted: dict[str, list[str]] = {}
    for finding in result.findings:
        if finding.clause_id is not None and finding.clause_id in targets:
            if finding.category in CATEGORIES:
                predicted.setdefault(finding.category, []).append(
                    f"{finding.rule} {finding.evidence!r}"
                )
    return Outcome(entry, predicted)


def run(entries: list[dict]) -> list[Outcome]:
    from msa_toolkit.analysis import analyze_text

    return [analyze_entry(entry, analyze_text) for entry in entries]


def score(outcomes: list[Outcome]) -> Score:
    """Per-category counts; a tolerated category is neither a hit nor a false positive."""
    result = Score()
    for outcome in outcomes:
        for category in CATEGORIES:
            said = category in outcome.predicted
            if category in outcome.gold:
                if said:
                    result.tp[category] += 1
                else:
                    result.fn[category] += 1
                    result.misses.append((category, outcome))
            elif said and category not in outcome.tolerated:
                result.fp[category] += 1
                result.false_positives.append((category, outcome))
    return result


def format_table(result: Score) -> str:
    lines = [f"{'category':<22} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}"]
    for category in (*CATEGORIES, None):
        name = category or "micro"
        tp = Score._sum(result.tp, category)
        fp = Score._sum(result.fp, category)
        fn = Score._sum(result.fn, category)
        lines.append(
            f"{name:<22} {tp:>4} {fp:>4} {fn:>4} "
            f"{result.precision(category):>10.3f} {result.recall(category):>8.3f}"
        )
    return "\n".join(lines)


def format_errors(result: Score) -> str:
    """Every miss and false positive, grouped by category, with the clause and the evidence."""
    out: list[str] = []
    for title, rows in (("MISSES", result.misses), ("FALSE POSITIVES", result.false_positives)):
        out.append(f"\n{title} ({len(rows)})")
        for category, outcome in sorted(rows, key=lambda r: (r[0], r[1].entry["id"])):
            entry = outcome.entry
            parties = entry["parties"]
            out.append(
                f"- [{category}] {entry['id']} (mso={parties['mso']!r}, "
                f"practice={parties['practice']!r}, labels={sorted(outcome.gold) or '[]'})"
            )
            out.append(f"    {entry['text'].strip()}")
            if outcome.error:
                out.append(f"    analyzer error: {outcome.error}")
            for category_said, evidence in sorted(outcome.predicted.items()):
                out.append(f"    said {category_said}: {'; '.join(evidence)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="score only entries whose id starts with this prefix")
    parser.add_argument("--clauses", type=Path, default=CLAUSES_PATH,
                        help="another labeled set in the same format (e.g. tests/generality_fees/clauses.yaml)")
    parser.add_argument("--quiet", action="store_true", help="print the table only, not every error")
    args = parser.parse_args(argv)
    entries = load_entries(args.clauses)
    if args.only:
        entries = [e for e in entries if e["id"].startswith(args.only)]
    positives = sum(1 for e in entries if e["findings"])
    print(f"{len(entries)} clauses ({positives} with findings, {len(entries) - positives} compliant)")
    result = score(run(entries))
    print(format_table(result))
    if not args.quiet:
        print(format_errors(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
