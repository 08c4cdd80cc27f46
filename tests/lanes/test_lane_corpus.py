"""The labeled clause corpus: the training set of the lane model and the rule engine's evaluation set."""
from collections import Counter, defaultdict

import pytest

LANES = {"business", "clinical", "general"}
CATEGORIES = {"clinical_control", "revenue_based_fee", "volume_pressure_comp", "md_reports_to_mso",
              "mso_owns_records"}


def test_corpus_is_large_and_ids_are_unique(corpus_rows):
    assert len(corpus_rows) >= 1500
    ids = [r["id"] for r in corpus_rows]
    assert len(ids) == len(set(ids))


def test_rows_have_exactly_the_documented_fields_and_valid_labels(corpus_rows):
    for row in corpus_rows:
        assert set(row) == {"id", "text", "lane", "findings", "split", "family"}, row["id"]
        assert row["lane"] in LANES, row["id"]
        assert set(row["findings"]) <= CATEGORIES, row["id"]
        assert row["split"] in {"train", "dev", "test"}, row["id"]
        assert row["text"].strip(), row["id"]


def test_families_never_span_splits(corpus_rows):
    splits = defaultdict(set)
    for row in corpus_rows:
        splits[row["family"]].add(row["split"])
    assert all(len(s) == 1 for s in splits.values())
    assert len(splits) >= 250


@pytest.mark.parametrize("category", sorted(CATEGORIES))
def test_every_category_has_positives_in_train_and_test(corpus_rows, category):
    counts = Counter(r["split"] for r in corpus_rows if category in r["findings"])
    assert counts["train"] >= 40
    assert counts["test"] >= 10


def test_every_lane_has_compliant_and_flagged_examples_where_it_should(corpus_rows):
    for lane in LANES:
        assert any(r["lane"] == lane and not r["findings"] for r in corpus_rows)
    assert any(r["lane"] == "clinical" and r["findings"] for r in corpus_rows)
    assert any(r["lane"] == "business" and r["findings"] for r in corpus_rows)


def test_party_names_vary_across_rows(corpus_rows):
    texts = " ".join(r["text"] for r in corpus_rows)
    for name in ("Manager", "Management Company", "Administrator", "Lumina", "RVX Management",
                 "Professional Company", "P.C.", "Medical Group", "Doctor"):
        assert name in texts


def test_committed_corpus_is_what_the_generator_builds(corpus_rows):
    from build_corpus import build

    assert build() == corpus_rows
