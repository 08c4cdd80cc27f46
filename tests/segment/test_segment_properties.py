"""Segmentation never raises and never loses text, whatever a reader hands it."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msa_toolkit.model import Block, RawDocument
from msa_toolkit.segment import segment

from segment_support import assert_spans_cover_text

# Fragments that exercise the segmenter's decisions, mixed with arbitrary text.
FRAGMENTS = [
    "ARTICLE IV", "Article 4 - FEES", "Section 4.2", "4.2", "4.2.1", "4.", "(a)", "(i)", "(A)", "a.",
    "A.3", "EXHIBIT A", "Schedule 1", "WHEREAS,", "NOW, THEREFORE,", "IN WITNESS WHEREOF", "RECITALS",
    "DEFINITIONS", '"Net Collections" means', "Billing and Collections.", "hereof", "of this Agreement",
    "$10,000.00", "1.5 times", "[***]", "Xxxxx", "______", "This Agreement is entered into by and between",
    "(the \"Practice\")", "; and", "Page 3 of 9", " ", "\t", "\u00a0", "\r", "\u2028", "\x0b", "\x1c",
]
line = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=6).map(" ".join)
blocks = st.lists(
    st.builds(
        Block,
        text=st.one_of(line, st.lists(line, max_size=4).map("\n".join)),
        page=st.one_of(st.none(), st.integers(1, 50)),
        kind=st.sampled_from(["paragraph", "heading", "table_row"]),
        number=st.one_of(st.none(), st.sampled_from(["1.", "3.2", "(a)", "ARTICLE I", "i.", "•", "", "  "]), st.text(max_size=6)),
        level=st.one_of(st.none(), st.integers(0, 8)),
        bold=st.booleans(),
    ),
    max_size=40,
)


def _check_tree(text, clauses):
    assert_spans_cover_text(text, clauses)
    ids = [c.id for c in clauses]
    assert len(ids) == len(set(ids))
    seen = {}
    for clause in clauses:
        if clause.parent is None:
            assert clause.level == 1
        else:
            assert clause.parent in seen and clause.level == seen[clause.parent].level + 1
        seen[clause.id] = clause


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks, st.sampled_from(["text", "pdf", "docx"]))
def test_segment_covers_every_character_of_any_blocks(blocks, fmt):
    raw = RawDocument(path="x", format=fmt, blocks=tuple(blocks))
    text, clauses = segment(raw)
    _check_tree(text, clauses)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_segment_covers_every_character_of_any_text(text):
    raw = RawDocument(path="x", format="text", blocks=(Block(text),))
    document_text, clauses = segment(raw)
    assert document_text == text
    _check_tree(document_text, clauses)


def test_a_megabyte_on_one_line_completes():
    text = ("1.1 Services. Manager shall provide (a) billing; and (b) " * 20000)[:1_000_000]
    document_text, clauses = segment(RawDocument(path="x", format="text", blocks=(Block(text),)))
    assert len(document_text) == 1_000_000 and clauses


def test_twenty_thousand_short_lines_complete():
    lines = []
    for n in range(1, 5001):
        lines += [f"{n}. Heading {n}", "(a) first item of the list;", "Section 4.2 hereof and", "WHEREAS, x"]
    raw = RawDocument(path="x", format="text", blocks=tuple(Block(t) for t in lines))
    text, clauses = segment(raw)
    assert len(text.split("\n")) == 20000 and len(clauses) > 5000
