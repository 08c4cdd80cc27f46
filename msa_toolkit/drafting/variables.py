"""The vocabulary of clause variables: every name a clause may declare, its type, and how it prints.

Clause text says `{{ monthly_fee }}`; the library validator checks the name is declared by the clause
and known here with the same type, and the generator fills it from the validated deal sheet. Values
are formatted the way an agreement writes them ("ninety (90)", "$25,000.00", "January 1, 2026").
"""
from __future__ import annotations

import datetime as dt
import re

from .us_states import STATE_NAMES

VARIABLE_TYPES = ("text", "money", "count", "years", "months", "days", "percent", "date", "state", "ordinal")

# Placeholders the clause text may contain. Anything else that looks like template code is an error.
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
REFERENCE = re.compile(r"\[\[ref:([a-z0-9_.]+)\]\]")
DEFINED_TERM = re.compile(r"\[\[define:([^\]\[]+)\]\]")
TEMPLATE_CODE = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")

# name -> (type, path in the validated deal sheet)
VARIABLES: dict[str, tuple[str, str]] = {
    "effective_date": ("date", "agreement.effective_date"),
    "governing_state": ("state", "governing_state"),
    "practice_name": ("text", "practice.legal_name"),
    "practice_entity": ("text", "practice.entity_type"),
    "practice_state": ("state", "practice.state"),
    "practice_address": ("text", "practice.address"),
    "mso_name": ("text", "mso.legal_name"),
    "mso_entity": ("text", "mso.entity_type"),
    "mso_state": ("state", "mso.state"),
    "mso_address": ("text", "mso.address"),
    "medical_director_name": ("text", "medical_director.name"),
    "monthly_fee": ("money", "fee.monthly_amount"),
    "markup_percent": ("percent", "fee.markup_percent"),
    "hourly_rate": ("money", "fee.hourly_rate"),
    "monthly_cap": ("money", "fee.monthly_cap"),
    "revenue_percent": ("percent", "fee.percentage"),
    "payment_day": ("ordinal", "fee.payment_day"),
    "late_interest_percent": ("percent", "fee.late_interest_percent"),
    "initial_term_years": ("years", "term.initial_years"),
    "renewal_term_years": ("years", "term.renewal_years"),
    "non_renewal_notice_days": ("days", "term.non_renewal_notice_days"),
    "termination_notice_days": ("days", "term.termination_without_cause_days"),
    "cure_days": ("days", "term.cure_days"),
    "non_solicit_months": ("months", "options.non_solicit_months"),
    "arbitration_city": ("text", "options.arbitration_city"),
    "venue_county": ("text", "options.venue_county"),
    "insurance_per_occurrence": ("money", "insurance.per_occurrence"),
    "insurance_aggregate": ("money", "insurance.aggregate"),
}

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_in_words(n: int) -> str:
    """English words for 0..999, enough for day counts and terms."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("" if ones == 0 else "-" + _ONES[ones])
    hundreds, rest = divmod(n, 100)
    return _ONES[hundreds] + " hundred" + ("" if rest == 0 else " " + number_in_words(rest))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _percent(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def format_value(kind: str, value) -> str:
    """How a typed value is written in an agreement."""
    if kind == "money":
        return f"${value:,.2f}"
    if kind == "count":
        n = int(value)
        return f"{number_in_words(n)} ({n})" if n < 1000 else f"{n:,}"
    if kind in ("years", "months", "days"):
        n = int(value)
        unit = kind if n != 1 else kind[:-1]
        return f"{format_value('count', n)} {unit}"
    if kind == "percent":
        return _percent(float(value))
    if kind == "ordinal":
        return _ordinal(int(value))
    if kind == "date":
        if isinstance(value, str):
            value = dt.date.fromisoformat(value)
        return f"{value:%B} {value.day}, {value.year}"
    if kind == "state":
        return STATE_NAMES[value]
    return str(value)
