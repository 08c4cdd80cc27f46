"""Load and validate the clause library (`clause_library/*.yaml` plus `outline.yaml`).

The library is legal content kept as data a lawyer edits. Loading is strict because a typo in a
clause file must fail when the library is checked, not produce a wrong agreement later: unknown
keys, duplicate ids, undeclared or unused variables, unknown conditions and broken
cross-references are all reported with the file and the clause id.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..model import LANES
from .us_states import STATE_NAMES
from .variables import DEFINED_TERM, PLACEHOLDER, REFERENCE, TEMPLATE_CODE, VARIABLE_TYPES, VARIABLES

OUTLINE_FILE = "outline.yaml"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it
FEE_STRUCTURES = ("fixed", "cost_plus", "hourly", "percentage_of_revenue")
DISPUTE_FORUMS = ("arbitration", "courts")

_TOPIC_KEYS = {"topic", "title", "when", "clauses"}
_CLAUSE_KEYS = {
    "id", "version", "title", "lane", "text", "items", "variables", "when", "alternate_group",
    "states_only", "states_excluded", "note", "term",
}
_REQUIRED_CLAUSE_KEYS = ("id", "version", "title", "lane", "text", "note")
_OUTLINE_KEYS = {"front", "articles", "closing", "exhibits", "services", "practice_functions"}


@dataclass(frozen=True)
class LibraryClause:
    """One clause as written in the library, before any deal values are filled in."""

    id: str
    version: int
    title: str
    topic: str
    lane: str
    text: str
    note: str
    file: str
    items: tuple[str, ...] = ()
    variables: dict = field(default_factory=dict)  # name -> type
    when: dict = field(default_factory=dict)  # deal-sheet field -> required value
    alternate_group: str | None = None
    states_only: tuple[str, ...] = ()
    states_excluded: tuple[str, ...] = ()
    term: str | None = None  # set on definitions: the defined term, printed in bold

    def texts(self) -> tuple[str, ...]:
        return (self.text, *self.items)

    def allowed_in(self, state: str) -> bool:
        if self.states_only and state not in self.states_only:
            return False
        return state not in self.states_excluded


@dataclass(frozen=True)
class Article:
    heading: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Outline:
    """Where each topic goes in an agreement, and the services the deal sheet may choose."""

    front: tuple[str, ...]
    articles: tuple[Article, ...]
    closing: tuple[str, ...]
    exhibits: tuple[str, ...]
    services: dict  # key -> label
    practice_functions: tuple[str, ...]


@dataclass(frozen=True)
class Library:
    directory: Path
    clauses: dict  # id -> LibraryClause, in file order
    topics: dict  # topic -> tuple of clause ids
    topic_titles: dict
    outline: Outline

    def clause(self, clause_id: str) -> LibraryClause:
        return self.clauses[clause_id]

    def condition_values(self) -> dict:
        """Deal-sheet fields a clause may be conditioned on, with their allowed values."""
        return {
            "services": tuple(self.outline.services),
            "fee.structure": FEE_STRUCTURES,
            "options.dispute_resolution": DISPUTE_FORUMS,
            "options.non_solicit": (True, False),
        }


class _Problems:
    """Collects every problem so a lawyer sees them all in one run."""

    def __init__(self):
        self.items: list[tuple[str, str | None, str]] = []

    def add(self, path, entry_id, problem):
        self.items.append((str(path), entry_id, problem))

    def errors(self) -> list[DataFileError]:
        return [DataFileError(p, e, msg) for p, e, msg in self.items]


def _read_yaml(path: Path, problems: _Problems):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.add(path, None, f"cannot be read as YAML: {exc}".splitlines()[0])
        return None


def _string_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _parse_clause(raw, path: Path, topic: str, topic_when: dict, problems: _Problems):
    if not isinstance(raw, dict):
        problems.add(path, None, "each clause must be a mapping")
        return None
    cid = raw.get("id") if isinstance(raw.get("id"), str) else None
    for key in sorted(set(raw) - _CLAUSE_KEYS):
        problems.add(path, cid, f"unknown key {key!r}")
    missing = [k for k in _REQUIRED_CLAUSE_KEYS if k not in raw]
    if missing:
        problems.add(path, cid, f"missing required key(s): {', '.join(missing)}")
        return None
    if cid is None or not cid.startswith(topic + "."):
        problems.add(path, cid, f"id must be a string starting with the topic name {topic + '.'!r}")
        return None
    bad = len(problems.items)
    if not isinstance(raw["version"], int) or raw["version"] < 1:
        problems.add(path, cid, "version must be a positive integer")
    if raw["lane"] not in LANES:
        problems.add(path, cid, f"lane must be one of {', '.join(LANES)}")
    for key in ("title", "text", "note"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            problems.add(path, cid, f"{key} must be non-empty text")
    items = raw.get("items", [])
    if not _string_list(items):
        problems.add(path, cid, "items must be a list of texts")
    variables = raw.get("variables", {}) or {}
    if not isinstance(variables, dict):
        problems.add(path, cid, "variables must map names to types")
        variables = {}
    when = raw.get("when", topic_when) or {}
    if not isinstance(when, dict):
        problems.add(path, cid, "when must map deal-sheet fields to values")
        when = {}
    states = {}
    for key in ("states_only", "states_excluded"):
        value = raw.get(key, [])
        if not _string_list(value) or any(s not in STATE_NAMES for s in value):
            problems.add(path, cid, f"{key} must be a list of two-letter state codes")
            value = []
        states[key] = tuple(value)
    term = raw.get("term")
    if term is not None and not isinstance(term, str):
        problems.add(path, cid, "term must be text")
    if len(problems.items) > bad:
        return None
    return LibraryClause(
        id=cid, version=raw["version"], title=raw["title"].strip(), topic=topic, lane=raw["lane"],
        text=" ".join(raw["text"].split()), note=" ".join(raw["note"].split()), file=path.name,
        items=tuple(" ".join(i.split()) for i in items), variables=dict(variables), when=dict(when),
        alternate_group=raw.get("alternate_group"), term=term, **states,
    )


def _check_text(clause: LibraryClause, path: Path, problems: _Problems):
    used: set[str] = set()
    for text in clause.texts():
        used.update(PLACEHOLDER.findall(text))
        rest = DEFINED_TERM.sub("", REFERENCE.sub("", PLACEHOLDER.sub("", text)))
        if TEMPLATE_CODE.search(rest) or "[[" in rest or "]]" in rest:
            problems.add(path, clause.id, "text contains template code other than {{ variable }}, "
                                          "[[ref:clause.id]] or [[define:Term]]")
    for name in sorted(used - set(clause.variables)):
        problems.add(path, clause.id, f"variable {name!r} is used but not declared")
    for name in sorted(set(clause.variables) - used):
        problems.add(path, clause.id, f"variable {name!r} is declared but never used")
    for name, kind in clause.variables.items():
        if kind not in VARIABLE_TYPES:
            problems.add(path, clause.id, f"variable {name!r} has unknown type {kind!r}")
        elif name not in VARIABLES:
            problems.add(path, clause.id, f"variable {name!r} is not a deal-sheet value")
        elif VARIABLES[name][0] != kind:
            problems.add(path, clause.id, f"variable {name!r} must be declared as {VARIABLES[name][0]}")


def _check_conditions(library: Library, problems: _Problems):
    allowed = library.condition_values()
    groups: dict[str, list[LibraryClause]] = {}
    for clause in library.clauses.values():
        path = library.directory / clause.file
        for fld, value in clause.when.items():
            if fld not in allowed:
                problems.add(path, clause.id, f"when: unknown deal-sheet field {fld!r}")
            elif value not in allowed[fld]:
                problems.add(path, clause.id, f"when: {fld} cannot be {value!r}")
        if clause.alternate_group:
            groups.setdefault(clause.alternate_group, []).append(clause)
    for group, members in groups.items():
        keys = {tuple(sorted(c.when.items())) for c in members}
        if len(members) < 2 or len(keys) != len(members):
            first = members[0]
            problems.add(library.directory / first.file, first.id,
                         f"alternate_group {group!r} needs two or more clauses with different 'when'")


def _check_references(library: Library, problems: _Problems):
    for clause in library.clauses.values():
        path = library.directory / clause.file
        for text in clause.texts():
            for target_id in REFERENCE.findall(text):
                target = library.clauses.get(target_id)
                if target is None:
                    problems.add(path, clause.id, f"cross-reference to unknown clause {target_id!r}")
                elif target.topic in library.outline.front + library.outline.closing or target.term:
                    problems.add(path, clause.id, f"cross-reference to {target_id!r}, which has no number")
                elif not set(target.when.items()) <= set(clause.when.items()) or (
                    target.states_only or target.states_excluded
                ):
                    problems.add(path, clause.id, f"cross-reference to {target_id!r}, which is not in "
                                                  "every agreement that contains this clause")


def _parse_outline(path: Path, problems: _Problems) -> Outline | None:
    raw = _read_yaml(path, problems)
    if not isinstance(raw, dict):
        problems.add(path, None, "outline must be a mapping")
        return None
    for key in sorted(set(raw) - _OUTLINE_KEYS):
        problems.add(path, None, f"unknown key {key!r}")
    try:
        articles = tuple(Article(a["heading"], tuple(a["topics"])) for a in raw["articles"])
        services = {str(k): str(v) for k, v in raw["services"].items()}
        return Outline(
            front=tuple(raw["front"]), articles=articles, closing=tuple(raw["closing"]),
            exhibits=tuple(raw["exhibits"]), services=services,
            practice_functions=tuple(raw["practice_functions"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        problems.add(path, None, f"outline is missing or misshapes {exc}")
        return None


def _check_outline(library: Library, problems: _Problems):
    outline = library.outline
    path = library.directory / OUTLINE_FILE
    placed = list(outline.front) + [t for a in outline.articles for t in a.topics] + list(outline.closing)
    for topic in placed:
        if topic not in library.topics:
            problems.add(path, None, f"topic {topic!r} has no clause file")
    for topic in library.topics:
        if placed.count(topic) != 1 and topic != "exhibits":
            problems.add(path, None, f"topic {topic!r} must be placed exactly once")
    for exhibit_id in outline.exhibits:
        if exhibit_id not in library.clauses:
            problems.add(path, exhibit_id, "exhibit is not a library clause")


def collect_problems(directory: Path | None = None) -> tuple[Library | None, list[DataFileError]]:
    """Read the whole library; return it (when readable) and every problem found."""
    from ..resources import clause_library_dir

    directory = Path(directory) if directory is not None else clause_library_dir()
    problems = _Problems()
    clauses: dict[str, LibraryClause] = {}
    topics: dict[str, tuple[str, ...]] = {}
    titles: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name == OUTLINE_FILE:
            continue
        raw = _read_yaml(path, problems)
        if raw is None:
            continue
        if not isinstance(raw, dict) or not isinstance(raw.get("clauses"), list):
            problems.add(path, None, "a topic file needs 'topic', 'title' and a list of 'clauses'")
            continue
        for key in sorted(set(raw) - _TOPIC_KEYS):
            problems.add(path, None, f"unknown key {key!r}")
        topic = str(raw.get("topic") or path.stem)
        if topic in topics:
            problems.add(path, None, f"topic {topic!r} is defined in two files")
        titles[topic] = str(raw.get("title", topic))
        ids = []
        for entry in raw["clauses"]:
            clause = _parse_clause(entry, path, topic, raw.get("when") or {}, problems)
            if clause is None:
                continue
            if clause.id in clauses:
                problems.add(path, clause.id, f"duplicate id (also in {clauses[clause.id].file})")
                continue
            _check_text(clause, path, problems)
            clauses[clause.id] = clause
            ids.append(clause.id)
        topics[topic] = tuple(ids)
    outline = _parse_outline(directory / OUTLINE_FILE, problems)
    if outline is None:
        return None, problems.errors()
    library = Library(directory, clauses, topics, titles, outline)
    _check_outline(library, problems)
    _check_conditions(library, problems)
    _check_references(library, problems)
    return library, problems.errors()


@lru_cache(maxsize=8)
def _load_cached(directory: Path, stamp: tuple) -> Library:
    library, problems = collect_problems(directory)
    if problems:
        first = problems[0]
        if len(problems) > 1:
            first.message += f" (and {len(problems) - 1} more; run msa-draft --validate-library)"
        raise first
    return library


def load_library(directory: Path | None = None) -> Library:
    """The validated library; cached until a file in it changes. Raises DataFileError (E220)."""
    from ..resources import clause_library_dir

    directory = Path(directory) if directory is not None else clause_library_dir()
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(directory.glob("*.yaml")))
    return _load_cached(directory.resolve(), stamp)
