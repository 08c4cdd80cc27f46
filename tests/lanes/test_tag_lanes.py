"""tag_lanes on a Document: structural clauses, heading-only clauses, party names, a missing model."""
import pytest

from msa_toolkit.analysis import lanes
from msa_toolkit.model import Clause, Document, Party


def clause(cid, kind, text, *, parent=None, number=None, heading=None, level=1):
    return Clause(id=cid, kind=kind, number=number, heading=heading, text=text, level=level, parent=parent,
                  page=None, start=0, end=len(text))


def document(*clauses, parties=()):
    return Document(path="x.txt", format="text", text="", clauses=tuple(clauses), parties=tuple(parties))


def test_every_clause_gets_a_lane_and_a_score(lane_model):
    doc = document(
        clause("c1", "section", "Manager shall prepare and submit all claims for services rendered by Practice."),
        clause("c2", "section", "Practice shall establish its clinical protocols for laser treatments."),
    )
    tagged = lanes.tag_lanes(doc)
    assert [c.lane for c in tagged.clauses] == ["business", "clinical"]
    assert all(0.0 < c.lane_score <= 1.0 for c in tagged.clauses)
    assert doc.clauses[0].lane is None  # the input document is not changed


@pytest.mark.parametrize("kind", ["title", "preamble", "recital", "definition", "signature"])
def test_structural_kinds_are_general_without_the_model(kind, monkeypatch):
    monkeypatch.setattr(lanes, "classify_texts", lambda *a, **k: pytest.fail("model must not be called"))
    tagged = lanes.tag_lanes(document(clause("c1", kind, "Manager shall bill patients of Practice.")))
    assert (tagged.clauses[0].lane, tagged.clauses[0].lane_score) == ("general", 1.0)


def test_heading_only_clause_takes_its_childrens_majority_lane(lane_model):
    doc = document(
        clause("a4", "article", "ARTICLE IV BILLING AND COLLECTION", number="IV", heading="BILLING AND COLLECTION"),
        clause("s41", "section", "4.1 Manager shall bill all payors on behalf of Practice.", parent="a4", level=2),
        clause("s42", "section", "4.2 Manager shall collect the accounts receivable of Practice.", parent="a4",
               level=2),
        clause("s43", "section", "4.3 Manager shall deposit all collections into the Practice Account.",
               parent="a4", level=2),
    )
    tagged = lanes.tag_lanes(doc)
    assert tagged.clause("a4").lane == "business"
    assert tagged.clause("a4").lane_score == pytest.approx(1.0)


def test_heading_only_clause_without_children_is_general():
    tagged = lanes.tag_lanes(document(clause("a9", "article", "Article 9. Miscellaneous", number="9",
                                             heading="Miscellaneous")))
    assert (tagged.clauses[0].lane, tagged.clauses[0].lane_score) == ("general", 1.0)


@pytest.mark.parametrize(
    "text, number, heading, expected",
    [
        ("ARTICLE IV COMPENSATION", "IV", "COMPENSATION", True),
        ("Section 5.2 Records.", "5.2", "Records", True),
        ("5.2 Records. Practice owns all patient records.", "5.2", "Records", False),
        ("", None, None, True),
    ],
)
def test_is_heading_only(text, number, heading, expected):
    assert lanes.is_heading_only(clause("c", "section", text, number=number, heading=heading)) is expected


def test_document_party_names_map_to_the_model_placeholders():
    doc = document(parties=[
        Party(name="Lumina Holdings, LLC", aliases=("Lumina", "Company"), role="mso"),
        Party(name="Radiant Skin Medical, P.C.", aliases=("Radiant",), role="practice"),
        Party(name="Jane Roe, M.D.", aliases=("Owner",), role="owner"),
    ])
    names = lanes.document_party_names(doc)
    assert names["Company"] == "Manager" and names["Lumina"] == "Manager"
    assert names["Radiant"] == "Practice"
    assert "Owner" not in names


def test_party_name_rewriter_replaces_whole_names_only():
    rewrite = lanes.PartyNameRewriter({"Lumina": "Manager", "P.C.": "Practice", "Group": "Practice"})
    assert rewrite("Lumina shall bill the P.C.'s patients.") == "Manager shall bill the Practice's patients."
    assert rewrite("the Grouping of Luminas and group health") == "the Grouping of Luminas and group health"


def test_missing_model_folder_gives_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(lanes, "lane_model_dir", lambda: tmp_path / "msa_lanes")
    lanes.load_lane_model.cache_clear()
    try:
        with pytest.raises(lanes.LaneModelMissingError, match="make train"):
            lanes.load_lane_model()
    finally:
        lanes.load_lane_model.cache_clear()
