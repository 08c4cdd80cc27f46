"""State profiles (`data/states/*.yaml`): how strict a state is, which severities it raises, and the
sources behind that. Without a state the conservative `generic` profile applies. Profiles only ever
raise a rule's severity; they are summaries for a reviewing lawyer, not legal advice.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache


from ..errors import DataFileError, MsaError
from ..model import CATEGORIES, SEVERITIES
from ..resources import states_dir
from ..yamlio import YamlSyntaxError, load_yaml

GENERIC = "generic"
_KEYS = {"id", "name", "summary", "strict_cpom", "percentage_fees", "severity", "notes", "sources", "disclaimer"}
_REQUIRED = {"id", "name", "summary", "severity", "sources", "disclaimer"}
_FEE_POSITIONS = ("prohibited", "restricted", "scrutinized", "unclear")
_RANK = {s: i for i, s in enumerate(reversed(SEVERITIES))}  # low 0, medium 1, high 2


@dataclass(frozen=True)
class StateProfile:
    id: str
    name: str
    summary: str
    severity: dict = field(hash=False, compare=False)  # category or rule code -> minimum severity
    sources: tuple[str, ...]
    disclaimer: str
    notes: tuple[str, ...] = ()
    strict_cpom: bool | None = None
    percentage_fees: str | None = None

    def severity_for(self, code: str, category: str, base: str) -> str:
        """The rule's own severity, raised to this profile's floor for the rule or its category."""
        floors = [s for s in (self.severity.get(code), self.severity.get(category)) if s]
        return max([base, *floors], key=_RANK.__getitem__)


def _parse(path) -> StateProfile:
    try:
        data = load_yaml(path)
    except YamlSyntaxError as exc:
        raise DataFileError(path, None, f"not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise DataFileError(path, None, "expected a mapping")
    pid = str(data.get("id", ""))
    unknown, missing = set(data) - _KEYS, _REQUIRED - set(data)
    if unknown or missing:
        raise DataFileError(path, pid or None, f"unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    if pid != path.stem:
        raise DataFileError(path, pid, f"id must match the file name {path.stem!r}")
    severity = data["severity"] or {}
    for key, value in severity.items():
        if key not in CATEGORIES and not str(key).startswith("MSA"):
            raise DataFileError(path, pid, f"severity key {key!r} is neither a category nor a rule code")
        if value not in SEVERITIES:
            raise DataFileError(path, pid, f"severity {value!r} for {key!r} is not one of {list(SEVERITIES)}")
    if data.get("percentage_fees") not in (None, *_FEE_POSITIONS):
        raise DataFileError(path, pid, f"percentage_fees must be one of {list(_FEE_POSITIONS)}")
    sources = data["sources"]
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
        raise DataFileError(path, pid, "sources must be a non-empty list of citations")
    if "not legal advice" not in str(data["disclaimer"]).lower():
        raise DataFileError(path, pid, "the disclaimer must say the profile is not legal advice")
    return StateProfile(
        id=pid, name=str(data["name"]), summary=" ".join(str(data["summary"]).split()), severity=dict(severity),
        sources=tuple(" ".join(s.split()) for s in sources), disclaimer=" ".join(str(data["disclaimer"]).split()),
        notes=tuple(" ".join(str(n).split()) for n in data.get("notes") or ()),
        strict_cpom=data.get("strict_cpom"), percentage_fees=data.get("percentage_fees"),
    )


@cache
def all_profiles() -> dict[str, StateProfile]:
    profiles = {}
    for path in sorted(states_dir().glob("*.yaml")):
        profile = _parse(path)
        profiles[profile.id] = profile
    if GENERIC not in profiles:
        raise DataFileError(states_dir(), GENERIC, "the generic profile is missing")
    return profiles


def known_states() -> list[str]:
    return sorted(p for p in all_profiles() if p != GENERIC)


def load_profile(state: str | None) -> StateProfile:
    """The profile for a two-letter state code ("generic" when None). MsaError E200 for unknown codes."""
    profiles = all_profiles()
    if state is None or str(state).strip().lower() == GENERIC:
        return profiles[GENERIC]
    code = str(state).strip().upper()
    if code not in profiles:
        raise MsaError("E200", f"unknown state {state!r}; known state profiles: {', '.join(known_states())} "
                               f"(or omit --state for the generic profile)")
    return profiles[code]
