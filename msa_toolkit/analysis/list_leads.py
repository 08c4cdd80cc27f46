"""Lists whose lead decides what their items mean.

"Manager shall provide the following services: (a) ...; (b) ..." and "Such services shall include: (i) ..."
make every item an act of the MSO; "Practice shall not, without the prior written consent of Company: (a)
...; (e) add any treatment ..." puts every item under the MSO's consent. `detectors.mso_power` reads
items with the lead found here.
"""
from __future__ import annotations

import re

from .. import pattern_cache
from .actors import Power
from .view import ClauseView


_LIST_LEAD = pattern_cache.compile(r"\b(?:shall|will|agrees\s+to|hereby\s+agrees\s+to)\s+(?:\w+\s+){0,2}?(?:provide|perform|render|furnish|"
                        r"undertake|carry\s+out|be\s+responsible\s+for|have\s+(?:the\s+)?(?:following\s+)?(?:duties|responsibilities))\b"
                        r"(?:[^:;.]|\.(?=\d)){0,120}:", re.IGNORECASE)  # ("subject to Section 4.2 and the Budget:")


# "Halcyon shall (i) review ...; (ii) recommend ...; and (iii) determine ...": the modal governs every item
_ENUMERATED_LEAD = pattern_cache.compile(r"\b(?:shall|will|agrees\s+to)\s+(?:\w+ly\s+)?\((?:i|a|1)\)\s", re.IGNORECASE)


# "Such services shall include: (i) ...": the list of the services the MSO has just undertaken to provide
_SERVICES_INCLUDE = pattern_cache.compile(r"\b(?:such|the|these|its)\s+(?:[\w-]+\s+){0,2}?services\s+(?:shall\s+|will\s+)?(?:include|consist\s+of|"
                               r"comprise)\b(?:[^:;.]|\.(?=\d)){0,60}:", re.IGNORECASE)
_PROVIDES = pattern_cache.compile(r"\s+(?:shall|will|agrees\s+to)\s+(?:\w+\s+){0,2}?(?:provide|perform|render|furnish)\b", re.IGNORECASE)
# "Practice shall not, without the prior written consent of Company: (a) ...; (e) add any treatment ...": the
# consent in the lead governs every item of the list
_CONSENT_LEAD = pattern_cache.compile(r"\b(?:shall|will|may)\s+not\b[^:;]{0,60}?\b(?:without|absent)\s+(?:first\s+(?:obtaining|receiving)\s+)?"
                           r"(?:the\s+)?(?:(?:prior|express|advance|written)\s+)*(?:(?:consent|approval|authorization)\s+of\s+)?"
                           r"(?:the\s+)?$", re.IGNORECASE)
_CONSENT_LEAD_END = pattern_cache.compile(r"(?:'s|\u2019s)?\s*(?:(?:prior|express|advance|written)\s+)*(?:consent|approval|authorization)?"
                               r"[^:;]{0,40}:", re.IGNORECASE)


def consent_list_lead(view: ClauseView, seg) -> int | None:
    """Where the items start when the segment is "X shall not, without the consent of <MSO>: ..."."""
    text = view.text
    if ":" not in text[seg.start:seg.end]:
        return None
    for x in view.mentions:
        if seg.start <= x.start < seg.end and x.role in ("mso", "joint"):
            lead = _CONSENT_LEAD.search(text, max(seg.start, x.start - 140), x.start)
            end = lead and _CONSENT_LEAD_END.match(text, x.end)
            if end and re.search(r"consent|approval|authori[sz]ation", text[lead.start():end.end()], re.IGNORECASE):
                return end.end()
    return None


def service_list_lead(view: ClauseView, seg) -> Power | None:
    """"Manager shall provide the following services: (a) ...", "Manager shall (i) ...; (ii) ...": the items that
    follow are the MSO's acts (after a bare modal, only the verb each item opens with: how="enumerated")."""
    lead = _LIST_LEAD.search(view.text, seg.start, seg.end)
    enumerated = None if lead else _ENUMERATED_LEAD.search(view.text, seg.start, seg.end)
    if enumerated:
        # the party right before the modal: "Halcyon shall (i) review ...; and (iii) determine the treatment menu"
        subject = [x for x in view.mentions if seg.start <= x.start and x.end <= enumerated.start()]
        if (subject and subject[-1].role in ("mso", "joint") and not subject[-1].possessive
                and not view.text[subject[-1].end:enumerated.start()].strip()):
            return Power(frozenset({"mso"}), subject[-1].start, enumerated.end(), "enumerated")
        return None
    if not lead:
        include = _SERVICES_INCLUDE.search(view.text, seg.start, seg.end)
        provider = [x for x in view.mentions if x.start < seg.start and x.role in ("mso", "joint")
                    and not x.possessive and _PROVIDES.match(view.text, x.end)]
        if include and provider:
            return Power(frozenset({"mso"}), include.start(), include.end(), "active")
        return None
    subject = [x for x in view.mentions if seg.start <= x.start and x.end <= lead.start()]
    if not subject or subject[-1].role not in ("mso", "joint") or subject[-1].possessive:
        return None
    return Power(frozenset({"mso"}), subject[-1].start, lead.end(), "active")


def opens_item_list(lead: str) -> bool:
    """Does this sentence open a list whose items it governs: the MSO's services ("Manager shall be responsible
    for:"), or the MSO's consent over what follows ("Practice shall not, without the consent of Manager:")?"""
    return bool(_LIST_LEAD.search(lead) or _SERVICES_INCLUDE.search(lead)
                or (re.search(r"\b(?:without|absent)\b", lead, re.IGNORECASE)
                    and re.search(r"consent|approval|authori[sz]ation", lead, re.IGNORECASE)))


# "The Operating Committee shall have authority to review and approve: (a) ...; (c) the Service Menu": a power
# verb ending the lead governs every item; between the verb and the colon only "the following" and the like
_POWER_LEAD_TAIL = pattern_cache.compile(r"\s*(?:(?:any|all|each)\s+(?:of\s+)?)?(?:the\s+)?(?:following|matters\s+set\s+forth\s+below|"
                                         r"following\s+matters|following\s+items)?\s*(?:,\s*(?:among\s+other\s+things|without\s+limitation)\s*)?:",
                                         re.IGNORECASE)


def power_list_lead(view: ClauseView, seg, verbs) -> int | None:
    """Where the items start when the segment's lead ends in the MSO's power verb ("Manager shall approve the
    following: (a) ..."), outside any negation; `verbs` are the rule's power-verb lexicon entries."""
    text = view.text
    colon = text.find(":", seg.start, seg.end)
    if colon < 0:
        return None
    for lex in verbs:
        for m in lex.regex.finditer(text, max(seg.start, colon - 80), colon):
            if not _POWER_LEAD_TAIL.fullmatch(text, m.end(), colon + 1):
                continue
            power = view.powers.subject_before(seg.start, m.start())
            if power is not None and power.mso and not view.scope.negated(seg, m.start(), m.end()):
                return colon + 1
    return None
