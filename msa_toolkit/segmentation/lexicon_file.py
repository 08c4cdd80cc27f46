"""Load a lexicon YAML file (a list of entries with stable ids) and validate it loudly.

Lexicons are legal vocabulary a lawyer may edit, so a typo must fail with the file, the entry and
the problem, not with a KeyError deep in the segmenter.
"""
from __future__ import annotations

from ..errors import DataFileError
from ..resources import lexicon_dir


def load_entries(name: str, *, required: set[str], optional: set[str] = frozenset(),
                 choices: dict[str, set[str]] | None = None) -> list[dict]:
    """Entries of `data/lexicon/<name>`; every entry has an `id` and only the declared keys."""

    from ..yamlio import YamlSyntaxError, load_yaml

    path = lexicon_dir() / name
    try:
        data = load_yaml(path)
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read the file ({exc.strerror or exc})") from None
    except YamlSyntaxError as exc:
        raise DataFileError(path, None, f"invalid YAML ({exc})") from None
    return validate_entries(data, path, required=required, optional=optional, choices=choices)


def validate_entries(data, path, *, required: set[str], optional: set[str] = frozenset(),
                     choices: dict[str, set[str]] | None = None) -> list[dict]:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise DataFileError(path, None, "expected a mapping with an 'entries' list")
    allowed = {"id", "note"} | set(required) | set(optional)
    seen: set[str] = set()
    entries = []
    for position, entry in enumerate(data["entries"], 1):
        if not isinstance(entry, dict):
            raise DataFileError(path, f"#{position}", "entry is not a mapping")
        entry_id = entry.get("id")
        if not isinstance(entry_id, str) or not entry_id:
            raise DataFileError(path, f"#{position}", "entry has no id")
        if entry_id in seen:
            raise DataFileError(path, entry_id, "duplicate id")
        seen.add(entry_id)
        unknown = set(entry) - allowed
        if unknown:
            raise DataFileError(path, entry_id, f"unknown key(s): {', '.join(sorted(unknown))}")
        missing = set(required) - set(entry)
        if missing:
            raise DataFileError(path, entry_id, f"missing key(s): {', '.join(sorted(missing))}")
        for key, allowed_values in (choices or {}).items():
            if key in entry and entry[key] not in allowed_values:
                raise DataFileError(path, entry_id, f"{key} must be one of {', '.join(sorted(allowed_values))}")
        for key, value in entry.items():
            if key != "note" and isinstance(value, str) and not value.strip():
                raise DataFileError(path, entry_id, f"{key} is empty")
        entries.append(entry)
    return entries
