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
              "seventh": 1 / 7, "eighth": 0.125, "ninth": 1 / 9, "tenth": 0.1, "twelfth": 1 / 12, "twentieth": 0.05,
              "hundredth": 0.01}
_LEAD_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
_NUMBER_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS, "hundred", "a", "and", "one-half", "half", "quarter",
                                          "three-quarters", "quarters", "third", "fourth", "tenth", "point"],
                                         key=len, reverse=True)) + r")"
_WORDS_PERCENT = pattern_cache.compile(
    rf"\b({_LEAD_WORD}(?:[\s-]+{_NUMBER_WORD})*)\s+(?:percent|per\s*cent|percentage\s+points?)\b", re.IGNORECASE)
_DIGITS_PERCENT = pattern_cache.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b)", re.IGNORECASE)
_DECIMAL_SHARE = pattern_cache.compile(r"(?<![\d$.,])(0?\.\d{1,4})(?=\)?\s+(?:of|multiplied\s+by|times)\b)", re.IGNORECASE)
# "Net Revenue for the month multiplied by 0.165": the decimal comes after its base
# "multiplying the Net Revenue of P.C. for the month by 0.11", "Net Collections x 0.125": the base is named first
_DECIMAL_MULTIPLIER = pattern_cache.compile(r"(?:\b(?:multiplied\s+by|times)|\bmultiplying\b[^;]{0,160}?\bby|(?<!\w)[x\u00d7*])"
                                            r"\s+\(?(0?\.\d{1,4})\b(?!\s*%)", re.IGNORECASE)
_DENOMINATOR = (r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|twelfths?|"
                r"twentieths?|hundredths?)")
_FRACTION_WORDS = rf"(?:(?:{_LEAD_WORD}|a)[-\s]{_DENOMINATOR}|half)"
_FRACTION_SHARE = pattern_cache.compile(rf"\b({_FRACTION_WORDS})\s+of\b", re.IGNORECASE)
# "the charge for such procedure multiplied by nine-hundredths"
_FRACTION_MULTIPLIER = pattern_cache.compile(rf"\b(?:multiplied\s+by|times)\s+({_FRACTION_WORDS})\b", re.IGNORECASE)
# "$110 per $1,000 of Production", "twenty dollars ($20) for each one hundred dollars ($100) of charges",
# "$0.14 for every dollar of Gross Revenue": so many dollars of every so many dollars of the base
_MONEY = r"\$\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*\)?"
_PER_MONEY = pattern_cache.compile(
    rf"{_MONEY}\s+(?:per|for\s+(?:each|every)|on\s+(?:each|every)|of\s+(?:each|every)|out\s+of\s+(?:each|every))\s+"
    rf"(?:(?:one\s+)?dollar\b|(?:[a-z][a-z\s-]{{0,30}}?\s+dollars\s*\(\s*)?{_MONEY})", re.IGNORECASE)
_DOLLARS_IN_WORDS = pattern_cache.compile(
    rf"\b(?:(?:{_LEAD_WORD}|hundred|thousand|million|and)[\s-]+){{1,8}}dollars\s*\(\s*$", re.IGNORECASE)
# "850 basis points of Adjusted Gross Collections", "a fee of twelve points on all Net Patient Revenue"
_POINTS = pattern_cache.compile(
    rf"\b(\d[\d,]*(?:\.\d+)?|{_LEAD_WORD}(?:[\s-]+{_NUMBER_WORD})*)\s+(?:\(\s*[\d.,]+\s*\)\s+)?(basis\s+)?points?"
    r"(?=\s+(?:of|on|upon)\b)", re.IGNORECASE)
# "divided between Manager and Company in the ratio of sixty to forty"; "allocated eighty (80) parts to NorthStar"
_RATIO = pattern_cache.compile(
    rf"\bratio\s+of\s+(\d{{1,3}}|{_LEAD_WORD}(?:[\s-]+{_NUMBER_WORD})*)\s*(?:\(\s*\d+\s*\)\s*)?(?:to|:)\s*"
    rf"(\d{{1,3}}|{_LEAD_WORD}(?:[\s-]+{_NUMBER_WORD})*)\b"
    rf"|\b(?:{_LEAD_WORD}|\d{{1,3}})\s*(?:\(\s*\d+\s*\)\s*)?parts?\s+(?:to|for)\b", re.IGNORECASE)
_CENTS_SHARE = pattern_cache.compile(rf"\b(\d{{1,2}}|{_LEAD_WORD}(?:[\s-]{_NUMBER_WORD})?)\s+(?:\(\s*\d{{1,2}}\s*\)\s+)?cents\s+(?:\(\s*\$?\s*\d*\.?\d+\s*\)\s+)?(?:of|on|for|out\s+of)\s+(?:each|every|the)\s+dollar\b",
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


def _dollars(figure: str) -> float | None:
    try:
        return float(figure.replace(",", ""))
    except ValueError:
        return None


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
    for m in _FRACTION_MULTIPLIER.finditer(text):
        value = words_to_number(m.group(1).replace("a ", "one "))
        if value is not None and value < 1:
            found.append(Percentage(round(value * 100, 2), m.start(1), m.end(1)))
    for m in _PER_MONEY.finditer(text):
        share, whole = _dollars(m.group(1)), _dollars(m.group(2)) if m.group(2) else 1.0
        if share is not None and whole and share < whole:
            spelled = _DOLLARS_IN_WORDS.search(text, max(0, m.start() - 80), m.start())  # "Ten Thousand Dollars ("
            found.append(Percentage(round(share / whole * 100, 4), spelled.start() if spelled else m.start(), m.end(),
                                    base_anywhere=True))
    for m in _POINTS.finditer(text):
        number = m.group(1)
        value = _dollars(number) if number[0].isdigit() else words_to_number(number)
        if value is not None:
            found.append(Percentage(round(value / 100, 4) if m.group(2) else value, m.start(), m.end()))
    for m in _RATIO.finditer(text):
        first, second = (words_to_number(g) if g and not g.isdigit() else float(g) if g else None
                         for g in (m.group(1), m.group(2)))
        value = round(first / (first + second) * 100, 2) if first and second else None
        found.append(Percentage(value, m.start(), m.end(), base_anywhere=True))
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
            last = merged[-1]
            merged[-1] = Percentage(p.value, last.start, max(last.end, p.end), last.base_anywhere or p.base_anywhere)
        elif merged and p.start < merged[-1].end:
            continue
        else:
            merged.append(p)
    return merged
