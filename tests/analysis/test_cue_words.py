"""The cue words that let the analyzer skip rules and vocabularies are necessary: wherever a vocabulary
matches, the clause holds every word of at least one of its forms (or a declared cue of its patterns).

A lawyer who adds a raw pattern to a lexicon must list its `cues`; if the listed words are wrong, rules
would silently stop firing. This test runs every vocabulary over the rule examples and the sample
agreements and checks the pre-check never says "absent" where the regex finds a match.
"""
from pathlib import Path

import pytest

from msa_toolkit.analysis.catalogue import load_catalogue
from msa_toolkit.analysis.lexicon import load_lexicon
from msa_toolkit.analysis.view import ClauseView
from msa_toolkit.analysis.actors import ActorIndex

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "contracts"
LEXICONS = ("clinical_objects", "control_verbs", "fee_vocabulary", "volume_vocabulary", "negation_cues",
            "document_cues")


def _texts():
    texts = []
    for rule in load_catalogue():
        texts.extend(rule.flagged)
        texts.extend(rule.compliant)
    for path in sorted(SAMPLES.glob("*.txt")):
        texts.extend(p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return texts


@pytest.mark.parametrize("lexicon", LEXICONS)
def test_every_match_has_its_cue_words(lexicon):
    actors = ActorIndex.for_parties(())
    checked = 0
    for text in _texts():
        view = ClauseView(text, actors)
        for entry in load_lexicon(lexicon).values():
            if entry.cues is None or not entry.regex.search(text):
                continue
            checked += 1
            assert not view.lacks(entry.cues), f"{lexicon}.{entry.id} matches {text[:80]!r} but its cues say absent"
    assert checked > 0


def test_a_clause_without_the_words_is_skipped():
    view = ClauseView("Manager shall pay the rent for the premises each month.", ActorIndex.for_parties(()))
    assert view.lacks(load_lexicon("clinical_objects")["protocols"].cues)
    assert not view.lacks(load_lexicon("fee_vocabulary")["fixed"].cues)
