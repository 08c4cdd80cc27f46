"""Every sample reads into the clause tree its golden file describes, in every format.

A lawyer cites "Section 3.2" whether she opened the DOCX, the PDF or the text filing, so the
readers must agree with each other and with the golden segmentation (tests/samples/golden/).
"""
from __future__ import annotations

import pytest

from sample_support import document_outline, expected, load_golden, normalise_outline, sample_files


def _party_name(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).rstrip(".,").casefold()


def _compare(actual_rows, golden_rows) -> list[str]:
    """Differences between an outline and the golden, as lines a person can act on."""
    actual, golden = normalise_outline(actual_rows), normalise_outline(golden_rows)
    problems = []
    actual_numbers = [number for number, _ in actual]
    golden_numbers = [number for number, _ in golden]
    if actual_numbers != golden_numbers:
        missing = [n for n in golden_numbers if n not in actual_numbers]
        extra = [n for n in actual_numbers if n not in golden_numbers]
        problems.append(f"numbers differ; missing {missing[:12]}, unexpected {extra[:12]}")
        return problems
    for (number, heading), (_, wanted) in zip(actual, golden):
        if wanted is not None and heading != wanted:
            problems.append(f"{number}: heading {heading!r}, expected {wanted!r}")
    return problems


@pytest.mark.parametrize("name,fmt", sample_files())
def test_clause_tree_matches_golden(read_sample, name, fmt):
    document = read_sample(name, fmt)
    problems = _compare(document_outline(document), load_golden(name, fmt))
    assert not problems, f"{name}.{fmt}:\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("name", [n for n, spec in expected().items() if {"docx", "pdf"} <= set(spec["formats"])])
def test_docx_and_pdf_give_the_same_clauses(read_sample, name):
    from_docx = normalise_outline(document_outline(read_sample(name, "docx")))
    from_pdf = normalise_outline(document_outline(read_sample(name, "pdf")))
    assert from_pdf == from_docx


@pytest.mark.parametrize("name,fmt", sample_files())
def test_parties_and_roles(read_sample, name, fmt):
    document = read_sample(name, fmt)
    found = {_party_name(party.name): party for party in document.parties}
    for wanted in expected()[name]["parties"]:
        party = found.get(_party_name(wanted["name"]))
        assert party is not None, f"{name}.{fmt}: party {wanted['name']!r} not found in {sorted(found)}"
        assert party.role == wanted["role"], f"{name}.{fmt}: {wanted['name']} is {party.role}"
        assert set(wanted["aliases"]) <= set(party.aliases), f"{name}.{fmt}: aliases {party.aliases}"


@pytest.mark.parametrize("name,fmt", [(n, f) for n, f in sample_files() if f == "pdf"])
def test_pdf_clauses_keep_their_page_and_lose_running_headers(read_sample, name, fmt):
    document = read_sample(name, fmt)
    pages = [clause.page for clause in document.clauses if clause.number]
    assert pages == sorted(p for p in pages if p is not None) and pages[-1] > 1
    header_words = "Management Services Agreement - "
    assert not any(header_words in clause.text for clause in document.clauses), "running header left in text"
    assert not any("Page 2 of" in clause.text for clause in document.clauses), "page footer left in text"


def test_messy_filing_loses_page_lines_and_keeps_redaction(read_sample):
    document = read_sample("exhibit_fee_msa", "txt")
    assert not any("Page 3 of" in clause.text for clause in document.clauses)
    assert any("[***]" in clause.text for clause in document.clauses)
