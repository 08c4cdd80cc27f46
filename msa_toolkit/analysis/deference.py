"""Where the MSO acts only at the practice's say: a power word that names no power of the MSO.

"Manager shall draft protocols for Practice's approval", "configure the templates exactly as specified by
the Medical Director", "may use de-identified data only if Group has consented", "shall change any field
after the Group requests it", "if an Operating Standard of Manager conflicts with a clinical policy, the
clinical policy shall control": each is read here, and `detectors.mso_power` sets the words aside.
"""
from __future__ import annotations

import re
from functools import cache

from .. import pattern_cache
from .actors import AFTER_PREPOSITION
from .lexicon import entry
from .mentions import Mention
from .view import ClauseView


@cache
def _consent_words() -> re.Pattern:
    return entry("control_verbs.consent").regex


_APPROVED_BY = pattern_cache.compile(r"\b(?:approv|adopt|accept|ratif|sign)\w*\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?$", re.IGNORECASE)


_ITS_APPROVAL = pattern_cache.compile(r"(?:'s|\u2019s)\s+(?:[\w-]+\s+(?:and|or)\s+)?(?:prior\s+|written\s+|final\s+)*"
                           r"(?:review|approval|consent|sign-off|adoption|acceptance)", re.IGNORECASE)


def practice_approves(view: ClauseView, seg) -> bool:
    """Does the practice approve or adopt what the MSO drafts ("for Practice's review and approval")?"""
    text = view.text
    for m in view.matches_in(_consent_words(), seg):
        holder = view.powers.consent_holder(m.start(), m.end(), seg.end)
        if holder is not None and holder.role in ("practice", "medical_director", "owner"):
            return True
    if any(x.role in ("practice", "medical_director") and seg.start <= x.start < seg.end
           and (_APPROVED_BY.search(text, max(seg.start, x.start - 50), x.start)
                or (x.possessive and _ITS_APPROVAL.match(text, x.end))) for x in view.mentions):
        return True
    # "Group shall consider in good faith any change recommended by Halcyon, and may reject it": advice only
    for free in _FREE_TO_REJECT.finditer(text):
        before = [x for x in view.mentions if x.end <= free.start() and not x.possessive
                  and not AFTER_PREPOSITION.search(text, max(0, x.start - 12), x.start)]
        if before and before[-1].role in ("practice", "medical_director"):
            return True
    return False


_FREE_TO_REJECT = pattern_cache.compile(r"\b(?:may|is\s+free\s+to|shall\s+be\s+free\s+to|retains?\s+(?:the\s+)?(?:sole\s+)?(?:right|discretion)\s+to)"
                                        r"\s+(?:accept(?:,\s*modify)?\s+or\s+|adopt\s+or\s+)?(?:reject|decline|disregard)\b|"
                                        r"\bunder\s+no\s+obligation\s+to\s+(?:adopt|follow|implement|accept)\b", re.IGNORECASE)


# ("subject to the Practice's approval" is not enough: "designated by Manager, subject to ..." still lets the MSO choose)
_ONLY_IF = pattern_cache.compile(r"\b(?:only\s+(?:if|when|where|with|after|upon|on|at|to\s+the\s+extent|as)|conditioned\s+(?:up)?on|"
                      r"with\s+the\s+(?:prior\s+)?(?:written\s+)?)\s+", re.IGNORECASE)
_PRACTICE_CONSENTS = pattern_cache.compile(r"(?:'s|\u2019s)?\s+(?:(?:has|have|shall\s+have)\s+)?(?:\w+\s+){0,3}?(?:prior\s+|written\s+|express\s+|"
                                r"specific\s+)*(?:consent|consented|consents|approval|approved|approves|authorization|authorized|authorizes|direction|directs|"
                                r"directed|request|requests|requested|instruction|instructions|instructed|instructs)\b", re.IGNORECASE)


# editing at the practice's request is clerical work ("shall change any such field ... after the Group requests it")
EDIT_VERB = pattern_cache.compile(r"(?:chang|modif|updat|amend|revis|adjust|configur|correct|edit)\w*", re.IGNORECASE)
_ONLY_AS_DIRECTED = pattern_cache.compile(r"\bonly\s+(?:upon|on|at|in\s+accordance\s+with|pursuant\s+to|as\s+set\s+out\s+in)\s+(?:the\s+)?"
                                          r"(?:prior\s+)?(?:written\s+)?(?:directions?|instructions?|requests?|authori[sz]ation|consent|"
                                          r"approval)\s+of\s+(?:the\s+)?", re.IGNORECASE)
_AFTER_REQUEST = pattern_cache.compile(r"\b(?:after|upon|when|as|following|at\s+the\s+(?:request|direction)\s+of)\s+", re.IGNORECASE)
_CONFLICT = pattern_cache.compile(r"\b(?:conflicts?|conflicting|inconsisten\w*)\b[^.;]{0,200}?,\s+(?:then\s+)?((?:the\s+)?[^,.;]{0,60}?)"
                       r"\s+(?:shall|will)\s+(?:control|prevail|govern)\b", re.IGNORECASE)
_PRACTICE_SIDE = pattern_cache.compile(r"\bclinical\b|\bPractice\b|\bMedical\s+Director\b|\bprofessional\b", re.IGNORECASE)


_AS_SPECIFIED_BY = pattern_cache.compile(r"(?:\bas\s+(?:\w+\s+){0,2}?(?:specified|directed|requested|instructed|approved|determined|designed|"
                              r"prescribed|provided|adopted)\s+(?:in\s+writing\s+)?(?:from\s+time\s+to\s+time\s+)?by|"
                              # "configured by Manager at the direction of the Medical Director"
                              r"\b(?:at|on|upon|per|under)\s+the\s+(?:written\s+)?(?:direction|instruction|instructions|request|specifications?)"
                              r"\s+of)\s+(?:the\s+)?$",
                              re.IGNORECASE)


def as_practice_specifies(view: ClauseView, pos: int, seg_end: int) -> bool:
    """Does the MSO write or configure "as specified by" the practice or its medical director ("in accordance with
    the durations specified by the Provider", "slots of the length that Practice specifies", "the lengths so
    determined" after the medical director determined them)?"""
    text = view.text
    for x in [*view.mentions, *_directors(text, pos, min(seg_end, pos + 220))]:
        if pos < x.start < min(seg_end, pos + 220) and x.role in ("practice", "medical_director"):
            if (_AS_SPECIFIED_BY.search(text, max(pos, x.start - 60), x.start)
                    or _SPECIFIED_BY.search(text, max(pos, x.start - 40), x.start)
                    or (_THAT_BEFORE.search(text, max(pos, x.start - 12), x.start) and _SPECIFIES.match(text, x.end))):
                return True
    so_determined = _SO_DETERMINED.search(text, pos, min(seg_end, pos + 220))
    return bool(so_determined) and any(x.start < pos and x.role in ("practice", "medical_director")
                                       and _SPECIFIED_BY.search(text, max(0, x.start - 40), x.start) for x in view.mentions)


def _directors(text: str, start: int, end: int) -> list[Mention]:
    """ "the Medical Director" where no party is named so: the practice's own physician all the same."""
    return [Mention(m.start(), m.end(), "medical_director") for m in _MEDICAL_DIRECTOR.finditer(text, start, end)
            if not re.search(r"(?:'s|\u2019s)\s+$", text[max(0, m.start() - 40):m.start()])]


_MEDICAL_DIRECTOR = pattern_cache.compile(r"\b(?:the\s+)?Medical\s+Director\b")
# "the treatment durations specified by the Provider", "the slots that Practice specifies", "the lengths so determined"
_SPECIFIED_BY = pattern_cache.compile(r"\b(?:specified|set|determined|established|prescribed|selected|chosen|directed|"
                                      r"designated|requested)\s+(?:in\s+writing\s+)?(?:from\s+time\s+to\s+time\s+)?by\s+"
                                      r"(?:the\s+)?$", re.IGNORECASE)
_THAT_BEFORE = pattern_cache.compile(r"\b(?:that|which|as)\s+(?:the\s+)?$", re.IGNORECASE)
_SPECIFIES = pattern_cache.compile(r"(?:'s\s+[\w ]{0,30}?)?\s+(?:shall\s+|may\s+|will\s+|has\s+|have\s+)?(?:from\s+time\s+to\s+time\s+)?"
                                   r"(?:specif|set|determin|establish|prescrib|select|choos|chose|direct|designat|request)\w*\b",
                                   re.IGNORECASE)
_SO_DETERMINED = pattern_cache.compile(r"\bso\s+(?:determined|specified|set|established|selected|chosen|prescribed|directed)\b",
                                       re.IGNORECASE)


def practice_prevails(view: ClauseView, seg) -> bool:
    """A conflict clause in which the practice's (clinical) rules prevail over what the MSO issues."""
    conflict = _CONFLICT.search(view.text, seg.start, seg.end)
    if not conflict:
        return False
    winner = conflict.span(1)
    if any(winner[0] <= x.start < winner[1] and x.role in ("mso", "joint") for x in view.mentions):
        return False  # "the clinical guidelines of Consultant shall control": the MSO's rules win
    return bool(_PRACTICE_SIDE.search(conflict.group(1)))


def practice_consent_after(view: ClauseView, pos: int, seg_end: int, editing: bool = False) -> bool:
    """Is the MSO's act at `pos` allowed only with the practice's consent ("only if Group has consented"), or,
    for an edit, done at its request?"""
    text = view.text
    conditions = list(_ONLY_IF.finditer(text, pos, min(seg_end, pos + 200)))
    if editing:
        conditions += list(_AFTER_REQUEST.finditer(text, pos, min(seg_end, pos + 120)))
    for cond in conditions:
        for x in view.mentions:
            if cond.end() <= x.start <= cond.end() + 12:
                return x.role in ("practice", "medical_director", "owner") and bool(
                    _PRACTICE_CONSENTS.match(text, x.end, x.end + 80))
    # "shall destroy records only upon the written direction of Dental Practice"
    for cond in _ONLY_AS_DIRECTED.finditer(text, pos, min(seg_end, pos + 200)):
        for x in view.mentions:
            if x.start == cond.end():
                return x.role in ("practice", "medical_director", "owner")
    return False
