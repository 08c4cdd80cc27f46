"""Party resolution never raises, whatever the preamble looks like."""
from hypothesis import given, settings
from hypothesis import strategies as st

from msa_toolkit.model import Block, RawDocument
from msa_toolkit.parties import resolve_parties
from msa_toolkit.segment import segment
from msa_toolkit.terms import find_defined_terms

PIECES = [
    "This Agreement", "by and between", "by and among", "BETWEEN:", "AND:", ", a Texas", "professional corporation",
    "limited liability company", "LLC", "P.C.", "PLLC", "M.D.", "an individual", '("Manager")', '(the "Practice")',
    "(", ")", '"', "“", "”", "hereinafter", ",", " and ", "WHEREAS,", "sole shareholder", "medical services",
    "IN WITNESS WHEREOF", "MANAGER:", "By:", "\n",
]
preamble = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(preamble)
def test_resolve_parties_and_terms_never_raise(text):
    document_text, clauses = segment(RawDocument("x", "text", (Block(text),)))
    parties = resolve_parties(document_text, clauses)
    assert all(p.role in ("mso", "practice", "owner", "medical_director", "other") for p in parties)
    find_defined_terms(document_text, clauses)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_resolve_parties_accepts_text_without_clauses(text):
    resolve_parties(text, ())
