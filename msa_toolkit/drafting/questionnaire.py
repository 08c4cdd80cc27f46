"""Helping a person write a deal sheet: a commented example (`--init`) and a questionnaire
(`--interactive`) that asks only for what is missing or invalid, in the order of `FIELDS`.
"""
from __future__ import annotations

import copy
from typing import Callable

import yaml

from .dealsheet import FIELDS, Field, check_deal, get_path, set_path
from .library import Library

# ask(field, problem, choices) -> the raw answer (text, or a list for locations)
Ask = Callable[[Field, str, tuple], object]


def _scalar(value) -> str:
    return yaml.safe_dump(value, default_flow_style=True, width=200).strip().removesuffix("...").strip()


def example_deal_sheet(library: Library) -> str:
    """A deal sheet with every field filled with an example and explained by a comment."""
    lines = ["# msa-toolkit deal sheet. Fill in the values, then run: msa-draft THIS_FILE.yaml -o draft.docx",
             "# Fields with a default may be left out. Not legal advice: have counsel review every draft.", ""]
    opened: set[str] = set()
    for field in FIELDS:
        parts = field.path.split(".")
        for depth in range(len(parts) - 1):
            prefix = ".".join(parts[: depth + 1])
            if prefix not in opened:
                opened.add(prefix)
                lines.append("  " * depth + f"{parts[depth]}:")
        indent = "  " * (len(parts) - 1)
        note = field.prompt
        if field.kind == "services":
            note += f"; any of: {', '.join(library.outline.services)}"
        elif field.choices:
            note += f"; one of: {', '.join(field.choices)}"
        if field.default is not None:
            note += f" (default {field.default})"
        lines.append(f"{indent}# {note}")
        value = field.example if field.example is not None else field.default
        if value is None:
            lines.append(f"{indent}# {parts[-1]}:   (only when it applies)")
        elif field.kind == "locations":
            lines.append(f"{indent}{parts[-1]}:")
            for location in value:
                lines.append(f"{indent}  - name: {_scalar(location['name'])}")
                lines.append(f"{indent}    address: {_scalar(location['address'])}")
        else:
            lines.append(f"{indent}{parts[-1]}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _choices(field: Field, library: Library) -> tuple:
    if field.kind == "services":
        return tuple(library.outline.services)
    return field.choices


def complete_deal(raw: dict, library: Library, ask: Ask, *, max_questions: int = 200) -> dict:
    """Ask for each missing or invalid answer until the deal sheet validates; return the raw sheet."""
    raw = copy.deepcopy(raw) if isinstance(raw, dict) else {}
    for _ in range(max_questions):
        deal, problems = check_deal(raw, library)
        if not problems:
            return raw
        by_path = dict(reversed(problems))
        for path, message in problems:
            if message == "unknown field":
                parent, _, key = path.rpartition(".")
                node = get_path(raw, parent) if parent else raw
                node.pop(key, None)
        field = next((f for f in FIELDS if f.path in by_path and f.applies(deal or raw)), None)
        if field is None:
            continue
        answer = ask(field, by_path[field.path], _choices(field, library))
        set_path(raw, field.path, answer)
    raise RuntimeError("the questionnaire did not converge")  # only a bug in FIELDS can get here
