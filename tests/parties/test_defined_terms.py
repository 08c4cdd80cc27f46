"""Defined terms: from a definitions article, from definition sentences and from inline parentheticals."""
from party_support import terms_of

AGREEMENT = '''
MANAGEMENT SERVICES AGREEMENT

This Management Services Agreement (this "Agreement") is entered into by and between Acme MSO, LLC, a
Delaware limited liability company ("Manager"), and Glow Medical, P.C., a Texas professional corporation
(the "Practice").

ARTICLE 1
DEFINITIONS

"Net Collections" means all amounts actually collected for professional services, less refunds.

"Services" shall have the meaning set forth in Section 2.1.

ARTICLE 2
SERVICES

2.1 Services. Manager shall furnish the office at 100 Main Street (the "Premises") and at each other
site the parties approve (each, a "Location" and collectively, the "Locations").

2.2 Fees. "Management Fee" means the fixed monthly fee stated in Exhibit A.
'''


def test_terms_from_the_definitions_article_carry_their_clause_and_meaning():
    terms = terms_of(AGREEMENT)
    net = terms["Net Collections"]
    assert net.clause_id == "def-net-collections"
    assert net.definition.startswith('"Net Collections" means all amounts actually collected')
    assert terms["Services"].clause_id == "def-services"


def test_inline_definitions_name_the_phrase_they_define():
    terms = terms_of(AGREEMENT)
    assert terms["Premises"].clause_id == "sec-2.1"
    assert terms["Premises"].definition.endswith("the office at 100 Main Street")
    assert {"Location", "Locations"} <= set(terms)


def test_definition_sentences_inside_a_section_count():
    terms = terms_of(AGREEMENT)
    assert terms["Management Fee"].clause_id == "sec-2.2"


def test_party_names_are_defined_terms_meaning_the_party():
    terms = terms_of(AGREEMENT)
    assert terms["Manager"].definition == "Acme MSO, LLC"
    assert terms["Practice"].definition == "Glow Medical, P.C."
    assert terms["Agreement"].clause_id == "preamble"


def test_offsets_point_at_the_term_in_the_document_text():
    from msa_toolkit.model import Block, RawDocument
    from msa_toolkit.segment import segment
    from msa_toolkit.terms import find_defined_terms

    paragraphs = [p.strip() for p in AGREEMENT.strip().split("\n\n")]
    text, clauses = segment(RawDocument("x", "text", tuple(Block(p) for p in paragraphs)))
    terms = find_defined_terms(text, clauses)
    assert [t.start for t in terms] == sorted(t.start for t in terms)
    for term in terms:
        assert text[term.start:term.start + len(term.term)] == term.term


def test_parenthetical_remarks_that_define_nothing_are_ignored():
    terms = terms_of('''
        1. Fees. Practice pays the fee (as described in "Exhibit A" below) each month.
    ''')
    assert "Exhibit A" not in terms
