"""Parties and their roles, from the preamble (or, failing that, the signature block).

A preamble names each party, says what kind of entity it is and gives it defined names:
'ACME MSO, LLC, a Delaware limited liability company ("Manager")'. The role (mso, practice,
owner, medical_director, other) is decided from the entity type, the party's legal name and what
the preamble and recitals say it does, never from the defined word alone: "Company" is the MSO in
one agreement and the practice in another. Vocabulary lives in data/lexicon/entity_types.yaml and
data/lexicon/party_roles.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from . import pattern_cache
from .model import Clause, Party

_QUOTED = pattern_cache.compile(r"[\"“”]([^\"“”\n]{1,60}?)[\"“”]")
# A parenthetical that defines names, or "hereinafter [referred to as] "X"" without parentheses.
_DEFINITION_POINT = pattern_cache.compile(
    r"\(([^()]{0,200}?[\"“”][^()]{0,200}?)\)"
    r"|,?\s{0,3}hereinafter(?:\s{1,3}referred\s{1,3}to)?(?:\s{1,3}as)?,?\s{0,3}((?:[\"“][^\"“”\n]{1,60}[\"”](?:\s{0,3}(?:or|and)\s{0,3})?){1,3})",
    re.I,
)
_BETWEEN = pattern_cache.compile(r"\b(?:by\s+and\s+)?(?:between|among)\b\s*:?", re.I)
_MADE_BY = pattern_cache.compile(r"\b(?:entered\s+into|made|executed|dated)\b[^()\"“]{0,120}?\bby\s+", re.I)
# What may stand between two parties: punctuation, "and", "BETWEEN:" / "AND:" of a block layout,
# and the label of a numbered list of parties ("(1)", "2.", "(b)").
_CONNECTOR = pattern_cache.compile(
    r"^(?:[\s,;:.]+|(?:by\s+and\s+)?(?:between|among)\b:?|and\b:?|&"
    r"|\((?:[0-9]{1,2}|[a-z]|[ivx]{1,4}|[A-Z])\)(?=\s)|[0-9]{1,2}[.)](?=\s)|[a-z][.)](?=\s))+",
    re.I,
)
_DESCRIPTOR_START = pattern_cache.compile(r",\s+(?=(?:an?|the)\s|(?:with|whose|having|located|organized|formed|doing)\b)", re.I)
_LEADS_WITH_DESCRIPTOR = pattern_cache.compile(r"^(?:an?|the)\s", re.I)
_AND_SPLIT = pattern_cache.compile(r",?\s+(?:and|AND)\b:?\s+|;\s*")
_NEGATION = pattern_cache.compile(r"\b(?:not|no|never|nothing|neither|nor|without)\b[^.;]{0,40}$", re.I)
_SIGNATURE_LABEL = pattern_cache.compile(r"^([A-Z][A-Za-z .'&-]{1,40}):\s*$")
_SENTENCE_SPLIT = pattern_cache.compile(r"(?<=[.;])\s+(?=[A-Z(\"“])|\n\s*\n")
_INDIVIDUAL_KINDS = ("physician", "individual")
# Where the sentence describing a party turns from what it is to what it does or owns
# ("an individual licensed in Texas and the sole shareholder of the PC").
_DESCRIPTOR_HEAD_END = pattern_cache.compile(r"[,;(]|\s(?:and|that|which|whose|who|with|having|doing)\s", re.I)
# A person's title before the name: "Dr. Jane Roe, M.D." is also "Dr. Roe".
_DOCTOR_TITLE = pattern_cache.compile(r"^(?:Dr\.?|Doctor)\s+", re.I)
# Words a legal or personal name may keep in lower case ("Smith and Jones", "Roe d/b/a Glow").
_NAME_SMALL_WORDS = frozenset({"and", "of", "the", "de", "del", "della", "di", "da", "du", "la", "le", "van", "von",
                               "der", "den", "y", "e", "d/b/a", "dba", "a/k/a", "f/k/a", "for", "at", "in", "on"})
MAX_NAME_WORDS = 14
_STYLED_NAME = pattern_cache.compile(r"^(.+?),\s+(an?\s+[^,]+)$", re.I)
MAX_PREAMBLE_CHARS = 6000
MAX_RECITAL_CHARS = 20000


@dataclass(frozen=True)
class EntityType:
    id: str
    label: str
    kind: str
    pattern: re.Pattern
    longest: int


@dataclass(frozen=True)
class RoleCue:
    id: str
    cue: str
    role: str | None
    literal: str
    weight: float
    pattern: re.Pattern


@dataclass
class _Candidate:
    name: str
    aliases: list[str]
    descriptor: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    entity: EntityType | None = None
    kinds: set[str] = field(default_factory=set)

    def add(self, role: str, weight: float) -> None:
        self.scores[role] = self.scores.get(role, 0.0) + weight

    def score(self, role: str) -> float:
        return self.scores.get(role, 0.0)


def _literal_pattern(literal: str) -> str:
    body = re.escape(literal).replace(r"\ ", r"\s+")
    if any(ch.islower() for ch in literal):
        body = f"(?i:{body})"
    return rf"(?<![\w.]){body}(?![\w])" if literal[-1].isalnum() else rf"(?<![\w.]){body}(?!\w)"


@cache
def entity_types() -> tuple[EntityType, ...]:
    from .segmentation.lexicon_file import load_entries

    entries = load_entries("entity_types.yaml", required={"label", "kind", "literals"},
                           choices={"kind": {"practice", "business", "physician", "individual"}})
    types = []
    for entry in entries:
        literals = entry["literals"]
        if not isinstance(literals, list) or not literals or not all(isinstance(x, str) and x.strip() for x in literals):
            from .errors import DataFileError
            from .resources import lexicon_dir

            raise DataFileError(lexicon_dir() / "entity_types.yaml", entry["id"], "literals must be a list of words")
        ordered = sorted(literals, key=len, reverse=True)
        types.append(EntityType(entry["id"], entry["label"], entry["kind"],
                                pattern_cache.compile("|".join(_literal_pattern(x) for x in ordered)), len(ordered[0])))
    return tuple(types)


@cache
def role_cues() -> tuple[RoleCue, ...]:
    from .model import ROLES
    from .segmentation.lexicon_file import load_entries

    entries = load_entries("party_roles.yaml", required={"cue", "literal"}, optional={"role", "weight"},
                           choices={"cue": {"phrase", "name_word", "alias", "not_party", "generic_word"}, "role": set(ROLES)})
    return tuple(
        RoleCue(e["id"], e["cue"], e.get("role"), str(e["literal"]), float(e.get("weight", 0)),
                pattern_cache.compile(_literal_pattern(str(e["literal"])) if e["cue"] != "alias" else re.escape(str(e["literal"]))))
        for e in entries
    )


def find_entity_type(text: str) -> EntityType | None:
    """The entity type `text` names; the longest literal found wins."""
    best: tuple[int, EntityType] | None = None
    for etype in entity_types():
        for match in etype.pattern.finditer(text[:400]):
            length = len(match.group(0))
            if best is None or length > best[0]:
                best = (length, etype)
    return best[1] if best else None


def resolve_parties(text: str, clauses: tuple[Clause, ...]) -> tuple[Party, ...]:
    """Each party to the agreement with its defined names and role (see the module docstring)."""
    preamble = _preamble_text(text, clauses)
    recitals = " ".join(c.text for c in _lead_clauses(clauses) if c.kind != "preamble")[:MAX_RECITAL_CHARS]
    candidates = [c for c in _parties_in_preamble(preamble) if _names_a_party(c)]
    if not candidates:
        candidates = _parties_in_signature(clauses)
    if not candidates:
        return ()
    _score(candidates, _normalize(preamble) + " " + _normalize(recitals))
    roles = _assign_roles(candidates)
    brands = _brand_forms(candidates, text)
    return tuple(
        Party(name=c.name, aliases=tuple(_aliases(c) + brands.get(id(c), [])), role=role,
              entity_type=c.entity.label if c.entity else None)
        for c, role in zip(candidates, roles)
    )


# a name word acting as a party: "unless Glowhaus has signed off", "Trimwell's pharmacy list"
_ACTS = r"(?:['\u2019]s\b|\s+(?:shall|will|may|must|can|cannot|has|have|is|agrees|reserves|retains|determines|decides|" \
        r"approves|consents|sets|selects|designates|keeps|owns)\b)"


_BRAND_SEARCH_CHARS = 200_000  # a brand used as a party shows early; a 300-page text need not be searched whole


def _brand_forms(candidates: list[_Candidate], text: str) -> dict[int, list[str]]:
    """The first word of an organisation's name used alone for it ("GLOWHAUS MANAGEMENT, LLC" acting as
    "Glowhaus"), when no other party's name starts with that word and the body uses it as an actor."""
    firsts: dict[str, list[_Candidate]] = {}
    for cand in candidates:
        if _is_individual(cand):
            continue
        words = re.findall(r"[A-Za-z][A-Za-z'-]*", cand.name)
        if words and len(words) > 1 and len(words[0]) >= 4:
            firsts.setdefault(words[0].lower(), []).append(cand)
    taken = {n.lower() for c in candidates for n in [c.name, *c.aliases]}
    found: dict[int, list[str]] = {}
    for word, owners in firsts.items():
        form = word[:1].upper() + word[1:]
        if len(owners) != 1 or word in taken or form in _not_brand_words() or form not in text:
            continue
        if re.search(rf"(?<![\w-]){re.escape(form)}{_ACTS}", text[:_BRAND_SEARCH_CHARS]):
            found[id(owners[0])] = [form]
    return found


@cache
def _not_brand_words() -> frozenset:
    """Words that start organisations' names without naming them ("First", "American", "Medical")."""
    return frozenset(str(cue.literal) for cue in role_cues() if cue.cue in ("name_word", "alias", "generic_word"))


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _preamble_text(text: str, clauses: tuple[Clause, ...]) -> str:
    parts = [c.text for c in clauses if c.kind == "preamble"]
    if not parts:
        parts = [c.text for c in clauses if c.kind == "title"]
    if not parts and not clauses:
        parts = [text]
    return "\n".join(parts)[:MAX_PREAMBLE_CHARS]


def _lead_clauses(clauses: tuple[Clause, ...]) -> list[Clause]:
    """The preamble, recitals and unnumbered paragraphs ("RECITALS", "BACKGROUND") before the terms."""
    lead = []
    for clause in clauses:
        if clause.kind in ("article", "section", "subsection", "definition", "signature", "exhibit"):
            break
        lead.append(clause)
    return lead


def _names_a_party(cand: _Candidate) -> bool:
    """Whether a defined name belongs to a party rather than a place, a document or a date.

    A party has a proper name (capitalised words, no running sentence, no street number) and
    either a legal entity type, a person's professional suffix ("M.D."), the description "an
    individual", or a defined name that is a party role ("Owner", "Medical Director"). "900 Ocean
    Drive, Suite 4 (the "Office")" and "Jupiter, Florida (the "Territory")" are not parties.
    """
    words = cand.name.split()
    if not words or len(words) > MAX_NAME_WORDS or any(ch.isdigit() for ch in cand.name):
        return False
    for word in words:
        bare = word.strip("\"'“”‘’(),.;:&-")
        if bare and bare[0].islower() and bare.lower() not in _NAME_SMALL_WORDS:
            return False
    if find_entity_type(cand.name) is not None or find_entity_type(_descriptor_head(cand.descriptor)) is not None:
        return True
    role_aliases = {cue.literal for cue in role_cues() if cue.cue == "alias"}
    return any(alias in role_aliases for alias in cand.aliases)


def _descriptor_head(descriptor: str) -> str:
    """What a party is: "an individual licensed in Texas" of "... and the sole shareholder of the PC"."""
    text = descriptor.strip()
    cut = _DESCRIPTOR_HEAD_END.search(text)
    return text[:cut.start()] if cut else text


def _not_party_names() -> set[str]:
    return {cue.literal.lower() for cue in role_cues() if cue.cue == "not_party"}


def _parties_in_preamble(preamble: str) -> list[_Candidate]:
    text = _normalize(preamble)
    between = _BETWEEN.search(text) or _MADE_BY.search(text)
    floor = between.end() if between else 0
    not_party = _not_party_names()
    candidates: list[_Candidate] = []
    cursor = floor
    for point in _DEFINITION_POINT.finditer(text):
        inner = point.group(1) if point.group(1) is not None else point.group(2)
        names = [_clean_alias(n) for n in _QUOTED.findall(inner)]
        names = [n for n in names if n and n.lower() not in not_party]
        if point.end() <= floor:
            continue
        segment = text[cursor:point.start()]
        cursor = point.end()
        if not names:
            continue
        if _LEADS_WITH_DESCRIPTOR.match(segment.lstrip(" ,;:")) and candidates:
            pieces = _AND_SPLIT.split(segment.lstrip(" ,;:"), maxsplit=1)
            candidates[-1].descriptor += " " + pieces[0]
            segment = pieces[1] if len(pieces) > 1 else ""
        name, descriptor = _split_name(segment)
        if name is None:
            if candidates:  # a second parenthetical for the same party ('("Manager") (the "MSO")')
                candidates[-1].aliases.extend(n for n in names if n not in candidates[-1].aliases)
            continue
        candidates.append(_Candidate(name=name, aliases=names, descriptor=descriptor))
    if candidates:
        tail = text[cursor:cursor + 300]
        if _LEADS_WITH_DESCRIPTOR.match(tail.lstrip(" ,;:")):
            candidates[-1].descriptor += " " + re.split(r"[.;]|\(", tail.lstrip(" ,;:"), maxsplit=1)[0]
    return candidates


def _clean_alias(name: str) -> str:
    return _normalize(name).strip(" ,.;:")


def _split_name(segment: str) -> tuple[str | None, str]:
    segment = _CONNECTOR.sub("", segment.strip())
    if not segment:
        return None, ""
    cut = _DESCRIPTOR_START.search(segment)
    name, descriptor = (segment[:cut.start()], segment[cut.end():]) if cut else (segment, "")
    name = name.strip(" ,;:")
    style, _, after = descriptor.partition(",")
    if cut and name.isupper() and style.isupper() and find_entity_type(style) is not None:
        name, descriptor = f"{name}, {style.strip()}", after  # "SUMMIT RIDGE PHYSICIANS, A PROFESSIONAL CORPORATION"
    if len(name) > 120:  # the segment ran on from earlier text; keep what follows the last joiner
        name = re.split(r"\b(?:by|between|among|and)\s+", name)[-1].strip(" ,;:")
    if not re.search(r"[A-Za-z]{2}", name) or len(name) > 160:
        return None, descriptor
    return name, descriptor


def _parties_in_signature(clauses: tuple[Clause, ...]) -> list[_Candidate]:
    """Fallback: 'MANAGER:' / 'ACME MSO, LLC' / 'By: ____' blocks under IN WITNESS WHEREOF."""
    candidates: list[_Candidate] = []
    for clause in clauses:
        if clause.kind != "signature":
            continue
        lines = [ln.strip() for ln in clause.text.splitlines() if ln.strip()]
        for i, line in enumerate(lines[:-1]):
            label = _SIGNATURE_LABEL.match(line)
            if not label or label.group(1).lower() in ("by", "name", "title", "date", "address", "its"):
                continue
            name = lines[i + 1]
            if name.lower().startswith(("by:", "name:", "title:", "by ")):
                continue
            alias = label.group(1).strip().title() if label.group(1).isupper() else label.group(1).strip()
            if not any(c.name == name for c in candidates):
                candidates.append(_Candidate(name=name.rstrip(","), aliases=[alias]))
    return candidates


def _score(candidates: list[_Candidate], context: str) -> None:
    cues = role_cues()
    for cand in candidates:
        described, named = find_entity_type(_descriptor_head(cand.descriptor)), find_entity_type(cand.name)
        cand.entity = described or named
        if described is not None and described.kind == "individual" and named is not None:
            cand.entity = named  # "Jane Doe, M.D., an individual" is a physician
        for source in (_descriptor_head(cand.descriptor), cand.name):
            for etype in entity_types():
                if etype.pattern.search(source[:400]):
                    cand.kinds.add(etype.kind)
        if "practice" in cand.kinds:
            cand.add("practice", 3)
        for cue in cues:
            if cue.cue == "name_word" and cue.pattern.search(cand.name):
                cand.add(cue.role, cue.weight)
            elif cue.cue == "alias" and any(a == cue.literal for a in cand.aliases):
                cand.add(cue.role, cue.weight)
    mentions = _mention_pattern(candidates)
    if mentions is None:
        return
    for sentence in _SENTENCE_SPLIT.split(context):
        found = [(m.start(), _owner_of(m.group(0), candidates)) for m in mentions.finditer(sentence)]
        if not found:
            continue
        for cue in cues:
            if cue.cue != "phrase":
                continue
            for match in cue.pattern.finditer(sentence):
                if _NEGATION.search(sentence[max(0, match.start() - 60):match.start()]):
                    continue
                before = [who for pos, who in found if pos < match.start() and who is not None]
                after = [who for pos, who in found if pos >= match.end() and who is not None]
                who = before[-1] if before else (after[0] if after else None)
                if who is not None:
                    who.add(cue.role, cue.weight)


def _mention_pattern(candidates: list[_Candidate]) -> re.Pattern | None:
    names = {n for c in candidates for n in [c.name, *c.aliases, *_short_forms(c)] if len(n) >= 2}
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")


def _owner_of(mention: str, candidates: list[_Candidate]) -> _Candidate | None:
    for cand in candidates:
        if mention == cand.name or mention in cand.aliases or mention in _short_forms(cand):
            return cand
    return None


def _is_individual(cand: _Candidate) -> bool:
    return bool(cand.kinds & set(_INDIVIDUAL_KINDS)) and not cand.kinds & {"practice", "business"}


def _assign_roles(candidates: list[_Candidate]) -> list[str]:
    """One practice and one MSO among the organisations; people are owners or medical directors.

    With evidence for only one side, the other organisation takes the other role: an MSA is
    between a practice and its manager.
    """
    roles = ["other"] * len(candidates)
    people = [i for i, c in enumerate(candidates) if _is_individual(c)]
    orgs = [i for i in range(len(candidates)) if i not in people]

    def lean(i: int, role: str) -> float:
        other = "mso" if role == "practice" else "practice"
        return candidates[i].score(role) - candidates[i].score(other)

    practice = max(orgs, key=lambda i: lean(i, "practice"), default=None)
    if practice is not None and lean(practice, "practice") <= 0:
        best_mso = max(orgs, key=lambda i: lean(i, "mso"))
        others = [i for i in orgs if i != best_mso]
        clear_mso = lean(best_mso, "mso") > 0
        practice = others[0] if clear_mso and others and lean(others[0], "practice") == 0 else None
    if practice is not None:
        roles[practice] = "practice"
    remaining = [i for i in orgs if i != practice]
    mso = max(remaining, key=lambda i: lean(i, "mso"), default=None)
    if mso is not None and (lean(mso, "mso") > 0 or practice is not None):
        roles[mso] = "mso"
    for i in people:
        cand = candidates[i]
        if cand.score("medical_director") > max(cand.score("owner"), 0):
            roles[i] = "medical_director"
        elif "practice" not in roles and "mso" in roles and "physician" in cand.kinds:
            roles[i] = "practice"  # a physician contracting personally as the practice ("Doctor")
        else:
            roles[i] = "owner"
    return roles


def _short_forms(cand: _Candidate) -> list[str]:
    """The name without its entity suffix: "ACME MSO, LLC" -> "ACME MSO", "Jane Doe, M.D." -> "Jane Doe"."""
    forms: list[str] = []
    name = cand.name.rstrip(" ,")
    styled = _STYLED_NAME.match(name)
    if styled and find_entity_type(styled.group(2)) is not None:
        name = styled.group(1)  # "SUMMIT RIDGE PHYSICIANS, A PROFESSIONAL CORPORATION"
        forms.append(name)
    for _ in range(2):  # "John Roe, M.D., P.A." sheds two suffixes
        shorter = _strip_suffix(name)
        if shorter is None:
            break
        forms.append(shorter)
        name = shorter
    if _DOCTOR_TITLE.match(name) and _is_individual(cand):
        plain = _DOCTOR_TITLE.sub("", name)
        surname = plain.split()[-1] if plain.split() else ""
        forms.append(plain)
        if len(plain.split()) > 1 and surname[:1].isupper():
            forms.append(f"Dr. {surname}")
    return forms


def _strip_suffix(name: str) -> str | None:
    for etype in entity_types():
        for match in etype.pattern.finditer(name):
            suffix = match.group(0)
            if match.start() > 0 and " " not in suffix and name[match.end():].strip(" ,.") == "":
                shorter = name[:match.start()].rstrip(" ,")
                if re.search(r"[A-Za-z]{2}", shorter):
                    return shorter
    return None


def _aliases(cand: _Candidate) -> list[str]:
    result: list[str] = []
    for alias in [*cand.aliases, *_short_forms(cand)]:
        if alias and alias != cand.name and alias not in result:
            result.append(alias)
    return result
