"""The rule catalogue: coded rules kept as data in `data/rules/*.yaml`, validated on load.

Every rule has a stable code (MSA1xx clause-level, MSA2xx document-level; never reused), a kebab-case
name for the hazard, a category, a severity, the doctrine behind it with citations, known false
positives, flagged and compliant examples (each one is a test), the fix (a clause-library id), and the
detector it runs with the lexicon entries it uses. `explain()` prints a rule's page.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path


from .. import pattern_cache
from ..errors import DataFileError
from ..model import CATEGORIES, SEVERITIES
from ..resources import rules_dir
from ..yamlio import YamlSyntaxError, load_yaml
from .lexicon import entry

CLAUSE_SCOPE, DOCUMENT_SCOPE = "clause", "document"
_RULE_KEYS = {"code", "name", "category", "severity", "scope", "summary", "rationale", "citations",
              "false_positives", "examples", "fix", "detector", "uses", "states", "defers_to"}
_REQUIRED = {"code", "name", "category", "severity", "scope", "summary", "rationale", "citations", "examples",
             "detector"}
_EXAMPLE_KEYS = {"flagged", "compliant"}
_CODE = pattern_cache.compile(r"MSA[12]\d\d")
_NAME = pattern_cache.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_FIX = pattern_cache.compile(r"[a-z_]+\.[a-z_]+")
FEE_STRUCTURES = ("fixed", "cost_plus", "hourly", "percentage", "residual", "performance", "hybrid", "unresolved")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    scope: str
    summary: str
    rationale: str
    citations: tuple[str, ...]
    detector: str
    uses: dict = field(default_factory=dict, hash=False, compare=False)
    false_positives: tuple[str, ...] = ()
    flagged: tuple[str, ...] = ()
    compliant: tuple[str, ...] = ()
    fix: str | None = None
    states: tuple[str, ...] = ()  # empty: every profile; else only these state profiles
    defers_to: tuple[str, ...] = ()  # categories that, found in the same clause, make this finding redundant

    @property
    def citation(self) -> str:
        return "; ".join(self.citations)

    def applies_in(self, state: str) -> bool:
        return not self.states or state in self.states


def _as_strings(path, code, key, value, keep_paragraphs: bool = False) -> tuple[str, ...]:
    """A list of strings with runs of spaces collapsed (paragraph breaks kept for multi-clause examples)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, code, f"'{key}' must be a list of non-empty strings")
    if keep_paragraphs:
        return tuple("\n\n".join(" ".join(p.split()) for p in v.split("\n\n") if p.strip()) for v in value)
    return tuple(" ".join(v.split()) for v in value)


def _check_uses(path: Path, code: str, detector: str, uses) -> dict:
    from .detectors import DETECTOR_USES
    from .document import DOCUMENT_DETECTORS

    if detector in DOCUMENT_DETECTORS:
        if uses:
            raise DataFileError(path, code, f"detector {detector!r} takes no 'uses'")
        return {}
    if detector not in DETECTOR_USES:
        known = sorted([*DETECTOR_USES, *DOCUMENT_DETECTORS])
        raise DataFileError(path, code, f"unknown detector {detector!r}; known: {known}")
    expected = DETECTOR_USES[detector]
    uses = uses or {}
    if not isinstance(uses, dict):
        raise DataFileError(path, code, "'uses' must be a mapping")
    unknown = set(uses) - set(expected)
    missing = set(expected) - set(uses)
    if unknown or missing:
        raise DataFileError(path, code, f"detector {detector!r} uses exactly {sorted(expected)}; "
                                        f"unknown {sorted(unknown)}, missing {sorted(missing)}")
    for key, kinds in expected.items():
        refs = _as_strings(path, code, f"uses.{key}", uses[key])
        if key == "structures":
            bad = [r for r in refs if r not in FEE_STRUCTURES]
            if bad:
                raise DataFileError(path, code, f"unknown fee structures {bad}; known: {list(FEE_STRUCTURES)}")
            continue
        for ref in refs:
            try:
                lex = entry(ref)
            except KeyError:
                raise DataFileError(path, code, f"uses.{key} refers to unknown lexicon entry {ref!r}") from None
            if lex.kind not in kinds:
                raise DataFileError(path, code, f"uses.{key} entry {ref!r} is of kind {lex.kind!r}, "
                                                f"expected one of {list(kinds)}")
    return {k: _as_strings(path, code, k, v) for k, v in uses.items()}


def parse_rules(path: Path, resolve_uses: bool = True) -> list[Rule]:
    """Validate one rule file. With `resolve_uses=False` the lexicon entries a rule uses are neither
    looked up nor compiled (reports only need a rule's texts, and compiling every pattern costs time)."""
    try:
        data = load_yaml(path)
    except YamlSyntaxError as exc:
        raise DataFileError(path, None, f"not valid YAML: {exc}") from None
    if not isinstance(data, dict) or set(data) - {"description", "rules"} or not isinstance(data.get("rules"), list):
        raise DataFileError(path, None, "expected a mapping with 'description' and a list under 'rules'")
    rules = []
    for raw in data["rules"]:
        code = str(raw.get("code")) if isinstance(raw, dict) else None
        if not isinstance(raw, dict) or not code:
            raise DataFileError(path, None, f"rule without a code: {raw!r}")
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise DataFileError(path, code, f"unknown keys {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
        missing = _REQUIRED - set(raw)
        if missing:
            raise DataFileError(path, code, f"missing keys {sorted(missing)}")
        if not _CODE.fullmatch(code):
            raise DataFileError(path, code, "code must look like MSA1xx (clause) or MSA2xx (document)")
        if not _NAME.fullmatch(str(raw["name"])):
            raise DataFileError(path, code, f"name {raw['name']!r} must be kebab-case")
        if raw["category"] not in CATEGORIES:
            raise DataFileError(path, code, f"unknown category {raw['category']!r}; known: {list(CATEGORIES)}")
        if raw["severity"] not in SEVERITIES:
            raise DataFileError(path, code, f"unknown severity {raw['severity']!r}; known: {list(SEVERITIES)}")
        scope = raw["scope"]
        if scope not in (CLAUSE_SCOPE, DOCUMENT_SCOPE) or (scope == CLAUSE_SCOPE) != code.startswith("MSA1"):
            raise DataFileError(path, code, "scope must be 'clause' for MSA1xx and 'document' for MSA2xx")
        examples = raw["examples"]
        if not isinstance(examples, dict) or set(examples) - _EXAMPLE_KEYS or not examples.get("flagged"):
            raise DataFileError(path, code, "examples must map 'flagged' (non-empty) and 'compliant' to lists")
        fix = raw.get("fix")
        if fix is not None and not _FIX.fullmatch(str(fix)):
            raise DataFileError(path, code, f"fix {fix!r} must be a clause-library id like 'separation.patient_records'")
        uses = (_check_uses(path, code, str(raw["detector"]), raw.get("uses")) if resolve_uses
                else {k: _as_strings(path, code, k, v) for k, v in (raw.get("uses") or {}).items()})
        defers_to = _as_strings(path, code, "defers_to", raw.get("defers_to"))
        if set(defers_to) - set(CATEGORIES) or raw["category"] in defers_to:
            raise DataFileError(path, code, f"defers_to {list(defers_to)} must name other known categories")
        rules.append(Rule(
            code=code, name=str(raw["name"]), category=raw["category"], severity=raw["severity"], scope=scope,
            summary=" ".join(str(raw["summary"]).split()), rationale=" ".join(str(raw["rationale"]).split()),
            citations=_as_strings(path, code, "citations", raw["citations"]), detector=str(raw["detector"]),
            uses=uses, false_positives=_as_strings(path, code, "false_positives", raw.get("false_positives")),
            flagged=_as_strings(path, code, "examples.flagged", examples.get("flagged"), keep_paragraphs=True),
            compliant=_as_strings(path, code, "examples.compliant", examples.get("compliant"), keep_paragraphs=True),
            fix=fix, states=tuple(s.upper() for s in _as_strings(path, code, "states", raw.get("states"))),
            defers_to=defers_to,
        ))
    return rules


def validate_catalogue(rules_by_file: list[tuple[Path, list[Rule]]]) -> tuple[Rule, ...]:
    """Codes and names are unique across every file."""
    seen_codes: dict[str, Path] = {}
    seen_names: dict[str, Path] = {}
    out = []
    for path, rules in rules_by_file:
        for rule in rules:
            if rule.code in seen_codes:
                raise DataFileError(path, rule.code, f"duplicate code (also in {seen_codes[rule.code].name})")
            if rule.name in seen_names:
                raise DataFileError(path, rule.code, f"duplicate name {rule.name!r} (also in {seen_names[rule.name].name})")
            seen_codes[rule.code] = seen_names[rule.name] = path
            out.append(rule)
    return tuple(sorted(out, key=lambda r: r.code))


@cache
def load_catalogue(resolve_uses: bool = True) -> tuple[Rule, ...]:
    """All rules from `data/rules/*.yaml`, sorted by code (see `parse_rules` for `resolve_uses`)."""
    paths = sorted(rules_dir().glob("*.yaml"))
    if not paths:
        raise DataFileError(rules_dir(), None, "no rule files found")
    return validate_catalogue([(p, parse_rules(p, resolve_uses)) for p in paths])


def find_rule(code_or_name: str) -> Rule:
    key = code_or_name.strip()
    for rule in load_catalogue(resolve_uses=False):
        if rule.code == key.upper() or rule.name == key.lower():
            return rule
    raise KeyError(code_or_name)


def explain(code_or_name: str) -> str:
    """The rule's page, as `msa-check --explain MSA101` prints it. KeyError for an unknown code or name."""
    rule = find_rule(code_or_name)
    wrap = lambda s, indent="  ": textwrap.fill(s, 96, initial_indent=indent, subsequent_indent=indent)  # noqa: E731
    bullet = lambda items: "\n".join(  # noqa: E731
        textwrap.fill(i, 96, initial_indent="  - ", subsequent_indent="    ") for i in items) or "  (none known)"
    states = ", ".join(rule.states) if rule.states else "all profiles"
    sections = [
        f"{rule.code} {rule.name}",
        f"  category: {rule.category}   severity: {rule.severity}   scope: {rule.scope}   applies in: {states}",
        "", "What it flags", wrap(rule.summary),
        "", "Why it matters", wrap(rule.rationale), "", "  Citations:", bullet(rule.citations),
        "", "Known false positives", bullet(rule.false_positives),
        "", "Flagged example", bullet(rule.flagged[:1]),
        "", "Compliant example", bullet(rule.compliant[:1]),
        "", "Fix", f"  Use clause library entry: {rule.fix}" if rule.fix else "  (no library clause)",
    ]
    return "\n".join(sections) + "\n"
