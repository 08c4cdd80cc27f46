"""Detectors for pay and quotas that press clinicians by volume or revenue (rules MSA120 and MSA121).

`tied_pay` finds pay measured by treatments, units or revenue; `quota` finds counts or revenue targets
that clinicians (or the practice's clinical work) must meet. Both read the rule's lexicon entries from
`Params` and skip what a negation governs.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import pattern_cache
from .view import ClauseView

if TYPE_CHECKING:
    from .detectors import Params
    from .fees import FeeHit


_PER_UNIT = pattern_cache.compile(r"(?:each|every|per)\b", re.IGNORECASE)


# a ranking or competition pays whoever wins it: the bonus needs no "based on" to be tied to the measure
_RANKING = pattern_cache.compile(r"(?:highest|top|most|leader|rank|greatest|largest|first|bottom)", re.IGNORECASE)


_LINK = pattern_cache.compile(
    r"\b(?:based\s+(?:up)?on|tied\s+to|linked\s+to|calculated\s+(?:on|by|as|using)|measured\s+by|determined\s+by|"
    r"percentage|percent|per|each|for\s+every|proportion|proportional|commensurate|contingent|depend\w*|achiev\w*|"
    r"exceed\w*|upon|relative\s+to|on\s+the\s+basis\s+of|reflect\w*|vary|varies|in\s+relation\s+to|according\s+to|"
    r"takes?\s+into\s+account|take\s+into\s+account|of|from|on|meet\w*|reach\w*|hit\w*|generat\w*|in\s+which|"
    r"whenever|if|when|more\s+than|over|above|at\s+least|who\s+perform\w*|multiplied\s+by|"
    # "the commission rate rises as monthly service revenue ... increases"
    r"(?:rises?|rising|increases?|increasing|grows?|growing|scales?|climbs?|steps?\s+up|moves?\s+up)\s+(?:as|with|in\s+line\s+with))\b|%",
    re.IGNORECASE)


_PER_PERIOD = pattern_cache.compile(r"per\s+(?:day|week|month|hour|shift|year)", re.IGNORECASE)


_CLINICAL_COUNT = pattern_cache.compile(r"patient|treatment|procedure|visit|consultation|injection|syringe|unit|session",
                             re.IGNORECASE)


_NUMBER = pattern_cache.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                     r"forty|fifty|sixty|hundred)\b|\b(?:quota|target|minimum)", re.IGNORECASE)


_LIST_BOUNDARY = pattern_cache.compile(r",\s+(?:and|or)\s+(?:the\s+)?|;\s*")
_LIST_ITEM_START = pattern_cache.compile(r",\s+the\s+(?=[a-z])")
_LONG_LIST_BOUNDARY = pattern_cache.compile(r",\s+(?:and|or)\s+(?:the\s+)?|;\s*|,\s+the\s+|\s+(?:and|or)\s+the\s+")
_BONUS = pattern_cache.compile(r"bonus|commission|incentive|production|productivity|piece|prize", re.IGNORECASE)


_PERSON_PARTY = pattern_cache.compile(r"(?:the\s+)?(?:doctor|physician|surgeon|dr\.?|medical\s+director)$", re.IGNORECASE)


def _workers_in(view: ClauseView, workers: re.Pattern, start: int, end: int, persons: bool = False,
                paid: bool = False) -> bool:
    """Clinicians named in [start, end), not counting party names ("Physician Practice", "Provider").

    `persons`: a practice party that is a person ("Doctor", "Physician") counts too: pay tied to what
    the doctor personally produces presses the doctor like any employed clinician."""
    text = view.text
    if persons and any(start <= x.start < end and x.role in ("practice", "medical_director")
                       and _PERSON_PARTY.fullmatch(text[x.start:x.end]) for x in view.mentions):
        return True
    return any(not any(x.start <= w.start() < x.end for x in view.mentions) and not _NOT_A_PERSON.match(text, w.end())
               and not _NON_BEFORE.search(text, max(0, w.start() - 5), w.start())  # "non-clinical employees"
               and not (paid and _EXCLUDED.search(text, max(start, w.start() - 80), w.start()))
               for w in workers.finditer(text, start, end))


# "... and no Licensed Provider shall participate", "no such bonus shall be paid to any Licensed Provider": the
# clinicians are named only to be kept out
_EXCLUDED = pattern_cache.compile(r"\b(?:no|neither|nor)\s+(?:such\s+)?(?:[\w-]+\s+){0,8}?(?:shall|will|may)\s+(?:be\s+)?(?:paid|"
                       r"participate|eligible|receive|earn|awarded)\b[^.;]{0,30}$|\bno\s+(?:[\w-]+\s+){0,2}$",
                       re.IGNORECASE)


_NON_BEFORE = pattern_cache.compile(r"\b(?:non|un)-?\s?$", re.IGNORECASE)
# "the provider numbers of P.C.", "provider directory": the word names a record, not a clinician
_NOT_A_PERSON = pattern_cache.compile(r"\s+(?:numbers?|identification|ID|NPI|directory|directories|enrollment|network|portal|"
                           r"agreements?|manual|relations)\b", re.IGNORECASE)
_EXPENSE_ITEM = pattern_cache.compile(r"\b(?:after\s+(?:the\s+)?payment\s+of|less|minus|net\s+of|deducting|after\s+deduction\s+of)\s+"
                           r"(?:the\s+|all\s+)?(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)
_PAYMENT_OF_A_CHARGE = pattern_cache.compile(r"(?<=payment)\s+of\s+(?:its|the|any|all|such|their|his|her|a|an)?\s*(?:[\w-]+\s+){0,2}?"
                                             r"(?:charges?|fees?|costs?|expenses?|invoices?|rent|deposits?|amounts\s+due)\b",
                                             re.IGNORECASE)
# "each member shall receive a treatment": a patient receiving care, not a clinician receiving pay
_RECEIVES_CARE = pattern_cache.compile(r"\s+(?:a|an|the|any|such|each|his|her|their)?\s*(?:[\w-]+\s+){0,2}?(?:treatments?|services?|"
                            r"procedures?|care|refunds?|discounts?|credits?)\b", re.IGNORECASE)


def tied_pay(view: ClauseView, fees: list[FeeHit], params: Params) -> list[tuple[int, int]]:
    """Clinician pay measured by volume or revenue ("a bonus of $10 per syringe", "5% of injectables revenue")."""
    text = view.text
    if not (params.workers.search(text) and params.measures.search(text)):
        return []
    hits = []
    lead_clinicians = lead_persons = False
    for seg in view.segments:
        clinicians = _workers_in(view, params.workers, seg.start, seg.end, paid=True)
        persons = clinicians or _workers_in(view, params.workers, seg.start, seg.end, persons=True, paid=True)
        if seg.opens == "list":  # "(iii) a Growth Bonus of $200 for every new patient": the lead names who is paid
            clinicians, persons = clinicians or lead_clinicians, persons or lead_persons
        else:
            lead_clinicians, lead_persons = clinicians, persons
        if not persons:
            continue
        for pay in params.pay.finditer(text, seg.start, seg.end):
            if pay.group().lower().startswith("receive") and _RECEIVES_CARE.match(text, pay.end()):
                continue
            if _EXPENSE_ITEM.search(text, max(seg.start, pay.start() - 60), pay.start()):
                continue  # "net income after payment of the Physician Compensation": an expense in a fee formula
            if _PAYMENT_OF_A_CHARGE.match(text, pay.end()):
                continue  # "condition the release on payment of its export charges": a charge paid, no one's pay
            if not clinicians and not _BONUS.search(pay.group()):
                continue  # the doctor-party pays or receives a fee: only a bonus or commission is pay for work
            for measure in params.measures.finditer(text, max(seg.start, pay.start() - 160), min(seg.end, pay.end() + 160)):
                if measure.start() < pay.end() and pay.start() < measure.end():
                    continue
                between = text[min(pay.end(), measure.end()): max(pay.start(), measure.start())]
                lead = text[max(seg.start, min(pay.start(), measure.start()) - 25): min(pay.start(), measure.start())]
                # "the volume and scheduling of clinical work, and the employment, supervision, compensation ...":
                # items of one list are not linked by an "of" inside an earlier item
                boundary = None
                # "compensation and termination of Dental Professionals, the length of appointments and the number
                # of patients": in a list of three or more, a plain "and the" also starts the next item
                boundaries = _LONG_LIST_BOUNDARY if _LIST_ITEM_START.search(between) else _LIST_BOUNDARY
                for boundary in boundaries.finditer(between):
                    pass
                linked = (_LINK.search(between, boundary.end() if boundary else 0) or _PER_UNIT.match(measure.group())
                          or _RANKING.match(measure.group()) or _LINK.search(lead))
                if not linked and len(between) > 3:
                    continue
                if view.scope.negated(seg, measure.start(), measure.end()) or view.scope.negated(seg, pay.start()):
                    continue
                hits.append((min(pay.start(), measure.start()), max(pay.end(), measure.end())))
                break
            if hits:
                break
        if not hits and clinicians and params.pay.search(text, seg.start, seg.end):
            # "pay each nurse injector a tiered hourly rate ... The tier applicable to each injector shall be
            # determined by the number of units administered": the next sentence measures the same pay
            after = _next_segment(view, seg)
            if after is not None and _PAY_AGAIN.match(text, after.start):
                measure = params.measures.search(text, after.start, after.end)
                if measure and _LINK.search(text, after.start, measure.start()) and not view.scope.negated(after, measure.start()):
                    hits.append((after.start, measure.end()))
                    break
    return hits


def _next_segment(view: ClauseView, seg):
    later = [s for s in view.segments if s.start >= seg.end]
    return later[0] if later else None


_PAY_AGAIN = pattern_cache.compile(r"\s*(?:The|Such|That|Each|This)\s+(?:[\w-]+\s+){0,2}?(?:tier|tiers|rate|rates|bonus|bonuses|"
                        r"amount|compensation|incentive|incentives|commission|commissions|pay|stipend)\b")


def quota(view: ClauseView, fees: list[FeeHit], params: Params) -> list[tuple[int, int]]:
    """A quota or target of treatments, patients or revenue that clinicians must meet."""
    text = view.text
    if not params.quota.search(text):
        return []
    hits = []
    for seg in view.segments:
        # a quota on the practice itself ("Doctor shall see not fewer than 25 patients per day") presses
        # its clinicians just the same
        workers = _workers_in(view, params.workers, seg.start, seg.end)
        if not (workers or any(seg.start <= x.start < seg.end and x.role in ("practice", "medical_director")
                               for x in view.mentions)):
            continue
        for q in params.quota.finditer(text, seg.start, seg.end):
            if _TIME_COMMITMENT.match(text, q.end()) or _HOURS_PER.search(text, max(seg.start, q.start() - 12), q.end()):
                continue  # "not less than twenty hours per week": a time commitment, not a volume quota
            if _AUDIT_BEFORE.search(text, max(seg.start, q.start() - 40), q.start()):
                continue  # "conduct chart audits of not fewer than ten percent of the treatments": a sample size
            count = _COUNT_WORDS.match(text, q.end())
            if count and params.workers.match(text, count.end()):
                continue  # "schedule no fewer than four (4) Licensed Professionals": a staffing minimum, not a quota
            if count and _TRAINING_COUNT.match(text, count.end()):
                continue  # "observe the provider performing not fewer than ten supervised treatments": training
            near = params.measures.search(text, max(seg.start, q.start() - 80), min(seg.end, q.end() + 100))
            if not near or view.scope.negated(seg, q.start(), q.end()) or view.scope.negated(seg, near.start()):
                continue
            if not workers and (_PER_PERIOD.fullmatch(q.group()) or not _CLINICAL_COUNT.search(near.group())
                                or not _NUMBER.search(text, min(q.start(), near.start()), max(q.end(), near.end()))):
                continue  # on the practice itself only a count of patients or treatments is a quota
            if (not _NUMBER.search(text, min(q.start(), near.start()), max(q.end(), near.end()))
                    and (any(x.role in ("practice", "medical_director") and seg.start <= x.start < seg.end
                             and _DECIDED_BY.search(text, max(seg.start, x.start - 40), x.start) for x in view.mentions)
                         or _DECIDED_BY_DIRECTOR.search(text, seg.start, seg.end))):
                continue  # "the number of patients each hygienist sees per day shall be determined by the Practice"
            hits.append((min(q.start(), near.start()), max(q.end(), near.end())))
            break
    return hits


_DECIDED_BY = pattern_cache.compile(r"\b(?:determined|set|decided|established|fixed)\s+(?:solely\s+|exclusively\s+|only\s+)?"
                                    r"by\s+(?:the\s+)?$", re.IGNORECASE)
_DECIDED_BY_DIRECTOR = pattern_cache.compile(
    r"\b(?:determined|set|decided|established|fixed)\s+(?:solely\s+|exclusively\s+|only\s+)?by\s+(?:the\s+|its\s+|each\s+)?"
    r"(?:Medical\s+Director|treating\s+(?:provider|clinician|physician)s?)\b", re.IGNORECASE)
_TIME_COMMITMENT = pattern_cache.compile(r"\s+(?:[\w()-]+\s+){0,3}?(?:hours?|days?|half-days?|shifts?|weeks?)\b"
                              r"(?!\s+(?:in\s+which|during\s+which|with)\b)", re.IGNORECASE)


_AUDIT_BEFORE = pattern_cache.compile(r"\b(?:audits?|auditing|reviews?|reviewing|samples?|sampling)\s+(?:of\s+)?$", re.IGNORECASE)
_TRAINING_COUNT = pattern_cache.compile(r"(?:supervised|proctored|observed|precepted|training|practice)\b", re.IGNORECASE)
_COUNT_WORDS = pattern_cache.compile(r"\s+(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
                                     r"(?:\s+\(\d{1,3}\))?|\d{1,3})\s+(?:full-time\s+|part-time\s+|qualified\s+|additional\s+)?",
                                     re.IGNORECASE)
_HOURS_PER = pattern_cache.compile(r"\b(?:hours?|shifts?|days?)\s+per\s+(?:day|week|month|shift|year)$", re.IGNORECASE)
