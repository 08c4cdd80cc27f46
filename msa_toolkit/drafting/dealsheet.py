"""The deal sheet: what an attorney fills in, checked completely before anything is drafted.

Every field is declared once in `FIELDS`, in the order a person would answer them; validation,
defaults, the interactive questionnaire and the `--init` example all read that list. Validation
collects every problem with its field path ("fee.monthly_amount: must be a positive number") so the
user fixes the sheet in one pass; `load_deal` raises MsaError E210 listing them all.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from ..errors import MsaError
from ..yamlio import YamlSyntaxError, load_yaml
from .library import DISPUTE_FORUMS, FEE_STRUCTURES, Library
from .us_states import STATE_NAMES

PRACTICE_ENTITY_TYPES = (
    "professional corporation", "professional association", "professional limited liability company",
    "medical corporation", "professional service corporation",
)
MSO_ENTITY_TYPES = ("limited liability company", "corporation", "limited partnership")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _always(deal: dict) -> bool:
    return True


def _fee_is(structure: str) -> Callable[[dict], bool]:
    return lambda deal: get_path(deal, "fee.structure") == structure


@dataclass(frozen=True)
class Field:
    path: str
    prompt: str
    kind: str  # text | date | state | choice | money | number | integer | bool | services | locations
    choices: tuple = ()
    default: Any = None
    applies: Callable[[dict], bool] = _always
    minimum: float | None = None
    maximum: float | None = None
    example: Any = None


FIELDS: tuple[Field, ...] = (
    Field("agreement.effective_date", "Effective date (YYYY-MM-DD)", "date", example="2026-01-01"),
    Field("governing_state", "Governing-law state (two-letter code)", "state", example="FL"),
    Field("practice.legal_name", "Practice legal name", "text", example="Coastal Aesthetic Medicine, P.A."),
    Field("practice.entity_type", "Practice entity type", "choice", PRACTICE_ENTITY_TYPES,
          example="professional association"),
    Field("practice.state", "Practice state of organization", "state", example="FL"),
    Field("practice.address", "Practice notice address", "text", example="100 Harbor Way, Suite 200, Tampa, FL 33602"),
    Field("practice.signatory.name", "Practice signatory name", "text", example="Jane Roe, M.D."),
    Field("practice.signatory.title", "Practice signatory title", "text", example="President"),
    Field("mso.legal_name", "Manager (MSO) legal name", "text", example="Coastal Practice Management, LLC"),
    Field("mso.entity_type", "Manager entity type", "choice", MSO_ENTITY_TYPES, example="limited liability company"),
    Field("mso.state", "Manager state of organization", "state", example="DE"),
    Field("mso.address", "Manager notice address", "text", example="500 Commerce Street, Tampa, FL 33602"),
    Field("mso.signatory.name", "Manager signatory name", "text", example="John Doe"),
    Field("mso.signatory.title", "Manager signatory title", "text", example="Chief Executive Officer"),
    Field("medical_director.name", "Medical Director name", "text", example="Jane Roe, M.D."),
    Field("services", "Services Manager provides (comma-separated)", "services",
          example=["staffing", "scheduling", "marketing", "billing", "accounting", "technology"]),
    Field("fee.structure", "Fee structure", "choice", FEE_STRUCTURES, example="fixed"),
    Field("fee.monthly_amount", "Fixed monthly fee in dollars", "money", applies=_fee_is("fixed"), example=25000),
    Field("fee.markup_percent", "Markup on Manager's costs, in percent", "number", applies=_fee_is("cost_plus"),
          minimum=0, maximum=50, example=8),
    Field("fee.hourly_rate", "Hourly rate in dollars", "money", applies=_fee_is("hourly"), example=125),
    Field("fee.monthly_cap", "Monthly cap on hourly fees in dollars", "money", applies=_fee_is("hourly"),
          example=20000),
    Field("fee.percentage", "Percentage of net collections", "number", applies=_fee_is("percentage_of_revenue"),
          minimum=0, maximum=100),
    Field("fee.override_percentage_fee", "Draft a percentage-of-revenue fee despite the fee-splitting risk?",
          "bool", default=False, applies=_fee_is("percentage_of_revenue")),
    Field("fee.payment_day", "Day of the month payment is due (1-28)", "integer", default=10, minimum=1, maximum=28),
    Field("fee.late_interest_percent", "Late-payment interest, percent per month", "number", default=1.0,
          minimum=0, maximum=1.5),
    Field("term.initial_years", "Initial term in years", "integer", default=3, minimum=1, maximum=10),
    Field("term.renewal_years", "Renewal term in years", "integer", default=1, minimum=1, maximum=5),
    Field("term.non_renewal_notice_days", "Non-renewal notice in days", "integer", default=90, minimum=30,
          maximum=365),
    Field("term.termination_without_cause_days", "Notice for termination without cause, in days", "integer",
          default=180, minimum=30, maximum=365),
    Field("term.cure_days", "Cure period for breaches, in days", "integer", default=30, minimum=10, maximum=90),
    Field("locations", "Practice locations", "locations",
          example=[{"name": "Tampa clinic", "address": "100 Harbor Way, Suite 200, Tampa, FL 33602"}]),
    Field("options.dispute_resolution", "Dispute resolution", "choice", DISPUTE_FORUMS, default="arbitration"),
    Field("options.arbitration_city", "City where arbitration is seated", "text",
          applies=lambda d: get_path(d, "options.dispute_resolution") == "arbitration", example="Tampa, Florida"),
    Field("options.venue_county", "County of the courts with jurisdiction", "text",
          applies=lambda d: get_path(d, "options.dispute_resolution") == "courts"),
    Field("options.non_solicit", "Include a non-solicitation of non-clinical employees?", "bool", default=True),
    Field("options.non_solicit_months", "Non-solicitation period in months", "integer", default=12, minimum=1,
          maximum=24, applies=lambda d: get_path(d, "options.non_solicit") is True),
    Field("insurance.per_occurrence", "Manager insurance limit per occurrence in dollars", "money",
          default=1_000_000),
    Field("insurance.aggregate", "Manager insurance aggregate limit in dollars", "money", default=3_000_000),
)
_LOCATION_KEYS = ("name", "address")

_MISSING = object()


def get_path(deal: dict, path: str, default=None):
    node: Any = deal
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def set_path(deal: dict, path: str, value) -> None:
    parts = path.split(".")
    node = deal
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[parts[-1]] = value


def _text(value) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ValueError("must be text")
    text = str(value).strip()
    if not text:
        raise ValueError("must not be empty")
    if _CONTROL.search(text):
        raise ValueError("must be a single line without control characters")
    return text


def _number(value) -> float:
    if isinstance(value, bool):
        raise ValueError("must be a number")
    if isinstance(value, str):
        value = value.replace(",", "").replace("$", "").replace("%", "").strip()
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError("must be a number") from None


def parse_value(field: Field, value, library: Library):
    """The normalized value of one field, or ValueError with a message a user can act on."""
    kind = field.kind
    if kind == "text":
        return _text(value)
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(_text(value))
        except ValueError:
            raise ValueError("must be a date written YYYY-MM-DD") from None
    if kind == "state":
        code = _text(value).upper()
        if code not in STATE_NAMES:
            raise ValueError("must be a two-letter US state code such as FL or NY")
        return code
    if kind == "choice":
        text = _text(value)
        if text not in field.choices:
            raise ValueError(f"must be one of: {', '.join(field.choices)}")
        return text
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("yes", "y", "true"):
            return True
        if text in ("no", "n", "false"):
            return False
        raise ValueError("must be true or false")
    if kind == "services":
        items = [s.strip() for s in value.split(",")] if isinstance(value, str) else value
        allowed = tuple(library.outline.services)
        if not isinstance(items, list) or not items or not all(isinstance(s, str) for s in items):
            raise ValueError(f"must be a list of one or more of: {', '.join(allowed)}")
        unknown = [s for s in items if s not in allowed]
        if unknown:
            raise ValueError(f"unknown service(s) {', '.join(unknown)}; choose from: {', '.join(allowed)}")
        return [s for s in allowed if s in items]
    if kind == "locations":
        if not isinstance(value, list) or not value:
            raise ValueError("must be a list of one or more locations, each with a name and an address")
        result = []
        for i, item in enumerate(value):
            if not isinstance(item, dict) or set(item) != set(_LOCATION_KEYS):
                raise ValueError(f"item {i + 1} must have exactly the keys name and address")
            result.append({k: _text(item[k]) for k in _LOCATION_KEYS})
        return result
    number = _number(value)
    if kind == "integer":
        if number != int(number):
            raise ValueError("must be a whole number")
        number = int(number)
    if kind == "money" and number <= 0:
        raise ValueError("must be a positive number")
    if field.minimum is not None and number < field.minimum or field.maximum is not None and number > field.maximum:
        raise ValueError(f"must be between {field.minimum:g} and {field.maximum:g}")
    return number


def _unknown_keys(raw: dict) -> list[tuple[str, str]]:
    known = {f.path for f in FIELDS}
    prefixes = {".".join(f.path.split(".")[:i]) for f in FIELDS for i in range(1, f.path.count(".") + 1)}
    problems = []

    def walk(node: dict, prefix: str):
        for key, value in node.items():
            path = f"{prefix}{key}"
            if path in prefixes and isinstance(value, dict):
                walk(value, path + ".")
            elif path not in known and path not in prefixes:
                problems.append((path, "unknown field"))

    walk(raw, "")
    return problems


def percentage_fee_prohibited(state: str, library: Library) -> bool:
    """True when the governing state's data says a percentage-of-revenue fee must not be drafted.

    The clause library's `states_excluded` list on the percentage fee clause is the source today;
    a state profile from the analyzer (when installed) can add states through its
    `percentage_fee_prohibited` flag.
    """
    clause = library.clauses.get("fees.percentage_of_collections")
    if clause is not None and not clause.allowed_in(state):
        return True
    try:
        from ..analysis.states import load_profile
    except ImportError:
        return False
    try:
        return getattr(load_profile(state), "percentage_fee_prohibited", None) is True
    except MsaError:
        return False


def _state_conflicts(deal: dict, library: Library) -> list[tuple[str, str]]:
    """Clauses the deal asks for (through a choice) that the governing state's data forbids."""
    state = deal.get("governing_state")
    problems = []
    if get_path(deal, "fee.structure") == "percentage_of_revenue" and state:
        if percentage_fee_prohibited(state, library):
            problems.append(("fee.structure", f"a percentage-of-revenue fee is prohibited for {state} "
                                              "(fee-splitting); choose fixed, cost_plus or hourly"))
        elif get_path(deal, "fee.override_percentage_fee") is not True:
            problems.append(("fee.override_percentage_fee", "must be true to draft a percentage-of-revenue "
                                                            "fee (high fee-splitting risk)"))
    for clause in library.clauses.values():
        if not clause.when or clause.id == "fees.percentage_of_collections" or not state:
            continue
        if clause_selected(clause, deal) and not clause.allowed_in(state):
            field = next(iter(clause.when))
            problems.append((field, f"{get_path(deal, field)!r} is not allowed when the governing state is "
                                    f"{state} (clause {clause.id} must not be used there)"))
    return problems


def clause_selected(clause, deal: dict) -> bool:
    """Whether the deal's choices call for this clause (ignoring state filters)."""
    for field, wanted in clause.when.items():
        actual = get_path(deal, field)
        if isinstance(actual, list):
            if wanted not in actual:
                return False
        elif actual != wanted:
            return False
    return True


def check_deal(raw, library: Library) -> tuple[dict, list[tuple[str, str]]]:
    """Normalize a deal sheet; return it with every (field path, problem) found."""
    if not isinstance(raw, dict):
        return {}, [("(deal sheet)", "must be a YAML mapping of fields")]
    problems = _unknown_keys(raw)
    deal: dict = {}
    for field in FIELDS:
        if not field.applies(deal):
            continue
        value = get_path(raw, field.path, _MISSING)
        if value is _MISSING or value is None or value == "":
            if field.default is None:
                problems.append((field.path, "is required"))
                continue
            value = field.default
        try:
            set_path(deal, field.path, parse_value(field, value, library))
        except ValueError as exc:
            problems.append((field.path, str(exc)))
    problems += _state_conflicts(deal, library)
    return deal, problems


def format_problems(problems) -> str:
    return "; ".join(f"{path}: {message}" for path, message in problems)


def read_deal_file(path: Path):
    try:
        return load_yaml(path, cache=False) or {}
    except FileNotFoundError:
        raise MsaError("E100", "deal sheet not found", path) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, YamlSyntaxError) as exc:
        raise MsaError("E210", f"cannot read the deal sheet as YAML: {str(exc).splitlines()[0]}", path) from None


def load_deal(source, library: Library) -> dict:
    """A validated, normalized deal from a path or a mapping; MsaError E210 lists every problem."""
    path = None
    if isinstance(source, (str, Path)):
        path = Path(source)
        source = read_deal_file(path)
    deal, problems = check_deal(source, library)
    if problems:
        count = f"{len(problems)} problem(s)"
        raise MsaError("E210", f"{count}: {format_problems(problems)}", path)
    return deal


def dump_deal(deal: dict) -> str:
    """YAML text of a deal sheet, in field order, for saving a completed questionnaire."""
    ordered: dict = {}
    for field in FIELDS:
        value = get_path(deal, field.path, _MISSING)
        if value is not _MISSING:
            set_path(ordered, field.path, value.isoformat() if isinstance(value, dt.date) else value)
    return yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100)
