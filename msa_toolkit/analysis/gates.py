"""Conditions that make the MSO the gatekeeper of a clinical act the practice is otherwise forbidden.

"Practice shall not hire any physician unless the cost is provided for in the Budget" is a veto when the
MSO adopts the Budget; "No injector shall treat patients before passing Verde's competency assessment" and
"Before any Licensed Professional performs thread lifts, the Licensed Professional shall obtain NorthStar's
Certification" make the MSO's approval, certification or evaluation the condition of clinical work. Both
are read here, beside the verbs of power in `detectors.mso_power`; the gate words are data
(`control_verbs.gate`).
"""
from __future__ import annotations

import re
from functools import cache

from .. import pattern_cache
from .clause_grammar import evidence_span
from .lexicon import entry
from .view import ClauseView

# "unless the expenditure is included in the capital budget", "Unless Company otherwise provides in the operating
# budget": a budget named as the condition of the practice's act (the word is often not capitalised)
_BUDGET_GATE = pattern_cache.compile(r"\b(?:unless|except|other\s+than|only\s+(?:if|to\s+the\s+extent)|(?:that|which)\s+(?:is|are)\s+not)\b"
                          r"[^.;]{0,80}?\b(?:provided\s+for|"
                          r"provides?|included|contemplated|set\s+forth|reflected|budgeted|accounted\s+for)\b[^.;]{0,40}?"
                          r"\b(?i:budget)\b"
                          # "shall not incur any expenditure for clinical supplies in excess of the Operating Budget"
                          r"|\b(?:in\s+excess\s+of|beyond|above)\s+(?:the\s+|its\s+|any\s+)?(?:amounts?\s+(?:set\s+forth\s+|provided\s+)?in\s+"
                          r"(?:the\s+)?)?(?:[A-Z][\w-]*\s+){0,3}(?i:budget)\b", re.IGNORECASE)
_BUDGET_ADOPTED_BY = pattern_cache.compile(r"\bBudget\b[^.;]{0,80}?\b(?:(?:adopt|approv|establish|determin|final|prepar)\w*|set)\s+"
                                r"(?:\w+\s+){0,2}?by\s+(?:the\s+)?$|\b(?:adoption|approval)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_ADOPTS_BUDGET = pattern_cache.compile(r"\s+(?:shall\s+(?:\w+\s+)?(?:adopt|approve|establish|set|finalize|determine|prepare)\s+(?:the|each|an?)\s+"
                            r"(?:[\w-]+\s+){0,2}Budget\b|(?:otherwise\s+)?provides?\s+(?:for\s+)?in\s+(?:the|its|an?)\s+"
                            r"(?:[\w-]+\s+){0,2}budget\b)", re.IGNORECASE)

_BUDGET_CAP = pattern_cache.compile(r"\b(?:shall|will|may|must)\s+(?:not\s+exceed|be\s+consistent\s+with|conform\s+to|be\s+within|"
                         r"not\s+deviate\s+from|be\s+in\s+accordance\s+with|accord\s+with|"
                         # "the clinical staffing ... shall be as set forth in the Opening Budget approved by Manager"
                         r"be\s+(?:as\s+)?(?:set\s+forth|provided|specified|determined|established|fixed|stated)\s+in)\b"
                         r"[^.;]{0,60}?\bbudget\b", re.IGNORECASE)
# the words that open a condition on the act before them
_CONDITION = pattern_cache.compile(r"\b(?:until|unless|before|prior\s+to|only\s+(?:after|upon|if|when|once)|except\s+(?:upon|after|with)|"
                        r"without\s+(?:first\s+)?(?=completing|obtaining|passing|receiving|satisfying))\b", re.IGNORECASE)
_FRONTED_CONDITION = pattern_cache.compile(r"[\s(]*(?:before|prior\s+to|until)\b", re.IGNORECASE)
# "..., the Licensed Professional shall obtain NorthStar's Certification": the main clause names the gate
_MUST_OBTAIN = pattern_cache.compile(r",\s+[^,;]{0,60}?\b(?:shall|must|will)\s+(?:first\s+)?(?:obtain|complete|pass|receive|secure|satisfy|"
                          r"hold|earn)\b", re.IGNORECASE)
# the MSO (or its officer) as the subject of the main clause: "..., Verde's Clinical Education Director shall ..."
_MSO_ACTS = pattern_cache.compile(r"(?:(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,4}?)?\s*(?:shall|must|will)\b", re.IGNORECASE)
_CONDITION_END = pattern_cache.compile(r"[;.](?:\s|$)|,\s+(?:and|but|or)\s+(?!(?:its|their|his|her|passing|completing|obtaining)\b)|"
                            r"\bprovided\b", re.IGNORECASE)
# a party named after these words receives something; it grants nothing ("until Practice has sent it to Verde")
_RECIPIENT_BEFORE = pattern_cache.compile(r"\b(?:to|with|for|from|on\s+behalf\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _gate_words() -> re.Pattern:
    return entry("control_verbs.gate").regex


def budget_is_msos(view: ClauseView) -> bool:
    """Does the clause say the MSO adopts the Budget ("effective upon its adoption by Manager")?"""
    text = view.text
    return any(x.role == "mso" and (_BUDGET_ADOPTED_BY.search(text, max(0, x.start - 120), x.start)
                                    or _ADOPTS_BUDGET.match(text, x.end)) for x in view.mentions)


def _negated_before(view: ClauseView, start: int, end: int) -> bool:
    return any(start <= s < end for s, _ in view.scope.forward)


def budget_gates(view: ClauseView, seg, objects) -> list[tuple[int, int]]:
    """"Practice shall not hire any physician ... unless the cost is provided for in the Budget": when the
    MSO adopts the Budget, the Budget is the MSO's veto over what the negated clause names."""
    text = view.text
    if "udget" not in text[seg.start:seg.end]:
        return []
    hits = []
    for gate in view.matches_in(_BUDGET_GATE, seg):
        # the objects the negation before the gate covers ("... pay clinician payroll, and P.C. shall not incur
        # any expense for clinical staff that is not included in the Budget": not the payroll)
        negations = [s for s, _ in view.scope.forward if seg.start <= s < gate.start()]
        targets = [o for o in objects if o[1] <= gate.start() and (not negations or o[0] >= max(negations))]
        negated = targets and bool(negations)
        if not targets:  # fronted: "Unless Company provides otherwise in the budget, P.C. shall not increase ..."
            targets = [o for o in objects if o[0] >= gate.end()]
            negated = targets and _negated_before(view, gate.end(), targets[0][0])
        if targets and negated and budget_is_msos(view):
            hits.append(evidence_span(gate.start(), gate.end(), targets))
    for cap in view.matches_in(_BUDGET_CAP, seg):
        # "spending on injectables and clinical supplies shall not exceed the Supply Budget established by MSO"
        targets = [o for o in objects if o[1] <= cap.start()]
        if targets and budget_is_msos(view):
            hits.append(evidence_span(targets[0][0], cap.end(), targets))
    return hits


def _msos_gate(view: ClauseView, start: int, end: int) -> tuple[int, int] | None:
    """Span of a gate word in text[start:end] that belongs to the MSO named there, as grantor or owner."""
    text = view.text
    holders = [x for x in view.mentions if start <= x.start < end and x.role in ("mso", "joint")
               and not _RECIPIENT_BEFORE.search(text, max(start, x.start - 20), x.start)]
    if not holders:
        return None
    for word in _gate_words().finditer(text, holders[0].start, end):
        return holders[0].start, word.end()
    return None


def approval_gates(view: ClauseView, seg, objects) -> list[tuple[int, int]]:
    """The practice's clinical act (one of `objects`) forbidden until the MSO approves, certifies or evaluates."""
    text = view.text
    if not view.has_mso or not objects:
        return []
    hits = []
    for cond in view.matches_in(_CONDITION, seg):
        stop = _CONDITION_END.search(text, cond.end(), seg.end)
        end = stop.start() if stop else seg.end
        before = [o for o in objects if o[1] <= cond.start()]
        restricted = cond.group().lower().startswith("only") or (
            before and _negated_before(view, seg.start, before[0][0]))
        if not before or not restricted:
            continue
        gate = _msos_gate(view, cond.end(), end)
        if gate:
            hits.append(evidence_span(cond.start(), gate[1], before))
    fronted = _FRONTED_CONDITION.match(text, seg.start)
    if fronted:
        comma = text.find(",", fronted.end(), seg.end)
        acts = [o for o in objects if fronted.end() <= o[0] < comma] if comma > 0 else []
        certifier = [x for x in view.mentions if comma < x.start <= comma + 12 and x.role in ("mso", "joint")]
        if acts and certifier and _MSO_ACTS.match(text, certifier[0].end):
            # "Before any nurse injector may perform injectable treatments, Verde's Clinical Education Director shall
            # assess and certify his or her competency": the MSO's own clause names the gate
            stop = _CONDITION_END.search(text, certifier[0].end, seg.end)
            gate = _msos_gate(view, comma, stop.start() if stop else seg.end)
            if gate:
                hits.append(evidence_span(fronted.start(), gate[1], acts))
                return hits
        main = _MUST_OBTAIN.search(text, fronted.end(), seg.end)
        if main:
            acts = [o for o in objects if fronted.end() <= o[0] < main.start()]
            stop = _CONDITION_END.search(text, main.end(), seg.end)
            gate = _msos_gate(view, main.end(), stop.start() if stop else seg.end)
            if acts and gate and not _negated_before(view, main.start(), main.end()):
                hits.append(evidence_span(fronted.start(), gate[1], acts))
    return hits
