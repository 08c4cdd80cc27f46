"""Sentence-level helpers the power detector leans on: where a verb's object ends, what a noun points back
to, and small tests of who a phrase belongs to ("upon Group's written approval", "at the Clinic's
direction", "to Medical Group").
"""
from __future__ import annotations

import re
from functools import cache

from .. import pattern_cache
from .view import ClauseView


PROPOSED_ACT = pattern_cache.compile(r"\b(?:the|any|such|that|each)\s+(?:proposed|contemplated|intended|requested)\s+"
                                      r"(?:action|actions|change|changes|engagement|engagements|hire|hiring|termination|"
                                      r"terminations|step|steps|appointment|removal)\b"
                                      # "Provider shall submit ... any proposed new treatment ... If Administrator does not
                                      # object, the proposal shall be deemed approved"
                                      r"|\b(?:the|any|such|that|each)\s+(?:proposal|proposals|submission|submissions)\b",
                                      re.IGNORECASE)
_BACK_REFERENCE = pattern_cache.compile(r"\b(?:such|those|these|said)\s+([a-z]+?)s?\b", re.IGNORECASE)


_CONFORMING_TO = pattern_cache.compile(r"\b(?:to\s+(?:match|reflect|accommodate|fit|suit|conform\s+to|align\s+with|keep\s+pace\s+with)|"
                                       r"consistent\s+with|in\s+line\s+with|in\s+accordance\s+with|as\s+required\s+by)\s+$",
                                       re.IGNORECASE)


_DISPOSED_PRONOUN = pattern_cache.compile(r"\b(?:release|releasing|archive|archiving|destroy|destroying|delete|deleting|disclose|"
                                          r"disclosing|purge|purging)\s+(?:them|it)\b|\b(?:they|it)\s+(?:are|is|shall\s+be|will\s+be)\s+"
                                          r"(?:released|archived|destroyed|deleted|disclosed|purged)\b", re.IGNORECASE)


def names_earlier(text: str, start: int, end: int, earlier: list[tuple[int, int]]) -> bool:
    """Whether "such / those / these / said <noun>" between `start` and `end` names one of the `earlier`
    objects again ("... the informed consent forms ...; no revision to those forms ...")."""
    for m in _BACK_REFERENCE.finditer(text, start, end):
        if _CONFORMING_TO.search(text, max(0, m.start() - 40), m.start()):
            continue  # "adjust the booking calendar to match those hours": following the earlier thing, not acting on it
        word = m.group(1).lower()
        if any(re.search(rf"\b{re.escape(word)}", text[a:b], re.IGNORECASE) for a, b in earlier):
            return True
    return False


_ACT_NOUN_OPENING = pattern_cache.compile(r"[\s;,]*(?:and\s+|but\s+)?(?:any|each|every|such|no|all)\s+(?:such\s+)?([a-z]{4,})\b(?!\s+(?:of|to)\b)",
                                          re.IGNORECASE)


def act_named_again(text: str, start: int, earlier: list[tuple[int, int]]) -> bool:
    """"Neither party shall change the formulary ...; any change shall be made only by mutual agreement": the part
    opens with the noun of the act done to an earlier object."""
    m = _ACT_NOUN_OPENING.match(text, start)
    if not m:
        return False
    stem = _stem(m.group(1))
    if len(stem) < 3:
        return False
    for a, _ in earlier:
        verb = _VERB_BEFORE_OBJECT.search(text, max(0, a - 50), a)
        if verb and _stem(verb.group(1)) == stem:
            return True
    return False


def refers_back(text: str, start: int, end: int, earlier: list[tuple[int, int]]) -> bool:
    """"... patient records ..., which shall decide whether such records are released": "such records"
    names again an object mentioned before the power word."""
    if names_earlier(text, start, end, earlier):
        return True
    if earlier and _DISPOSED_PRONOUN.search(text, start, end):
        # "... keep all patient charts ... and will decide on any request to release them": the records again
        return True
    if earlier and PROPOSED_ACT.search(text, start, min(end, start + 160)):
        # "... before engaging any nurse injector. If the Company objects ..., the Provider shall not proceed with
        # the proposed action": the act proposed is the one named before
        return True
    m = _NOMINAL_BACK.match(text, start, end)  # only the verb's own object: "approve the hire"
    # ("determine the number of receptionists": a noun with a complement of its own names something new)
    if m and len(m.group(1)) >= 4 and not _OWN_COMPLEMENT.match(text, m.end()):
        # "... a proposed change to the Clinical Protocols ..., and NorthStar may object to the change": the
        # noun was said next to the earlier object
        noun = re.compile(rf"\b{re.escape(_stem(m.group(1)))}\w*\b", re.IGNORECASE)
        if any(noun.search(text, max(0, a - 60), min(len(text), b + 60)) and not (a <= m.start(1) < b + 60)
               for a, b in earlier):
            return True
    if m:
        # "Practice may hire PAs, provided that Manager has approved each such hire": the noun names the
        # act done to an earlier object ("hire" for "hire ... PAs")
        stem = _stem(m.group(1))
        if len(stem) >= 3 and _PHRASE_END.match(text, m.end()):
            for a, _ in earlier:
                verb = _VERB_BEFORE_OBJECT.search(text, max(0, a - 50), a)
                if verb and _stem(verb.group(1)) == stem:
                    return True
    return False


_NOMINAL_BACK = pattern_cache.compile(r"\s+(?:(?:to|of|for|on)\s+)?(?:the|such|each|any)\s+(?:such\s+)?([a-z]{4,})\b", re.IGNORECASE)


_OWN_COMPLEMENT = pattern_cache.compile(r"\s+of\s+(?!(?:the\s+)?(?:such|same|said|that|those|these|them|it|its|their)\b)(?:the\s+)?[a-z]",
                                        re.IGNORECASE)
_PHRASE_END = pattern_cache.compile(r"\s*(?:[.,;:)]|$|\s(?:of|in|by|to|for|within|as|at|on|before|prior)\b)", re.IGNORECASE)


_VERB_BEFORE_OBJECT = pattern_cache.compile(r"\b([a-z]+)\s+(?:(?:any|all|the|a|an|each|additional|new|its|their|such|more)\s+)*$",
                                 re.IGNORECASE)


_SUFFIX = pattern_cache.compile(r"(?:ations?|ments?|ions?|als?|ing|ed|es|s)$")


def _stem(word: str) -> str:
    word = word.lower()
    word = word[:-6] + "ain" if word.endswith("ention") else _SUFFIX.sub("", word, count=1)  # retention: retain
    return word[:-3] if word.endswith("ate") else word[:-1] if word.endswith("e") else word


_COORDINATED_VERB = pattern_cache.compile(r",?\s+(?:and|or|but)\s+(?:(?:to|shall|will|may|must|also)\s+)+(?!(?:be|have|what|which|whom|whose|whether|the|a|an|any|all|such|each|its|their|this|that|those|these)\b)"
                               r"[a-z]+\b")


_ASIDE = pattern_cache.compile(r"\s*,[^,;()]{1,80},")


_NEW_SUBJECT_CLAUSE = pattern_cache.compile(r"[,;]\s+(?:and|but|or|while)\s+(?:any|each|every|all|no|the|such|its|their)\s+"
                                 r"(?:[\w'\u2019-]+\s+){1,11}(?:shall|will|may|must)\b"
                                 # "set the retail price regardless of the number of units administered": not its object
                                 r"|\b(?:regardless\s+of|without\s+regard\s+to|irrespective\s+of)\b")


RECIPIENT = pattern_cache.compile(r"\bto\s+(?:the\s+|its\s+|each\s+|all\s+|such\s+|any\s+)?$", re.IGNORECASE)


# (", while clinical training ... shall be established by Medical Group": a contrasting clause of its own)
_NEW_CONDITION = pattern_cache.compile(r"(?:\band\s*,|,)\s*(?:where|whenever|if|in\s+the\s+event|to\s+the\s+extent|while|whereas|"
                                      # ", subject to the Company's review and approval of any statement concerning
                                      # ...": what follows is the object of the other party's approval
                                      r"subject\s+to\s+(?:the\s+)?(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3}(?:'s|\u2019s)\s+"
                                      r"(?:(?:prior|written|final|advance|express|reasonable)\s+)*(?:review|approval|consent|sign-off))\b",
                            re.IGNORECASE)


NOUN_HEAD_AFTER = pattern_cache.compile(r"\s+(?:paperwork|packets?|files?|forms?|documents?|documentation|applications?|materials?|"
                              r"process(?:es)?|systems?|software|vendors?|calendars?|logistics|checklists?|portal|"
                              r"platform|module|templates?|fees?|costs?|expenses?|verifications?)\b", re.IGNORECASE)


COMPOUND_NOUN_BEFORE = pattern_cache.compile(r"\b(?:security|internal|access|quality|cost|inventory|financial|accounting|technical|"
                                   r"administrative|physical|privacy|network|password|budget|budgetary|order|data|style|rule|tool|skill)\s+$", re.IGNORECASE)


PURPOSE_BEFORE = pattern_cache.compile(r"\b(?:needed|required|necessary|used|useful|sufficient|designed)\s+(?:in\s+order\s+)?to\s+$|"
                             r"\b(?:case|proposal|recommendation|request|suggestion|reasons?)\s+(?:for|to)\s+$", re.IGNORECASE)


_IF_PRACTICE_DIRECTS = pattern_cache.compile(r"\s+(?:so\s+)?(?:directs|requests|elects|instructs|chooses)\b")
_AT_DIRECTION = pattern_cache.compile(r"(?:'s|\u2019s)\s+(?:written\s+|express\s+|sole\s+)?(?:direction|request|instruction|election|option|choice)s?\b")


def directed_by_practice(view: ClauseView, start: int, pos: int) -> bool:
    """"at the Clinic's direction" or "at the direction of Practice" governs the verbs after it."""
    for x in view.mentions:
        if start <= x.start < pos and x.role in ("practice", "medical_director"):
            before = view.text[max(0, x.start - 30): x.start]
            if _IF_PRACTICE_DIRECTS.match(view.text, x.end) and re.search(r"\b(?:if|when|where|as)\s+(?:the\s+)?$", before):
                return True  # "return the records to the Group or, if the Group so directs in writing, destroy them"
            if (x.possessive and _AT_DIRECTION.match(view.text, x.end) and re.search(r"\b(?:at|upon|on)\s+(?:the\s+)?$", before)) or \
                    re.search(r"\b(?:at|upon|on)\s+the\s+(?:written\s+)?(?:direction|request|instruction|election|option)s?\s+of\s+(?:the\s+)?$",
                              before):
                return True
    return False


def handed_to_practice(view: ClauseView, pos: int) -> bool:
    """Is the first party named after "to" within the phrase the practice?"""
    for x in view.mentions:
        if pos <= x.start < pos + 80 and re.search(r"\bto\s+(?:the\s+)?$", view.text[max(pos, x.start - 8): x.start]):
            return x.role in ("practice", "medical_director")  # not "Company Records": the one it goes to
    return False


_PAY_VERB = pattern_cache.compile(r"(?:pay|pays|paid|paying|disburse|disburses|disbursed|disbursing)$", re.IGNORECASE)
_OUT_OF = pattern_cache.compile(r"[^.;]{0,80}?\b(?:out\s+of|from)\s+(?:the\s+)?$")
_FUNDS = pattern_cache.compile(r"\s*(?:(?:['\u2019]s)\s+)?(?:[\w-]+\s+){0,2}?(?:account|accounts|funds|monies|moneys|revenues?|cash)\b",
                               re.IGNORECASE)


def paid_from_practice_funds(view: ClauseView, verb_end: int, verb: str) -> bool:
    """"pay the Clinic Expenses out of the Practice Account": the MSO disburses the practice's money as its
    agent; who is paid, and how much, is not its decision."""
    if not _PAY_VERB.match(verb):
        return False
    for x in view.mentions:
        if verb_end <= x.start < verb_end + 90 and x.role == "practice":
            before = view.text[verb_end: x.start]
            return bool(_OUT_OF.fullmatch(before)) and bool(_FUNDS.match(view.text, x.end))
    return False


_HANDLES_DATA = pattern_cache.compile(r"creat(?:e|es|ed|ing)$", re.IGNORECASE)


def created_for_practice(view: ClauseView, verb_end: int, verb: str) -> bool:
    """"protected health information that it creates, receives or maintains on behalf of Provider": data made in
    the practice's name, the wording of every business associate agreement, not the MSO's decision."""
    if not _HANDLES_DATA.match(verb):
        return False
    for x in view.mentions:
        if verb_end <= x.start < verb_end + 100 and x.role == "practice":
            return bool(re.fullmatch(r"[^.;]*?\bon\s+behalf\s+of\s+(?:the\s+)?", view.text[verb_end: x.start]))
    return False


# "Practice's written approval", and the second of two nouns it owns: "the Company's review and approval"
_OWNER_GAP = pattern_cache.compile(r"(?:'s|\u2019s)\s+(?:(?:prior|written|express|advance|final|sole|reasonable|formal|specific)\s+)*"
                                   r"(?:(?:review|consent|approval|direction|oversight|supervision)\s+(?:and|or|and/or)\s+"
                                   r"(?:(?:prior|written|express|advance|final|sole)\s+)*)?$")


def owned_by_other_party(view: ClauseView, pos: int) -> bool:
    """Is the word at `pos` a noun owned by the practice or its medical director ("Practice's written approval")?"""
    for x in reversed(view.mentions):
        if x.end <= pos:
            return (x.possessive and x.role in ("practice", "medical_director")
                    and bool(_OWNER_GAP.fullmatch(view.text, x.end, pos)))
    return False


_POSSESSOR_BEFORE = pattern_cache.compile(r"\b((?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,3})(?:'s|\u2019s)\s+"
                                          r"(?:(?:own|sole|exclusive|ongoing|continuing|day-to-day)\s+)*$")


def possessed_by_other(view: ClauseView, pos: int) -> bool:
    """Is the power noun at `pos` held by a named person or body that is not the MSO ("the Medical Director's
    oversight of the Licensed Providers", when the director is not one of the parties' names)?"""
    m = _POSSESSOR_BEFORE.search(view.text, max(0, pos - 80), pos)
    if m is None:
        return False
    return not any(x.role in ("mso", "joint") and x.start < m.end(1) and x.end > m.start(1) - 4 for x in view.mentions)


_MAIN_VERB_AFTER_ASIDE = pattern_cache.compile(r",\s*(?:shall|will|may|must)\s+(?!not\b)")


_COMMA_RELATIVE = pattern_cache.compile(r",\s*(?:which|who)\s+(?:shall|will|may|must)\s+(?:meet|convene|be\s+composed|consist|report|"
                                        r"serve|act|hold|keep|maintain|operate)\b")


_OBJECT_ENDS = pattern_cache.compile(
    r"\bthat\b|\bwho\b|\bwhich\b(?<=of\swhich)|\bwhich\b(?!\s+(?:shall\s+|will\s+)?(?:set\s+forth|sets\s+forth|set\s+out|sets\s+out|include|includes|"
    r"specify|specifies|contain|contains|list|lists|identify|identifies|describe|describes)\b)|\bafter\b|\bwhen\b|"
    r"\bonce\b|\buntil\b")


def clause_end(view: ClauseView, pos: int, seg_end: int) -> int:
    """Where the phrase governed by a verb at `pos` ends: a new clause with its own subject, or "that"."""
    limit = min(seg_end, pos + 260)
    for start in view.powers.subject_starts:
        if pos < start < limit:
            limit = start
    # ", and any recommendation shall be addressed to ...": a new clause with a subject of its own; "manage
    # accounts payable and, where it believes ...": a condition that opens a new clause
    new_clause = _NEW_SUBJECT_CLAUSE.search(view.text, pos, limit) or _NEW_CONDITION.search(view.text, pos, limit)
    if new_clause:
        limit = new_clause.start()
    # "The Committee, which shall adopt the clinical standards, shall consist of ...": the relative ends at ", shall"
    # (not when the power words end right there: "on which Service Company holds the tie-breaking vote, shall
    # adopt the clinical standards" gives the vote over what the body then adopts)
    main_verb = _MAIN_VERB_AFTER_ASIDE.search(view.text, pos, limit)
    if main_verb and re.search(r"\w", view.text[pos:main_verb.start()]):
        limit = main_verb.start()
    # (not a relative that says what a document holds: "the operating budget ..., which shall set forth the number of
    # physicians": the contents are what the verb governs)
    m = _OBJECT_ENDS.search(view.text[pos:limit])
    # "determine, in consultation with the Medical Director, which procedures ...": the aside is not the object
    aside = _ASIDE.match(view.text, pos, limit)
    if m and m.start() - (aside.end() - pos if aside else 0) > 40:
        limit = pos + m.start()
    # "establish a joint compliance committee, which shall meet ... to review ... the P.C.'s clinical oversight": a
    # relative after a comma describes the object already named
    m = _COMMA_RELATIVE.search(view.text, pos, limit)
    if m and re.search(r"\w", view.text[pos:m.start()]):
        limit = m.start()
    # "engage Manager to manage its operations and to engage the Medical Director": a coordinated verb
    # phrase has its own object (the second verb is judged on its own)
    m = _COORDINATED_VERB.search(view.text, pos, limit) or _next_duty(view.text, pos, limit)
    return m.start() if m else limit


def _next_duty(text: str, pos: int, limit: int):
    """", run the website and advertising": the next item of a list of duties, each with its own object."""
    return _item_verb_pattern().search(text, pos, limit)


@cache
def _item_verb_pattern() -> re.Pattern:
    from .lexicon import entry

    verbs = entry("control_verbs.item-verbs").regex.pattern
    return pattern_cache.compile(r",\s+(?:and\s+|or\s+)?(?:" + verbs + r")\s+(?:the|all|its|any|each|a|an|such|their|"
                                 r"anything|everything|and)\b")


def evidence_span(start: int, end: int, targets: list[tuple[int, int]]) -> tuple[int, int]:
    """Evidence from the power words to the nearest object (just the power words when that runs too long)."""
    nearest = min(targets, key=lambda t: min(abs(t[0] - end), abs(start - t[1])))
    lo, hi = min(start, nearest[0]), max(end, nearest[1])
    return (lo, hi) if hi - lo <= 320 else (start, end)
