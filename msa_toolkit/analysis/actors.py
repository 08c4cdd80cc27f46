"""Who holds a power in a contract sentence: the subject of the modal verb, the "by X" agent of a
passive, the party a relation points to ("report to X", "property of X"), or the party whose consent
is required ("without the prior written consent of X").

Party names come from the reader's `Document.parties` (aliases and role), so "Company" is whichever
party the preamble made it. The fallback names in `lexicon/actor_names.yaml` are used only when the
parties are unknown (a clause on its own); the generic ones ("MSO", "Medical Group") always apply
unless they clash with a defined party name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, cached_property

from .. import pattern_cache
from ..model import Party
from .back_references import named_again
from .lexicon import load_lexicon
from .mentions import Mention
from .organs import affiliate_mentions, committee_mentions, owned_body_mentions, with_organs

_MODAL = pattern_cache.compile(
    r"^[\s,]*(?:\([^)]{0,80}\)\s*)?(?:,[^,]{0,80},\s*)?(?:(?:shall|will|may|must|can|could|should|would|agrees?\s+to|"
    r"is|are|be|has|have|had|hereby|retains?|reserves?|also|so|further|only|solely|exclusively|alone|jointly|mutually|"
    r"directly|reasonably|promptly|expressly|otherwise|thereafter|at\s+all\s+times|in\s+its\s+(?:sole\s+)?discretion|"
    r"from\s+time\s+to\s+time|entitled|authorized|empowered|permitted|required|responsible|obligated|the|sole|exclusive|"
    r"final|ultimate|full|right|rights|power|authority|to|for|and|or|in|with|of|its|their|own|discretion|"
    r"continue|continues|nevertheless|nonetheless|however|also|either|each|both|then|thereupon|hereunder|"
    # "that the Manager has not first reviewed and approved"
    r"first|previously|already|(?:reviewed|considered|evaluated|examined)\s+and|"
    r"not|never|no|in\s+no\s+event|under\s+no\s+circumstances|nothing|construed|deemed|permit|allow|"
    r"[a-z]+ly|[,()])\s*){0,16}$",
    re.IGNORECASE,
)
_PASSIVE_AGENT = pattern_cache.compile(
    # coordinated participles share the agent: "shall be set, monitored and enforced by Manager" (not "supervision,
    # as reported by Manager": that names the source of a figure)
    r"^\s*,?\s*(?:(?:in\s+writing|from\s+time\s+to\s+time|solely|exclusively|only|jointly|mutually|first|expressly|and|or|as|be|been|"
    r"made|exercised|given|completed|conducted|performed|prepared|undertaken|taken|in\s+advance|"
    r"in\s+its\s+(?:sole\s+)?discretion|reasonably|unilaterally|[a-z]+ly|(?<!\bas\s)[a-z]{3,}(?:ed|en)|"
    # "loaded into the EHR by Manager": where it was done
    r"(?:into|onto|in|within)\s+(?:the|its|each)\s+(?:[\w-]+\s+){0,2}?(?:EHR|system|platform|software|template|module)s?)(?:\s*,)?\s+){0,5}"
    r"(?:by|of|from)\s+(?:the\s+)?"
    # "mutually agreed by the Medical Director and Administrator": a joint agent
    r"(?:(?:(?-i:[A-Z])[\w-]*\s+){1,4}(?:and|or)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_HOLDER = pattern_cache.compile(
    r"\b(?:(?:be|are|is)\s+)?(?:made|exercised|vested|reserved|held|retained|determined|decided|approved|set|"
    r"established|controlled|selected)\s+(?:solely\s+|exclusively\s+|only\s+|jointly\s+|mutually\s+)?"
    r"(?:by|in|to|with)\s+(?:the\s+)?$|\b(?:rests?|remains?|lies?|resides?)\s+(?:solely\s+|exclusively\s+)?with\s+(?:the\s+)?$|"
    r"\b(?:published|prepared|maintained|issued|adopted|promulgated|developed|written|amended|updated|designated)"
    r"(?:\s+and\s+\w+)?\s+(?:(?:from\s+time\s+to\s+time|solely|exclusively)\s+)?by\s+(?:the\s+)?$|"
    # "the annual review of the Medical Director shall be conducted by Manager's Chief Operating Officer"
    r"\b(?:be|are|is)\s+(?:conducted|performed|carried\s+out|undertaken|supervised|evaluated|overseen|directed|taken|"
    r"completed|reviewed|imposed)\b"
    r"[^.;,]{0,70}?\bby\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "shall be supervised in the performance of his clinical duties by Manager's CEO": a passive whose agent
# comes after an adjunct phrase
# "approved, as a condition of their continued use, by Manager": an aside between the participle and its agent
_PARENTHETICAL_AGENT = pattern_cache.compile(r"\s*,[^,.;]{1,70},\s*by\s+(?:the\s+)?", re.IGNORECASE)
# (also a reduced relative: "approve the annual Staffing Plan prepared by Practice")
_INNER_PASSIVE = pattern_cache.compile(r"(?:\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?|\w\s+)[a-z]+(?:ed|en)\s+by\s+(?:the\s+)?$",
                            re.IGNORECASE)
_BE_BEFORE = pattern_cache.compile(r"\b(?:be|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_LONG_AGENT = pattern_cache.compile(r"[^.;,]{0,70}?\bby\s+(?:the\s+)?", re.IGNORECASE)
_INITIALS_END = pattern_cache.compile(r"\.[A-Z]$")
_COORDINATED = pattern_cache.compile(r"^\s*(?:,\s*)?(?:and|or|and/or|,)\s*(?:the\s+)?$", re.IGNORECASE)
# "in consultation with Manager" names an adviser, not a co-decider
_SET_ASIDE = pattern_cache.compile(r"(?:,|\()\s*(?:and\s+|but\s+)?not\s+(?:by\s+)?(?:the\s+)?$", re.IGNORECASE)
_WITH_PARTNER = pattern_cache.compile(r"\b(?:jointly\s+with|together\s+with|in\s+conjunction\s+with|(?<!consultation\s)(?<!consulting\s)"
                           r"(?<!consult\s)(?<!conferring\s)(?<!confer\s)with)\s+(?:the\s+)?$", re.IGNORECASE)
_HAS_CLINICIANS = pattern_cache.compile(r"(?:'s|\u2019s|\s+and\s+its)\s+(?:own\s+)?(?:licensed\s+|employed\s+)?(?:physicians|clinicians|"
                             r"practitioners|providers|nurses|professionals|medical\s+staff|clinical\s+staff)\b")
_RELATIVE = pattern_cache.compile(r",\s+(which|who)\s+(?=(?:shall|will|may|must)\b)")
# "..., whose determination shall be final": the party's own decision, in the possessive
_WHOSE = pattern_cache.compile(r",\s+(whose)\s+(?=(?:\w+\s+){0,2}(?:determination|decision|judgment|approval|consent|vote|ruling)s?\b)")
_PRONOUN = pattern_cache.compile(r"\b(?:it|such\s+party|such\s+entity)\b(?!')", re.IGNORECASE)
_POSSESSIVE = pattern_cache.compile(r"^(?:'s|\u2019s|'|\u2019)")
_CHAIN_START = pattern_cache.compile(
    r"^\s*(?:[,(]|shall\b|will\b|may\b|must\b|can\b|agrees?\b|is\b|are\b|has\b|have\b|hereby\b|retains?\b|"
    r"reserves?\b|in\s+its\s+(?:sole\s+|absolute\s+|reasonable\s+)?discretion\b|alone\b|solely\b|exclusively\b|jointly\b|mutually\b|to\b|also\b|and\b|or\b|$|[a-z]+ly\b)",
    re.IGNORECASE)
_SUBJECT_OPENS = pattern_cache.compile(r"^\s*(?:,[^,]{0,100},\s*|\([^)]{0,100}\)\s*)?(?:shall|will|may|must|agrees?|hereby|"
                            r"is\s+(?:entitled|authorized|responsible)|has\s+the)\b", re.IGNORECASE)
_OFFICER_SUBJECT = pattern_cache.compile(
    r"^(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,4}?(?:officer|director|president|manager|employee|employees|personnel|staff|"
    r"representative|representatives|designee|agent|agents|executive|executives|supervisor|lead|head|team|"
    r"administrator|coordinator|owner|principal|department|division|committee|board|council)(?:\s+|(?=,))"
    # "Manager's Director of Clinical Services shall ..."
    r"(?:(?:of|for)\s+[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}\s*)?(?=(?:,\s*(?:who|which)\s+)?(?:shall|will|may|must)\b)",
    re.IGNORECASE)
# "... to Manager's Chief Executive Officer, who shall evaluate ...": the officer is the relative's subject
_CONSULTED_ASIDE = pattern_cache.compile(r",\s*(?:after|upon|following|in|with)\s+(?:consulting|consultation\s+with|"
                                         r"discussion\s+with|discussing\s+with|notice\s+to|notifying|informing)\s+(?:the\s+)?$",
                                         re.IGNORECASE)
_OFFICER_RELATIVE = pattern_cache.compile(r"^,\s*(?:who|which)\s+")
_POSSESSIVE_RIGHT = pattern_cache.compile(r"^(?:'s|\u2019s)\s+(?:(?:sole|exclusive|absolute|full|unrestricted|unilateral|continuing)\s+)*"
                                    r"(?:right|rights|authority|power|powers|discretion)\s+(?:at\s+any\s+time\s+)?to\s+"
                                    r"(?:\w+\s+(?:or|and|and/or)\s+)?$", re.IGNORECASE)
_RIGHT_OF = pattern_cache.compile(r"\b(?:sole\s+|exclusive\s+|unilateral\s+)?(?:right|rights|authority|power|discretion)\s+of\s+(?:the\s+)?$",
                                   re.IGNORECASE)
# "the right of Service Company to approve ... is hereby terminated": an amendment that takes the right away
_RIGHT_ENDED = pattern_cache.compile(r"[^.;]{0,160}?\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:terminated|deleted|revoked|waived|"
                                     r"eliminated|rescinded|extinguished|removed|cancell?ed|withdrawn)\b", re.IGNORECASE)
_TO_VERB = pattern_cache.compile(r"\s+(?:at\s+any\s+time\s+)?to\s+(?:\w+\s+(?:or|and|and/or)\s+)?", re.IGNORECASE)
_ASKED_BY = pattern_cache.compile(r"\s+(?:\w+\s+)?(?:requested|proposed|suggested|recommended|initiated|sought|submitted)\s+by\s+(?:the\s+)?",
                                  re.IGNORECASE)
_FOR_TO = pattern_cache.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
AFTER_PREPOSITION = pattern_cache.compile(r"\b(?:of|to|for|with|by|from|on\s+behalf\s+of|than|between|among|upon|against)\s+(?:the\s+)?$",
                                re.IGNORECASE)
_NEW_SUBJECT = pattern_cache.compile(r"(?:(?:'s|\u2019s)(?:\s+[\w-]+){1,2}|(?:'s|\u2019s))?\s+(?:shall|will|may|must)\b")
_OTHER_SUBJECT = pattern_cache.compile(r"[,;]\s*(?:and|or|but|while)\s+(?!(?:also\s+)?(?:shall|will|may|must)\b)[^,;]{0,80}?"
                            r"\b(?:shall|will|may|must)\b", re.IGNORECASE)
_CONSENTING_VERB = pattern_cache.compile(r"(?:agree|agrees|consent|consents|approve|approves|permit|permits|allow|allows)", re.IGNORECASE)
_MODAL_GAP = pattern_cache.compile(r"\s*(?:may|shall|will|should|does|do)\s+(?:(?:otherwise|first|expressly|in\s+writing)\s+)?", re.IGNORECASE)
_ITS = pattern_cache.compile(r"\b(?:its|their)\s+(?:(?:prior|express|advance|written|affirmative|formal|reasonable|separate)\s+)*$",
                  re.IGNORECASE)
# a subordinate clause still open at the power word has its own subject ("... unless X has directed it")
_OPEN_SUBORDINATE = pattern_cache.compile(r"\b(?:unless|until|if|when|whenever|where|because|since|although|provided\s+that)\s+"
                               r"(?:the\s+)?[A-Z][^,;()]*$")
# "... to the Medical Director of P.C. The Medical Director shall ...": a period after initials that a new
# sentence follows
_SENTENCE_START = pattern_cache.compile(r"[.;]\s+(?:The|This|These|Each|Any|All|No|In|If|Upon|Such|Notwithstanding|Subject|Except)\s")
_COMPELLED = pattern_cache.compile(r"\b(?:require|requires|cause|causes|direct|directs|instruct|instructs|compel|compels|force|"
                        r"forces|order|orders)\s+(?:the\s+)?$", re.IGNORECASE)
_OFFICER_CONSENTS = pattern_cache.compile(r"(?:'s|\u2019s)\s+(?:[\w-]+\s+){1,4}(?:has|have|shall\s+have)\s+(?:first\s+|expressly\s+|previously\s+)?|"
                                          # "if Company's Guest Experience team approves the request"
                                          r"(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,3}(?:officer|director|president|manager|team|department|"
                                          r"committee|board|council|representative|designee|executive|head|lead)\s+", re.IGNORECASE)
_OWN_SUBJECT_BEFORE = pattern_cache.compile(r"\b(?:the|its|their|a|an|each|such)\s+(?:[A-Z][\w-]*\s+){1,3}(?:has|have|had|shall\s+have)"
                                 r"\s+(?:\w+ly\s+)?$")
_RELATIVE_WITH_VERB = pattern_cache.compile(r",\s*(?:which|who)\s+(?:\w+\s+)?(?:shall|will|may|must)\s+(?:\w+ly\s+)?(?:\w+\s+){0,6}$",
                                 re.IGNORECASE)
_OWN_POWER_NOUN = pattern_cache.compile(r"(?:'s|\u2019s|')?\s+(?:own\s+|sole\s+|exclusive\s+|continuing\s+|ongoing\s+)?")
_PROVIDES_OFFICER = pattern_cache.compile(
    r"\s+(?:shall|will|must)\s+(?:\w+ly\s+)?(?:provide|furnish|employ|engage|designate|appoint|hire|supply|retain|assign)\s+"
    r"(?:a|an|one|the|its\s+own)\s+(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*\s*(?:\([^)]{0,40}\)\s*)?,\s*who\s+"
    r"(?:(?:shall|will|may|must)\s+)?(?:\w+ly\s+)?(?:[a-z]+(?:,\s*|\s+and\s+|\s+or\s+)){0,4}$")
_OF_THE_OTHER = pattern_cache.compile(r"\s+of\s+the\s+other(?:\s+party)?\b", re.IGNORECASE)
_THE_OTHERS = pattern_cache.compile(r"\bthe\s+other(?:\s+party)?(?:'s|\u2019s)\s+(?:(?:prior|written|express|advance)\s+)*$", re.IGNORECASE)
_NEITHER_NOR = pattern_cache.compile(r"\bneither\s+(?:(party)\b|[^.;]{1,60}?\bnor\b[^.;]{1,60}?)\s+(?:shall|will|may)\b", re.IGNORECASE)
_ADJUNCT = pattern_cache.compile(r"\b(?:in|after|upon|following|with|without|on)\s+$", re.IGNORECASE)
# "..., and Doctor shall ..."; also with a capitalised co-subject: "..., and Doctor and the Practitioners shall ..."
_OPENS_CLAUSE = pattern_cache.compile(r"(?:\s+(?:and|or)\s+(?:the\s+|its\s+|each\s+)?(?:[A-Z][\w'\u2019-]*\s+){1,3}?)?"
                                      r"\s*(?:shall|will|may|must|agrees)\b")
_OPENS_RELATIVE = pattern_cache.compile(r"\s*(?:[a-z]+ly\s+)?(?:has|have|had|shall|will|may|must|"
                                        # "any clinical protocol that Manager reasonably determines to be ..."
                                        r"(?!is\b|was\b)[a-z]{3,}s)(?:\s+(?!not\b)|(?=[.,;:)]))")  # "... to which Manager objects."
_POSSESSIVE_ONLY = pattern_cache.compile(r"(?:'s|\u2019s|'|\u2019)?\s*(?:(?:prior|express|advance|written|affirmative|formal|"
                                         r"reasonable|separate)\s+)*", re.IGNORECASE)
_POSSESSIVE_KIND = pattern_cache.compile(_POSSESSIVE_ONLY.pattern + r"(?-i:[a-z][\w-]*\s+){0,2}", re.IGNORECASE)
_REVIEW_WORD = pattern_cache.compile(r"(?:review|approvals?|consent|sign-off|clearance|authori[sz]ation)", re.IGNORECASE)
_NEGATION_WORD = pattern_cache.compile(r"\b(?:not|never|no)\b")
_AFTER_RELATIVE = pattern_cache.compile(r"\b(?:whom|which|that)\s+(?:the\s+)?$", re.IGNORECASE)
_AFTER_CONJUNCTION = pattern_cache.compile(r"(?:,|;|\band|\bbut|\bwhile|\bwhereas)\s*(?:the\s+)?$", re.IGNORECASE)
_GOVERNS = pattern_cache.compile(r"\b(?:in|with|for|on|regarding|to|of|concerning|about|as\s+to)\b", re.IGNORECASE)


# "Manager shall provide billing for the Practice, shall approve ...", "..., furnish space, recruit staff and,
# in its discretion, determine ...": after a helping verb's phrase, a restated modal or a comma list of verb
# phrases starts a new verb phrase of the same subject, which the helping verb does not govern (the power
# word must head it: "..., and shall assemble credentialing paperwork" is still not a power)
_RESTATED_MODAL = pattern_cache.compile(r"(?:,|;|\band\b)\s*(?:and\s+)?(?:shall|will|must|may|agrees\s+to)\s*"
                             r"(?:(?:also|further|\w+ly)\s+|,[^,]{0,60},\s*)*"
                             # "..., and shall have final authority over ...": the power is held, not done
                             r"(?:(?:have|hold|retain|possess|exercise)\s+(?:the\s+|sole\s+|all\s+)*)?$", re.IGNORECASE)
# (an enumerator may open the last item: "..., and (iii) establish ...")
# (or an aside after the "and": "process payroll and, for the nurse injectors of Company, set the hourly rates")
_LIST_COORDINATION = pattern_cache.compile(r",[^,]*,?\s*(?:and|or)\s*(?:,[^,]{0,80},\s*)?(?:\(\w{1,4}\)\s*)?$|"
                                           r"^[^,;]*\b(?:and|or)\s*,[^,;]{0,100},\s*$", re.IGNORECASE)
_GERUND = pattern_cache.compile(r"\w+ing\b")
# "Manager shall provide the premises and hire the nurse injectors": the helper has its own object and a
# second verb follows (not "coordinate the recruiting and hiring of")
# ("process payroll and set the hourly rates": a bare noun as well)
_SECOND_VERB = pattern_cache.compile(r"\s*(?:(?:the|all|any|such|its)\s+)?[\w-]+(?:\s+[\w-]+)?(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
                                     r"(?!\w+(?:ing|ion|ions|ment|ments|al|als|ance|ances)\b)[a-z]+\s+"
                                     r"(?:(?:and|or)\s+[a-z]+\s+)?(?:the|all|any|each|such|its)\b")
_TITLE_WORDS = pattern_cache.compile(r"\s*(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,3}")


def _coordinated_verb(rest: str, text: str, verb_start: int) -> bool:
    """Is the power word the head of a verb phrase coordinated with the helping verb's (same subject)?"""
    if _RESTATED_MODAL.search(rest):
        return True
    return bool(_LIST_COORDINATION.search(rest)) and not _GERUND.match(text, verb_start)


@dataclass(frozen=True)
class Power:
    """Who holds the power expressed by the words at [start, end)."""

    roles: frozenset[str]
    start: int
    end: int
    how: str  # active | passive | relation | consent

    @property
    def mso(self) -> bool:
        return "mso" in self.roles or "joint" in self.roles


def _alternation(names, compile=re.compile) -> re.Pattern | None:
    """One pattern for any of the names, longest first. `compile=pattern_cache.compile` for a set of names that
    does not change from document to document (it is then kept on disk)."""
    names = sorted({n for n in names if n}, key=lambda n: (-len(n), n))  # the same pattern in every run
    if not names:
        return None
    parts = []
    for name in names:
        body = r"\s+".join(re.escape(w) for w in name.split())
        head = r"\b" if name[:1].isalnum() else ""
        tail = r"\b" if name[-1:].isalnum() else r"(?!\w)"
        parts.append(head + body + tail)
    # a lookahead on the possible first characters lets the engine skip most positions at once (same matches)
    first = "".join(sorted({re.escape(name[0]) for name in names}))
    return compile(f"(?=[{first}])(?:" + "|".join(parts) + ")")


_NAME = r"[A-Z][A-Za-z&-]*[A-Za-z](?!['\u2019]\w\w)|[A-Z]{2,}"
_NAMED_ACTOR = pattern_cache.compile(
    rf"(?<![\w.])((?:{_NAME})(?:\s+(?:{_NAME})){{0,2}})(?=(?:'s|\u2019s)\b|(?:\s+(?:first|also|further|then|alone|solely|"
    rf"otherwise|[a-z]+ly))?\s+(?:shall|will|may|must|can|cannot|does|agrees|agree|consents|confirms|approves|objects|"
    rf"determines|decides|requests|"
    rf"requires|directs|elects|has|is|holds|reserves|retains|deems|designates|selects|sets|establishes|and|or)\b|"
    rf",\s+(?:which|who|in\s+its|at\s+its|acting|through|upon|after|with|without|for\s+its)\b)"
    rf"|\b(?:by|from|to|(?:consent|approval|direction|request|property|employee|employees|instructions|discretion|"
    rf"control|behalf|agent|supervision|policies|standards|procedures|rules|handbook|manual|officers|designee|"
    rf"representative|representatives|review|determination|decision|satisfaction|sign-off|concurrence|agreement|"
    rf"Director|Officer|Committee|Board|Council|President|Team|Department|Representative|director|officer|"
    rf"committee|board|council|team|department)\s+of|pay|pays|paid|reimburse|"
    rf"compensate|notify|permit|allow|cause|require|authorize|"
    rf"direct|instruct|inform|engage|retain|appoint|provide|give|deliver|furnish|submit|vests?|vested|entitle|entitles|"
    rf"enable|enables|permit|permits|allow|allows)\s+(?:in\s+)?((?:{_NAME})(?:\s+(?:{_NAME})){{0,2}})\b")


@cache
def _name_guessing() -> tuple[frozenset, tuple]:
    """Words that never name a party, and the name words that tell a party's role (shared with parties.py)."""
    from ..parties import role_cues

    stop = frozenset([*(f for e in load_lexicon("actor_names").values() if e.kind == "not_name" for f in e.forms),
                      *(w for e in load_lexicon("us_states").values() for f in e.forms for w in f.split())])
    name_words = tuple((c.pattern, c.role) for c in role_cues() if c.cue == "name_word" and c.role)
    return stop, name_words


def guess_named_actors(text: str, known: re.Pattern | None) -> dict[str, str]:
    """Capitalized names acting in a clause when the parties are unknown ("Lumina shall approve ...").

    A name with a practice word ("Medical", "Physicians") is the practice; any other name is presumed
    to be the MSO, which agreements usually call by its short brand name.
    """
    stop, name_words = _name_guessing()
    found: dict[str, str] = {}
    for m in _NAMED_ACTOR.finditer(text):
        candidate = m.group(1) or m.group(2)
        if known is not None and all(w in stop for w in known.sub(" ", candidate).split()):
            continue  # "The Professional Corporation": a known name with stop words around it
        words = candidate.split()
        while words and words[0] in stop and len(words) > 1:
            words = words[1:]
        if not words or all(w.strip("'\u2019s") in stop or w in stop for w in words):
            continue
        name = " ".join(words)
        known_words = [w for w in words if known is not None and known.fullmatch(w)]
        if known_words and (len(known_words) == len(words) or all(w in stop for w in words if w not in known_words)):
            continue
        roles = [role for rx, role in name_words if rx.search(name)]
        found.setdefault(name, roles[0] if roles else "mso")
    return found


@cache
def _alternation_cached(names: tuple[str, ...]) -> re.Pattern | None:
    return _alternation(names)


@dataclass(frozen=True)
class ActorIndex:
    """Compiled names of the parties of one document (case-sensitive, plus ALL CAPS variants).

    `guess` is set when the document's parties are unknown: names acting in a clause are then guessed
    clause by clause (see `guess_named_actors`).
    """

    pattern: re.Pattern | None
    roles: dict
    titles: re.Pattern | None
    guess: bool = False
    either: frozenset = frozenset()

    @staticmethod
    def for_parties(parties: tuple[Party, ...] = (), bodies: tuple[str, ...] = ()) -> "ActorIndex":
        """`bodies`: names of committees the document composes with the MSO's people (organs.composed_bodies)."""
        return _index_for(tuple((p.name, tuple(p.aliases), p.role) for p in parties)
                          + tuple((name, (), "joint") for name in bodies))

    def mentions(self, text: str) -> list[Mention]:
        roles = self.roles
        patterns = [self.pattern] if self.pattern is not None else []
        if self.guess:
            guessed = guess_named_actors(text, self.pattern)
            if guessed:
                for name, role in guessed.items():
                    known = [roles[w] for w in name.split() if w in roles and roles[w] in ("mso", "practice")]
                    guessed[name] = known[0] if known else role
                roles = {**roles, **guessed}
                patterns.insert(0, _alternation_cached(tuple(sorted(guessed))))
        blocked = [(m.start(), m.end()) for m in self.titles.finditer(text)] if self.titles else []
        found: list[Mention] = []
        taken = set()  # character offsets already claimed by a title or an earlier (guessed, longer) name
        for s, e in blocked:
            taken.update(range(s, e))
        for pattern in patterns:
            for m in pattern.finditer(text):
                if m.start() in taken or (m.end() - 1) in taken:
                    continue  # a guessed full name ("Harborview MSO") wins over the generic word inside it
                role = roles.get(m.group()) or roles.get(m.group().lower(), "other")
                possessive = bool(_POSSESSIVE.match(text[m.end(): m.end() + 2]))
                end = m.end()
                if not possessive and text[end: end + 1] == "." and _POSSESSIVE.match(text[end + 1: end + 3]):
                    possessive, end = True, end + 1  # "the P.C.'s written election": the name keeps its last period
                found.append(Mention(m.start(), end, role, possessive))
            taken.update(offset for x in found for offset in range(x.start, x.end))
        found.sort(key=lambda x: x.start)
        if self.either and found:
            mso_names = {text[x.start:x.end] for x in found if x.role == "mso"}
            clinical_owner = any(_HAS_CLINICIANS.match(text, x.end) for x in found if text[x.start:x.end] in self.either)
            if (mso_names - self.either and mso_names & self.either) or clinical_owner:
                found = [replace(x, role="practice") if text[x.start:x.end] in self.either else x for x in found]
        found = with_organs(text, found)
        committees = committee_mentions(text, found)
        if committees:
            found.extend(committees)
            # a committee's name inside its own composition ("Operating Committee of five members, three of whom ...")
            found = [x for x in found if not (x.role == "joint" and any(
                y.role == "joint" and y.start <= x.start and x.end < y.end for y in committees))]
        found.extend(owned_body_mentions(text, found))
        found.extend(affiliate_mentions(text, found))
        widest: dict[int, Mention] = {}  # the longest mention ending at each offset (a committee over its last member)
        for x in found:
            if x.end not in widest or x.start < widest[x.end].start:
                widest[x.end] = x
        for x in widest.values():
            which = _RELATIVE.match(text, x.end)
            if not which and x.possessive:  # "Manager's Chief Executive Officer, who shall evaluate ..."
                officer = _OFFICER_SUBJECT.match(text, x.end)
                which = _RELATIVE.match(text, officer.end()) if officer else None
            if which and x.role in ("mso", "practice", "joint"):
                found.append(Mention(which.start(1), which.end(1), x.role))
            whose = _WHOSE.match(text, x.end)
            if whose and x.role in ("mso", "practice", "joint"):
                found.append(Mention(whose.start(1), whose.end(1), x.role, possessive=True))
        for m in _PRONOUN.finditer(text):
            previous = [x for x in found if x.end <= m.start() and x.role in ("mso", "practice", "joint")]
            if previous:
                found.append(Mention(m.start(), m.end(), previous[-1].role))
        found.extend(named_again(text, found))
        found.sort(key=lambda x: x.start)
        return found


@cache
def _index_for(parties: tuple) -> ActorIndex:
    lexicon = load_lexicon("actor_names")
    roles: dict[str, str] = {}
    known = {role for _, _, role in parties}
    for name, aliases, role in parties:
        if role not in ("mso", "practice", "medical_director", "owner", "other", "joint"):
            continue
        for alias in (name, *aliases):
            alias = " ".join(str(alias).split())
            if len(alias) > 1:
                roles.setdefault(alias, role)
    use_fallback = not ({"mso", "practice"} <= known)
    for entry in lexicon.values():
        if entry.kind not in ("mso", "practice", "joint"):
            continue  # titles, words that are never names, the MSO's officer titles
        if entry.id.endswith("-fallback") and not use_fallback:
            continue
        for form in entry.forms:
            if form not in roles and form.lower() not in {k.lower() for k in roles}:
                roles[form] = entry.kind
    variants = dict(roles)
    for name, role in roles.items():
        variants.setdefault(name.upper(), role)
        variants.setdefault(name[:1].upper() + name[1:], role)
        if name.lower().startswith("the ") is False and " " not in name and name[:1].isupper():
            variants.setdefault(f"the {name}", role)
    title_forms = [f for e in lexicon.values() if e.kind == "title" for f in e.forms
                   if f not in roles]
    either = frozenset(v for f in lexicon["either-fallback"].forms for v in (f, f.upper(), f[:1].upper() + f[1:]))
    # the titles come from the lexicon alone, less a party's own name (rare): the same pattern in every document
    titles = _alternation(title_forms + [t.upper() for t in title_forms], compile=pattern_cache.compile)
    return ActorIndex(_alternation(variants), variants, titles,
                      guess=use_fallback, either=either if use_fallback else frozenset())


class PowerFinder:
    """Resolves who holds the power behind a power word, inside one clause."""

    def __init__(self, text: str, mentions: list[Mention]):
        self.text = text
        self.mentions = mentions

    @cached_property
    def subject_starts(self) -> tuple[int, ...]:
        """Offsets where a party starts a clause of its own: a coordinated clause or a relative one."""
        return tuple(sorted({*self.clause_starts, *self.relative_starts}))

    @cached_property
    def clause_starts(self) -> tuple[int, ...]:
        """Offsets where a party starts a new clause of its own ("..., and Manager shall ...")."""
        return tuple(m.start for m in self.mentions
                     if m.start > 0 and _OPENS_CLAUSE.match(self.text, m.end)
                     and _AFTER_CONJUNCTION.search(self.text, max(0, m.start - 12), m.start))

    @cached_property
    def relative_starts(self) -> tuple[int, ...]:
        """Offsets where a party is the subject of an object relative ("any patient whom NorthStar has so
        designated"): its verb is out of the main clause's negation, until the relative clause ends."""
        return tuple(m.start for m in self.mentions
                     if m.start > 0 and _OPENS_RELATIVE.match(self.text, m.end)
                     and _AFTER_RELATIVE.search(self.text, max(0, m.start - 12), m.start)
                     and not self._subject_of_sentence(m))

    def _subject_of_sentence(self, relative: Mention) -> bool:
        """True when the party of a relative clause is also the subject of the negated clause around it: in "Lumen
        shall not condition any schedule on training that Lumen selects" the negation covers Lumen's own choice."""
        start = max(self.text.rfind(". ", 0, relative.start), self.text.rfind("; ", 0, relative.start)) + 1
        subjects = [m for m in self.mentions
                    if start <= m.start and m.end <= relative.start and _OPENS_CLAUSE.match(self.text, m.end)]
        return bool(subjects) and subjects[-1].role == relative.role and bool(
            _NEGATION_WORD.search(self.text, subjects[-1].end, relative.start))

    def _after(self, pos: int, limit: int = 90) -> list[Mention]:
        return [m for m in self.mentions if pos <= m.start < pos + limit]

    def _group(self, first: Mention) -> set[str]:
        """A mention plus the parties coordinated with it ("Practice and Manager")."""
        roles = {first.role}
        index = self.mentions.index(first)
        previous = first
        for m in self.mentions[index + 1:]:
            gap = self.text[previous.end: m.start]
            if m.start < previous.end or not _COORDINATED.match(gap):
                break
            if "," in gap and _NEW_SUBJECT.match(self.text, m.end):
                break  # "... by Practice, and Manager shall ...": a new clause, not a joint agent
            roles.add(m.role)
            previous = m
        for m in reversed(self.mentions[:index]):
            gap = self.text[m.end: first.start]
            if m.end > first.start or not _COORDINATED.match(gap):
                break
            if "," in gap and _NEW_SUBJECT.match(self.text, first.end):
                break  # "... received by Company, and the Medical Group shall ...": a new clause
            roles.add(m.role)
            first = m
        return roles

    def mutual_consent(self, start: int, end: int) -> Mention | None:
        """"Neither Manager nor Practice shall ... without the consent of the other": each holds a veto, so the
        decision is joint."""
        other = _OF_THE_OTHER.match(self.text, end) or _THE_OTHERS.search(self.text, max(0, start - 40), start)
        if not other:
            return None
        lead = _NEITHER_NOR.search(self.text, max(0, start - 300), start)
        if not lead:
            return None
        roles = {m.role for m in self.mentions if lead.start() <= m.start < lead.end()}
        if lead.group(1) or {"mso", "practice"} <= roles:
            return Mention(other.start(), other.end(), "joint")
        return None

    def agent_after(self, start: int, end: int, seg_end: int, window: int = 70) -> Power | None:
        """A "by X" agent of a passive (or "of X", "rests with X") just after the power words."""
        for m in self._after(end, window):
            if m.start > seg_end:
                break
            between = self.text[end: m.start]
            if m.possessive and m.role in ("practice", "medical_director") and re.search(r"\bof\s+(?:the\s+)?$", between):
                return None  # "the performance evaluations of the Practice's nurse injectors": whose people, not who acts
            word = self.text[start:end].lower()
            if _INNER_PASSIVE.search(between) and not word.endswith(("ed", "en", "al", "als", "ion", "ions", "ment", "ments")):
                return None  # "approve each protocol before it is adopted by Practice": that "by" is the inner verb's
            if _ASKED_BY.fullmatch(between):
                return None  # "any change requested by Service Company": who asks for it, not who decides it
            if _PASSIVE_AGENT.match(between) or _HOLDER.search(between) or _PARENTHETICAL_AGENT.fullmatch(between) or (
                    _LONG_AGENT.fullmatch(between) and _BE_BEFORE.search(self.text, max(0, start - 30), start)):
                return Power(frozenset(self._group(m)), start, m.end, "passive")
            if "." in between or ";" in between:
                break
        return None

    def holder_later(self, start: int, end: int, seg_end: int) -> Power | None:
        """A noun of power decided elsewhere in the segment: "the selection ... shall be made by Manager"."""
        for m in self.mentions:
            if end <= m.start <= seg_end and _HOLDER.search(self.text[max(end, m.start - 60): m.start]):
                return Power(frozenset(self._group(m)), start, m.end, "passive")
        return None

    def relation_target(self, start: int, end: int, seg_end: int, adjacent: bool = False) -> Power | None:
        """The party a relation points to: "report directly to the Chief Operating Officer of Manager".

        `adjacent`: the party must be named right away, inside a title ("in the Manager Operations Manual").
        """
        for m in self._after(end, 80):
            if m.start > seg_end:
                break
            between = self.text[end: m.start]
            if adjacent and not _TITLE_WORDS.fullmatch(between):
                break
            if len(between.split()) <= 7 and not re.search(r"[;.]|\band\s+to\b", between):
                return Power(frozenset({m.role}), start, m.end, "relation")
            break
        return None

    def subject_before(self, seg_start: int, verb_start: int, support: re.Pattern | None = None) -> Power | None:
        """The subject of the modal verb that governs the power word (nearest party before it).

        A party directly chained to the word ("Manager shall, in its discretion, approve", "permit Manager to
        approve") is the subject. A party further back that opens its own clause ("Manager shall provide
        billing and approve ...") is the subject too, unless a helping verb governs the power word
        ("Manager shall assist Practice in establishing ...").
        """
        candidates = [m for m in self.mentions if seg_start <= m.start and m.end <= verb_start]
        for m in reversed(candidates):
            between = self.text[m.end: verb_start]
            if between.startswith(",") and _CONSULTED_ASIDE.search(self.text, max(0, m.start - 40), m.start):
                continue  # "Manager, after consulting Practice, shall decide ...": the party consulted is no subject
            if between.startswith(".") and _INITIALS_END.search(self.text, m.start, m.end):
                between = between[1:]  # "P.C. shall ...": the name's own last period
            if not m.possessive and between[:2] in ("'s", "\u2019s") and m.role not in ("mso", "joint"):
                if _OWN_POWER_NOUN.fullmatch(between):  # "the P.C.'s oversight of ...": the practice's power
                    return Power(frozenset(self._group(m)), m.start, verb_start, "active")
                continue
            if m.possessive:
                if _POSSESSIVE_RIGHT.match(between):  # "Manager's right to approve or reject ..."
                    return Power(frozenset(self._group(m)), m.start, verb_start, "active")
                if m.role not in ("mso", "joint") and _OWN_POWER_NOUN.fullmatch(between):
                    # "the Medical Director's oversight of ...": the possessor's power, not the sentence subject's
                    return Power(frozenset(self._group(m)), m.start, verb_start, "active")
                officer = _OFFICER_SUBJECT.match(between)
                if not officer:
                    continue
                between = between[officer.end():]
                relative = _OFFICER_RELATIVE.match(between)
                if relative:
                    between = " " + between[relative.end():]
            elif AFTER_PREPOSITION.search(self.text[max(0, m.start - 25): m.start]):
                if (_RIGHT_OF.search(self.text, max(0, m.start - 40), m.start) and _TO_VERB.fullmatch(between)
                        and not _RIGHT_ENDED.match(self.text, verb_start)):
                    # "nothing shall limit the right of Manager to approve ...": the right's holder acts
                    return Power(frozenset(self._group(m)), m.start, verb_start, "active")
                if _FOR_TO.search(self.text, max(0, m.start - 12), m.start) and _TO_VERB.fullmatch(between):
                    # "shall be grounds for Verde to require that ...": the subject of the infinitive acts
                    return Power(frozenset(self._group(m)), m.start, verb_start, "active")
                continue
            elif m.role in ("practice", "medical_director") and _COMPELLED.search(self.text, max(0, m.start - 30), m.start):
                continue  # "Administrator may require Medical Group to replace ...": the one who requires acts
            if _SET_ASIDE.search(self.text, max(0, m.start - 20), m.start):
                continue  # "Manager, and not Practice, shall select ...": the party set aside is not the subject
            if len(between) > 260 or re.search(r"(?<!\b[A-Z])[;.]\s", between) or _SENTENCE_START.search(between):
                return None
            if _OPEN_SUBORDINATE.search(between):
                return None  # "Manager shall not ... unless Practice's Medical Director has directed": not its verb
            if _OWN_SUBJECT_BEFORE.search(between):
                return None  # "ordering supplies the Medical Director has selected": the verb has its own subject
            if m.role == "mso" and _PROVIDES_OFFICER.match(between):
                # "Manager shall provide a Clinic Director, who shall supervise ...": the MSO's own person acts
                return Power(frozenset(self._group(m)), m.start, verb_start, "active")
            if _RELATIVE_WITH_VERB.search(between):
                return None  # "... to the P.C.'s quality committee, which shall determine ...": the relative's own verb
            tight = _CHAIN_START.match(between) and _MODAL.match(between)
            if not tight and not _SUBJECT_OPENS.match(between):
                continue
            if not tight and _OTHER_SUBJECT.search(between):
                return None  # "..., and the determination of Practice shall control": another clause's verb
            if not tight and support is not None:
                helpers = [h for h in support.finditer(between) if not _ADJUNCT.search(between, 0, h.start())]
                if helpers and _GOVERNS.search(between[helpers[-1].end():]) and not _coordinated_verb(
                        between[helpers[-1].end():], self.text, verb_start):
                    return None
                if helpers and re.fullmatch(r"\s*(?:the|all|any|such|its)?\s*(?:[\w-]+(?:\s+and|\s+or|,)\s+)*(?:re-)?",
                                            between[helpers[-1].end():]) and not _SECOND_VERB.match(
                                                between[helpers[-1].end():] + self.text[verb_start: verb_start + 30]):
                    return None  # "Manager shall coordinate the credentialing of ...": helping with it
            roles = self._group(m)
            for partner in candidates:
                if partner.start >= m.end and _WITH_PARTNER.search(self.text[m.end: partner.start]):
                    roles.add(partner.role)
            return Power(frozenset(roles), m.start, verb_start, "active")
        return None

    def consent_holder(self, start: int, end: int, seg_end: int) -> Mention | None:
        """Whose consent: "Manager's prior written consent", "consent of Manager", "unless Manager consents"."""
        mutual = self.mutual_consent(start, end)
        if mutual is not None:
            return mutual
        # "unless it has not been disapproved by Administrator": a passive's holder is its agent, named after it
        before = [m for m in self.mentions if m.end <= start] if " been " not in self.text[start:end] else []
        if before and _ITS.search(self.text, max(0, start - 60), start):
            return before[-1]  # "unless Manager has first given its written consent"
        if before:
            m = before[-1]
            gap = self.text[m.end: start]
            # (or, before a review or an approval, what kind it is: "the Management Company's business case review";
            # not "Company's supply agreement")
            own = _POSSESSIVE_KIND if _REVIEW_WORD.fullmatch(self.text, start, end) else _POSSESSIVE_ONLY
            if m.possessive and own.fullmatch(gap):
                return m
            # "until RVX Management's compliance pharmacist has cleared ...": the MSO's officer
            if m.possessive and m.role in ("mso", "joint") and _OFFICER_CONSENTS.fullmatch(gap):
                return m
            # "unless Manager has first consented", "until Manager shall have expressly approved", "submit ... to
            # Manager for approval"
            # (", acting through its Chief Operating Officer, agrees": a parenthetical between holder and word)
            if re.fullmatch(r"\s*(?:,[^,;]{0,60},\s*)?(?:for\s+(?:its\s+|their\s+)?(?:(?:prior|written|final|advance)\s+)*$)?(?:(?:otherwise|first|has|have|had|shall\s+have|expressly|previously|already|[a-z]+ed\s+and|[a-z]+ed\s+(?:its|the|a|an|their)\s+(?:[\w-]+\s+){0,3}?and|"
                            r"specifically|itself)\s+){0,3}(?:(?:grants?|gives?|issues?|provides?|granted|given|issued)\s+"
                            r"(?:a|an)\s+(?:(?:prior|express|advance|written|specific)\s+)*)?", gap, re.IGNORECASE):
                return m
            # "except as Manager may otherwise permit", "unless Manager shall otherwise agree": a consenting verb
            if _CONSENTING_VERB.fullmatch(self.text, start, end) and _MODAL_GAP.fullmatch(gap):
                return m
        for m in self._after(end, 50):
            if m.start > seg_end:
                break
            # "acceptable to Manager", "at the discretion of Manager": the form ends with its own preposition
            joiner = "" if self.text[start:end].lower().endswith((" to", " of", " from", " if", " unless")) else r"(?:of|by|from),?\s+"
            if re.fullmatch(rf"\s*(?:in\s+writing\s+)?(?:to\s+do\s+so\s+)?(?:in\s+writing\s+)?{joiner}(?:the\s+)?(?:both\s+)?",
                            self.text[end: m.start],
                            re.IGNORECASE):
                return m
            break
        return None
