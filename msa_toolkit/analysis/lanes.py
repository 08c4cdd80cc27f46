"""Lane tagging: which side of the business/medicine line each clause is about.

Every clause gets a `lane` (``business``, ``clinical`` or ``general``) and a `lane_score`. The lane is
the subject matter of the clause, not a verdict: "Manager shall not determine clinical protocols" is a
clinical clause that happens to be compliant. The classifier is the spaCy pipeline the project trains
and ships in `models/msa_lanes/` (see training/README.md); it is loaded once per process, normally
from its exported weights (`lane_scorer.py`), which give the same scores without importing spaCy.

Some clauses get their lane without the model, because their structure already says what they are:

* title, preamble, recital, definition and signature clauses are ``general`` (score 1.0): they frame
  the agreement rather than assign work, and definitions name things from every lane;
* a clause whose text is only a heading ("ARTICLE IV COMPENSATION") takes the majority lane of its
  children (score = the share of children in that lane), or ``general`` when it has none or they tie.

Before classification, party names are rewritten to "Manager" / "Practice": the generic role words
shipped with the model (`party_words.json`, from training/party_words.yaml) and, in `tag_lanes`, the
names and aliases of the document's resolved parties. The model then reads what each side does in a
clause rather than how this agreement spells its names.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache

from .. import pattern_cache
from ..model import LANES, Clause, Document
from ..parallel import map_chunks
from ..resources import lane_model_dir

PARTY_PLACEHOLDERS = {"mso": "Manager", "practice": "Practice"}
STRUCTURAL_GENERAL_KINDS = frozenset({"title", "preamble", "recital", "definition", "signature"})
BATCH_SIZE = 256
# The bag-of-words classifier has seen everything it needs long before this; very long clauses (an
# article whose text includes all of its sections) are cut so that tokenizing stays cheap.
MAX_CHARS = 20_000

_LABEL_WORD = pattern_cache.compile(r"^\s*(article|section|sec\.|exhibit|schedule|annex|appendix|attachment)\b", re.I)
_WORD = pattern_cache.compile(r"[A-Za-z]{2,}")


class LaneModelMissingError(RuntimeError):
    """The shipped lane model is not where the installation says it is (a broken install or checkout)."""


class SpacyLaneScorer:
    """The shipped spaCy pipeline itself (the reference the exported scorer is checked against)."""

    engine = "spacy"

    def __init__(self, nlp):
        self.nlp = nlp

    def cats_many(self, texts) -> list[dict[str, float]]:
        return [doc.cats for doc in self.nlp.pipe(texts, batch_size=BATCH_SIZE)]


class ExportedLaneScorer:
    """The same model scored from its exported weights (`lane_scorer.py`), without importing spaCy.

    Scores are remembered by text (up to `MEMO_SIZE` clauses): the agreements of a data room are often
    one template signed clinic by clinic, so a worker meets the same clause again and again.
    """

    engine = "bow-export"
    MEMO_SIZE = 50_000

    def __init__(self, scorer):
        self.scorer = scorer
        self.memo: dict[str, dict[str, float]] = {}

    def cats_many(self, texts) -> list[dict[str, float]]:
        out = []
        for text in texts:
            cats = self.memo.get(text)
            if cats is None:
                cats = self.scorer.cats(text)
                if len(self.memo) >= self.MEMO_SIZE:
                    self.memo.clear()
                self.memo[text] = cats
            out.append(cats)
        return out


@lru_cache(maxsize=1)
def load_lane_model():
    """The lane scorer, loaded once per process.

    The exported weights in ``models/msa_lanes/bow/`` are used when they were made from the spaCy model
    beside them (loading spaCy costs about a second); otherwise, or with ``MSA_TOOLKIT_LANE_ENGINE=spacy``,
    the spaCy pipeline is loaded.
    """
    try:
        path = lane_model_dir()
    except FileNotFoundError as exc:
        raise LaneModelMissingError(
            f"{exc}; the lane model ships in models/msa_lanes/ - rebuild it with `make train`"
        ) from None
    if not (path / "config.cfg").is_file():
        raise LaneModelMissingError(
            f"the lane model is missing: {path} has no spaCy pipeline (config.cfg); rebuild it with "
            "`make train` (.venv/bin/python training/train.py) or reinstall msa-toolkit"
        )
    if os.environ.get("MSA_TOOLKIT_LANE_ENGINE", "").lower() != "spacy":
        exported = _load_export(path)
        if exported is not None:
            return exported
    import spacy

    return SpacyLaneScorer(spacy.load(path))


def _load_export(path) -> ExportedLaneScorer | None:
    from .lane_scorer import EXPORT_DIR, BowLaneScorer, LaneExportError, source_checksum

    if not (path / EXPORT_DIR / "meta.json").is_file():
        return None
    try:
        scorer = BowLaneScorer(path / EXPORT_DIR)
    except (LaneExportError, KeyError, TypeError, ValueError):
        return None
    if scorer.source_sha256 != source_checksum(path):
        return None  # exported from another model (retrained without `training/export_lanes.py`)
    return ExportedLaneScorer(scorer)


class PartyNameRewriter:
    """Rewrites party names (whole, capitalised words) to the placeholder of their side."""

    def __init__(self, names: Mapping[str, str]):
        self.names = dict(names)
        ordered = sorted(self.names, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w.])(?:%s)(?!\w)" % "|".join(re.escape(n) for n in ordered)) if ordered else None
        )

    @classmethod
    def from_word_lists(cls, manager: Iterable[str], practice: Iterable[str]) -> "PartyNameRewriter":
        names = {w: PARTY_PLACEHOLDERS["mso"] for w in manager}
        names.update({w: PARTY_PLACEHOLDERS["practice"] for w in practice})
        return cls(names)

    def with_names(self, extra: Mapping[str, str]) -> "PartyNameRewriter":
        return PartyNameRewriter({**self.names, **extra}) if extra else self

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.names[m.group(0)], text)


@lru_cache(maxsize=1)
def party_word_rewriter() -> PartyNameRewriter:
    """The generic party words the shipped model was trained with (none if the file is absent)."""
    path = lane_model_dir() / "party_words.json"
    if not path.is_file():
        return PartyNameRewriter({})
    words = json.loads(path.read_text(encoding="utf-8"))
    return PartyNameRewriter.from_word_lists(words.get("manager", ()), words.get("practice", ()))


def classify_texts(texts: list[str], *, party_names: Mapping[str, str] | None = None) -> list[tuple[str, float]]:
    """(lane, probability) for each text, in order. Blank texts are ``general`` without the model.

    `party_names` maps names a document gives its parties to "Manager" or "Practice" (see `tag_lanes`).
    """
    results: list[tuple[str, float] | None] = [None] * len(texts)
    todo = []
    for i, text in enumerate(texts):
        if _WORD.search(text or ""):
            todo.append(i)
        else:
            results[i] = ("general", 1.0)
    if todo:
        scorer = load_lane_model()
        rewrite = party_word_rewriter().with_names(party_names or {})
        all_cats = scorer.cats_many([rewrite(texts[i][:MAX_CHARS]) for i in todo])
        for i, cats in zip(todo, all_cats):
            lane = max(LANES, key=lambda label: cats.get(label, 0.0))
            results[i] = (lane, round(float(cats.get(lane, 0.0)), 4))
    return results  # type: ignore[return-value]


def document_party_names(document: Document) -> dict[str, str]:
    """Names and aliases of the document's MSO and practice, mapped to the model's placeholders."""
    names: dict[str, str] = {}
    for party in document.parties:
        placeholder = PARTY_PLACEHOLDERS.get(party.role)
        if placeholder:
            for name in (party.name, *party.aliases):
                if name and _WORD.search(name):
                    names[name.strip()] = placeholder
    return names


def is_heading_only(clause: Clause) -> bool:
    """True when the clause text is nothing but its label, number and heading."""
    body = (clause.text or "").strip()
    for _ in range(2):  # the number may come before or after the label word ("Article IV", "IV.")
        if clause.number and body.startswith(clause.number):
            body = body[len(clause.number):]
        body = _LABEL_WORD.sub("", body, count=1).strip(" \t.:-–—")
    heading = (clause.heading or "").strip()
    if heading and body.lower().startswith(heading.lower()):
        body = body[len(heading):]
    return not _WORD.search(body)


def needs_lane_model(clause: Clause) -> bool:
    """True when the model scores the clause; structural clauses are general, and a heading alone
    takes the lane most of its sub-clauses have."""
    return clause.kind not in STRUCTURAL_GENERAL_KINDS and not is_heading_only(clause)


def tag_lanes(document: Document, *, jobs: int | None = None,
              classified: Mapping[str, tuple[str, float]] | None = None) -> Document:
    """A new Document whose clauses carry `lane` and `lane_score` (`jobs`: see parallel.map_chunks).

    `classified`: the model's (lane, probability) of clauses already scored, by clause id."""
    lanes: dict[str, tuple[str, float]] = {}
    heading_only: list[Clause] = []
    to_classify: list[Clause] = []
    for clause in document.clauses:
        if clause.kind in STRUCTURAL_GENERAL_KINDS:
            lanes[clause.id] = ("general", 1.0)
        elif is_heading_only(clause):
            heading_only.append(clause)
        elif classified and clause.id in classified:
            lanes[clause.id] = classified[clause.id]
        else:
            to_classify.append(clause)
    if to_classify:
        texts = [c.text for c in to_classify]
        names = document_party_names(document)
        load_lane_model()  # once, before any copy is forked

        def classify(share):
            return classify_texts(share, party_names=names)

        for clause, result in zip(to_classify, map_chunks(classify, texts, jobs)):
            lanes[clause.id] = result

    children: dict[str, list[str]] = {}
    for clause in document.clauses:
        if clause.parent is not None:
            children.setdefault(clause.parent, []).append(clause.id)

    def majority(clause_id: str, seen: frozenset[str]) -> tuple[str, float]:
        if clause_id in lanes:
            return lanes[clause_id]
        kids = [k for k in children.get(clause_id, []) if k not in seen]
        votes = Counter(majority(k, seen | {clause_id})[0] for k in kids)
        ranked = votes.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            result = ("general", 1.0)
        else:
            result = (ranked[0][0], round(ranked[0][1] / sum(votes.values()), 4))
        lanes[clause_id] = result
        return result

    for clause in heading_only:
        majority(clause.id, frozenset())
    clauses = tuple(
        replace(c, lane=lanes[c.id][0], lane_score=lanes[c.id][1]) for c in document.clauses
    )
    return replace(document, clauses=clauses)
