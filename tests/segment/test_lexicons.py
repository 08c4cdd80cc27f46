"""The structural and party vocabularies are data files a lawyer can edit; mistakes fail loudly."""
import pytest

from msa_toolkit.errors import DataFileError
from msa_toolkit.parties import entity_types, role_cues
from msa_toolkit.segmentation.cues import segment_cues
from msa_toolkit.segmentation.lexicon_file import validate_entries


def test_packaged_lexicons_load():
    cues = segment_cues()
    assert cues.recital_start.match("WHEREAS, Manager provides services")
    assert cues.exhibit_prefix["schedule"] == "sch"
    assert {t.label for t in entity_types()} >= {"professional corporation", "limited liability company"}
    assert any(cue.role == "owner" for cue in role_cues())


@pytest.mark.parametrize("entries, problem", [
    ([{"id": "a", "cue": "x", "literal": "y", "colour": "red"}], "unknown key(s): colour"),
    ([{"id": "a", "cue": "x", "literal": "y"}, {"id": "a", "cue": "x", "literal": "z"}], "duplicate id"),
    ([{"id": "a", "cue": "x"}], "missing key(s): literal"),
    ([{"cue": "x", "literal": "y"}], "entry has no id"),
    ([{"id": "a", "cue": "x", "literal": "  "}], "literal is empty"),
])
def test_invalid_entries_name_the_file_the_entry_and_the_problem(entries, problem):
    with pytest.raises(DataFileError) as caught:
        validate_entries({"entries": entries}, "segment_cues.yaml", required={"cue", "literal"})
    assert problem in str(caught.value) and "segment_cues.yaml" in str(caught.value)
    assert caught.value.code == "E220"


def test_a_cue_of_an_unknown_kind_is_rejected():
    with pytest.raises(DataFileError, match="cue must be one of"):
        validate_entries({"entries": [{"id": "a", "cue": "bogus", "literal": "x"}]}, "f.yaml",
                         required={"cue", "literal"}, choices={"cue": {"recital_start"}})


def test_a_file_without_an_entries_list_is_rejected():
    with pytest.raises(DataFileError, match="'entries' list"):
        validate_entries(["not", "a", "mapping"], "f.yaml", required=set())
