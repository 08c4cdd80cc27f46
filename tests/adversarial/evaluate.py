"""Score the analyzer on the held-out adversarial contracts and say exactly what it got wrong.

Run it from the repository root:

    .venv/bin/python tests/adversarial/evaluate.py            # every contract
    .venv/bin/python tests/adversarial/evaluate.py a05 a14    # contracts whose name starts so
    .venv/bin/python tests/adversarial/evaluate.py --set tests/adversarial_blind_a   # another set, same layout

It prints per-category precision and recall, verdict accuracy, and every miss and false positive
with the analyzer's evidence. The same scoring backs `test_adversarial.py`, so the numbers printed
here are the numbers the tests assert.

Scoring (see expected.yaml for the labels):
- only findings of severity high or medium count, as in samples/EXPECTED.yaml;
- a clause-level finding is keyed by (category, clause number as the contract writes it); a finding
  on a sub-clause "3.2(a)" counts for "3.2";
- document-level categories match on the category alone;
- a finding covered by `also_allowed` is neither a hit nor a false positive;
- several findings at the same key count once.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from msa_toolkit.model import CLAUSE_CATEGORIES, DOCUMENT_CATEGORIES

HERE = Path(__file__).resolve().parent
CONTRACTS_DIR = HERE / "contracts"
EXPECTED_FILE = HERE / "expected.yaml"
REPORTED_SEVERITIES = ("high", "medium")
_NUMBER_PREFIX = re.compile(r"^(?:article|section|exhibit|schedule|annex|appendix)\s+", re.I)


@cache
def expected() -> dict:
    return yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))


def contract_path(name: str) -> Path:
    return CONTRACTS_DIR / f"{name}.txt"


def normalise_number(number: str) -> str:
    """'Section 2.03.' -> '2.03', '(a)' -> 'a'."""
    number = _NUMBER_PREFIX.sub("", " ".join(number.split())).rstrip(".:")
    if number.startswith("(") and number.endswith(")"):
        return number[1:-1]
    return number


def cited_number(document, clause_id: str | None) -> str | None:
    """The number a lawyer would cite for a clause: '3.2(a)' for sub-clause (a) of 3.2."""
    if clause_id is None or document is None:
        return None
    try:
        clause = document.clause(clause_id)
    except KeyError:
        return clause_id
    if getattr(clause, "amends", None):  # an amendment's item is cited as the section it replaces or adds
        return normalise_number(clause.amends)
    number = normalise_number(clause.number or "")
    if clause.number and clause.number.strip().startswith("(") and clause.parent:
        parent = cited_number(document, clause.parent)
        return f"{parent}({number})" if parent else f"({number})"
    return number or (cited_number(document, clause.parent) if clause.parent else None)


def _at_clause(found: str | None, wanted: str | None) -> bool:
    if wanted is None or found is None:
        return found == wanted
    return found == wanted or found.startswith(wanted + "(")


def _matches(entry: dict, category: str, number: str | None) -> bool:
    if entry["category"] != category:
        return False
    if category in DOCUMENT_CATEGORIES:
        return True
    return _at_clause(number, entry["clause"])


@dataclass(frozen=True)
class Reported:
    """One reported finding, reduced to what the scoring compares."""

    category: str
    number: str | None
    rule: str
    severity: str
    evidence: str


@dataclass
class ContractScore:
    name: str
    expected_verdict: str
    acceptable_verdicts: tuple[str, ...]
    verdict: str | None
    error: str | None = None
    hits: list[dict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    false_positives: list[Reported] = field(default_factory=list)
    true_positives: list[Reported] = field(default_factory=list)
    clause_text: dict = field(default_factory=dict)  # number -> clause text, for reporting misses

    @property
    def verdict_ok(self) -> bool:
        return self.verdict in self.acceptable_verdicts


def reported_findings(result) -> list[Reported]:
    """High and medium findings, one per (category, clause number), in document order."""
    seen: dict[tuple[str, str | None], Reported] = {}
    for finding in result.findings:
        if finding.severity not in REPORTED_SEVERITIES:
            continue
        number = cited_number(result.document, finding.clause_id)
        key = (finding.category, number)
        if key not in seen:
            seen[key] = Reported(finding.category, number, finding.rule, finding.severity,
                                 " ".join(finding.evidence.split()))
    return list(seen.values())


def _clause_texts(document) -> dict:
    if document is None:
        return {}
    texts = {}
    for clause in document.clauses:
        number = cited_number(document, clause.id)
        if number and number not in texts:
            texts[number] = " ".join(clause.text.split())
    return texts


def score_contract(name: str, result) -> ContractScore:
    """Compare one AnalysisResult (or the exception analyzing raised) with its labels."""
    spec = expected()[name]
    acceptable = (spec["verdict"],) + ((spec["verdict_also"],) if spec.get("verdict_also") else ())
    if isinstance(result, Exception) or result.status != "ok":
        error = repr(result) if isinstance(result, Exception) else f"{result.error.code}: {result.error.message}"
        return ContractScore(name, spec["verdict"], acceptable, None, error=error, misses=list(spec["findings"]))
    score = ContractScore(name, spec["verdict"], acceptable, result.verdict,
                          clause_text=_clause_texts(result.document))
    reported = reported_findings(result)
    for entry in spec["findings"]:
        if any(_matches(entry, r.category, r.number) for r in reported):
            score.hits.append(entry)
        else:
            score.misses.append(entry)
    allowed = spec.get("also_allowed") or []
    for r in reported:
        if any(_matches(entry, r.category, r.number) for entry in spec["findings"]):
            score.true_positives.append(r)
        elif not any(_matches(entry, r.category, r.number) for entry in allowed):
            score.false_positives.append(r)
    return score


def analyze_contract(name: str):
    """The AnalysisResult for one contract, or the exception analyzing it raised."""
    import msa_toolkit

    try:
        return msa_toolkit.analyze(contract_path(name))
    except Exception as error:  # scored as an error, so one crash does not hide the other contracts
        return error


@dataclass
class Totals:
    """Counts per category: expected hits, expected total, reported true positives, false positives."""

    hits: dict = field(default_factory=lambda: defaultdict(int))
    expected: dict = field(default_factory=lambda: defaultdict(int))
    true_positives: dict = field(default_factory=lambda: defaultdict(int))
    false_positives: dict = field(default_factory=lambda: defaultdict(int))

    def recall(self, categories) -> float | None:
        total = sum(self.expected[c] for c in categories)
        return sum(self.hits[c] for c in categories) / total if total else None

    def precision(self, categories) -> float | None:
        tp = sum(self.true_positives[c] for c in categories)
        total = tp + sum(self.false_positives[c] for c in categories)
        return tp / total if total else None


def totals(scores: list[ContractScore]) -> Totals:
    counts = Totals()
    for score in scores:
        for entry in score.hits:
            counts.hits[entry["category"]] += 1
        for entry in score.hits + score.misses:
            counts.expected[entry["category"]] += 1
        for r in score.true_positives:
            counts.true_positives[r.category] += 1
        for r in score.false_positives:
            counts.false_positives[r.category] += 1
    return counts


def _ratio(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def print_report(scores: list[ContractScore], out=sys.stdout) -> None:
    counts = totals(scores)
    print("category                      expected  hits  recall   reported-TP  FP  precision", file=out)
    for category in CLAUSE_CATEGORIES + DOCUMENT_CATEGORIES:
        print(f"{category:<30}{counts.expected[category]:>6}{counts.hits[category]:>6}  "
              f"{_ratio(counts.recall([category]))}   {counts.true_positives[category]:>9}"
              f"{counts.false_positives[category]:>5}  {_ratio(counts.precision([category]))}", file=out)
    for label, group in (("clause-level (five)", CLAUSE_CATEGORIES), ("document-level", DOCUMENT_CATEGORIES),
                         ("all", CLAUSE_CATEGORIES + DOCUMENT_CATEGORIES)):
        print(f"{label:<30}recall {_ratio(counts.recall(group))}  precision {_ratio(counts.precision(group))}",
              file=out)
    right = sum(score.verdict_ok for score in scores)
    print(f"verdict accuracy: {right}/{len(scores)}", file=out)
    print(file=out)
    for score in scores:
        mark = "ok " if score.verdict_ok and not score.misses and not score.false_positives else "XX "
        print(f"{mark}{score.name}: verdict {score.verdict} (expected {'/'.join(score.acceptable_verdicts)})",
              file=out)
        if score.error:
            print(f"    ERROR {score.error}", file=out)
        for entry in score.misses:
            text = score.clause_text.get(entry["clause"], "") if entry["clause"] else ""
            print(f"    MISS {entry['category']} @ {entry['clause']}: {text[:220]}", file=out)
        for r in score.false_positives:
            print(f"    FP   {r.category} @ {r.number} [{r.rule} {r.severity}]: evidence {r.evidence[:160]!r}",
                  file=out)


def use_set(folder: Path) -> None:
    """Score another folder of the same layout (contracts/*.txt and expected.yaml)."""
    global CONTRACTS_DIR, EXPECTED_FILE
    CONTRACTS_DIR, EXPECTED_FILE = folder / "contracts", folder / "expected.yaml"
    expected.cache_clear()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--set"] and len(argv) > 1:
        use_set(Path(argv[1]).resolve())
        argv = argv[2:]
    names = [name for name in expected() if not argv or any(name.startswith(prefix) for prefix in argv)]
    scores = [score_contract(name, analyze_contract(name)) for name in names]
    print_report(scores)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
