"""The shipped lane model: its measured quality on the untouched test split, and readable examples."""
import pytest

from msa_toolkit.analysis.lanes import classify_texts

MIN_TEST_MACRO_F1 = 0.90


@pytest.fixture(scope="session")
def test_split_scores(lane_model, corpus_rows):
    from evaluate_lanes import lane_scores

    rows = [r for r in corpus_rows if r["split"] == "test"]
    predicted = [lane for lane, _ in classify_texts([r["text"] for r in rows])]
    return lane_scores([r["lane"] for r in rows], predicted)


def test_test_split_macro_f1_meets_target(test_split_scores):
    assert test_split_scores["macro_f1"] >= MIN_TEST_MACRO_F1


def test_committed_metrics_describe_the_shipped_model(test_split_scores, shipped_metrics):
    assert shipped_metrics["test"]["macro_f1"] == pytest.approx(test_split_scores["macro_f1"], abs=0.005)
    for lane, scores in test_split_scores["per_class"].items():
        committed = shipped_metrics["test"]["per_class"][lane]
        assert committed["f1"] == pytest.approx(scores["f1"], abs=0.005)
        assert committed["support"] == scores["support"]


def test_metrics_record_how_the_model_was_made(shipped_metrics):
    assert shipped_metrics["architecture"]["@architectures"] == "spacy.TextCatBOW.v3"
    assert shipped_metrics["architecture"]["exclusive_classes"] is True
    assert shipped_metrics["architecture"]["ngram_size"] in (2, 3)
    assert shipped_metrics["corpus"]["rows"] >= 1500
    assert {"seed", "spacy_version", "dev", "test"} <= set(shipped_metrics)


@pytest.mark.parametrize(
    "text, lane",
    [
        ("4.2 Billing. Manager shall prepare and submit all claims for professional services rendered by "
         "Practice to third-party payors and shall collect the resulting accounts receivable.", "business"),
        ("Practice shall adopt written protocols for neurotoxin injections, which its Medical Director shall "
         "review and approve each year.", "clinical"),
        ("This Agreement shall be governed by and construed in accordance with the laws of the State of "
         "Texas.", "general"),
        ("Manager shall not determine clinical protocols.", "clinical"),
        ("Company shall pay Manager a fixed monthly management fee of $20,000, consistent with fair market "
         "value.", "business"),
        ("All notices hereunder shall be in writing.", "general"),
    ],
)
def test_readable_examples(lane_model, text, lane):
    [(predicted, score)] = classify_texts([text])
    assert predicted == lane
    assert 0.0 < score <= 1.0


def test_blank_text_is_general_without_the_model():
    assert classify_texts(["", "   ", "12."]) == [("general", 1.0)] * 3


def test_results_keep_the_input_order(lane_model):
    texts = [
        "This Agreement is governed by the laws of Delaware.",
        "",
        "Manager shall process payroll for Practice.",
        "Practice shall supervise its nurse injectors.",
    ]
    assert [lane for lane, _ in classify_texts(texts)] == ["general", "general", "business", "clinical"]
