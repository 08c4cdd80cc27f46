"""Clause-level detectors. A rule in the catalogue names one detector and the lexicon entries it uses;
the detector returns the evidence spans (offsets into the clause text) where the hazard occurs.

- `mso_power`: the MSO (alone or jointly) holds a power word over a clinical object. Who holds the
  power comes from `actors`, whether it is negated or waived from `context`, never from the pattern.
- `fee_structure`: the clause's fee (from `fees`) has one of the listed structures.
- `tied_pay`: pay that reaches clinicians is measured by volume or revenue.
- `quota`: a quota or target of volume or revenue for clinicians.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable

from .. import pattern_cache
from .actors import Power
from .clause_grammar import (
    COMPOUND_NOUN_BEFORE, NOUN_HEAD_AFTER, PURPOSE_BEFORE, RECIPIENT, clause_end, directed_by_practice, evidence_span,
    PROPOSED_ACT, created_for_practice, handed_to_practice, owned_by_other_party, paid_from_practice_funds, possessed_by_other, refers_back,
    names_earlier, act_named_again,
)
from .defined_standards import bound_to_standard, clause_definitions, kept_in_clause, mso_standards
from .fees import FeeHit
from .deference import EDIT_VERB, as_practice_specifies, practice_approves, practice_consent_after, practice_prevails
from .gates import approval_gates, budget_gates
from .list_leads import consent_list_lead, power_list_lead, service_list_lead
from .matrices import matrix_rows
from .lexicon import entry, union_cues, union_regex
from .terms import not_the_thing
from .view import ClauseView
from .volume_detectors import quota, tied_pay

_CONSENT_INTRO = pattern_cache.compile(
    r"\b(without|absent|unless|until|except|save|subject\s+to|conditioned\s+(?:up)?on|contingent\s+(?:up)?on|"
    r"conditional\s+(?:up)?on|requires?|required|requiring|obtain(?:ing|ed)?|seek(?:ing)?|secur(?:e|ing)|with|upon|if|"
    r"after|receiv(?:e|ed|ing)|need|needs|needed|prior\s+to|only\s+(?:those|such)|provided(?:,?\s+(?:however|further|always|also),?)?\s+that)\b(?![\s\S]*\b(?:without|absent|unless|until|except|subject\s+to|"
    r"requires?|required|obtain(?:ing|ed)?|with|upon)\b)",
    re.IGNORECASE,
)
_PRONOUN_OBJECT = pattern_cache.compile(r"\s+(?:(?:it|them|the\s+same|such\s+\w+)\b(?!')|(?:its|their)\s+(?:retention|destruction|release|"
                             r"disclosure|contents?|use|transfer|sale|custody|adoption|modification)\b)", re.IGNORECASE)
# a decision noun that is the object of a service ("shall provide ... the selection of", "which include the approval of")
_SERVICE_OF_NOUN = pattern_cache.compile(r"\b(?:provides?|performs?|handles?|undertakes?|conducts?|(?:be|is|are)\s+responsible\s+for|"
                                         r"includes?|including|manages?|oversees?)\s+(?:[^.;:()]{0,120}?(?:,\s*|\s+and\s+))?"
                                         r"(?:(?:the|all|any|final)\s+)?$", re.IGNORECASE)
_MAIN_VERB = pattern_cache.compile(r"\b(?:shall|will|may|must|agrees\s+to)\s+(?:[a-z]+ly\s+)?([a-z]+)")
_WHICH_BEFORE = pattern_cache.compile(r",?\s*(?:which|that)\s+(?:shall\s+|will\s+)?$")


def _service_provider(view: ClauseView, text: str, seg_start: int, verb_start: int):
    """Who provides the service whose verb starts at `verb_start` ("Manager shall provide the services ..., which
    include ..."): the subject of the sentence, through a relative that describes its services."""
    start = min(seg_start, text.rfind(". ", 0, verb_start) + 1)
    relative = _WHICH_BEFORE.search(text, max(start, verb_start - 16), verb_start)
    if relative is None:
        return view.powers.subject_before(start, verb_start, _support())
    main = None
    for main in _MAIN_VERB.finditer(text, start, relative.start()):
        pass
    return view.powers.subject_before(start, main.start(1), _support()) if main else None


_OF_AFTER = pattern_cache.compile(r"\s+of\b")
# the party right before its verb ("Manager designates", "Manager may from time to time select")
_SUBJECT_THEN_VERB = pattern_cache.compile(r"(?:the\s+)?[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,3}\s+"
                                           r"(?:(?:shall|may|will|must)\s+)?(?:(?:from\s+time\s+to\s+time|hereafter|then)\s+)?")
# "submit ... for approval": the approval asked for is the addressee's (consent_holder reads "to Manager for approval")
_ASKED_FOR = pattern_cache.compile(r"\b(?:submit|submits|submitted|submitting|present|presents|presented|send|sends|sent|refer|"
                                   r"refers|referred|deliver|delivers|delivered|forward|forwards|forwarded)\b[^.;]{0,80}?\bfor\s+"
                                   r"(?:its\s+|their\s+|his\s+|her\s+|the\s+)?(?:(?:prior|written|final|advance|express)\s+)*$",
                                   re.IGNORECASE)
# a deadlock that the next words break: "if the panel cannot agree,", "in the event of a tie,"
_DEADLOCK = pattern_cache.compile(r"\b(?:cannot|can\s*not|can't|do\s+not|does\s+not|fail\s+to|fails\s+to|are\s+unable\s+to|is\s+unable\s+to)\s+"
                                  r"(?:agree|reach\s+(?:agreement|a\s+decision|consensus))\b|\b(?:deadlock|deadlocked|tie|tied|"
                                  r"equally\s+divided|disagree|disagreement)\b", re.IGNORECASE)
_END_OF_SENTENCE = pattern_cache.compile(r"\s*(?:[.;]|$|,?\s+(?:and|which|whose)\b)")
_CONCEDED = pattern_cache.compile(r"\b(?:even\s+if|even\s+though|even\s+where|even\s+when)\b[^,;.]*$", re.IGNORECASE)
_SPREADS = pattern_cache.compile(r"publish(?:es|ed|ing)?|announc(?:e|es|ed|ing)", re.IGNORECASE)
_CONSENT_VERBS = frozenset({"agree", "agrees", "agreed", "consents", "consented", "approve", "approves", "permit", "permits",
                            "objects", "objected"})


_OTHERWISE = pattern_cache.compile(r"\s+(?:otherwise|in\s+writing\s+otherwise)\b", re.IGNORECASE)
# "If the Medical Director resigns, Manager shall engage a replacement": the replacement is the person named before
_REPLACEMENT = pattern_cache.compile(r"\s+(?:(?:and\s+)?\w+\s+)?(?:a|an|the|any|such)\s+(?:qualified\s+|suitable\s+|new\s+)?"
                          r"(?:replacement|successor|substitute)s?\b(?!\s+(?!(?:within|for|to|who|whom|that|which|of|in|as|"
                          r"by|on|at|and|or|reasonably|acceptable|satisfactory|so|promptly|thereof)\b)[a-z])", re.IGNORECASE)
_RELATIVE_CLAUSE = pattern_cache.compile(r"\b(?:that|which|whom|whose\s+\w+|as)\s+(?:the\s+)?$", re.IGNORECASE)
# "a P.C. clinician who alone decides ...": the verb has a subject of its own
_RELATIVE_SUBJECT = pattern_cache.compile(r"\b(?:who|which)\s+(?:alone\s+|solely\s+|also\s+|\w+ly\s+)?(?:(?:shall|will|may|must)\s+)?$",
                               re.IGNORECASE)
_HEAD_OF_RELATIVE = pattern_cache.compile(r"(?:\s+(?:updates?|changes?|amendments?|revisions?|modifications?|plans?|programs?|"
                                           r"policies|matters?|decisions?))?"
                                           r"(?:[\s,]+(?:or|and|and/or)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?[\s,]*", re.IGNORECASE)
_FOR_BEFORE = pattern_cache.compile(r"\bfor\s+(?:the\s+|each\s+|all\s+|its\s+)?$", re.IGNORECASE)
_LIST_GAP = pattern_cache.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|and/or)\s+)(?:the\s+|its\s+|all\s+)?")


def _list_end(text: str, first: tuple[int, int], objects) -> int:
    """Where a list of objects that begins with `first` ends ("nurse injectors and physician assistants")."""
    end = first[1]
    for start, stop, *_ in sorted(o for o in objects if o[0] >= first[1]):
        if not _LIST_GAP.fullmatch(text, end, start):
            break
        end = stop
    return end


_RECORDS_SYSTEM = pattern_cache.compile(r"(?:EHR|EMR|electronic\s+(?:health|medical)\s+records?(?:\s+system)?|"
                                        r"(?:records|charting|practice\s+management)\s+system)", re.IGNORECASE)
_IN_PLACE_BEFORE = pattern_cache.compile(r"\b(?!(?:data|information|records?|charts?|notes|photographs|images|entries)\b)"
                                         r"[a-z]{3,}\s+(?:in|within|inside|on|into)\s+(?:the\s+|its\s+|such\s+)?$")


_WRITTEN_IN = pattern_cache.compile(r"\b(?:documents?|records?|notes?|enters?|writes?|logs?)\s+(?:[\w-]+\s+){0,2}?in\s+"
                                    r"(?:the\s+|its\s+|each\s+|a\s+)?(?:patient's\s+|patient\u2019s\s+)?$", re.IGNORECASE)
_CHART = pattern_cache.compile(r"(?:medical\s+|patient\s+)?(?:charts?|records?)", re.IGNORECASE)


def _system_as_place(text: str, target: tuple[int, int]) -> bool:
    """A records system named as the place of another thing ("the charting templates in the EHR"), or the chart a
    clinician writes in ("documents in the chart a contraindication"), not the records themselves."""
    if _RECORDS_SYSTEM.fullmatch(text, target[0], target[1]):
        return bool(_IN_PLACE_BEFORE.search(text, max(0, target[0] - 40), target[0]))
    return bool(_CHART.fullmatch(text, target[0], target[1]) and _WRITTEN_IN.search(text, max(0, target[0] - 40), target[0]))


# the verb that opens a list item: "...; and (iii) determine ..."
_OPENS_ITEM = pattern_cache.compile(r"\(\w{1,4}\)\s*$")


_FRONTED_GAP = pattern_cache.compile(r"(?:\s+(?:of|employed\s+by|engaged\s+by)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*,\s*")
_ABSTAINS_FROM = pattern_cache.compile(r"\b(?:recus\w+|abstain\w*)\s+(?:(?:himself|herself|themselves|itself)\s+)?from\s+(?:any\s+|all\s+|each\s+|the\s+)?$",
                                       re.IGNORECASE)
_NOT_RELATIVE = pattern_cache.compile(r"\b(?:so|such|provided|except|save|order|given|now|notwithstanding|acknowledges|agrees)\s+that\s+(?:the\s+)?$",
                                      re.IGNORECASE)
# the verb of an object relative has no object of its own: "any protocol that MSO issues under Section 4.2"
_OBJECT_GAP = pattern_cache.compile(r"\s*(?:[,.;:)]|$)|\s+(?:under|pursuant|in|at|from|to|for|with|on|by|as|within|after|before|"
                         r"during|and|or|shall|will|may|must|each|annually|periodically|from\s+time)\b", re.IGNORECASE)
# "Manager shall be responsible for the credentialing of ...": the noun names the duty the party holds
_IN_CHARGE = pattern_cache.compile(r"\b(?:responsible\s+for|in\s+charge\s+of|charged\s+with|responsibility\s+for|conduct|conducts|"
                        r"perform|performs|carry\s+out|carries\s+out|complete|completes|undertake|undertakes)\s+"
                        r"(?:the\s+|all\s+|any\s+|annual\s+|periodic\s+)*$",
                        re.IGNORECASE)
_PERFECT = pattern_cache.compile(r"\b(?:has|have|had|having)\s+(?:\w+ly\s+|not\s+|also\s+|so\s+|since\s+|previously\s+|first\s+)?$", re.IGNORECASE)
_DETERMINER = pattern_cache.compile(r"\b(?:a|an|the|any|such|its|their|each|no)\s+$", re.IGNORECASE)
# "authority over the day-to-day business operations": the power names its own scope
_NAMED_SCOPE = pattern_cache.compile(r"\s+(?:over|of|regarding|concerning|with\s+respect\s+to|for)\s+(?!such\b|them\b|it\b|the\s+same\b|those\b|"
                          r"these\b|all\s+such\b)", re.IGNORECASE)
_ENDS_WITH_SCOPE = pattern_cache.compile(r"\b(?:over|of|regarding|concerning|for)$", re.IGNORECASE)
_BACK_POINTER = pattern_cache.compile(r"\s+(?:such|them|it|the\s+same|those|these|all\s+such|record)\b", re.IGNORECASE)
_AUTHORITY_NOUN = pattern_cache.compile(r"authority|final|sole|ultimate|veto|\bsay\b|\bword\b|control|discretion|owner|title|deciding|casting|"
                             r"tie-?breaking", re.IGNORECASE)
_WITHOUT_BEFORE = pattern_cache.compile(r"\b(?:without|absent)\s+(?:(?:any|the|a|an|need\s+for|requirement\s+of|prior|further|"
                             r"written|express|obtaining|seeking|notice\s+to\s+(?:or|and)|consultation\s+with\s+(?:or|and))\s+)*$",
                             re.IGNORECASE)
# ("shall not adopt any standing order over the written objection of Lumen's COO": a veto, as "without")
_WITHOUT = pattern_cache.compile(r"\b(without|absent|over(?=\s+the\s+(?:\w+\s+)?objection))\b", re.IGNORECASE)


_UNDER_REVIEW = pattern_cache.compile(r"\b(?:review|reviews|reviewed|reviewing|assess|evaluate|examine|audit)\s+(?:[^.;]{0,80}?,\s*)?"
                                      r"(?:the\s+)?(?:(?:overall|legal|corporate|entire|whole)\s+)?(?:structure|(?:their|the)\s+relationship|this\s+Agreement|the\s+arrangement)\b"
                                      r"[^.;]*$", re.IGNORECASE)
_SENTENCE_END = pattern_cache.compile(r"[.;](?:\s|$)")
_NON_PREFIX = pattern_cache.compile(r"\bnon[-\s]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Params:
    """The lexicon entries a rule hands to its detector, resolved and compiled."""

    verbs: tuple = ()
    objects: re.Pattern | None = None
    pay: re.Pattern | None = None
    measures: re.Pattern | None = None
    quota: re.Pattern | None = None
    workers: re.Pattern | None = None
    structures: frozenset = frozenset()
    # the document's defined terms that name an MSO-approved clinical standard (see defined_standards.py)
    standards: tuple = ()
    # (uses key, lexicon.Cues) pairs: a clause without the words of any form of one of them cannot raise the
    # rule (see gate.RuleGate)
    needs: tuple = ()


@cache
def _exclusions():
    return (
        pattern_cache.compile(r"(?:" + entry("clinical_objects.non_clinical").regex.pattern +
                   r")[\s/]+(?:(?!(?:and|or|of|for|to|by|with|from|on|in|shall|will|may|must|is|are|be)\b)[^\s,;]+\s+){0,2}$",
                   re.IGNORECASE),
        pattern_cache.compile(r"(?:" + entry("clinical_objects.carve_out").regex.pattern +
                   r")\s+(?:[^\s,;]+\s+){0,8}$", re.IGNORECASE),
        not_the_thing(),
    )


def _person_title() -> re.Pattern:
    """The medical director's titles (`clinical_objects.medical_director`): a person, not a thing."""
    return entry("clinical_objects.medical_director").regex


# "require each subcontractor that handles protected health information to agree ...": the data describes who
# the verb acts on (a business associate's subcontractor), it is not the verb's object
_HANDLER_BEFORE = pattern_cache.compile(r"\b(?:subcontractors?|agents?|vendors?|contractors?|business\s+associates?|workforce\s+members?)"
                                        r"\s+(?:that|who|which)\s+(?:(?:may|will|shall|does|do)\s+)?(?:handles?|process(?:es)?|access(?:es)?|"
                                        r"stores?|receives?|creates?|transmits?|maintains?|has\s+access\s+to|have\s+access\s+to)"
                                        r"(?:\s*,?\s*(?:or|and)?\s*(?:handles?|process(?:es)?|stores?|receives?|creates?|transmits?|maintains?))*"
                                        r"\s+(?:any\s+|the\s+)?$", re.IGNORECASE)


# "guest-greeting scripts, retail merchandising and other non-clinical elements of the System": the list says what it is
_OTHER_NON_CLINICAL = pattern_cache.compile(r"[^.;:]{0,80}?\b(?:and|or)\s+(?:all\s+|any\s+|such\s+)?other\s+(?:non-?clinical|non-?medical)\b",
                                            re.IGNORECASE)


_CARVED_TO = pattern_cache.compile(r"[^.;]{0,80}?,\s*(?:which|who|that)\s+(?:shall|will|may)\s+(?:instead\s+)?be\s+"
                                   r"[a-z]+(?:ed|en|set)\s+(?:solely\s+|exclusively\s+)?by\s+", re.IGNORECASE)


def _handed_to_mso(view: ClauseView, pos: int, end: int) -> bool:
    """The carved-out object goes to the MSO in its own relative clause ("other than protocols for laser treatments,
    which shall be established by Verde"): the carve-out hands it over instead of keeping it from the MSO."""
    carved = _CARVED_TO.match(view.text, pos, end)
    return bool(carved) and any(x.start == carved.end() and x.role in ("mso", "joint") for x in view.mentions)


def clinical_objects(view: ClauseView, objects: re.Pattern, start: int, end: int,
                     practice_set: list | None = None) -> list[tuple[int, int]]:
    """Objects in [start, end) that no qualifier takes out of the clinical lane (party names are not objects).

    Objects left out only because the practice sets them ("the clinical policies adopted by Practice") go to
    `practice_set` when it is given: a veto over them is still the MSO's."""
    adjacent, carve_out, after = _exclusions()
    text = view.text
    found = []
    for m in objects.finditer(text, start, end):
        if any(x.start <= m.start() and m.end() <= x.end and x.role != "medical_director" for x in view.mentions):
            continue  # a party's name is not an object (a medical director who is a party still is one)
        if _officer_of_mso(view, m.start()) and _person_title().search(m.group()):
            continue  # "Manager's Regional Clinical Director": the MSO's own officer acts for the MSO
        lookback = max(start, m.start() - 110)  # qualifiers stay in the sentence (segment) of the object
        qualifier = adjacent.search(text, lookback, m.start())
        if qualifier and any(x.start <= qualifier.start() < x.end for x in view.mentions):
            qualifier = None  # "Kestrel Administrative shall decide ...": a party name, not a qualifier
        tail = after.match(text, m.end(), m.end() + 30)
        if tail and any(m.end() <= x.start < tail.end() for x in view.mentions):
            tail = None  # "which treatments Practice offers": the party that follows is no part of the object
        carved = carve_out.search(text, lookback, m.start())
        if carved and _handed_to_mso(view, m.end(), end):
            carved = None  # "other than protocols for laser treatments, which shall be established by Verde"
        if (qualifier or carved or _NON_PREFIX.search(text, lookback, m.start())
                or tail or _FOR_ITS_OWN.match(text, m.end()) or _HANDLER_BEFORE.search(text, lookback, m.start())
                or _OTHER_NON_CLINICAL.match(text, m.end(), end)):
            continue
        if _BODY_AFTER.match(text, m.end()) and _MEETINGS_OF.search(text, max(start, m.start() - 30), m.start()):
            continue  # "attend meetings of the Clinical Quality Committee": the body's name, not its business
        if _TO_OWN_SHARES.match(text, m.end()):
            continue  # "designate a qualified licensed physician to acquire those shares": a buyer of the practice
        if _MEMBER_QUALIFICATION.search(text, max(start, m.start() - 40), m.start()):
            continue  # "two members appointed by the Group, at least one of whom shall be a physician": who may sit
        if _set_by_practice(view, m.end()):
            if practice_set is not None:
                practice_set.append((m.start(), m.end()))
            continue
        if _person_title().fullmatch(m.group()) and (_NOT_AN_OBJECT_BEFORE.search(text, max(start, m.start() - 40), m.start())
                                                   or _ACTS_AFTER.match(text, m.end())):
            continue  # "as adopted by the Medical Director", "after consultation with ...", "as the Medical Director directs"
        found.append((m.start(), m.end()))
    return found + _records_again(view, objects, start, end, found)


def _records_again(view: ClauseView, objects, start: int, end: int, found) -> list[tuple[int, int]]:
    """"Doctor shall own the medical records of its patients. ... no record shall be released except with
    Administrator's approval": once a clause names patient records, a bare "such records" or "no record"
    later in it means them too (for the rules whose objects are records)."""
    if "record" not in view.lowered and "chart" not in view.lowered:
        return []
    named = _medical_records().search(view.text)
    if not named or named.start() >= end or not objects.search(named.group()):
        return []
    return [(m.start(), m.end()) for m in _BARE_RECORDS.finditer(view.text, max(start, named.end()), end)
            if not any(a < m.end() and m.start() < b for a, b in found)]


def _medical_records() -> re.Pattern:
    return entry("clinical_objects.medical_records").regex


_BARE_RECORDS = pattern_cache.compile(r"\b(?:such|those|these|any|no|all|each|the\s+original)\s+(?:original\s+)?(?:records?|charts?)\b(?!\s+(?:of|relating\s+to)\s+(?!(?:the\s+|any\s+|such\s+)?patients?\b))"
                                      # "... patient charts ...; the MSO may keep, archive or delete records under its own schedule"
                                      r"|(?:(?<=keep\s)|(?<=archive\s)|(?<=delete\s)|(?<=destroy\s)|(?<=purge\s)|(?<=release\s)|(?<=retain\s)|"
                                      r"(?<=disclose\s))(?:records|charts)\b(?!\s+(?:of|relating\s+to)\b)",
                                      re.IGNORECASE)


# "an incentive plan for Halcyon's own front-desk staff": the MSO's own people, not the practice's clinicians
_FOR_ITS_OWN = pattern_cache.compile(r"\s+(?:for|of|covering)\s+(?:(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}(?:'s|\u2019s)|its|their)"
                          r"\s+own\s+(?:[\w,/-]+\s+){0,6}?(?:staff|employees|personnel|workforce|team|people|workers)\b")
# a person who acts or is consulted is not what the power is over
_EQUIPMENT_BEFORE = pattern_cache.compile(r"\b(?:systems?|servers?|software|platforms?|equipment|hardware|devices|premises|"
                                          r"facilities|networks?|databases?|computers?|applications?)\s+(?:(?:owned|leased|"
                                          r"licensed|operated|hosted)\s+(?:or|and|and/or)\s+)?$", re.IGNORECASE)
_TO_OWN_SHARES = pattern_cache.compile(r"\s+to\s+(?:acquire|purchase|buy|hold|receive|own|take\s+title\s+to)\s+(?:[\w-]+\s+){0,4}?"
                                       r"(?:shares|stock|equity|ownership\s+interests?|membership\s+interests?)\b", re.IGNORECASE)
_MEMBER_QUALIFICATION = pattern_cache.compile(r"\bof\s+whom\s+(?:shall|must|will)\s+be\s+(?:an?\s+)?(?:licensed\s+|practicing\s+|board-certified\s+)?$",
                                              re.IGNORECASE)
_NOT_AN_OBJECT_BEFORE = pattern_cache.compile(r"\b(?:by|consultation\s+with|consulting\s+with|conferring\s+with|one\s+of\s+whom\s+shall\s+be|"
                                   r"whom\s+(?:shall|must|will)\s+be)\s+(?:the\s+|its\s+|such\s+|an?\s+)?(?:licensed\s+)?"
                                   r"(?:(?:the\s+)?[A-Z][\w.&-]*(?:'s|\u2019s)\s+)?$",
                                   re.IGNORECASE)
_ACTS_AFTER = pattern_cache.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})?\s+(?:(?:shall|will|may)\s+)?(?:"
                         r"directs?|requests?|determines?|decides?|approves?|selects?|adopts?|orders?|prescribes?|recommends?|"
                         r"deems?|elects?|requires?)\b")
_NOUN_BEFORE_RELATIVE = pattern_cache.compile(r"\b(?:any|each|every|all|such)\s+(?!(?:such|other|new|additional|of)\b)[a-z][\w-]*\s+(?:the\s+|its\s+)?$")
# (not a participle that describes the noun: "all patient medical records maintained at the Locations")
_RELATIVE_VERB_AFTER = pattern_cache.compile(r"\s+(?:(?:shall|may|will|must|has|have|had)\s+(?:\w+ly\s+)?\w+|(?:\w+ly\s+)?(?!is\b|was\b|has\b)[a-z]+(?:es|s)|"
                                             r"(?:\w+ly\s+)?[a-z]+ed\b(?!\s+(?:at|in|on|by|under|within|from|with|as|into)\b))\b"
                                             r"(?!\s+(?:of|and|or|to|for)\b)")
_BODY_AFTER = pattern_cache.compile(r"(?:\s+[A-Z][\w-]*){0,2}\s+(?:Committee|Council|Board|Panel)\b")
_MEETINGS_OF = pattern_cache.compile(r"\b(?:meetings?|minutes|sessions?|proceedings)\s+of\s+(?:the\s+|its\s+|any\s+)?$", re.IGNORECASE)
_ADJECTIVAL_CONSENT = pattern_cache.compile(r"(?:reasonably\s+)?(?:acceptable|satisfactory)\b", re.IGNORECASE)
_ANOTHER_NOUN = pattern_cache.compile(r"\b(?:with|for|by)\s+(?:a|an|the|any|such)\s+[\w-]+")
_WHOSE_MEMBERS = pattern_cache.compile(r"\bwhose\s+(?:[\w()-]+\s+){0,3}?(?:members|seats|directors|representatives)\b", re.IGNORECASE)
_ASIDE_ENDS = pattern_cache.compile(r",\s*(?:shall|will|may|must)\s+(?!be\b)")
_OWN_CLAUSE = pattern_cache.compile(r"[,;]\s*(?:and|or|but|while)\s+(?:no|each|every|any|all|the|such|its|their)\s+"
                         r"(?:[A-Za-z][\w-]*\s+){1,4}?(?:shall|will|may|must)\b|"
                         # "managed by Manager, subject to the clinical coverage requirements that Company specifies":
                         # what follows limits the power; it is not what the power is over
                         r",\s*(?:subject\s+to|in\s+accordance\s+with|consistent\s+with)\s+(?:the\s+|any\s+|all\s+)?"
                         r"(?:[\w-]+\s+){0,4}?(?:requirements?|standards?|policies|protocols|criteria|limits?)\s+"
                         r"(?:that|which|as|set|established|adopted|specified)\b")
_OFFICER_GAP = pattern_cache.compile(r"(?:'s|\u2019s|'|\u2019)?\s+(?:(?:own|then-current|designated|applicable)\s+)?(?:[A-Z][\w&-]*\s+){0,4}$")


def _officer_of_mso(view: ClauseView, pos: int) -> bool:
    """An object right after the MSO's name in the possessive is the MSO's own officer ("Manager's VP of
    Clinical Operations"), who holds the MSO's power; it is not the practice's medical director."""
    for x in view.mentions:
        if x.end <= pos < x.end + 60 and x.possessive and x.role == "mso":
            return bool(_OFFICER_GAP.fullmatch(view.text, x.end, pos))
    return False


# (also after the rest of a list: "the visit lengths, provider schedules and staffing levels determined by the P.C.")
_SET_BY = pattern_cache.compile(r"(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?){0,3}"
                                r"\s*(?:[\w-]+\s+){0,2}?(?:established|set|determined|approved|adopted|chosen|selected|"
                                r"specified|designated)\s+(?:solely\s+|exclusively\s+)?by\s+(?:the\s+)?", re.IGNORECASE)


def _set_by_practice(view: ClauseView, pos: int) -> bool:
    """"the clinical staffing levels established by Doctor", "the appointment lengths and provider schedules
    that Practice determines": the practice's own decision, named as such."""
    m = _SET_BY.match(view.text, pos, pos + 140)
    if m and any(x.start == m.end() and x.role in ("practice", "medical_director") for x in view.mentions):
        return True
    m = _RELATIVE_SET.match(view.text, pos, pos + 120) or _BARE_RELATIVE.match(view.text, pos, pos + 8)
    return bool(m) and any(x.start == m.end() and x.role in ("practice", "medical_director")
                           and _PRACTICE_DECIDES.match(view.text, x.end) for x in view.mentions)


_RELATIVE_SET = pattern_cache.compile(r"(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?){0,3}\s*,?\s+"
                                      r"(?:that|which|as)\s+(?:the\s+)?", re.IGNORECASE)
# "during the clinical hours Group establishes": a relative clause without "that"
_BARE_RELATIVE = pattern_cache.compile(r"\s+(?:the\s+)?")
_PRACTICE_DECIDES = pattern_cache.compile(r"(?:'s\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:\w+ly\s+)?(?:determines?|sets?|selects?|establishes|"
                                          r"approves?|specifies|directs?|decides?|chooses|adopts?|has\s+(?:determined|approved|"
                                          r"selected|set|adopted|established))\b", re.IGNORECASE)


def _consent_power(view: ClauseView, seg, m, condition_only: bool = False) -> bool:
    """Does the consent word at `m` give the MSO a power?  ("not ... without X's consent" does.)

    `condition_only`: words such as "approved", "review", "exception" that grant a veto only inside a
    condition ("unless Manager has approved", "subject to the prior review of Manager")."""
    holder = view.powers.consent_holder(m.start(), m.end(), seg.end)
    if holder is None or holder.role not in ("mso", "joint"):
        return False
    if _ABSTAINS_FROM.search(view.text, max(0, m.start() - 40), m.start()):
        return False  # "shall recuse herself from any decision of Aurora"
    scope = view.scope
    if scope.waived(seg, m.start()):
        return False
    lookback = max(seg.start, min(m.start() - 70, holder.start - 40))  # the intro comes before the holder
    # (to m.end(): "over" counts only before "the objection", which a lookahead must be able to see)
    intro = _WITHOUT.search(view.text, lookback, m.end()) or _CONSENT_INTRO.search(view.text, lookback, m.start())
    if intro and intro.start() >= m.start():
        intro = _CONSENT_INTRO.search(view.text, lookback, m.start())
    # "use the forms without modification unless Company agrees": the nearer condition introduces the consent
    nearer = _CONSENT_INTRO.search(view.text, intro.end(), m.start()) if intro is not None else None
    if nearer is not None and intro.group(1).lower() == "without" and nearer.group(1).lower() in ("unless", "until", "except"):
        intro = nearer
    word = " ".join(intro.group(1).lower().split()) if intro else ""
    if word in ("upon", "with", "after") and _EXCEPT_BEFORE.search(view.text, max(0, intro.start() - 16), intro.start()):
        word = "except"  # "No injectable shall be ordered except upon approval by the MSO": the exception is the veto
    if condition_only and not word.startswith(_CONDITIONS):
        return False
    if word in ("without", "absent", "over"):
        # "Absent Manager's consent, Practice shall not ...": a fronted condition; the negation follows it
        return (scope.negated(seg, intro.start()) or _fronted_then_negated(view, seg, intro.start(), m.end())
                or _negated_through_phrase_exception(view, seg, intro.start())
                # "the number of nurse practitioners shall not exceed ten without the consent of Manager": a limit
                # that only the consent lifts (its "not" is no negation of a power)
                or bool(_LIMIT_BEFORE.search(view.text, max(seg.start, intro.start() - 160), intro.start())))
    if word in ("unless", "until", "except", "save", "if") or word.startswith("provided"):
        # "... until the Parties agree otherwise" sets a default; it gives nobody a veto ("unless Company agrees
        # otherwise" does: the MSO alone decides when the rule may be left)
        return holder.role == "mso" or not _OTHERWISE.match(view.text, m.end())
    if m.group().lower() in _CONSENT_VERBS:
        return False  # "Practice and Manager agree that ..." grants no power
    return not scope.negated(seg, m.start(), m.end())


_LIMIT_BEFORE = pattern_cache.compile(r"\b(?:shall|may|will|must)\s+(?:not|in\s+no\s+event)\s+(?:exceed|be\s+(?:more|greater|higher|"
                                      r"less|fewer|lower)\s+than|fall\s+below)\b[^.;]*$", re.IGNORECASE)
_CLAUSE_EXCEPTION = pattern_cache.compile(r"\b(?:except\s+that|provided|however|but|unless|whereas|while)\b|;|"
                               # ", and the shareholders of P.C. may ...": a new clause with its own subject
                               r",\s+(?:and|or)\s+(?:the\s+|its\s+|each\s+|any\s+|all\s+|no\s+|such\s+)?[\w.]+(?:\s+[\w.]+){0,4}?"
                               r"\s+(?:shall|will|may|must)\b")


def _negated_through_phrase_exception(view: ClauseView, seg, pos: int) -> bool:
    """"No patient record shall be released to any person other than the patient without X's sign-off": an
    exception inside a phrase ("other than the patient") does not lift the negation over the "without"."""
    for start, end in view.scope.forward:
        if seg.start <= start and end <= pos and not _CLAUSE_EXCEPTION.search(view.text, end, pos):
            return True
    return False


_EXCEPT_BEFORE = pattern_cache.compile(r"\b(?:except|save|other\s+than)\s+$", re.IGNORECASE)
_CONDITIONS = ("without", "absent", "unless", "until", "except", "save", "if", "subject to", "conditioned",
               "contingent", "conditional", "after", "prior to", "requir", "provided", "only if", "only with", "on condition",
               "only those", "only such")
_FRONTED_END = pattern_cache.compile(r"[^,;]{0,80},")


def _fronted_then_negated(view: ClauseView, seg, intro_start: int, consent_end: int) -> bool:
    """A condition opening the sentence ("Absent X's consent, Practice shall not ...") governs the main
    clause after its comma: the consent gives a veto when that clause is negated."""
    if view.text[seg.start:intro_start].strip(" ,;:.()0123456789") :
        return False
    comma = _FRONTED_END.match(view.text, consent_end)
    if not comma:
        return False
    after = comma.end()
    return any(after <= s < seg.end for s, _ in view.scope.forward)


_REDUCED_RELATIVE = pattern_cache.compile(r"^[a-z]+(?:ed|en|kept|set|chosen)(?:\s+(?:by|exclusively\s+by|solely\s+by))?$", re.IGNORECASE)
_PARTICIPLE_AGENT = pattern_cache.compile(r"\b(?:made|prepared|selected|documented|performed|rendered|entered|recorded|"
                                          r"signed|ordered|provided|furnished|adopted|approved|established|set|determined|"
                                          r"specified|chosen|issued|written|developed)\s+by\s+(?:the\s+|its\s+|each\s+)?"
                                          # "the room plan adopted by the Professional Entity's Medical Director"
                                          r"(?:(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3}(?:'s|\u2019s)\s+)?$", re.IGNORECASE)
# ... when that noun is a business thing ("the point-of-sale system maintained by Meridian", "other practices
# managed by Company"); a rulebook, a list or a person named there still carries the power over what it covers
_BUSINESS_HEAD = pattern_cache.compile(r"\b(?:systems?|software|platforms?|practices|portals?|websites?|accounts?|premises|facilities|"
                            r"campaigns?|reports?|statements?|invoices?|ledgers?|leases?|offices?|locations?|sites?|"
                            r"vehicles?|programs?\s+of\s+marketing|members|coverage|benefits|insurance|payroll|centers?|centres?|"
                            r"clinics?|spas?)\W*$", re.IGNORECASE)
_BE_AUX = pattern_cache.compile(r"\b(?:be|been|being|is|are|was|were|become|becomes|remain|remains)\s+"
                     r"(?:(?:\w+ly|those|such|the\s+ones|the|only|all|any|each)\s+){0,3}"
                     r"(?:[\w-]+(?:ed|en|set|kept|chosen)\s*,?\s+(?:(?:and|or|and/or)\s+)?){0,4}$|"
                     # "shall have their scheduled hours reduced by Verde": the causative passive
                     r"\b(?:have|has|had|get|gets)\s+(?:their|its|his|her|the|such|any)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# "No offer shall be extended to any such candidate unless ...": the people of the sentence before
_SUCH_PERSON = pattern_cache.compile(r"\b(?:any|each|every|no)\s+such\s+(?:candidates?|persons?|individuals?|clinicians?|providers?|"
                          r"professionals?|hires?|employees?|injectors?|nurses?)\b", re.IGNORECASE)
_SUCH_OPENING = pattern_cache.compile(r"[\s(]*(?:[a-z0-9]{1,4}[.)]\s*)?(?:(?:any|each|every|all|no)?\s*such|the\s+foregoing|all\s+of\s+the\s+foregoing)"
                                      r"\s+[a-z]", re.IGNORECASE)


_HOLDER_NOUN = pattern_cache.compile(r"(?:assessment|evaluation|appraisal|review|supervision|oversight|discipline|direction)s?\b|"
                                     # "Manager's proposed staffing schedule ... shall be deemed accepted"
                                     r"proposed\b(?=[^.]{0,300}?\bdeemed\b)", re.IGNORECASE)


def _mso_possessor(view: ClauseView, m) -> Power | None:
    """"NorthStar's assessment of the Medical Director's performance": a power noun owned by the MSO is its power."""
    if not _HOLDER_NOUN.match(view.text, m.start()):
        return None
    for x in reversed(view.mentions):
        if x.end <= m.start():
            if x.possessive and x.role in ("mso", "joint") and _POSSESSOR_GAP.fullmatch(view.text, x.end, m.start()):
                return Power(frozenset({x.role}), x.start, m.end(), "active")
            return None
    return None


def _named_inside(view: ClauseView, m) -> Power | None:
    """"from among the candidates MSO presents": the party named inside the words, right before their last
    word (the verb), holds the power."""
    for x in view.mentions:
        if m.start() < x.start and x.end < m.end() and _ONE_WORD.fullmatch(view.text, x.end, m.end()):
            return Power(frozenset({x.role}), m.start(), m.end(), "active")
    return None


_NOT_A_POWER_AFTER = pattern_cache.compile(r"(?<=\bset)\s+forth\b|(?<=\bsets)\s+forth\b|(?<=\bdirect)\s+(?:all\s+|any\s+|such\s+)?"
                                r"(?:[\w-]+\s+){0,2}(?:concerns?|questions?|complaints?|inquir\w+|communications?|"
                                r"correspondence|calls?)\b"
                                # "after any material change in applicable law": a change in the law, nobody's power
                                r"|(?<=\bchange)\s+in\s+(?:the\s+)?(?:applicable\s+|any\s+)?(?:law|laws|regulations?|legislation|statutes?|rules)\b"
                                r"|(?<=\bchanges)\s+in\s+(?:the\s+)?(?:applicable\s+|any\s+)?(?:law|laws|regulations?|legislation|statutes?|rules)\b",
                                re.IGNORECASE)
_ONE_WORD = pattern_cache.compile(r"\s+\w+")
# "Practice may, over the objection of Manager, discontinue ...": the objection word itself, overridden
_OVERRIDDEN_OBJECTION = pattern_cache.compile(r"\b(?:over|notwithstanding|despite)\s+(?:the\s+|any\s+)?(?:written\s+|express\s+|"
                                              r"reasonable\s+|prior\s+)?objections?$", re.IGNORECASE)
_SHARED_OBJECT_AFTER = pattern_cache.compile(r"\s*,\s*(?:and|or)\s+[^,;.()]{3,60}?\b(?:shall|will|may|must)\s+[a-z]+\s*,\s*")
_POSSESSOR_GAP = pattern_cache.compile(r"(?:'s|\u2019s|'|\u2019)\s+(?:(?:annual|yearly|quarterly|monthly|semi-annual|periodic|"
                                       r"regular|written|formal|ongoing|overall|clinical|professional|job|work)\s+){0,2}")
_DONE_TO_POSSESSOR = pattern_cache.compile(r"(?:performance\s+)?(?:reviews?|evaluations?)|removal|replacement|dismissal|"
                                           r"termination|discipline|appointment|engagement|retention|hiring", re.IGNORECASE)
# a document whose topics follow as a list: "a written manual ... governing (a) ...; (b) ..."
_TOPIC_LIST = pattern_cache.compile(r"\b(?:governing|covering|addressing|regarding|concerning|relating\s+to|which\s+shall\s+"
                         r"(?:govern|cover|address|include))\s*(?:,\s*among\s+other\s+things,\s*)?(?::\s*)?\((?:a|i|1)\)",
                         re.IGNORECASE)


def _concessive_before(text: str, start: int, end: int) -> bool:
    """"whether or not those products appear on Manager's list": a condition the sentence says does not
    matter (the cue words are `negation_cues.concessive`), in the same phrase as the words at `end`."""
    cues = list(entry("negation_cues.concessive").regex.finditer(text, start, end))
    return bool(cues) and not _PHRASE_BREAK.search(text, cues[-1].end(), end)


_PHRASE_BREAK = pattern_cache.compile(r"[,;.]")
_SUBJECT_BEFORE_MODAL = pattern_cache.compile(r"[^;:]*?(?<![\w-])(?:all|any|each|every|the|such|no)\s+(?:[\w-]+\s+){0,3}?", re.IGNORECASE)
_MODAL = pattern_cache.compile(r"\b(?:shall|will|must|may)\b")


def mso_power(view: ClauseView, fees: list[FeeHit], params: Params) -> list[tuple[int, int]]:
    text = view.text
    if not view.has_mso or not params.objects.search(text):
        return []
    hits = []
    previous: list[tuple[int, int]] = []
    such_chain = False
    list_lead: Power | None = None  # "Manager shall provide the following services: (a) ...; (b) ..."
    topics_of: tuple[int, int] | None = None  # "Manager shall prepare a manual governing (a) ...; (b) ..."
    items_from: int | None = None  # "Practice shall not, without the consent of Manager: (a) ..."
    consents = any(lex.kind == "consent" for lex in params.verbs)
    decides = any(lex.id == "decide" for lex in params.verbs)
    deadlocked = decides and view.contains(_DEADLOCK)  # (checked per sentence below only when it can be)
    for seg in view.segments:
        if seg.opens != "list":
            list_lead = view.once(("service-list-lead", seg), lambda: service_list_lead(view, seg))
            items_from = view.once(("consent-list-lead", seg), lambda: consent_list_lead(view, seg)) if consents else None
            if items_from is None and decides:  # "The Operating Committee shall have authority to approve: (a) ..."
                items_from = power_list_lead(view, seg, [lex for lex in params.verbs if lex.id == "decide"])
            topics_of = None
        practice_set: list[tuple[int, int]] = []
        objects = clinical_objects(view, params.objects, seg.start, seg.end, practice_set)
        items = [o for o in objects if items_from is not None and o[0] >= items_from]
        if items:
            hits.append(evidence_span(items[0][0], items[0][1], items))
        if topics_of is not None and seg.opens == "list" and objects:
            # "AMP shall prepare a manual governing (a) front-desk procedures; ... (c) treatment protocols": the items
            # are what the MSO's manual governs
            hits.append(evidence_span(topics_of[0], topics_of[1], objects))
            topics_of = None
        # "Practice may hire PAs, provided that Manager has approved them": a proviso refers back to the
        # objects of the clause it qualifies; so does a sentence about "any such engagement"
        opens_with_such, proposed = view.once(("such-and-proposed", seg), lambda: _such_and_proposed(text, seg))
        # "... shall use the informed consent forms ...; no revision to those forms shall take effect without
        # Administrator's approval": a later part of the sentence names the earlier object again
        # (in the subject, before the part's first verb: not "Halcyon shall follow ... instructions regarding ... such data")
        first_modal = _MODAL.search(text, seg.start, seg.end) if previous else None
        names_back = bool(previous) and (names_earlier(text, seg.start, first_modal.start() if first_modal else seg.end,
                                                       previous) or act_named_again(text, seg.start, previous))
        carried = previous if seg.opens == "proviso" or opens_with_such or proposed or names_back else []
        such_chain = opens_with_such or names_back or (such_chain and seg.opens == "proviso")
        previous = objects + carried
        if (not objects and not carried and not practice_set and not _TOPIC_LIST.search(text, seg.start, seg.end)
                and not (deadlocked and _DEADLOCK.search(text, seg.start, seg.end))):
            continue  # (a sentence that breaks a deadlock decides what the body decides, named in an earlier one)
        hits.extend(budget_gates(view, seg, objects))
        hits.extend(approval_gates(view, seg, objects))
        if decides:  # a matrix row's deciding column: for the rules that read decisions, not consents or reports
            hits.extend(matrix_rows(view, seg, objects))
        for lex in params.verbs:
            if view.lacks(lex.cues):
                continue
            for m in view.matches_in(lex.regex, seg):
                if lex.kind == "consent":
                    if _consent_power(view, seg, m, lex.id == "consent-condition"):
                        targets = [o for o in objects if not (o[0] < m.end() and m.start() < o[1])
                                   # "..., even if PC's Medical Director has adopted protocols for it": a concession
                                   and not _CONCEDED.search(text, max(m.end(), o[0] - 60), o[0])
                                   and not _system_as_place(text, o)]
                        if lex.id == "own-possessive":
                            # "the benchmarking data shall remain Manager's property, and all patient records shall
                            # belong to Practice": what is owned is named before the words, or in the same clause after them
                            before = [o for o in targets if o[1] <= m.start()]
                            targets = before or [o for o in targets if m.end() <= o[0] < clause_end(view, m.end(), seg.end)]
                        if _ADJECTIVAL_CONSENT.match(m.group()):
                            # "replace the Medical Director with a physician reasonably acceptable to Company": the
                            # adjective qualifies the noun right before it, not every object of the sentence
                            near = [o for o in targets if o[1] <= m.start() and m.start() - o[1] <= 40]
                            targets = near or [o for o in targets if o[1] <= m.start() and not _ANOTHER_NOUN.search(text, o[1], m.start())]
                        if view.powers.mutual_consent(m.start(), m.end()) is not None:
                            # "Neither A nor B shall add any treatment without the consent of the other": what the
                            # mutual veto covers is named before it
                            targets = [o for o in targets if o[1] <= m.start()]
                        sentence_end = _SENTENCE_END.search(text, m.end())
                        reach = sentence_end.start() if sentence_end else len(text)
                        if not targets and carried and (such_chain or refers_back(text, m.end(), max(seg.end, reach), carried)
                                                        or names_earlier(text, seg.start, m.start(), carried)):
                            targets = carried  # "..., provided that Manager consents to each such engagement"
                        if not targets:
                            # "all clinical policies adopted by Practice shall be submitted to Manager for ratification":
                            # the practice's own choice, as the subject of a sentence that puts it to the MSO's veto
                            targets = [o for o in practice_set if _SUBJECT_BEFORE_MODAL.fullmatch(text, seg.start, o[0])
                                       and _MODAL.search(text, o[1], m.start())]
                        if targets:
                            hits.append(evidence_span(m.start(), m.end(), targets))
                    continue
                power = inside = None
                if lex.id in ("own", "own-relation") and _EQUIPMENT_BEFORE.search(text, max(seg.start, m.start() - 50), m.start()):
                    continue  # "whether stored on systems owned or licensed by Service Company": the systems are owned
                if lex.kind == "relation":
                    power = view.powers.relation_target(m.start(), m.end(), seg.end, lex.direction == "adjacent")
                else:
                    as_noun = (_DETERMINER.search(text, max(0, m.start() - 12), m.start())
                               and not _AUTHORITY_NOUN.search(m.group())
                               and not _IN_CHARGE.search(text, max(0, m.start() - 40), m.start()))
                    # "supplies reasonably required for ...": a participle describes a noun; it is not the verb
                    as_noun = as_noun or (m.group().lower().endswith("ed")
                                          and not _PERFECT.search(text, max(0, m.start() - 24), m.start()))
                    # "preparing credentialing paperwork": the word names a kind of paperwork, it is no verb
                    as_noun = as_noun or bool(NOUN_HEAD_AFTER.match(text, m.end()))
                    # "all Patient Records in MSO's possession or control": a noun paired with possession
                    as_noun = as_noun or bool(_POSSESSION_OR.search(text, max(0, m.start() - 60), m.start()))
                    if text[m.end():m.end() + 1] == "-" or text[max(0, m.start() - 1):m.start()] == "-":
                        continue  # "workstation set-up", "sign-off sheet": part of a hyphenated noun, no verb
                    if m.group().lower() == "fixed" and _DETERMINER.search(text, max(0, m.start() - 12), m.start()):
                        continue  # "a fixed annual stipend": an adjective, no act
                    if _NOT_A_POWER_AFTER.match(text, m.end()):
                        continue  # "set forth in Exhibit D", "direct any concern to the Group": a reference, a routing
                    if _ABSTAINS_FROM.search(text, max(0, m.start() - 40), m.start()):
                        continue  # "shall recuse herself from any decision of Aurora": staying out of a decision
                    if PURPOSE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                        continue  # "the documents needed to credential the professionals": a purpose, not a power
                    if directed_by_practice(view, seg.start, m.start()):
                        continue  # "Manager shall, at the Clinic's direction, ... add the covering clinician"
                    if m.group().lower().startswith(("transfer", "licen")) and handed_to_practice(view, m.end()):
                        continue  # "shall transfer the records to Medical Group": handing them back
                    if created_for_practice(view, m.end(), m.group()):
                        continue  # "information that it creates ... on behalf of Provider": a business associate's words
                    if paid_from_practice_funds(view, m.end(), m.group()):
                        continue  # "pay the Clinic Expenses out of the Practice Account": disbursing as its agent
                    if COMPOUND_NOUN_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                        continue  # "implement security controls": a kind of control, not a power
                    if _UNDER_REVIEW.search(text, max(seg.start, m.start() - 260), m.start()):
                        continue  # "the parties shall jointly review the structure of their relationship, this
                        # Agreement and the P.C.'s oversight of ...": what a compliance review looks at, not a power
                    if owned_by_other_party(view, m.start()):
                        continue  # "upon Group's written approval": the practice's approval, not a power of the MSO
                    if possessed_by_other(view, m.start()):
                        continue  # "the Medical Director's oversight of the Licensed Providers": the director's
                    inside = _named_inside(view, m)
                    service = (_SERVICE_OF_NOUN.search(text, max(text.rfind(". ", 0, m.start()) + 1, m.start() - 160), m.start())
                               if as_noun and _OF_AFTER.match(text, m.end()) else None)
                    power = (inside or _mso_possessor(view, m) or view.powers.agent_after(m.start(), m.end(), seg.end)
                             or (None if as_noun else view.powers.subject_before(seg.start, m.start(), _support()))
                             # "Manager shall provide ... the selection of the injectable brands": a decision as a service
                             or (_service_provider(view, text, seg.start, service.start()) if service else None)
                             or view.powers.holder_later(m.start(), m.end(), seg.end))
                    if (power is None and list_lead is not None and m.start() >= list_lead.end
                            and not _RELATIVE_SUBJECT.search(text, max(0, m.start() - 30), m.start())
                            and (list_lead.how != "enumerated" or _OPENS_ITEM.search(text, max(0, m.start() - 16), m.start()))):
                        power = Power(list_lead.roles, m.start(), m.end(), "active")  # an item of the MSO's services
                if power is None or not power.mso:
                    continue
                if lex.kind != "relation" and _ASKED_FOR.search(text, max(seg.start, m.start() - 120), m.start()):
                    continue  # "Verve shall submit to the Medical Director, for approval, ...": an approval it asks for
                if lex.kind == "draft" and (practice_approves(view, seg) or as_practice_specifies(view, m.end(), seg.end)):
                    continue  # "configure the templates exactly as specified in writing by the Medical Director"
                if practice_consent_after(view, m.end(), seg.end, editing=bool(EDIT_VERB.fullmatch(m.group()))):
                    continue  # "NorthStar may use de-identified data ... only if Group has given its prior written consent"
                if practice_prevails(view, seg):
                    continue  # "to the extent any Standard promulgated by Manager conflicts with a clinical policy, the
                    # clinical policy shall control"
                if view.scope.negated(seg, m.start(), m.end()) or view.scope.waived(seg, m.start()):
                    continue
                if _concessive_before(text, max(seg.start, m.start() - 60), m.start()):
                    continue  # "whether or not those products appear on Company's preferred vendor list": no condition
                without = (_WITHOUT_BEFORE.search(text, max(seg.start, m.start() - 40), m.start())
                           or _OVERRIDDEN_OBJECTION.search(text, max(seg.start, m.start() - 30), m.end()))
                if without and not view.scope.negated(seg, without.start()):
                    continue  # "Practice may hire ... without any approval of Manager", "Practice may, over the
                    # objection of Manager, discontinue any procedure": a freedom, not a power
                if lex.kind == "draft" and _SPREADS.fullmatch(m.group()) and _PRONOUN_OBJECT.match(text, m.end()):
                    continue  # "Practice shall adopt the clinical protocols, and Manager shall publish them": spreading
                    # what someone else wrote (writing it is the other verbs)
                if power.how == "active" and not _PRONOUN_OBJECT.match(text, m.end()):
                    # "Manager may establish, and Practice shall enforce, the maximum time per treatment": the
                    # object both verbs share follows the second one
                    shared = _SHARED_OBJECT_AFTER.match(text, m.end(), seg.end)
                    window_start = shared.end() if shared else m.end()
                    window_end = clause_end(view, window_start, seg.end)
                    targets = [o for o in objects if window_start <= o[0] < window_end]
                    if lex.id == "personnel":  # "assign treatment rooms to the Licensed Professionals": a recipient
                        targets = [o for o in targets if not RECIPIENT.search(text, max(m.end(), o[0] - 20), o[0])]
                    # "assign billing codes only from the code selections made by the Licensed Professionals": the
                    # agent of a participle is not the verb's object
                    targets = [o for o in targets if not _PARTICIPLE_AGENT.search(text, max(m.end(), o[0] - 60), o[0])]
                    # "design the charting templates in the EHR": the system is where the thing acted on lives
                    targets = [o for o in targets if not _system_as_place(text, o)]
                    # "remove from its marketing any package the Medical Director withdraws": the subject of a relative
                    # without "that" is not the verb's object
                    targets = [o for o in targets if not (_NOUN_BEFORE_RELATIVE.search(text, max(m.end(), o[0] - 40), o[0])
                                                          and _RELATIVE_VERB_AFTER.match(text, o[1]))]
                    if (not targets and lex.kind == "draft" and _OBJECT_GAP.match(text, m.end())
                            and _RELATIVE_CLAUSE.search(text, max(0, power.start - 30), power.start)
                            and not _NOT_RELATIVE.search(text, max(0, power.start - 30), power.start)):
                        # "any clinical protocol ... that MSO issues": the object relative names what the MSO writes
                        # (the noun right before the relative, or a list ending there: not "Services at the
                        # following locations, which the Parties may update")
                        rel = _RELATIVE_CLAUSE.search(text, max(0, power.start - 30), power.start)
                        targets = [o for o in objects if o[1] <= rel.start() and _HEAD_OF_RELATIVE.fullmatch(text, o[1], rel.start())]
                    if not targets and lex.kind != "draft":  # "locations, which the Parties may update": not the pen
                        earlier = [o for o in objects if o[1] <= m.start()]
                        if ((_AUTHORITY_NOUN.search(m.group()) and not _NAMED_SCOPE.match(text, m.end())
                             and not (_ENDS_WITH_SCOPE.search(m.group()) and not _BACK_POINTER.match(text, m.end())))
                                or refers_back(text, m.end(), window_end, earlier)
                                or _REPLACEMENT.match(text, m.end())
                                or (_RELATIVE_CLAUSE.search(text, max(0, power.start - 30), power.start)
                                    and not _NOT_RELATIVE.search(text, max(0, power.start - 30), power.start))):
                            targets = earlier
                        if not targets and inside is not None:
                            targets = earlier  # "hire PAs only from among the candidates MSO presents"
                        if not targets and _SUBJECT_THEN_VERB.fullmatch(text, power.start, m.start()):
                            # "shall use only the dermal fillers Manager designates": a relative without "that"
                            targets = [o for o in earlier if not text[o[1]:power.start].strip()]
                        if not targets and _DONE_TO_POSSESSOR.fullmatch(m.group()):
                            # "shall conduct the Medical Director's annual performance review": the possessor is
                            # the one reviewed (not in "under the Medical Director's supervision")
                            targets = [o for o in earlier if _POSSESSOR_GAP.fullmatch(text, o[1], m.start())]
                        if not targets and carried and refers_back(text, m.end(), window_end, carried):
                            targets = carried
                        if not targets:  # "and, for the nurse injectors of Company, set the hourly rates ..."
                            targets = [o for o in earlier if _FOR_BEFORE.search(text, max(0, o[0] - 12), o[0])
                                       and _FRONTED_GAP.fullmatch(text, _list_end(text, o, earlier), m.start())]
                else:
                    # "associates employed by Company ..., and no Licensed Professional shall ...": a new clause
                    # with its own subject is out of the passive's reach
                    cut = _OWN_CLAUSE.search(text, power.end, seg.end)
                    stop = cut.start() if cut else seg.end
                    if _WHOSE_MEMBERS.search(text, max(seg.start, m.start() - 60), m.start()):
                        # "The Council, two of whose five members are appointed by Company, shall approve ...": who
                        # names the members does not act in the main clause (a majority makes the body joint: organs.py)
                        aside = _ASIDE_ENDS.search(text, m.end(), stop)
                        stop = aside.start() if aside else stop
                    # "The Manual issued by Company ... shall not address dosing": a negation between the
                    # passive and the object keeps the object out of the power's reach
                    negation = [s for s, _ in view.scope.forward if max(m.end(), power.end) <= s < stop]
                    if negation:
                        stop = min(negation)
                    targets = [o for o in objects if not (o[0] < m.end() and m.start() < o[1]) and o[0] < stop
                               and not _system_as_place(text, o)]
                    if power.how == "active":
                        # "shall assign them in accordance with the room plan adopted by the Medical Director": the
                        # pronoun is the object; what follows it is not
                        targets = [o for o in targets if o[1] <= m.start()]
                    if not targets and (power.how == "active" or opens_with_such):
                        # the pronoun ("them", "such person") names the proviso's antecedent; "Such determinations
                        # shall take effect only upon their ratification by Manager": the sentence before's objects
                        targets = carried
                if not targets and deadlocked and lex.kind != "draft":
                    targets = _deadlock_targets(view, params, m, power)
                head = (targets and power.how in ("passive", "relation") and _REDUCED_RELATIVE.search(m.group())
                        and not _BE_AUX.search(text, max(0, m.start() - 90), m.start())
                        and _BUSINESS_HEAD.search(text, max(0, m.start() - 40), m.start()))
                if head:
                    # "the point-of-sale system maintained by Manager", "treatments at the Centers managed by
                    # Meridian": a participle right after a noun describes that noun, not the objects before it
                    targets = [o for o in targets if head.start() <= o[1] <= m.start() or o[0] >= m.end()]
                if targets:
                    hits.append(evidence_span(min(power.start, m.start()), m.end(), targets))
                elif power.how == "active" and _TOPIC_LIST.search(text, m.end(), seg.end):
                    topics_of = (min(power.start, m.start()), m.end())
    return hits


def _such_and_proposed(text: str, seg) -> tuple[bool, bool]:
    """Whether the segment opens with "such ..." (naming the objects before it again) and whether its sentence
    proposes an act (see PROPOSED_ACT): the same for every rule, so read once per segment."""
    opens_with_such = bool(_SUCH_OPENING.match(text, seg.start) or _SUCH_PERSON.search(text, seg.start, seg.end))
    sentence_end = _SENTENCE_END.search(text, seg.start)
    proposed = PROPOSED_ACT.search(text, seg.start, sentence_end.start() if sentence_end else len(text))
    return opens_with_such, proposed is not None


def _deadlock_targets(view: ClauseView, params: Params, m, power: Power) -> list[tuple[int, int]]:
    """ "..., and if the panel cannot agree, Business Manager's representative shall decide": the party that breaks
    the deadlock decides whatever the body decides, named before (in this sentence or an earlier one), unless the
    deadlock names its own topic ("if the Parties disagree about the marketing calendar")."""
    text = view.text
    if not _END_OF_SENTENCE.match(text, m.end()):
        return []
    before = max(0, min(power.start, m.start()))
    deadlocks = list(_DEADLOCK.finditer(text, max(0, before - 120), before))
    if not deadlocks:
        return []
    deadlock = deadlocks[-1]  # the nearest before the party that breaks it
    topic = _OWN_TOPIC.match(text, deadlock.end(), before)
    if topic:
        return clinical_objects(view, params.objects, topic.end(), before)
    return clinical_objects(view, params.objects, 0, deadlock.start())


# "deadlocked on the marketing calendar": a disagreement with a topic of its own (not "on any such matter")
_OWN_TOPIC = pattern_cache.compile(r"\s+(?:about|regarding|concerning|on|over|as\s+to|with\s+respect\s+to)\s+"
                                   r"(?!(?:any|each|a|an|the|that|this)?\s*(?:such|that|those|these|this|same)?\s*"
                                   r"(?:matters?|issues?|questions?|decisions?|items?|determinations?|subjects?|it|them)\b)",
                                   re.IGNORECASE)


_POSSESSION_OR = pattern_cache.compile(r"\b(?:in|under|within|from)\s+(?:its|their|the|[A-Z][\w&.-]*(?:'s|\u2019s))\s+(?:[\w-]+\s+)?"
                            r"(?:possession|custody)\s+(?:or|and|and/or)\s+$", re.IGNORECASE)


@cache
def _support():
    return entry("control_verbs.support").regex


def fee_structure(view: ClauseView, fees: list[FeeHit], params: Params) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in fees if f.term.structure in params.structures]


def defined_standard(view: ClauseView, fees: list[FeeHit], params: Params) -> list[tuple[int, int]]:
    """Clinical work bound to a defined term whose definition makes it the MSO's standard."""
    names = list(params.standards)
    if "means" in view.text or "refers" in view.text:
        names += mso_standards(clause_definitions(view.text), lambda t: ClauseView(t, view.actors), params.objects)
    names += kept_in_clause(view, params.objects)
    return bound_to_standard(view, names, params.objects) if names else []


DETECTORS: dict[str, Callable] = {
    "defined_standard": defined_standard,
    "mso_power": mso_power,
    "fee_structure": fee_structure,
    "tied_pay": tied_pay,
    "quota": quota,
}

# which `uses` keys each detector needs, and the lexicon kinds they must point at
DETECTOR_USES: dict[str, dict[str, tuple[str, ...]]] = {
    "defined_standard": {"objects": ("object",)},
    "mso_power": {"verbs": ("verb", "draft", "relation", "consent"), "objects": ("object",)},
    "fee_structure": {"structures": ()},
    "tied_pay": {"pay": ("pay",), "measures": ("measure",), "workers": ("worker", "object")},
    "quota": {"quota": ("quota",), "measures": ("measure",), "workers": ("worker", "object")},
}


# which `uses` keys every hit of a detector needs words from (the cheap pre-check of Params.possible)
DETECTOR_NEEDS: dict[str, tuple[str, ...]] = {
    "defined_standard": (),
    "mso_power": ("objects",),
    "fee_structure": (),
    "tied_pay": ("workers", "pay", "measures"),
    "quota": ("quota", "measures"),
}


def build_params(uses: dict, detector: str | None = None) -> Params:
    """Resolve a rule's `uses` (lexicon references) into compiled patterns (and, given the detector, the
    words a clause must contain for it to fire)."""
    def union(key):
        refs = uses.get(key)
        return union_regex(tuple(refs)) if refs else None

    needs = []
    for key in DETECTOR_NEEDS.get(detector, ()):
        words = union_cues(tuple(uses[key])) if uses.get(key) else None
        if words is not None:
            needs.append((key, words))
    return Params(
        verbs=tuple(entry(r) for r in uses.get("verbs", ())), objects=union("objects"), pay=union("pay"),
        measures=union("measures"), quota=union("quota"), workers=union("workers"),
        structures=frozenset(uses.get("structures", ())), needs=tuple(needs),
    )

