"""Fee terms: how the practice pays the MSO, and whether the fee is measured by the practice's revenue.

A fee is revenue-based when a percentage (in digits, words or decimals) is taken OF a revenue base
("twelve and one-half percent (12.5%) of Net Receipts"), when the MSO sweeps what is left after the
practice's expenses (no "%" needed), when a performance fee rides on collections, or when a
greater-of / lesser-of or reset formula brings a revenue percentage in. Percentages of something else
(late interest, the MSO's own costs, rent escalators, discounts, processing charges) are not.
Fair-market-value wording next to a percentage does not change what the percentage is measured by.
All vocabulary lives in `lexicon/fee_vocabulary.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .. import pattern_cache
from ..model import FeeTerm
from .fee_figures import Percentage, find_percentages, words_to_number  # noqa: F401
from .lexicon import load_lexicon, union_cues
from .view import ClauseView

REVENUE_STRUCTURES = frozenset({"percentage", "residual", "performance", "hybrid"})

_FIGURES = pattern_cache.compile(r"[\d%$]|percent|per\s*cent|cents|half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|"
                      r"tenth|twelfth|twentieth|hundredth|points|ratio|parts|portion|share|fraction|"
                      r"proportion|split|Exhibit|Schedule|Attachment|Appendix|Annex|Addendum", re.IGNORECASE)
_OF_PREFIX = pattern_cache.compile(
    r"^\s*\)?\s*(?:\(\s*[\d.]+\s*%?\s*\)\s*)?(?:of|on|from|upon|in|multiplied\s+by|times)\s+(?:each\s+month['\u2019]s\s+)?",
    re.IGNORECASE)
_MULTIPLIED = pattern_cache.compile(r"(?:multiplied\s+by|times|x|\u00d7|\*)\s*\(?$|\bmultiply(?:ing)?\b[^;]{0,160}\bby\s*\(?$", re.IGNORECASE)
_GROWTH_BASE = pattern_cache.compile(r"\s*(?:the\s+|any\s+|such\s+|that\s+|this\s+)?(?:increase|excess|growth|improvement|amount(?:,\s*if\s+any,)?\s+by\s+which|portion|"
                          r"difference)\b", re.IGNORECASE)
_AMOUNT = pattern_cache.compile(r"\$\s*([\d,]+(?:\.\d+)?)(?:\s*(million|thousand))?", re.IGNORECASE)
_EXHIBIT_REF = pattern_cache.compile(
    r"\b(?:(?:set\s+forth|described|specified|provided|contained|included|identified|stated|detailed|calculated|determined)"
    r"\s+(?:in|on|under|by)|in\s+accordance\s+with|pursuant\s+to)"
    r"\s+(?:the\s+)?"
    # "in accordance with the fee schedule attached as Schedule 2"
    r"(?:(?:fee|compensation|pricing|rate)\s+(?:schedule|exhibit|table)\s+(?:attached|appended|annexed)\s+(?:hereto\s+)?as\s+)?"
    r"((?:Exhibit|Schedule|Attachment|Appendix|Annex|Addendum)\s+[A-Z0-9][\w.-]*)",
    re.IGNORECASE)
_MSO_OWN_COSTS = pattern_cache.compile(
    r"\s*(?:the\s+)?(?:Manager|MSO|Company|Administrator|its|their)\b(?:'s|\u2019s)?\s+(?:own\s+)?"
    r"(?:actual\s+|direct\s+|total\s+)?(?:costs?|expenses?)", re.IGNORECASE)
_PAY_TO_MSO = (r"(?:pay|pays|paid|payable|remit|remits|remitted|distribute|distributed|transfer|transferred|sweep|swept|"
               r"disburse|disbursed|belong|belongs|go|goes|allocate|allocated|deposit|deposited|due|owed|owing)")



@dataclass(frozen=True)
class FeeHit:
    """One fee term found in a clause, with the evidence span (offsets into the clause text)."""

    term: FeeTerm
    start: int
    end: int
    exhibit: str | None = None

    @property
    def revenue_based(self) -> bool:
        return self.term.structure in REVENUE_STRUCTURES


@dataclass(frozen=True)
class _FeeVocabulary:
    fee_nouns: re.Pattern
    payment_verbs: re.Pattern
    revenue: re.Pattern
    cost: re.Pattern
    not_share: re.Pattern
    not_amount: re.Pattern
    residual: re.Pattern
    residual_weak: re.Pattern
    practice_expenses: re.Pattern
    performance: re.Pattern
    hybrid: re.Pattern
    reset: re.Pattern
    cost_plus: re.Pattern
    hourly: re.Pattern
    fixed: re.Pattern
    redaction: re.Pattern
    named_rate: re.Pattern
    formula: re.Pattern
    cues: tuple = ()  # (field, cue words) pairs: see `for_clause`

    def for_clause(self, view: ClauseView) -> "_FeeVocabulary":
        """The vocabulary with every group whose cue words the clause lacks replaced by one that never matches."""
        absent = {name: _NEVER for name, words in self.cues if view.lacks(words)}
        return replace(self, **absent) if absent else self


class _Never:
    """A pattern that matches nothing, at no cost."""

    def search(self, *args):
        return None

    def finditer(self, *args):
        return iter(())


_NEVER = _Never()
_FIELDS = {"fee_nouns": "fee_nouns", "payment_verbs": "payment_verbs", "revenue": "revenue_base", "cost": "cost_base",
           "not_share": "not_a_fee_share", "not_amount": "not_a_fee_amount", "residual": "residual", "residual_weak": "residual_weak",
           "practice_expenses": "practice_expenses", "performance": "performance", "hybrid": "hybrid", "reset": "reset",
           "cost_plus": "cost_plus", "hourly": "hourly", "fixed": "fixed", "redaction": "redaction",
           "named_rate": "named_rate", "formula": "formula"}


@cache
def vocabulary() -> _FeeVocabulary:
    lex = load_lexicon("fee_vocabulary")
    return _FeeVocabulary(
        cues=tuple((field, lex[name].cues) for field, name in _FIELDS.items() if lex[name].cues is not None),
        fee_nouns=lex["fee_nouns"].regex, payment_verbs=lex["payment_verbs"].regex, revenue=lex["revenue_base"].regex,
        cost=lex["cost_base"].regex, not_share=lex["not_a_fee_share"].regex,
        not_amount=lex["not_a_fee_amount"].regex, residual=lex["residual"].regex,
        residual_weak=lex["residual_weak"].regex,
        practice_expenses=lex["practice_expenses"].regex, performance=lex["performance"].regex,
        hybrid=lex["hybrid"].regex, reset=lex["reset"].regex, cost_plus=lex["cost_plus"].regex,
        hourly=lex["hourly"].regex, fixed=lex["fixed"].regex, redaction=lex["redaction"].regex,
        named_rate=lex["named_rate"].regex, formula=lex["formula"].regex,
    )


@cache
def _workers() -> re.Pattern:
    """Clinicians: a revenue share paid to them is clinician pay (volume pressure), not the MSO's fee."""
    return load_lexicon("volume_vocabulary")["clinical_workers"].regex


@dataclass(frozen=True)
class Base:
    """What a percentage is taken of, in clause coordinates."""

    kind: str  # revenue | cost
    start: int
    end: int
    text: str


@cache
def _worker_paid() -> re.Pattern:
    """"pay each nurse injector ...", "the Medical Director shall receive ...": money for a clinician (the clinician
    words are `volume_vocabulary.clinical_workers`)."""
    workers = _workers().pattern
    return pattern_cache.compile(
        rf"\b(?:pay|compensate)\s+(?:to\s+)?(?:each|the|any|such|all)?\s*(?:{workers}|employees?\b)"
        rf"|(?:{workers})\s+(?:shall|will|may)\s+(?:\w+\s+){{0,2}}(?:receive|earn|be\s+paid)\b", re.IGNORECASE)


def _base_after(text: str, pct: Percentage, limit: int) -> Base | None:
    """The base named right after the percentage ("of Net Receipts"), or before it ("Revenue multiplied by 8%")."""
    voc = vocabulary()
    tail = text[pct.end: min(limit, pct.end + 110)]
    prefix = _OF_PREFIX.match(tail)
    if prefix is None:
        return _base_multiplied(text, pct) or _base_named_before(text, pct, tail)
    window_start = pct.end + prefix.end()
    window_end = min(limit, window_start + 70)
    window = text[window_start:window_end]
    if _GROWTH_BASE.match(window):
        # "40% of any increase in ...", "8% of the increase" (the revenue may be named earlier in the sentence)
        m = voc.revenue.search(text, window_start, min(limit, window_start + 120))
        m = m or max(voc.revenue.finditer(text, max(0, pct.start - 250), pct.start), key=lambda x: x.end(), default=None)
        return Base("revenue", m.start(), m.end(), m.group()) if m else None
    if _MSO_OWN_COSTS.match(window):
        m = voc.cost.search(text, window_start, window_end)
        return Base("cost", m.start(), m.end(), m.group()) if m else None
    candidates = []
    for kind, rx in (("revenue", voc.revenue), ("cost", voc.cost)):
        m = rx.search(text, window_start, window_end)
        if m and len(text[window_start: m.start()].split()) <= 6:
            candidates.append(Base(kind, m.start(), m.end(), m.group()))
    return min(candidates, key=lambda b: b.start) if candidates else _base_multiplied(text, pct)


_BONUS = pattern_cache.compile(r"\b(?:production\s+bonus|bonus\s+pool|productivity\s+bonus|incentive\s+pool|bonus(?:es)?\s+"
                    r"(?:payable\s+)?to\s+(?:its|the|each)\s+\w+)\b", re.IGNORECASE)
_MONEY_IN = pattern_cache.compile(r"\b(?:received|collected|billed|paid\s+by\s+(?:a\s+|the\s+)?patients?)\b", re.IGNORECASE)


def _base_anywhere(text: str, start: int, end: int) -> Base | None:
    """"fifteen cents for each dollar so received", "the product of Net Revenue and the Fee Percentage"."""
    m = vocabulary().revenue.search(text, start, end) or _MONEY_IN.search(text, start, end)
    return Base("revenue", m.start(), m.end(), m.group()) if m else None


# "a participation in its Gross Receipts equal to eleven percent (11%) thereof"; "Net Revenue, on which
# Halcyon's fee of fourteen percent (14%) is calculated"; "the applicable rate shall apply to all Monthly
# Collections: Band 1, ..., 9.0%"
_THEREOF = pattern_cache.compile(r"\s*\)?\s*(?:\(\s*[\d.]+\s*%?\s*\)\s*)?(?:thereof|of\s+(?:such|that|the\s+same)\s+(?:amount|sum|total))\b",
                      re.IGNORECASE)
_CALCULATED_ON = pattern_cache.compile(r"\s*\)?\s*(?:\(\s*[\d.]+\s*%?\s*\)\s*)?(?:is|are|shall\s+be)\s+(?:calculated|computed|"
                            r"determined|charged|assessed|applied|measured)\b", re.IGNORECASE)
_WHICH_BASE = pattern_cache.compile(r"\s*,?\s*(?:on|upon|against|of)\s+which\b", re.IGNORECASE)
_RATE_APPLIES = pattern_cache.compile(r"\b(?:rate|rates|percentage|percentages)\s+(?:shall\s+|will\s+)?(?:apply|applies|be\s+applied)\s+to\s+"
                           r"(?:all\s+|the\s+|such\s+|each\s+)?", re.IGNORECASE)


def _base_named_before(text: str, pct: Percentage, tail: str) -> Base | None:
    """The revenue the percentage is a share of, named before it and pointed back to."""
    revenue = vocabulary().revenue
    head_start = max(0, pct.start - 250)
    if _THEREOF.match(tail):
        m = max(revenue.finditer(text, head_start, pct.start), key=lambda x: x.end(), default=None)
        return Base("revenue", m.start(), m.end(), m.group()) if m else None
    if _CALCULATED_ON.match(tail):
        for m in revenue.finditer(text, head_start, pct.start):
            if _WHICH_BASE.match(text, m.end()):
                return Base("revenue", m.start(), m.end(), m.group())
    for rate in _RATE_APPLIES.finditer(text, head_start, pct.start):
        m = revenue.search(text, rate.end(), min(pct.start, rate.end() + 30))
        if m:
            return Base("revenue", m.start(), m.end(), m.group())
    # "The Management Fee shall be determined by reference to the Annual Collections ..., as follows: Tier 1 -
    # Annual Collections up to $2,000,000 - 11%; ...": a rate table keyed to the revenue the fee is measured by
    for measured in _MEASURED_BY.finditer(text, max(0, pct.start - 400), pct.start):
        m = revenue.search(text, measured.end(), min(pct.start, measured.end() + 40))
        if m and len(text[measured.end(): m.start()].split()) <= 3:
            return Base("revenue", m.start(), m.end(), m.group())
    return None


_MEASURED_BY = pattern_cache.compile(r"\b(?:determined|calculated|computed|measured|set|based|graduated|tiered)\s+"
                                     r"(?:by\s+reference\s+to|with\s+reference\s+to|on\s+the\s+basis\s+of|according\s+to|"
                                     r"on|upon)\s+", re.IGNORECASE)


def _base_multiplied(text: str, pct: Percentage) -> Base | None:
    """"Net Revenue multiplied by 8%", "computed by multiplying the charges collected ... by ten percent"."""
    voc = vocabulary()
    head_start = max(0, pct.start - 180)
    if not _MULTIPLIED.search(text[head_start: pct.start]):
        return None
    hits = [("revenue", m) for m in voc.revenue.finditer(text, head_start, pct.start)]
    hits += [("cost", m) for m in voc.cost.finditer(text, head_start, pct.start)]
    if not hits:
        return None
    kind, m = max(hits, key=lambda h: h[1].end())
    return Base(kind, m.start(), m.end(), m.group())


def _words_before(text: str, start: int, end: int) -> str:
    """The words leading up to a percentage, back to the nearest list boundary ("(b)", "and", ";")."""
    chunk = text[start:end]
    cut = None
    for cut in re.finditer(r"[;,]|\band\b|\bor\b|\(\w{1,3}\)", chunk):
        pass
    return chunk[cut.end():] if cut else chunk


def _mso_receives(text: str, start: int, end: int, view: ClauseView) -> bool:
    """Does money in this sentence go to the MSO ("pay Manager", "paid to Manager", "Manager shall retain")?"""
    sentence = text[start:end]
    if re.search(r"\b(?:management|services?|administrative|MSO)\s+fees?\b|\bManagement\s+Fee\b", sentence, re.IGNORECASE):
        return True
    if _TO_ITSELF.search(sentence):  # "MSO shall pay the Practice Expenses and transfer to itself the balance"
        return True
    for m in view.mso_mentions(start, end):
        before = text[max(start, m.start - 60): m.start]
        after = text[m.end: min(end, m.end + 80)]
        if re.search(rf"\b{_PAY_TO_MSO}\s+(?:[\w-]+\s+){{0,4}}?to\s+(?:the\s+)?$|\bpay\w*\s+(?:to\s+)?(?:the\s+)?$|"
                     rf"\b(?:compensate|reimburse)\s+(?:the\s+)?$", before, re.IGNORECASE):
            return True
        if re.match(r"(?:'s|\u2019s)?\s*(?:,[^,]{0,60},\s*)?(?:shall|will|may)?\s*(?:\w+\s+){0,3}?(?:retain|receive|keep|"
                    r"be\s+entitled|be\s+paid|earn|be\s+compensated|collect\s+and\s+retain|withdraw|withhold|sweep|be\s+credited|"
                    r"participate\s+in|share\s+in)", after,
                    re.IGNORECASE):
            return True
        if re.match(r"(?:'s|\u2019s)\s+(?:\w+\s+)?(?:fee|fees|compensation|remuneration)", after, re.IGNORECASE):
            return True
        if _FEE_OF.search(before) and not _LIMITED_TO.match(after):  # "The compensation of Meridian shall be ..."
            return True
        if _ITEM_TO.search(before) and after.startswith(","):  # "shall pay ... (i) ...; (iii) to Verde, the Performance Fee"
            return True
    return False


_COST_TERM = pattern_cache.compile(r"\b(?:Expenses|Costs|Expenditures|Draw)$")
_PRICE_LIST = pattern_cache.compile(r"\s*(?:schedules?|lists?)\b", re.IGNORECASE)
_ITEM_TO = pattern_cache.compile(r"\(\w{1,4}\)\s+to\s+(?:the\s+)?$")
_FEE_OF = pattern_cache.compile(r"\b(?:compensation|remuneration|fees?|consideration)\s+(?:payable\s+)?(?:of|to|for)\s+(?:the\s+)?$",
                                re.IGNORECASE)
_LIMITED_TO = pattern_cache.compile(r"[^.;]{0,40}?\b(?:limited\s+to|consist\s+(?:solely|only)\s+of|only\s+the)\b", re.IGNORECASE)
_TO_ITSELF = pattern_cache.compile(r"\b(?:pay|remit|transfer|distribute|disburse|allocate|deposit)\w*\s+(?:\w+\s+){0,3}?"
                                   r"(?:to|for)\s+itself\b|\bfor\s+its\s+own\s+account\b", re.IGNORECASE)
_PAID_BY = pattern_cache.compile(r"\b(?:payable|paid|funded|borne)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_PAYS = pattern_cache.compile(r"\s+(?:shall|will|agrees\s+to)\s+(?:\w+\s+)?(?:pay|fund)\b", re.IGNORECASE)


def _mso_pays(text: str, start: int, end: int, view: ClauseView) -> bool:
    """Does the MSO pay the money in this sentence ("a bonus payable by Manager", "Manager shall pay each ...")?"""
    return any(_PAID_BY.search(text, max(start, m.start - 30), m.start) or _PAYS.match(text, m.end)
               for m in view.mso_mentions(start, end))


def _period(text: str) -> str | None:
    m = re.search(r"\b(?:per\s+(month|annum|year|quarter|hour)|(monthly|annual(?:ly)?|quarterly|hourly|weekly)|"
                  r"each\s+(month|year|quarter))\b", text, re.IGNORECASE)
    if not m:
        return None
    word = next(g for g in m.groups() if g).lower()
    return {"annum": "year", "annual": "year", "annually": "year", "monthly": "month", "quarterly": "quarter",
            "hourly": "hour", "weekly": "week"}.get(word, word)


def _amount(text: str) -> float | None:
    m = _AMOUNT.search(text)
    if not m:
        return None
    try:
        value = float(m.group(1).replace(",", ""))
    except ValueError:
        return None
    scale = {"million": 1e6, "thousand": 1e3}.get((m.group(2) or "").lower(), 1)
    return value * scale


def _sentence_fee(view: ClauseView, start: int, end: int, clause_id: str | None, voc: _FeeVocabulary, *,
                  part_of_fee: bool = False) -> FeeHit | None:
    text = view.text
    sentence = text[start:end]
    lowered = view.lowered
    defined = _defines(text, start, end)
    if defined and (vocabulary().revenue.fullmatch(defined.group(1)) or defines_cost_term(text, start)):
        return None  # '"Collections" means all amounts received ...', '"Company Expenses" means ...': a base, no fee
    if (len(lowered) == len(text) and not _FEE_SIGNS.search(lowered, start, end)
            and not (voc.residual.search(sentence) or voc.residual_weak.search(sentence)
                     or voc.cost_plus.search(sentence))):
        return None  # the sentence has none of the signs every fee term needs (see _FEE_SIGNS)
    if not (_FIGURES.search(sentence) or voc.residual.search(sentence) or voc.residual_weak.search(sentence)
            or voc.redaction.search(sentence)):
        return None  # no amount, share, sweep or blank: nothing to read
    # "bills ... at the fee schedules established by the P.C.": the practice's prices, not a fee paid to anyone
    fee_noun = next((f for f in voc.fee_nouns.finditer(sentence) if not _PRICE_LIST.match(sentence, f.end())), None)
    mso_receives = _mso_receives(text, start, end, view)
    if not (fee_noun or mso_receives or part_of_fee):
        return None

    def make(structure, ev_start, ev_end, *, percentage=None, base=None, exhibit=None):
        evidence = text[ev_start:ev_end].strip()
        ev_start = text.index(evidence, ev_start) if evidence else ev_start
        term = FeeTerm(structure=structure, clause_id=clause_id, text=sentence.strip(), amount=_amount(sentence),
                       percentage=percentage, period=_period(sentence), base=base)
        return FeeHit(term, ev_start, ev_start + len(evidence), exhibit)

    redaction = voc.redaction.search(sentence)
    if redaction:
        return make("unresolved", start + redaction.start(), start + redaction.end())

    revenue_shares = []
    cost_shares = []
    for pct in find_percentages(sentence):
        pct = Percentage(pct.value, pct.start + start, pct.end + start, pct.base_anywhere)
        base = _base_after(text, pct, end)
        if base is None and pct.base_anywhere:
            base = _base_anywhere(text, start, end)
        if base is None:
            continue
        context = _words_before(text, max(start, pct.start - 40), pct.start) + text[pct.start: base.end]
        if view.scope.negated(view.segment_at(pct.start), pct.start, base.end):
            continue
        if _DELETED_WORDS.search(text, max(start, pct.start - 60), pct.start):
            continue  # an amendment "deleting the words 'fifteen percent (15%) of Net Collections'": the old fee
        if _BONUS_BEFORE.search(text, max(start, pct.start - 80), pct.start) and _clinician_paid_before(view, start, pct.start):
            continue  # "the Medical Director shall receive ... a Growth Bonus equal to 1% of collections": the director's pay
        if _POOL_BEFORE.search(text, max(start, pct.start - 80), pct.start) and _SHARED_AMONG.search(text, base.end, end):
            continue  # "NorthStar shall fund a Provider Incentive Pool equal to 3% of revenue, to be divided among
            # the nurse injectors": the clinicians' pay, not the MSO's fee
        blocker = voc.not_share.search(context)
        words_before = len(context) - (base.end - pct.start)  # where the percentage starts in `context`
        if blocker and blocker.end() <= words_before and _ADDED_FEE.search(context, blocker.end(), words_before):
            blocker = None  # "$18,000 per month plus 7.5% of collections": the "per month" is the fixed part's
        if (blocker and blocker.group().lower().startswith("rate")
                and re.search(r"cents|\$|dollar", text[pct.start:pct.end], re.IGNORECASE)):
            blocker = None  # "at the rate of fourteen cents (or $95 per $1,000) for each dollar received" is a share
        if base.kind == "revenue" and not blocker:
            revenue_shares.append((pct, base))
        elif base.kind == "cost":
            cost_shares.append((pct, base))
    party_words = [(m.start, m.end) for m in view.mentions]
    workers = [w for w in _workers().finditer(text, start, end)
               if not any(a <= w.start() < b for a, b in party_words)]
    # a production bonus or bonus pool that the MSO does not receive is someone's pay, not the MSO's fee
    for_workers = not mso_receives and (_worker_paid().search(sentence) or workers or _BONUS.search(sentence))
    # "an annual bonus payable by Service Company equal to $10,000 for each $100,000 of revenue": the MSO pays it
    for_workers = for_workers or (not mso_receives and _mso_pays(text, start, end, view))
    if revenue_shares and not for_workers:
        pct, base = revenue_shares[0]
        ev_start, ev_end = min(pct.start, base.start), max(pct.end, base.end)
        if voc.hybrid.search(sentence) or (_AMOUNT.search(sentence) and voc.reset.search(sentence)):
            structure = "hybrid"
            ev_start = min(ev_start, start + (voc.hybrid.search(sentence) or voc.reset.search(sentence)).start())
        elif voc.performance.search(sentence):
            structure = "performance"
        else:
            structure = "percentage"
        return make(structure, ev_start, ev_end, percentage=pct.value, base=base.text)

    residual = _residual(view, start, end, mso_receives or bool(fee_noun and not for_workers), voc)
    if residual:
        return make("residual", *residual, base=voc.revenue.search(sentence).group()
                    if voc.revenue.search(sentence) else "funds remaining after Practice expenses")
    if cost_shares or voc.cost_plus.search(sentence):
        if cost_shares:
            pct, base = cost_shares[0]
            return make("cost_plus", min(pct.start, base.start), max(pct.end, base.end), percentage=pct.value,
                        base=base.text)
        if _AMOUNT.search(sentence) or mso_receives:
            m = voc.cost_plus.search(sentence)
            return make("cost_plus", start + m.start(), start + m.end(), base="MSO costs")
    amount = _AMOUNT.search(sentence)
    if amount and voc.hourly.search(sentence):
        m = voc.hourly.search(sentence)
        return make("hourly", start + amount.start(), start + max(amount.end(), m.end()))
    # an insurance limit, a cap or a clinician's bonus is a dollar figure, not the MSO's fixed fee
    lead_in = sentence[max(0, amount.start() - 80): amount.start()] if amount else ""
    if (amount and (voc.fixed.search(sentence) or fee_noun) and (mso_receives or fee_noun)
            and not for_workers and not voc.not_amount.search(lead_in)):
        tier = _revenue_tier(sentence, voc)
        if tier:  # "$20,000 for any month in which Collections are less than $200,000; $30,000 ...": it rides on revenue
            return make("performance", start + min(amount.start(), tier.start()), start + max(amount.end(), tier.end()),
                        base=tier.group())
        return make("fixed", start + amount.start(), start + amount.end())
    exhibit = _EXHIBIT_REF.search(sentence)
    if exhibit and fee_noun and (mso_receives or re.search(r"\bfee", fee_noun.group(), re.IGNORECASE)):
        return make("unresolved", start + exhibit.start(), start + exhibit.end(), exhibit=exhibit.group(1))
    return None


_DEPOSIT_BEFORE = pattern_cache.compile(r"\b(?:deposit|deposits|deposited|depositing|remit|remits|remitted|remitting)\s+$",
                                         re.IGNORECASE)
_INTO = pattern_cache.compile(r"\b(?:in|into|to|with)\s+(?:the\s+)?$")


def _banked_for_practice(view: ClauseView, start: int, marker: re.Match) -> bool:
    """ "(shall) deposit all amounts collected in the PC Operating Account": amounts the MSO banks into the
    practice's account are no sweep to the MSO."""
    text = view.text
    at, end = start + marker.start(), start + marker.end()
    if not _DEPOSIT_BEFORE.search(text, max(0, at - 15), at):
        return False
    near = [m for m in view.mentions if end <= m.start < end + 60]
    return bool(near) and near[0].role == "practice" and bool(_INTO.search(text, max(0, near[0].start - 12), near[0].start))


_TO_PRACTICE = pattern_cache.compile(r"\b(?:to|into|(?:stay|stays|remain|remains|be\s+retained|be\s+kept|be\s+held)\s+(?:in|with|by)|"
                          r"for\s+the\s+(?:use|account|benefit)\s+of|(?:remain|remains|be|is)\s+the\s+(?:sole\s+)?property\s+of|"
                          r"in\s+the\s+name\s+of|under\s+the\s+(?:sole\s+)?(?:dominion|control)\s+of)"
                          r"\s+(?:the\s+)?$")


_DELETED_WORDS = pattern_cache.compile(r"\b(?:deleting|delete|deleted|striking|strike|struck|removing|remove|removed)\s+"
                            r"(?:(?:in\s+its\s+entirety\s+)?the\s+(?:words?|phrase|text|language|figure|reference\s+to)\s+)?"
                            r"[\"\u201c']?$", re.IGNORECASE)
_BONUS_BEFORE = pattern_cache.compile(r"\b(?:bonus(?:es)?|incentives?(?:\s+payments?)?|commissions?|awards?|pools?)\b(?:\s*\([^)]{0,60}\))?[^.;,]{0,45}?"
                          r"\b(?:equal\s+to|of|amounting\s+to)\s+$", re.IGNORECASE)
_RECEIVES = pattern_cache.compile(r"\b(?:shall|will|may)\s+(?:\w+\s+)?(?:receive|earn|be\s+paid|be\s+eligible\s+for)\b", re.IGNORECASE)


def _clinician_paid_before(view: ClauseView, start: int, pos: int) -> bool:
    """Is a clinician (not a party) the one who receives, named before `pos` in the sentence?"""
    text = view.text
    party = [(m.start, m.end) for m in view.mentions]
    return any(not any(a <= w.start() < b for a, b in party)
               and (_RECEIVES.search(text, w.end(), min(pos, w.end() + 40))
                    or _PAYS_THEM.search(text, max(start, w.start() - 30), w.start())
                    or _BONUS_FOR.search(text, max(start, w.start() - 60), w.start()))
               for w in _workers().finditer(text, start, pos))


# "shall pay each Licensed Provider a production bonus equal to ...", "a bonus pool for Practice's nurse injectors"
_PAYS_THEM = pattern_cache.compile(r"\b(?:pay|payable\s+to|paid\s+to)\s+(?:to\s+)?(?:each|the|any|such|all|its)?\s*$", re.IGNORECASE)
_BONUS_FOR = pattern_cache.compile(r"\b(?:pool|bonus|bonuses|incentive|incentives|commission|commissions)\s+(?:for|to|among)\s+"
                        r"(?:the\s+|each\s+|all\s+|its\s+)?(?:(?-i:[A-Z])[\w.&-]*(?:'s|\u2019s)\s+)?$", re.IGNORECASE)


_SHARED_AMONG = pattern_cache.compile(r"\b(?:divided|distributed|allocated|shared|split|paid)\s+(?:\w+\s+){0,2}?(?:among|between|to)\b",
                           re.IGNORECASE)
_POOL_BEFORE = pattern_cache.compile(r"\bpools?\b(?:\s*\([^)]{0,60}\))?[^.;,]{0,30}?"
                          r"\b(?:equal\s+to|of|amounting\s+to)\s+$", re.IGNORECASE)


_TIER_CONDITION = pattern_cache.compile(r"\b(?:in\s+which|if|when|whenever|where|provided\s+that|so\s+long\s+as)\s+(?:the\s+)?"
                             r"(?:[\w'\u2019.-]+\s+){0,3}?$", re.IGNORECASE)
_TIER_COMPARISON = pattern_cache.compile(r"\s+(?:for\s+(?:the|that|such)\s+\w+\s+)?(?:are|is|exceed|exceeds|equal|equals|fall|falls|reach|"
                              r"reaches|total|totals|amount\s+to|amounts\s+to)\b", re.IGNORECASE)


# "the applicable Collections band", or a row of a band table: "Collections of PC of less than $100,000 - $9,000"
_BAND = pattern_cache.compile(r"\s+(?:bands?|brackets?|tiers?|levels?|ranges?)\b|(?:\s+of\s+[\w.&'\u2019 ]{1,30}?)?\s+(?:of\s+)?"
                              r"(?:less\s+than|up\s+to|over|above|below|under|exceeding|in\s+excess\s+of|between|from)\s+"
                              r"\$\s*[\d,.]+(?:\s+(?:to|and)\s+\$\s*[\d,.]+)?\s*[-\u2013\u2014:=]\s*\$", re.IGNORECASE)


def _revenue_tier(sentence: str, voc) -> re.Match | None:
    """A fixed amount chosen by the practice's revenue ("... for any month in which Collections exceed $X",
    "the amount set forth opposite the applicable Collections band: Collections of less than $100,000 - $9,000")."""
    for m in voc.revenue.finditer(sentence):
        if _BAND.match(sentence, m.end()) and not _NOT_A_TIER.search(sentence, max(0, m.start() - 40), m.start()):
            return m
        condition = _TIER_CONDITION.search(sentence, max(0, m.start() - 60), m.start())
        if (condition and _TIER_COMPARISON.match(sentence, m.end())
                and not _NOT_A_TIER.search(sentence, max(0, condition.start() - 40), condition.start() + 12)):
            return m
    return None


# "regardless of whether Collections exceed ...", "even if Collections exceed ...": the amount does not move
_NOT_A_TIER = pattern_cache.compile(r"\b(?:regardless|irrespective|even|whether|not|no)\b", re.IGNORECASE)


_SHORTFALL = pattern_cache.compile(r"\b(?:is|are|be|proves?)\s+(?:insufficient|not\s+sufficient)\b|\bfalls?\s+short\b", re.IGNORECASE)
_SUBTRACTION = pattern_cache.compile(r"less\b|minus\b|reduced\s+by\b", re.IGNORECASE)
_SWEEP_LOOKBACK = 400  # characters before a sweep's sentence where the expenses it follows may be named


def _residual(view: ClauseView, start: int, end: int, mso_receives: bool, voc) -> tuple[int, int] | None:
    """A sweep: what remains after the practice's expenses goes to the MSO, or revenue less expenses as the fee."""
    text = view.text
    sentence = text[start:end]
    if not mso_receives or _SHORTFALL.search(sentence):
        return None  # (a shortfall: "if the balance ... is insufficient to pay the Practice Expenses")
    expenses = voc.practice_expenses.search(sentence)
    # "... first to the Practice Expenses ... The remainder shall be transferred to Manager": the expenses that
    # the sweep follows may be named in the clause's sentences before it
    earlier = None if expenses else voc.practice_expenses.search(text, max(0, start - _SWEEP_LOOKBACK), start)
    # "deposit all amounts collected in the PC Operating Account": the practice's own money, banked for it
    marker = next((m for m in voc.residual.finditer(sentence) if not _banked_for_practice(view, start, m)), None)
    marker = marker or ((expenses or earlier) and voc.residual_weak.search(sentence))
    if not marker:
        return None
    revenue = voc.revenue.search(sentence)
    if revenue and not expenses and view.scope.negated(view.segment_at(start + revenue.start()), start + revenue.start()):
        return None  # "in no event shall ... give Company any share of professional fees": a protection
    if not (expenses or revenue or (earlier and voc.revenue.search(text, max(0, start - _SWEEP_LOOKBACK), start))):
        return None
    near = [m for m in view.mentions if start + marker.end() <= m.start < start + marker.end() + 110]
    # "... the Net Operating Income, less a Retention Amount, which shall be retained by Practice": what the
    # practice keeps is the amount subtracted, not the remainder
    subtracted = _SUBTRACTION.match(marker.group())
    if (near and near[0].role == "practice" and not subtracted
            and _TO_PRACTICE.search(text, max(0, near[0].start - 30), near[0].start)):
        return None  # "... remit the balance to Practice", "any balance shall stay in the Practice Account"
    pos = start + marker.start()
    if view.scope.negated(view.segment_at(pos), pos, start + marker.end()):
        return None
    parts = [m for m in (marker, expenses, revenue) if m]
    return start + min(m.start() for m in parts), start + max(m.end() for m in parts)


# Every fee term needs one of these in its (lowercased) clause: a "$" amount, a percentage, a decimal share
# ("0.08 of"), a fraction or share, a named rate in a formula, an exhibit reference, or a redaction blank
# ("[***]", "XXX", "____", "TBD", "to be determined"); or else a sweep or cost-plus marker (`_marker_cues`).
# Plain substrings are tested first (fast); the few signs that need a word boundary or a context after.
_FEE_SUBSTRINGS = ("$", "%", "*", "[", "_", "percent", "cents", "third", "quarter", "fourth", "fifth", "sixth", "eighth",
                   "tenth", "portion", "share", "fraction", "proportion", "split", "exhibit", "schedule", "attachment",
                   "appendix", "annex", "addendum", "multipl", "times", "apply", "applied", "tbd", "xxx", "points",
                   "twelfth", "hundredth", "seventh", "ninth", "twentieth", "ratio", "parts")
_FEE_SIGNS = pattern_cache.compile(r"[$%*\[_]|\.\d{1,4}\)?\s+of\b|\b0\.\d{1,4}\b|(?<![\w.])\.\d{1,4}\b|per\s*cent|cents|(?<!be)half|halves|"
                        r"third|quarter|fourth|fifth|points|twelfth|hundredth|seventh|ninth|twentieth|ratio|parts|"
                        r"sixth|eighth|tenth|portion|share|fraction|proportion|split|exhibit|schedule|attachment|"
                        r"appendix|annex|addendum|product\s+of|multipl|times|apply|applied|applying|tbd|"
                        r"to\s+be\s+(?:determined|agreed|mutually)|xxx")
_DECIMAL_OF = pattern_cache.compile(r"\.\d{1,4}\)?\s+of\b|\b0\.\d{1,4}\b")


@cache
def _marker_cues():
    """The words of the sweep and cost-plus markers together (one `lexicon.Cues`)."""
    return union_cues(("fee_vocabulary.residual", "fee_vocabulary.residual_weak", "fee_vocabulary.cost_plus"))


def _may_hold_fee(view: ClauseView) -> bool:
    """A cheap necessary condition for any fee term in the clause (most clauses fail it)."""
    lowered = view.lowered
    for sign in _FEE_SUBSTRINGS:
        if sign in lowered:
            return True
    if (("half" in lowered or "product" in lowered or "cent" in lowered
         or not view.tokens.isdisjoint(("determined", "agreed", "mutually"))) and _FEE_SIGNS.search(lowered)):
        return True
    return bool(_DECIMAL_OF.search(lowered)) or not view.lacks(_marker_cues())


def clause_fees(view: ClauseView, clause_id: str | None, *, in_fee_schedule: bool = False,
                fee_parts: frozenset = frozenset()) -> list[FeeHit]:
    """The fee terms written in one clause (at most one per sentence).

    `in_fee_schedule`: the clause sits in an exhibit or article about the fee ("EXHIBIT B - MANAGEMENT FEE"), so
    every figure in it is part of the fee ("B.2 Variable Component. ... one-eighth of Net Receipts")."""
    if not _may_hold_fee(view):
        return []
    voc, text = vocabulary().for_clause(view), view.text
    if not (_FIGURES.search(text) or voc.residual.search(text) or voc.residual_weak.search(text)
            or voc.redaction.search(text)):
        return []  # no amount, share, sweep or blank anywhere in the clause (the cheap test first)
    if not (voc.fee_nouns.search(text) or view.mso_mentions() or in_fee_schedule
            or any(part in text for part in fee_parts)):
        return []
    hits = []
    fee_context = ""  # the clause's sentences so far that speak of the fee or of the MSO
    for sentence in view.sentences:
        # '"Variable Component" means 18% of ...' after 'the Management Fee is the sum of the Base Amount and the
        # Variable Component': a part of the fee defined on its own
        term = _DEFINES.match(text, sentence.start)
        part_of_fee = in_fee_schedule or bool(term and ((fee_context and term.group(1).lower() in fee_context)
                                                         or term.group(1) in fee_parts))
        hit = _sentence_fee(view, sentence.start, sentence.end, clause_id, voc, part_of_fee=part_of_fee)
        if hit:
            hits.append(hit)
        if voc.fee_nouns.search(text, sentence.start, sentence.end) or _mso_receives(text, sentence.start, sentence.end, view):
            fee_context += text[sentence.start:sentence.end].lower()
    return hits


_ADDED_FEE = pattern_cache.compile(r"\b(?:plus|and|together\s+with|in\s+addition\s+to|as\s+well\s+as)\b|;|\(\w{1,3}\)", re.IGNORECASE)
_DEFINES = pattern_cache.compile(r"\s*(?:(?:Section\s+)?[\dA-Z]{1,3}(?:\.\d{1,3})*\.?\s+)?[\"\u201c]([^\"\u201d]{2,40})[\"\u201d]\s+"
                                 r"(?:means|shall\s+mean|is|equals|shall\s+equal)\b")
# a definition quoted inside an amendment: 'Section 1.1 is amended by adding the following: "'Collections' means ...'
_DEFINES_QUOTED = pattern_cache.compile(r"(?:[^.;:\"\u201c]|\.(?=\d)){0,200}:\s*[\"\u201c]?[\"\u201c'\u2018]([^\"\u201d'\u2019]{2,40})"
                                        r"[\"\u201d'\u2019]\s+(?:means|shall\s+mean|is|equals|shall\s+equal)\b")


def _defines(text: str, start: int, end: int):
    """The term a sentence starting at `start` defines, as a match whose group 1 is the term, or None."""
    found = _DEFINES.match(text, start)
    if found is None and ":" in text[start:min(end, start + 200)]:
        found = _DEFINES_QUOTED.match(text, start)
    return found


def fee_schedule_headings(headings) -> bool:
    """Does any of these headings (of a clause's exhibit or article) name the fee ("MANAGEMENT FEE", "Compensation")?"""
    fee_nouns = vocabulary().fee_nouns
    return any(heading and fee_nouns.search(heading) for heading in headings)


def fee_part_terms(definitions, document_text: str) -> frozenset:
    """Defined terms that are parts of the fee: their definition holds a figure, and the agreement names them
    next to a fee ('"Variable Amount" means 11% of ...' with 'the Management Fee is the Base Amount plus the
    Variable Amount'), wherever the definitions article puts them."""
    voc = vocabulary()
    parts = set()
    for term, definition in definitions:
        if len(term) < 3 or not _FEE_SIGNS.search(definition.lower()):
            continue
        for m in re.finditer(r"\b" + re.escape(term) + r"\b", document_text):
            if document_text[m.end(): m.end() + 1] in ("\"", "\u201d"):
                continue  # the definition itself
            window = document_text[max(0, m.start() - 200): m.end() + 200]
            if voc.fee_nouns.search(window):
                parts.add(term)
                break
    return frozenset(parts)


def defines_cost_term(text: str, start: int = 0) -> bool:
    """Does the text at `start` define an expense or cost term ('"Company Expenses" means ...')?"""
    defined = _DEFINES.match(text, start)
    return bool(defined and _COST_TERM.search(defined.group(1)))
