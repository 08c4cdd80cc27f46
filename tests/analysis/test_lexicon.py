"""Lexicons are data a lawyer edits: the loader names the file and entry of every mistake."""
import pytest

from msa_toolkit.analysis.lexicon import parse_lexicon
from msa_toolkit.errors import DataFileError


def write(tmp_path, body):
    path = tmp_path / "cues.yaml"
    path.write_text("description: test\nentries:\n" + body)
    return path


@pytest.mark.parametrize("body,problem", [
    ("  - {id: a, kind: verb, forms: [x]}\n  - {id: a, kind: verb, forms: [y]}\n", "duplicate id"),
    ("  - {id: a, kind: verb, forms: [x], colour: red}\n", "unknown keys"),
    ("  - {id: a, kind: verb, patterns: ['(unclosed']}\n", "not a valid regex"),
    ("  - {id: a, kind: verb}\n", "can never match"),
])
def test_bad_entries_are_rejected(tmp_path, body, problem):
    with pytest.raises(DataFileError) as err:
        parse_lexicon(write(tmp_path, body))
    assert "cues.yaml" in str(err.value) and "'a'" in str(err.value) and problem in str(err.value)


def test_forms_match_whole_words_across_line_breaks_and_plurals(tmp_path):
    entries = parse_lexicon(write(tmp_path, "  - {id: o, kind: object, forms: [clinical protocol]}\n"))
    assert [m.group() for m in entries["o"].finditer("the Clinical\n  Protocols of Practice")] == ["Clinical\n  Protocols"]
    assert [m.group() for m in entries["o"].finditer("preclinical protocolsx")] == []


def test_a_pattern_widened_with_document_terms_matches_like_one_pattern():
    import re

    from msa_toolkit.analysis.terms import WidenedPattern

    widened = WidenedPattern(re.compile(r"nurses?"), re.compile(r"Clinical Team"))
    assert widened.match("Clinical Team members", 0).group() == "Clinical Team"
    assert widened.match("nurse injectors").group() == "nurse"
    assert widened.match("the nurse") is None
    assert widened.search("the Clinical Team and nurses").group() == "Clinical Team"


def test_a_key_written_twice_in_an_entry_is_rejected_not_half_kept(tmp_path):
    # YAML would silently keep the second "patterns" and drop the first
    body = "  - id: a\n    kind: verb\n    patterns: ['x']\n    cues: [x]\n    patterns: ['y']\n"
    with pytest.raises(DataFileError) as err:
        parse_lexicon(write(tmp_path, body))
    assert "cues.yaml" in str(err.value) and "'patterns' appears twice" in str(err.value)


@pytest.mark.parametrize("regex, starts, never", [
    (r"\b(?:suspend|halt)\b", "sSHh", "xa "),
    (r"(?:as\s+)?(?:set|fix)", "aAsSfF", "xb"),
    (r"(?:(?<=patient\s)|(?<=patients\s))(?:referred|sent)", "rRsS", "pa"),
    (r"(?-i:[A-Z])[\w.]*", "QqZ", "1 "),
])
def test_first_characters_are_a_superset_of_where_a_match_can_start(regex, starts, never):
    import re

    from msa_toolkit.analysis.lexicon import first_characters

    first = first_characters(regex, re.IGNORECASE)
    assert all(c in first for c in starts) and not any(c in first for c in never)


@pytest.mark.parametrize("regex", [r"x*", r"\w+", r"[^a]b", r"(?:a|)", r"\d{0,2}y"])
def test_no_first_characters_when_anything_or_nothing_may_start_a_match(regex):
    import re

    from msa_toolkit.analysis.lexicon import first_characters

    assert first_characters(regex, re.IGNORECASE) == ""


def test_the_first_character_lookahead_changes_no_match(tmp_path):
    # an entry with forms and patterns gets a lookahead on where any of them can start: the same matches
    entries = parse_lexicon(write(tmp_path, "  - id: v\n    kind: verb\n    forms: [approve, veto]\n"
                                            "    patterns: ['(?<=patient\\s)(?:referred|sent)\\b', '\\bmak(?:e|es)\\b']\n"
                                            "    cues: [referred, sent, make, makes]\n"))
    text = "Manager may approve, VETO or make calls; a patient referred by X; Approve."
    assert entries["v"].regex.pattern.startswith("(?=[")
    assert [m.group() for m in entries["v"].finditer(text)] == ["approve", "VETO", "make", "referred", "Approve"]
