"""The exported lane scorer gives the spaCy pipeline's own answers, without importing spaCy."""
import json
import shutil
import subprocess
import sys

import pytest

from msa_toolkit.analysis import lanes
from msa_toolkit.analysis.lane_scorer import (
    EXPORT_DIR, BowLaneScorer, LaneExportError, murmurhash64a, murmurhash64a_keys, string_key,
)
from msa_toolkit.resources import lane_model_dir

ODD_TEXTS = [
    "Dr. Smith's fee (12.5%) isn't e.g. U.S.A.-based; see http://example.com/a?b=1 :) and  two  spaces\nnew line",
    "  leading spaces",
    "a.m. p.m. Inc. Co.,Ltd. 'tis o'clock  \n\n   x ",
    "\t\ttabs",
    "trailing space ",
    "non-breaking\u00a0space and em\u2003space",
    "The number of patients; the det and neg words are spaCy symbols.",
    "“Curly quotes,” en–dash — em dash… and $1,250.00/month (twelve percent (12%)).",
]


@pytest.fixture(scope="module")
def spacy_nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load(lane_model_dir())


@pytest.fixture(scope="module")
def exported():
    return BowLaneScorer(lane_model_dir() / EXPORT_DIR)


def test_the_analyzer_uses_the_export_by_default():
    assert lanes.load_lane_model().engine == "bow-export"


def test_tokens_and_scores_match_spacy_on_every_corpus_clause(spacy_nlp, exported, corpus_rows):
    texts = [row["text"] for row in corpus_rows] + ODD_TEXTS
    for text, doc in zip(texts, spacy_nlp.pipe(texts, batch_size=256)):
        assert exported.tokenizer(text) == [t.text for t in doc], text
        cats = exported.cats(text)
        assert max(cats, key=cats.get) == max(doc.cats, key=doc.cats.get), text
        assert cats == pytest.approx(doc.cats, abs=1e-5), text


def test_string_keys_are_spacys(spacy_nlp, exported):
    for word in ("Manager", "number", "neg", "Practice", "é", "12.5", "n't"):
        assert string_key(word, exported.symbols) == spacy_nlp.vocab.strings[word]


def test_hashes_match_spacy_and_thinc():
    numpy = pytest.importorskip("numpy")
    from thinc.api import NumpyOps

    assert murmurhash64a(b"Manager", 1) == 2468878231143206133  # spaCy's StringStore key for "Manager"
    keys = numpy.asarray([2468878231143206133, 432, 7, 2**64 - 1], dtype="uint64")
    for n in (2, 3):
        expected = NumpyOps().ngrams(n, keys).tolist()
        packed = [keys[i:i + n].astype("<u8").tobytes() for i in range(len(keys) - n + 1)]
        assert [murmurhash64a(p, 0) for p in packed] == expected
        grams = [tuple(int(k) for k in keys[i:i + n]) for i in range(len(keys) - n + 1)]
        assert [murmurhash64a_keys(g, 0) for g in grams] == expected


def test_the_shortcut_for_plain_words_gives_what_the_rules_give(exported, corpus_rows):
    """Plain words, alone or before a comma, semicolon or colon, skip the affix rules: the same tokens."""
    import itertools
    import string

    words = {w for row in corpus_rows for w in row["text"].split()}
    letters = string.ascii_letters
    words |= {a + b for a, b in itertools.product(letters, repeat=2)} | set(letters)
    words |= {w for w in exported.tokenizer.specials if w.isascii()}
    words |= {"km", "mph", "MB", "KB", "lbs", "in", "ft", "Cannot", "cannot", "Dont", "gonna", "US", "Inc", "Ltd"}
    runs = words | {w + p for w in words for p in ",;:."}
    shortcut = [r for r in runs if r.isascii() and (r.isalpha() or (r[-1] in ",;:" and r[:-1].isalpha()))]
    assert len(shortcut) > 3000
    for run in shortcut:
        assert exported.tokenizer._tokenize_run(run) == exported.tokenizer.tokenize_by_rules(run), run


def test_the_c_index_hash_agrees_with_the_python_one():
    from msa_toolkit.analysis import lane_scorer

    for key in (0, 1, 432, 2468878231143206133, 2**64 - 1, 12345678901234567890):
        for seed in (0, 1):
            assert lane_scorer._index_hash(key, seed) == lane_scorer.murmurhash3_32_uint64(key, seed)


def test_an_export_from_another_model_is_not_used(tmp_path, monkeypatch):
    model = tmp_path / "msa_lanes"
    shutil.copytree(lane_model_dir(), model)
    meta_path = model / EXPORT_DIR / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["source_sha256"] = "0" * 64
    meta_path.write_text(json.dumps(meta))
    monkeypatch.setattr(lanes, "lane_model_dir", lambda: model)
    lanes.load_lane_model.cache_clear()
    try:
        assert lanes.load_lane_model().engine == "spacy"
    finally:
        lanes.load_lane_model.cache_clear()


def test_damaged_weights_are_refused(tmp_path):
    export = tmp_path / EXPORT_DIR
    shutil.copytree(lane_model_dir() / EXPORT_DIR, export)
    raw = bytearray((export / "weights.f32").read_bytes())
    raw[100] ^= 0xFF
    (export / "weights.f32").write_bytes(bytes(raw))
    with pytest.raises(LaneExportError, match="checksum"):
        BowLaneScorer(export)


def test_engine_can_be_forced_to_spacy(monkeypatch):
    monkeypatch.setenv("MSA_TOOLKIT_LANE_ENGINE", "spacy")
    lanes.load_lane_model.cache_clear()
    try:
        assert lanes.load_lane_model().engine == "spacy"
    finally:
        lanes.load_lane_model.cache_clear()


def test_reviewing_a_contract_does_not_import_spacy(tmp_path):
    contract = tmp_path / "msa.txt"
    contract.write_text(
        "MANAGEMENT SERVICES AGREEMENT\n\nThis Agreement is between Lumen Management, LLC (\"Manager\") and "
        "Radiant Medical, P.C. (\"Practice\").\n\n1. Services. Manager shall provide billing and scheduling "
        "services.\n\n2. Clinical Matters. Manager shall approve all treatment protocols.\n",
        encoding="utf-8",
    )
    code = (
        "import sys, msa_toolkit\n"
        f"result = msa_toolkit.analyze(msa_toolkit.read({str(contract)!r}))\n"
        "assert any(c.lane == 'clinical' for c in result.document.clauses)\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
