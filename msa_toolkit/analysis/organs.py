"""Who acts for the MSO besides the MSO itself: its officers and bodies, and committees it shares or controls.

"the Chief Clinical Officer of Halcyon", "the Manager Representative", "Company or its designee", "a
Clinical Committee of three members, two of whom shall be appointed by Manager", "the Brand Council ...,
on which Business Manager holds a majority", "Company's Quality Committee ... the Quality Committee".
`actors.py` widens the MSO's mentions over them or adds mentions for them.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from .. import pattern_cache
from .fee_figures import words_to_number
from .lexicon import load_lexicon
from .mentions import Mention


# "the Chief Clinical Officer of Halcyon", "the regional director of NorthStar", "the Executive Committee of
# Aurora": an officer or body of the MSO, named before it, acts with the MSO's power (so do "the Manager
# Representative" and "Company or its designee", named after it). The practice's medical director is never one.
@cache
def _organ_before() -> re.Pattern:
    """Officer titles from `lexicon/actor_names.yaml` (mso-organ-titles), with the words that lead them."""
    forms = sorted(load_lexicon("actor_names")["mso-organ-titles"].forms, key=len, reverse=True)
    heads = "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in forms)
    return pattern_cache.compile(
        r"(?<![\w'\u2019])(?:(?:[A-Z][\w&.-]*|(?:(?!(?:by|the|of|to|from|with|and|or|for|in|on|at|shall|will|may|must|is|are|be)\b)"
        r"[a-z][\w-]*))\s+){0,6}"
        rf"(?i:(?:{heads})\b)(?:\s+(?i:of|for)(?:\s+[A-Z][\w&-]*){{1,3}}?)?\s+(?i:of|at|for|within)\s+(?:the\s+)?$")


_ORGAN_AFTER = pattern_cache.compile(
    r"\s+(?:(?:Representative|Designee|Committee|Board|Council|(?i:executive\s+team|leadership\s+team))\b|"
    r"or\s+(?:any\s+of\s+)?its\s+(?:designees?|affiliates?|agents?|representatives?)\b|"
    # "the regional director of NorthStar for the Mountain Region"
    r"(?:for|in)\s+(?:the\s+|its\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:Region|Area|District|Market|Territory|Division|Zone)\b)")


# "the member designated by Verve", "any representative appointed by the Manager": a person the MSO names acts for it
_DELEGATE_BEFORE = pattern_cache.compile(
    r"\b(?i:the|a|an|any|each|such)\s+(?:[\w-]+\s+){0,2}?(?i:members?|representatives?|designees?|appointees?|nominees?|"
    r"individuals?|persons?|delegates?|chair|chairperson|chairman|chairwoman)\s+(?i:(?:designated|appointed|named|nominated|"
    r"selected|chosen)\s+(?:from\s+time\s+to\s+time\s+)?by)\s+(?:the\s+)?$")
_SEAT_AFTER = pattern_cache.compile(r"\s+as\s+(?:the\s+)?(?i:chair|chairperson|chairman|chairwoman|presiding\s+member)"
                                    r"(?:\s+of\s+(?:the\s+|such\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:Committee|Board|Council|Panel|committee|board|council|panel))?\b")

# ("Aesthetic Quality Partners, LLC, an affiliate of Manager": the entity suffix may follow a comma)
_NAMED_AFFILIATE = pattern_cache.compile(r"(?<![\w.])(?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*(?:,?\s+(?:LLC|L\.L\.C\.|Inc\.|Corp\.|LP|L\.P\.|Ltd\.))?,\s+$")
_THAT_AFFILIATE = pattern_cache.compile(r"\b(?:[Tt]hat|[Ss]uch|[Tt]he)\s+(?:Affiliate|affiliate|Subsidiary|subsidiary)\b")


def affiliate_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """After an affiliate of the MSO is named, "that Affiliate" or "such Affiliate" acts for the MSO too."""
    if not any(x.role == "mso" and re.search(r"(?i)\b(?:affiliate|subsidiary)\s+of\b", text[x.start:x.end]) for x in found):
        return []
    first = min(x.end for x in found if x.role == "mso" and re.search(r"(?i)\b(?:affiliate|subsidiary)\s+of\b",
                                                                     text[x.start:x.end]))
    return [Mention(m.start(), m.end(), "mso", possessive=text[m.end():m.end() + 2] in ("'s", "\u2019s"))
            for m in _THAT_AFFILIATE.finditer(text, first)
            if not any(x.start < m.end() and m.start() < x.end for x in found)]


def with_organs(text: str, found: list[Mention]) -> list[Mention]:
    """Widen each MSO mention over the officer or body of the MSO it names (see _organ_before)."""
    out = []
    for x in found:
        start, end = x.start, x.end
        if x.role == "mso":
            for _ in range(2):  # "the Chief Nursing Officer of Harborview Clinical Services LLC, an Affiliate of ..."
                before = _organ_before().search(text, max(0, start - 110), start)
                if not before or "medical director" in before.group().lower() or before.group().split()[0] == "of":
                    break
                start = before.start()
                # "Halo Compliance LLC, an Affiliate of the Management Company": the affiliate named in apposition
                named = _NAMED_AFFILIATE.search(text, max(0, start - 80), start)
                if named and re.match(r"(?i)an?\s+(?:affiliate|subsidiary)", before.group()):
                    start = named.start()
                else:
                    break
            lead = text[max(0, start - 9):start].rstrip()
            delegate = (_DELEGATE_BEFORE.search(text, max(0, start - 80), start)
                        if lead.endswith((" by", " by the", " By", " By the")) else None)
            if delegate and start == x.start:
                start = delegate.start()  # "the member designated by Verve (as chair of the Committee)"
                seat = _SEAT_AFTER.match(text, x.end)
                end = seat.end() if seat else end
            if not x.possessive:
                after = _ORGAN_AFTER.match(text, x.end)
                if after:
                    end = after.end()
        out.append(x if (start, end) == (x.start, x.end) else replace(x, start=start, end=end))
    return out


_COMMITTEE = pattern_cache.compile(r"\b(?:[A-Z][\w-]*\s+){0,4}(?:Committee|Board|Council|Panel|Team|committee|board|council|panel)\b")


_COMMITTEE_WORDS = ("ommittee", "oard", "ouncil", "anel", "Team")  # what every _COMMITTEE match contains


_COMPOSED = pattern_cache.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:(?:which|that)\s+)?(?:(?:shall|will|to)\s+(?:be\s+)?)?(?:consisting|consists?|composed|comprised|made\s+up|"
    r"constituted|formed)\s+(?:solely\s+|entirely\s+|exclusively\s+)?of\b"
    # "a Clinical Committee of three members, two of whom shall be appointed by Halcyon"
    r"|\s+of\s+(?=(?:[\w()-]+\s+){0,3}(?:members|persons|individuals|representatives)\b)")


_COMMITTEE_AGAIN = pattern_cache.compile(r"\b(?:[Tt]he|[Ss]uch|[Ss]aid)\s+(?:[A-Z][\w-]*\s+){0,3}?(?:[Cc]ommittee|[Bb]oard|"
                              r"[Cc]ouncil|[Pp]anel)\b")


_RELATIVE_ASIDE = pattern_cache.compile(r"\s*,\s*(?:which|that)\s+[^,;.]{1,200},")
_COMPOSITION_VERB = pattern_cache.compile(r",?\s*\b(?:which|who)\s+(?=shall|will|may|must)|"
                               r"\b(?:shall|will|may|must)\s+(?!be\s+(?:appointed|designated|nominated|selected|named|chosen)\b)|[.;]")


_APPOINTED_BY = pattern_cache.compile(r"\b(?:appointed|designated|nominated|selected|named|chosen)\s+by\s+(?:the\s+)?$")


# "the Brand Council ..., on which Business Manager holds a majority of the votes"
_MAJORITY_HOLDER = pattern_cache.compile(r",?\s*(?:on|in)\s+which\s+$")


_OWNED_BODY = pattern_cache.compile(r"(?:'s|\u2019s)\s+((?:[A-Z][\w-]*\s+){0,3}(?:Committee|Board|Council|Panel|Team))\b")


def owned_body_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """"Company's Quality Committee ... unless the Quality Committee approves it": the body the MSO owns, when
    named again, still acts for the MSO."""
    extra = []
    for x in found:
        if x.role != "mso" or not x.possessive:
            continue
        body = _OWNED_BODY.match(text, x.end)
        if not body:
            continue
        words = body.group(1).split()
        names = {" ".join(words), words[-1]}
        for name in names:
            for later in re.finditer(rf"\b[Tt]he\s+{re.escape(name)}\b", text[body.end():]):
                start, end = body.end() + later.start(), body.end() + later.end()
                if not any(m.start < end and start < m.end for m in (*found, *extra)):
                    extra.append(Mention(start, end, "mso", possessive=text[end:end + 2] in ("'s", "\u2019s")))
    return extra


_MAJORITY = pattern_cache.compile(r"\b(?:on|in|of)\s+which\s+([^.;]{1,60}?)\s+(?:holds?|has|have|controls?|appoints?|designates?)\s+"
                       r"(?:a\s+|the\s+)?(?:majority|most|deciding|casting|tie-breaking)\b"
                       # "The Clinical Council, whose chair shall be appointed by Manager and shall cast the deciding vote"
                       r"|\bwhose\s+(?:chair|chairperson|chairman|chairwoman|president)\s+(?:shall|will)\s+be\s+(?:appointed|designated|"
                       r"selected|named)\s+by\s+([^.;]{1,40}?)\s*,?\s+(?:and|who)\s+(?:shall|will)\s+(?:cast|have|hold)\s+"
                       r"(?:a\s+|the\s+)?(?:deciding|casting|tie-breaking)\b"
                       # "the Product Review Committee, a majority of whose members shall be appointed by Management Company"
                       r"|\b(?:a\s+majority|most|all|(?:two|three|four|five|six|\d)\s+(?:\(\d\)\s+)?)\s*of\s+whose\s+"
                       r"(?:(?:three|four|five|six|seven|eight|nine|\d)\s+(?:\(\d\)\s+)?)?(?:voting\s+)?(?:members|seats|directors)\s+"
                       r"(?:shall\s+be|will\s+be|are|is)\s+(?:appointed|designated|selected|named|nominated)\s+by\s+([^.;,]{1,40}?)(?=\s*[,.;]|\s+and\b)")


_COUNT_OF_WHOSE = pattern_cache.compile(r"(?i)\b(two|three|four|five|six|\d)\s+(?:\(\d\)\s+)?of\s+whose\s+"
                                        r"(?:(three|four|five|six|seven|eight|nine|\d)\s+)?")


def _is_majority(words: str) -> bool:
    """ "three of whose five members": more than half (a count without a total is taken as a majority)."""
    count = _COUNT_OF_WHOSE.search(words)
    if count is None or count.group(2) is None:
        return True
    return 2 * _number(count.group(1)) > _number(count.group(2))


def _number(word: str) -> float:
    return float(word) if word.isdigit() else (words_to_number(word) or 0.0)


def _majority_held(text: str, committee, found: list[Mention], extra: list[Mention]) -> list[Mention]:
    """"the Brand Council ..., on which Business Manager holds a majority of the votes" acts for the MSO."""
    sentence_end = text.find(".", committee.end())
    end = len(text) if sentence_end < 0 else sentence_end + 1
    window = text[committee.end():end]
    if "which" not in window and "whose" not in window:  # (every form of _MAJORITY has one)
        return []
    majority = _MAJORITY.search(text, committee.end(), end)
    group = next((g for g in (1, 2, 3) if majority.group(g) is not None), 1) if majority is not None else 1
    if not majority or not any(majority.start(group) <= x.start < majority.end(group) and x.role in ("mso", "joint")
                               for x in found):
        return []
    if not _is_majority(majority.group()):
        return []  # "two of whose five members are appointed by Manager": a minority
    out = [Mention(committee.start(), committee.end(), "joint")]
    name = committee.group().split()[-1]
    # (named again in capitals, or as "such committee")
    for later in re.finditer(rf"\b(?:[A-Z][\w-]*\s+){{0,3}}{re.escape(name)}\b|\b(?:such|said)\s+{re.escape(name.lower())}\b",
                             text[majority.end():]):
        start, end = majority.end() + later.start(), majority.end() + later.end()
        if not any(x.start < end and start < x.end for x in (*found, *extra, *out)):
            out.append(Mention(start, end, "joint"))
    return out


_COMPOSITION_ENDS = pattern_cache.compile(r"\b(?:shall|will|may|must|which|that)\b|;|(?<!\b[A-Z])\.(?=\s|$)")  # not "P.C."


def committee_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """A committee whose members include the MSO's people acts for the MSO too (it is "joint").

    "A Clinical Quality Committee consisting of two representatives of Manager and one physician of
    Practice shall approve all clinical policies": the MSO shares (here controls) the committee's power.
    """
    extra = []
    if not any(word in text for word in _COMMITTEE_WORDS):
        return extra
    for m in _COMMITTEE.finditer(text):
        composed = _COMPOSED.match(text, m.end())
        aside = None if composed else _RELATIVE_ASIDE.match(text, m.end())
        if aside:  # "The Clinical Quality Committee, which shall adopt the clinical standards, shall consist of ..."
            composed = _COMPOSED.match(text, aside.end())
        # a committee the document composes elsewhere is already a (joint) name; here its composition follows
        named_body = any(x.role == "joint" and x.start >= m.start() and x.end == m.end() for x in found)
        if any(x.start < m.end() and m.start() < x.end for x in found) and not (named_body and composed):
            continue
        if not composed:
            extra.extend(_majority_held(text, m, found, extra))
            continue
        ends = _COMPOSITION_ENDS.search(text, composed.end(), composed.end() + 240)
        stop = ends.start() if ends else min(len(text), composed.end() + 240)
        # "..., three of whom shall be appointed by Manager and two by Group": members the MSO names; the
        # composition then runs to the first verb that is not the appointing one (or the sentence's end)
        verb = _COMPOSITION_VERB.search(text, composed.end())
        reach = verb.start() if verb else len(text)
        appointed = any(composed.end() <= x.start < reach and x.role in ("mso", "joint")
                        and _APPOINTED_BY.search(text, max(0, x.start - 40), x.start) for x in found)
        if appointed or any(composed.end() <= x.start < stop and x.role in ("mso", "joint") for x in found):
            stop = max(stop, reach) if appointed else stop
            end = stop
            while end > composed.end() and text[end - 1] in " ,":
                end -= 1
            # the committee with its composition (only its name when a relative clause stands between them)
            extra.append(Mention(m.start(), m.end() if aside else end, "joint"))
            # "The committee shall also approve ...": later references to it act for the same members
            for later in _COMMITTEE_AGAIN.finditer(text, end):
                if not any(x.start < later.end() and later.start() < x.end for x in (*found, *extra)):
                    extra.append(Mention(later.start(), later.end(), "joint"))
    return extra


_BODY_NAME = pattern_cache.compile(r"(?:[A-Z][\w&-]*\s+){1,4}?(?:Committee|Board|Council|Panel)\b")
_BODY_TERM = pattern_cache.compile(r"(?:[A-Z][\w&-]*\s+){0,3}(?:Committee|Board|Council|Panel)|[A-Z]{2,5}")


def body_aliases(bodies: tuple[str, ...], defined_terms) -> tuple[str, ...]:
    """Short names the document defines for a composed body: '"Committee" means the Joint Operating Committee
    established under Section 2.4', '... a Joint Operating Committee (the "JOC")'."""
    found = []
    for defined in defined_terms:
        term = " ".join(defined.term.split())
        if term in bodies or not _BODY_TERM.fullmatch(term):
            continue
        definition = defined.definition or ""
        if any(body in definition[:160] or definition.rstrip().endswith(body) for body in bodies):
            found.append(term)
    return tuple(found)
_NOT_NAME_START = ("The ", "A ", "An ", "Such ", "Said ", "Each ", "Any ")


def composed_bodies(views) -> tuple[str, ...]:
    """Names of the committees that one clause composes with the MSO's people ("an Operating Committee of
    five members, three of whom shall be appointed by Veridia"), so that another clause's "The Operating
    Committee shall approve the Service Menu" is read as the committee's (joint) power. A name of three
    words or more also stands for its last two ("Joint Governance Committee", "Governance Committee")."""
    names: list[str] = []
    for view in views:
        if not any(word in view.text for word in _COMMITTEE_WORDS):
            continue
        for mention in view.mentions:
            if mention.role != "joint":
                continue
            named = _BODY_NAME.match(view.text, mention.start)
            if named is None:
                continue
            name = " ".join(named.group().split())
            while name.startswith(_NOT_NAME_START):
                name = name.split(" ", 1)[1]
            if len(name.split()) < 2 or not name[:1].isupper():
                continue
            forms = [name] + ([" ".join(name.split()[-2:])] if len(name.split()) >= 3 else [])
            names.extend(f for f in forms if f not in names)
    return tuple(names)
