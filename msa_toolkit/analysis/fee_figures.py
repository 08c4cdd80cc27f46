"""Figures in fee clauses: percentages in digits and words, decimal shares, fractions and cents per dollar.

`find_percentages` finds every figure that could be a share of something; fees.py decides what each is
a share of (revenue, the MSO's costs, nothing).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import pattern_cache

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "fourth": 0.25, "fifth": 0.2, "sixth": 1 / 6,
              "eighth": 0.125, "tenth": 0.1}
_LEAD_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
_NUMBER_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS, "hundred", "a", "and", "one-half", "half", "quarter",
                                          "three-quarters", "quarters", "third", "fourth", "tenth", "point"],
                                         key=len, reverse=True)) + r")"
_WORDS_PERCENT = pattern_cache.compile(
    rf"\b({_LEAD_WORD}(?:[\s-]+{_NUMBER_WORD})*)\s+(?:percent|per\s*cent|percentage\s+points?)\b", re.IGNORECASE)
_DIGITS_PERCENT = pattern_cache.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b)", re.IGNORECASE)
_DECIMAL_SHARE = pattern_cache.compile(r"(?<![\d$.,])(0?\.\d{1,4})(?=\)?\s+(?:of|multiplied\s+by|times)\b)", re.IGNORECASE)
# "Net Revenue for the month multiplied by 0.165": the decimal comes after its base
_DECIMAL_MULTIPLIER = pattern_cache.compile(r"\b(?:multiplied\s+by|times)\s+\(?(0?\.\d{1,4})\b(?!\s*%)", re.IGNORECASE)
_FRACTION_SHARE = pattern_cache.compile(
    r"\b((?:one|two|three|four|five|seven|nine|a)[-\s](?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)"
    r"|half)\s+of\b", re.IGNORECASE)
_CENTS_SHARE = pattern_cache.compile(rf"\b(\d{{1,2}}|{_LEAD_WORD}(?:[\s-]{_NUMBER_WORD})?)\s+cents\s+(?:\(\s*\$?\s*\d*\.?\d+\s*\)\s+)?(?:of|on|for|out\s+of)\s+(?:each|every|the)\s+dollar\b",
                          re.IGNORECASE)
_EACH_DOLLAR = pattern_cache.compile(r"\b(?:each|every|any)\s+dollar\b", re.IGNORECASE)
_CENTS = pattern_cache.compile(rf"\b(\d{{1,2}}|{_LEAD_WORD}(?:[\s-]{_NUMBER_WORD})?)\s+cents\b", re.IGNORECASE)
_SHARE_WORDS = pattern_cache.compile(r"\b(?:a\s+|the\s+)?(?:percentage|portion|share|fraction|proportion|split)\s+(?:of|in)\b",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Percentage:
    value: float | None
    start: int
    end: int
    # "fifteen cents for each dollar (so received)", "the product of Net Revenue and the Fee Percentage": the
    # base may be named anywhere in the sentence
    base_anywhere: bool = False


def words_to_number(words: str) -> float | None:
    """'twelve and one-half' -> 12.5; 'twenty-five' -> 25; 'one hundred' -> 100. None when not a number."""
    total, current, seen = 0.0, 0.0, False
    tokens = re.split(r"[\s-]+", words.lower().strip())
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _UNITS:
            current += _UNITS[token]
            seen = True
        elif token in _TENS:
            current += _TENS[token]
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen = True
        elif token in ("and", "a", "point"):
            pass
        elif token in _FRACTIONS or token.rstrip("s") in _FRACTIONS or token == "halves":
            unit = _FRACTIONS["half" if token == "halves" else token.rstrip("s") if token not in _FRACTIONS else token]
            # "one-half", "two-fifths": the number just counted is the numerator of the fraction
            numerator = 1.0
            if i > 0 and tokens[i - 1] in _UNITS:
                numerator = _UNITS[tokens[i - 1]]
                current -= numerator
            current += numerator * unit
            seen = True
        else:
            return None
        i += 1
    return round(total + current, 4) if seen else None


def find_percentages(text: str) -> list[Percentage]:
    """Every percentage in `text`, in digits, words, decimals of a base ("0.08 of") or fractions ("one-half of")."""
    found: list[Percentage] = []
    for m in _DIGITS_PERCENT.finditer(text):
        found.append(Percentage(float(m.group(1)), m.start(), m.end()))
    for m in _WORDS_PERCENT.finditer(text):
        value = words_to_number(m.group(1))
        if value is not None and not any(p.start <= m.start() < p.end for p in found):
            found.append(Percentage(value, m.start(), m.end()))
    for m in _DECIMAL_SHARE.finditer(text):
        found.append(Percentage(round(float(m.group(1)) * 100, 4), m.start(), m.end()))
    for m in _FRACTION_SHARE.finditer(text):
        value = words_to_number(m.group(1).replace("a ", "one "))
        found.append(Percentage(round((value or 0.5) * 100, 2), m.start(), m.start() + len(m.group(1))))
    for m in _DECIMAL_MULTIPLIER.finditer(text):
        if not any(p.start <= m.start(1) < p.end for p in found):
            found.append(Percentage(round(float(m.group(1)) * 100, 4), m.start(1), m.end(1)))
    if _EACH_DOLLAR.search(text):
        # "For every dollar of Collections ..., P.C. shall remit twenty-two cents to MSO"
        for m in _CENTS.finditer(text):
            if _CENTS_SHARE.match(text, m.start()):
                continue
            value = float(m.group(1)) if m.group(1).isdigit() else words_to_number(m.group(1))
            if value is not None:
                found.append(Percentage(value, m.start(), m.end(), base_anywhere=True))
    for m in _CENTS_SHARE.finditer(text):
        cents = m.group(1)
        value = float(cents) if cents.isdigit() else words_to_number(cents)
        if value is not None:
            found.append(Percentage(value, m.start(), m.end(), base_anywhere=True))
    from .fees import vocabulary  # the named rates and formula words are fee vocabulary

    voc = vocabulary()
    if voc.formula.search(text):
        for m in voc.named_rate.finditer(text):
            found.append(Percentage(None, m.start(), m.end(), base_anywhere=True))
    for m in _SHARE_WORDS.finditer(text):
        found.append(Percentage(None, m.start(), m.end() - 2 if m.group().lower().endswith("of") else m.end()))
    found.sort(key=lambda p: p.start)
    # "twelve and one-half percent (12.5%)": the figure in parentheses restates the words
    merged: list[Percentage] = []
    for p in found:
        if merged and p.start - merged[-1].end <= 3 and p.value == merged[-1].value:
            merged[-1] = Percentage(p.value, merged[-1].start, p.end)
        elif merged and p.start < merged[-1].end:
            continue
        else:
            merged.append(p)
    return merged
