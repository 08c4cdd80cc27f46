"""Load the analyzer's word lists (`data/lexicon/*.yaml`) and compile each entry to one regex, once.

A lexicon file holds `description` and `entries`; each entry has a stable `id`, a `kind`, the literal
`forms` a lawyer reads and edits, and optional raw regex `patterns` for what literals cannot say, with
`cues`: words one of which every pattern match contains (they let the analyzer skip clauses without them;
an entry with patterns but no cues is simply always run).
Rules refer to entries as ``file_stem.entry_id`` (``control_verbs.decide``). Loading validates keys,
ids and regexes and fails with `DataFileError` naming the file and entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path


from .. import pattern_cache
from ..errors import DataFileError
from ..resources import lexicon_dir
from ..yamlio import YamlSyntaxError, load_yaml

_FILE_KEYS = {"description", "entries"}
_ENTRY_KEYS = {"id", "kind", "meaning", "forms", "patterns", "cues", "direction", "plural", "case"}
_WORD_RUN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class LexiconEntry:
    file: str
    id: str
    kind: str
    forms: tuple[str, ...]
    regex: re.Pattern
    direction: str | None = None
    # the words a match needs (see Cues); None when that cannot be said (a raw pattern without `cues`)
    cues: "Cues | None" = None

    @property
    def ref(self) -> str:
        return f"{self.file}.{self.id}"

    def finditer(self, text: str):
        return self.regex.finditer(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.regex.search(text, pos, len(text) if endpos is None else endpos)


def _trie_regex(words: list[str], fold: bool = True) -> str:
    """An alternation of literal words as a prefix trie, so the regex engine does not retry each word.

    A space in a form matches any run of whitespace. Built once per word list and interpreter (kept
    by the pattern cache: building all the lexicons' tries takes about a tenth of a second).
    """
    key = ("trie-folded:" if fold else "trie:") + "\x1f".join(words)
    return pattern_cache.memo(key, lambda: _build_trie(words, fold))


def _build_trie(words: list[str], fold: bool) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for char in (word.lower() if fold else word):
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


def _compile(path: Path, entry_id: str, forms, patterns, plural: bool, flags: int = re.IGNORECASE) -> re.Pattern:
    """Forms with word characters at both edges share one trie between word boundaries; others stand alone.

    Object forms also match their plural (``-s``/``-es``); longer matches win because the trie is greedy.
    """
    bounded, loose = [], []
    for form in dict.fromkeys(" ".join(f.split()) for f in forms):
        variants = [form, form + "s", form + "es"] if plural and form[-1:].isalpha() else [form]
        (bounded if form[:1].isalnum() and form[-1:].isalnum() else loose).extend(variants)
    alternatives = []
    fold = bool(flags & re.IGNORECASE)
    if bounded:
        alternatives.append(r"\b" + _trie_regex(bounded, fold=fold) + r"\b")
    for form in sorted(loose, key=len, reverse=True):
        words = r"\s+".join(re.escape(w) for w in form.split())
        head = r"\b" if form[:1].isalnum() else ""
        tail = r"\b" if form[-1:].isalnum() else ""
        alternatives.append(head + words + tail)
    for pattern in patterns:
        try:
            pattern_cache.compile(pattern)
        except re.error as exc:
            raise DataFileError(path, entry_id, f"pattern {pattern!r} is not a valid regex: {exc}") from None
        alternatives.append(f"(?:{pattern})")
    if not alternatives:
        raise DataFileError(path, entry_id, "entry has neither forms nor patterns, so it can never match")
    if not patterns:
        # a lookahead on the forms' possible first characters lets the engine skip most positions (same matches)
        first = "".join(sorted({re.escape(f[0].lower() if fold else f[0]) for f in (*bounded, *loose)}))
        return pattern_cache.compile(f"(?=[{first}])(?:" + "|".join(alternatives) + ")", flags)
    joined = "|".join(alternatives)
    first = pattern_cache.memo(f"first-characters:{flags}:{joined}", lambda: first_characters(joined, flags))
    return pattern_cache.compile(f"(?=[{first}])(?:{joined})" if first else joined, flags)


_MAX_FIRST = 80  # a wider class than this skips too few positions to be worth its test
_FOLDS = {"s": "\u017f", "k": "\u212a", "i": "\u0130\u0131"}  # what IGNORECASE also matches for these letters


def first_characters(regex: str, flags: int = 0) -> str:
    """The characters any match of `regex` must start with, as the inside of a character class ("" when any
    character might, or the pattern is beyond this reading). Put in a lookahead before the pattern, it lets the
    engine skip most positions without trying each alternative there, and changes no match.

    Letters come in both cases (and with what IGNORECASE folds onto them), so the class never rejects a
    position the pattern could match, whatever the inline flags."""
    try:
        from re import _constants as op_codes, _parser
        first = _first_of(_parser.parse(regex, flags).data, op_codes)
    except Exception:  # noqa: BLE001 - an interpreter without these internals: no shortcut
        return ""
    if first is None or first[1] or not first[0]:
        return ""  # any character, or an empty match, may start it
    found = first[0]
    chars = set()
    for code in found:
        char = chr(code)
        chars.update((char, char.lower(), char.upper()))
        chars.update(_FOLDS.get(char.lower(), ""))
    chars = {c for c in chars if len(c) == 1}
    return "".join(re.escape(c) for c in sorted(chars)) if len(chars) <= _MAX_FIRST else ""


def _first_of(items, c) -> tuple[set[int], bool] | None:
    """(first characters, whether it can match empty) of a parsed sequence; None when any character might start it."""
    found: set[int] = set()
    for op, av in items:
        item = _first_of_item(op, av, c)
        if item is None:
            return None
        chars, nullable = item
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op, av, c) -> tuple[set[int], bool] | None:
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero width: what follows decides
    if op is c.LITERAL:
        return {av}, False
    if op is c.IN:
        out = set()
        for item_op, item_av in av:
            if item_op is c.LITERAL:
                out.add(item_av)
            elif item_op is c.RANGE and item_av[1] - item_av[0] < _MAX_FIRST:
                out.update(range(item_av[0], item_av[1] + 1))
            else:
                return None  # a category, a negated set, a wide range
        return out, False
    if op is c.BRANCH:
        out, nullable = set(), False
        for alternative in av[1]:
            first = _first_of(alternative, c)
            if first is None:
                return None
            out |= first[0]
            nullable = nullable or first[1]
        return out, nullable
    if op is c.SUBPATTERN:
        return _first_of(av[3], c)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _first_of(av, c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, _, item = av
        first = _first_of(item, c)
        return None if first is None else (first[0], first[1] or low == 0)
    return None


class Cues:
    """The words a vocabulary needs: for each form, all its words (lowercase), keyed by its last word.

    A clause whose words (`ClauseView.tokens`) hold every word of no form cannot match the vocabulary, so
    the analyzer skips the regex (and often the whole rule) for it.
    """

    __slots__ = ("index", "keys", "single")

    def __init__(self, index: dict[str, frozenset]):
        self.index = index  # last word -> frozenset of frozensets (the form's other words)
        self.keys = frozenset(index)
        # last words that are whole forms on their own: finding one of them settles it
        self.single = frozenset(w for w, others in index.items() if frozenset() in others)

    @staticmethod
    def of_forms(word_lists) -> "Cues":
        index: dict[str, set] = {}
        for words in word_lists:
            index.setdefault(words[-1], set()).add(frozenset(words[:-1]))
        return Cues({k: frozenset(v) for k, v in index.items()})

    def found_in(self, tokens: frozenset) -> bool:
        if self.keys.isdisjoint(tokens):
            return False
        if not self.single.isdisjoint(tokens):
            return True
        index = self.index
        for word in self.keys & tokens:
            for others in index[word]:
                if others <= tokens:
                    return True
        return False

    def __or__(self, other: "Cues") -> "Cues":
        index = dict(self.index)
        for word, others in other.index.items():
            index[word] = index.get(word, frozenset()) | others
        return Cues(index)


def form_words(form: str) -> tuple[str, ...]:
    """A form's whole words, lowercased ("before-and-after photo" -> before, and, after, photo)."""
    return tuple(w.lower() for w in _WORD_RUN.findall(form))


def _cues(path: Path, entry_id: str, forms, patterns, declared, plural: bool) -> Cues | None:
    """Each form's words (with the plurals the regex allows), plus the declared `cues` of the raw patterns."""
    if declared is not None and (not isinstance(declared, list) or not all(isinstance(c, str) and c.strip()
                                                                           for c in declared)):
        raise DataFileError(path, entry_id, "cues must be a list of words")
    if patterns and declared is None:
        return None
    lists = []
    for form in forms:
        words = form_words(form)
        if not words:
            return None  # "[***]": no word to look for
        lists.append(words)
        if plural and form[-1:].isalpha():
            lists.extend((words[:-1] + (words[-1] + "s",), words[:-1] + (words[-1] + "es",)))
    lists.extend((c.strip().lower(),) for c in declared or ())
    return Cues.of_forms(lists)


def union_cues(refs) -> Cues | None:
    """Cue words of several entries together (None when any of them cannot be pre-checked)."""
    found = None
    for ref in refs:
        cues = entry(ref).cues
        if cues is None:
            return None
        found = cues if found is None else found | cues
    return found


def parse_lexicon(path: Path) -> dict[str, LexiconEntry]:
    """Validate one lexicon file and compile its entries."""
    try:
        data = load_yaml(path)
    except YamlSyntaxError as exc:
        raise DataFileError(path, None, f"not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise DataFileError(path, None, "expected a mapping with a list under 'entries'")
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise DataFileError(path, None, f"unknown top-level keys {sorted(unknown)}")
    entries: dict[str, LexiconEntry] = {}
    for raw in data["entries"]:
        if not isinstance(raw, dict) or not raw.get("id"):
            raise DataFileError(path, None, f"entry without an id: {raw!r}")
        entry_id = str(raw["id"])
        unknown = set(raw) - _ENTRY_KEYS
        if unknown:
            raise DataFileError(path, entry_id, f"unknown keys {sorted(unknown)}; allowed: {sorted(_ENTRY_KEYS)}")
        if entry_id in entries:
            raise DataFileError(path, entry_id, "duplicate id")
        forms = tuple(str(f) for f in raw.get("forms") or ())
        patterns = tuple(str(p) for p in raw.get("patterns") or ())
        if any(not f.strip() for f in forms):
            raise DataFileError(path, entry_id, "empty form")
        plural = bool(raw.get("plural", raw.get("kind") in ("object", "worker")))
        if raw.get("case", "insensitive") not in ("sensitive", "insensitive"):
            raise DataFileError(path, entry_id, "case must be 'sensitive' or 'insensitive'")
        flags = 0 if raw.get("case") == "sensitive" else re.IGNORECASE
        entries[entry_id] = LexiconEntry(
            file=path.stem, id=entry_id, kind=str(raw.get("kind", "")), forms=forms,
            regex=_compile(path, entry_id, forms, patterns, plural, flags), direction=raw.get("direction"),
            cues=_cues(path, entry_id, forms, patterns, raw.get("cues"), plural),
        )
    return entries


@cache
def load_lexicon(name: str) -> dict[str, LexiconEntry]:
    path = lexicon_dir() / f"{name}.yaml"
    if not path.is_file():
        raise DataFileError(path, None, "lexicon file is missing")
    return parse_lexicon(path)


def entry(ref: str) -> LexiconEntry:
    """Look up ``file.entry`` (e.g. ``clinical_objects.protocols``); KeyError when it does not exist."""
    file, _, entry_id = ref.partition(".")
    try:
        return load_lexicon(file)[entry_id]  # a broken lexicon file raises DataFileError naming file and entry
    except KeyError:
        raise KeyError(ref) from None


def union_regex(refs) -> re.Pattern:
    """One compiled alternation over several entries, each keeping its own case sensitivity."""
    parts = []
    for ref in refs:
        rx = entry(ref).regex
        parts.append(f"(?i:{rx.pattern})" if rx.flags & re.IGNORECASE else f"(?:{rx.pattern})")
    return pattern_cache.compile("|".join(parts))
