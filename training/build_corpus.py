"""Build the labeled clause corpus (training/corpus/clauses.jsonl) from hand-written clause families.

Every family in `training/families/*.yaml` is one distinct sentence written by the team, with slots
for the things that vary between real agreements: party names, section numbers, percentages,
amounts, provisos. The generator fills the slots with a fixed seed, so the corpus is reproducible:

    .venv/bin/python training/build_corpus.py

Splits are assigned BY FAMILY (a family lies wholly in train, dev or test) from a hash of the family
id, so the test split measures how well a model or a rule generalises to wordings it
has never seen. The labels (lane, findings) belong to the family and are the same for every row.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

SEED = 20260301
ROWS_PER_FAMILY = 8
SPLIT_SHARES = (("test", 0.15), ("dev", 0.15))  # the rest is train
LANES = ("business", "clinical", "general")
FINDINGS = (
    "clinical_control", "revenue_based_fee", "volume_pressure_comp", "md_reports_to_mso", "mso_owns_records",
)
FAMILY_KEYS = {"id", "lane", "findings", "headings", "text", "note"}

HERE = Path(__file__).resolve().parent
FAMILIES_DIR = HERE / "families"
CORPUS_PATH = HERE / "corpus" / "clauses.jsonl"

_SLOT = re.compile(r"\{([A-Za-z]+(?:'s)?)(\d?)\}")
_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_ARTICLE_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=(?!one\b|one-|uni|use)[aeiouAEIOU])")  # a -> an


class FamilyError(ValueError):
    """A family file is malformed; the message names the file and the family id."""


def load_slots(path: Path) -> dict[str, list]:
    slots = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, values in slots.items():
        if not isinstance(values, list) or not values:
            raise FamilyError(f"{path}: slot {name!r} must be a non-empty list")
    return slots


def load_families(directory: Path, slots: dict[str, list]) -> list[dict]:
    """Read and validate every family file: known keys, unique ids, valid labels, known slots."""
    known_slots = {"M", "M's", "P", "P's", "MD"} | set(slots)
    families, seen = [], {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name == "slots.yaml":
            continue
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            fid = entry.get("id") if isinstance(entry, dict) else None
            where = f"{path.name}: family {fid!r}"
            if not fid:
                raise FamilyError(f"{path.name}: a family has no id")
            unknown = set(entry) - FAMILY_KEYS
            if unknown:
                raise FamilyError(f"{where}: unknown keys {sorted(unknown)}")
            if fid in seen:
                raise FamilyError(f"{where}: duplicate id (also in {seen[fid]})")
            seen[fid] = path.name
            if entry.get("lane") not in LANES:
                raise FamilyError(f"{where}: lane must be one of {LANES}")
            bad = set(entry.get("findings") or []) - set(FINDINGS)
            if bad:
                raise FamilyError(f"{where}: unknown finding categories {sorted(bad)}")
            text = entry.get("text")
            if not isinstance(text, str) or not text.strip():
                raise FamilyError(f"{where}: text is missing")
            if text.count("[") != text.count("]"):
                raise FamilyError(f"{where}: unbalanced [choice] brackets")
            for name, _ in _SLOT.findall(text):
                if name not in known_slots:
                    raise FamilyError(f"{where}: unknown slot {{{name}}}")
            families.append({
                "id": fid, "lane": entry["lane"], "findings": sorted(entry.get("findings") or []),
                "headings": list(entry.get("headings") or []), "text": " ".join(text.split()),
                "source": path.name,
            })
    return families


def _pick_parties(rng: random.Random, slots: dict) -> tuple[list[str], list[str]]:
    mso = rng.choice(slots["mso"])
    practice = rng.choice([p for p in slots["practice"] if not ("Company" in mso[0] and "Company" in p[0])])
    return mso, practice


def _fill(template: str, rng: random.Random, slots: dict, fixed: dict[str, str]) -> str:
    text = template
    while _CHOICE.search(text):
        text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    chosen: dict[str, str] = dict(fixed)

    def value(match: re.Match) -> str:
        key = match.group(1) + match.group(2)
        if key not in chosen:
            chosen[key] = rng.choice(slots[match.group(1)])
        return chosen[key]

    for _ in range(3):  # proviso and lead values may themselves contain slots
        text = _SLOT.sub(value, text)
    return text


def _capitalise_sentences(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return re.sub(r"(\.\s+)(the|an?)\b", lambda m: m.group(1) + m.group(2).capitalize(), text)


def _prefix(rng: random.Random, headings: list[str]) -> str:
    number = ""
    roll = rng.random()
    if roll < 0.2:
        number = f"{rng.randint(1, 14)}.{rng.randint(1, 9)} "
    elif roll < 0.3:
        number = f"({rng.choice('abcdefgh')}) "
    elif roll < 0.38:
        number = f"Section {rng.randint(1, 14)}.{rng.randint(1, 9)}. "
    heading = f"{rng.choice(headings)}. " if headings and rng.random() < 0.4 else ""
    return number + heading


def render_family(family: dict, slots: dict, rng: random.Random, count: int) -> list[str]:
    """Distinct filled-in texts for one family (fewer than `count` only if the slots run out)."""
    texts: list[str] = []
    for _ in range(count * 8):
        mso, practice = _pick_parties(rng, slots)
        fixed = {"M": mso[0], "M's": mso[1], "P": practice[0], "P's": practice[1],
                 "MD": rng.choice(slots["md"])}
        body = _capitalise_sentences(_fill(family["text"], rng, slots, fixed))
        body = re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s{2,}", " ", body)).strip()
        body = _ARTICLE_BEFORE_VOWEL.sub(r"\1n ", body)
        text = _prefix(rng, family["headings"]) + body
        if text not in texts:
            texts.append(text)
        if len(texts) == count:
            break
    return texts


def assign_splits(families: list[dict], seed: int) -> dict[str, str]:
    """Family id -> split, ~70/15/15, from a hash of the id.

    A hash (not a shuffle) keeps every family in its split when new families are added later, so a
    family that was once in test never leaks into train.
    """
    split = {}
    for family in families:
        digest = hashlib.sha256(f"{seed}:{family['id']}".encode()).digest()
        share = int.from_bytes(digest[:8], "big") / 2 ** 64
        cumulative = 0.0
        split[family["id"]] = "train"
        for name, part in SPLIT_SHARES:
            cumulative += part
            if share < cumulative:
                split[family["id"]] = name
                break
    return split


def build(seed: int = SEED) -> list[dict]:
    slots = load_slots(FAMILIES_DIR / "slots.yaml")
    families = load_families(FAMILIES_DIR, slots)
    splits = assign_splits(families, seed)
    rng = random.Random(seed)
    rows = []
    for family in families:
        for k, text in enumerate(render_family(family, slots, rng, ROWS_PER_FAMILY)):
            rows.append({
                "id": f"{family['id']}-{k:02d}", "text": text, "lane": family["lane"],
                "findings": family["findings"], "split": splits[family["id"]], "family": family["id"],
            })
    return rows


def summary(rows: list[dict]) -> str:
    lines = [f"{len(rows)} rows, {len({r['family'] for r in rows})} families"]
    for split in ("train", "dev", "test"):
        part = [r for r in rows if r["split"] == split]
        lanes = Counter(r["lane"] for r in part)
        cats = Counter(c for r in part for c in r["findings"])
        lines.append(f"{split}: {len(part)} rows, {len({r['family'] for r in part})} families, "
                     f"lanes {dict(sorted(lanes.items()))}, findings {dict(sorted(cats.items()))}, "
                     f"no finding {sum(1 for r in part if not r['findings'])}")
    return "\n".join(lines)


def main() -> int:
    rows = build()
    CORPUS_PATH.parent.mkdir(parents=True, exist_ok=True)
    with CORPUS_PATH.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(summary(rows))
    print(f"wrote {CORPUS_PATH.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
