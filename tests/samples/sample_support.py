"""Shared helpers for the sample-contract tests: where the samples are, what they must give.

The golden segmentation is a list of [number, heading] for every numbered clause. Readers may
spell a number "ARTICLE III", "III" or "3", and a sub-clause "(a)" or "a"; `normalise_outline`
puts both sides in one spelling before comparing, so the golden pins the structure, not the
cosmetics.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLES_DIR = ROOT / "samples"
CONTRACTS_DIR = SAMPLES_DIR / "contracts"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
FORMAT_SUFFIX = {"docx": ".docx", "pdf": ".pdf", "txt": ".txt"}
UNNUMBERED_KINDS = {"title", "preamble", "recital", "signature"}
_PREFIX = re.compile(r"^(?:article|section|exhibit|schedule|annex|appendix)\s+", re.I)
_ROMAN = {"I": 1, "V": 5, "X": 10}


@cache
def expected() -> dict:
    return yaml.safe_load((SAMPLES_DIR / "EXPECTED.yaml").read_text(encoding="utf-8"))


def sample_files() -> list[tuple[str, str]]:
    """(sample name, format) for every file the samples ship in."""
    return [(name, fmt) for name, spec in expected().items() for fmt in spec["formats"]]


def sample_path(name: str, fmt: str) -> Path:
    return CONTRACTS_DIR / f"{name}{FORMAT_SUFFIX[fmt]}"


def golden_path(name: str, fmt: str) -> Path:
    return GOLDEN_DIR / f"{name}.{fmt}.json"


def load_golden(name: str, fmt: str) -> list[list[str | None]]:
    return json.loads(golden_path(name, fmt).read_text(encoding="utf-8"))["clauses"]


@cache
def load_build_script():
    """samples/build_samples.py is a script, not a package module: load it by path."""
    spec = importlib.util.spec_from_file_location("build_samples", SAMPLES_DIR / "build_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_samples", module)
    spec.loader.exec_module(module)
    return module


def _roman_value(text: str) -> int | None:
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for ch, following in zip(text, text[1:] + " "):
        value = _ROMAN[ch]
        total += -value if following in _ROMAN and _ROMAN[following] > value else value
    return total


def normalise_number(number: str) -> str:
    """'ARTICLE III' -> '3', 'Section 4.2.' -> '4.2', '(a)' -> 'a', 'Exhibit A' -> 'A'."""
    number = _PREFIX.sub("", " ".join(number.split())).rstrip(".:")
    roman = _roman_value(number)
    if roman is not None:
        return str(roman)
    if number.startswith("(") and number.endswith(")"):
        return number[1:-1]
    return number


def normalise_heading(heading: str | None) -> str | None:
    if heading is None:
        return None
    heading = " ".join(heading.split()).rstrip(".:;").strip()
    return heading.casefold() or None


def normalise_outline(rows) -> list[tuple[str, str | None]]:
    return [(normalise_number(number), normalise_heading(heading)) for number, heading in rows]


def document_outline(document) -> list[list[str | None]]:
    """The numbered clauses of a read Document, as [number, heading] rows."""
    return [[clause.number, clause.heading] for clause in document.clauses
            if clause.number and clause.kind not in UNNUMBERED_KINDS]


def full_number(document, clause_id: str | None) -> str | None:
    """'3.2(a)' for sub-clause (a) of Section 3.2: the number a lawyer would cite."""
    if clause_id is None:
        return None
    clause = document.clause(clause_id)
    number = normalise_number(clause.number or "")
    if clause.number and clause.number.strip().startswith("(") and clause.parent:
        parent = full_number(document, clause.parent)
        return f"{parent}({number})" if parent else f"({number})"
    return number or (full_number(document, clause.parent) if clause.parent else None)


def at_clause(found: str | None, wanted: str | None) -> bool:
    """A finding at '3.2' or inside it ('3.2(b)') is at clause '3.2'."""
    if wanted is None or found is None:
        return found == wanted
    return found == wanted or found.startswith(wanted + "(")
