"""Which clauses a deal gets, in what order, and the numbers Word will give them.

Word numbers the articles and sections from the list styles at display time; cross-references
("[[ref:fees.fixed_fmv]]") need the same numbers as text. Both come from one plan, built here from
the outline and the deal, so a reference always names the section Word shows.
"""
from __future__ import annotations

import string
from dataclasses import dataclass

from .dealsheet import clause_selected
from .library import Library, LibraryClause


@dataclass(frozen=True)
class PlannedArticle:
    heading: str
    clauses: tuple[LibraryClause, ...]


@dataclass(frozen=True)
class Plan:
    front: tuple[LibraryClause, ...]
    articles: tuple[PlannedArticle, ...]
    closing: tuple[LibraryClause, ...]
    exhibits: tuple[LibraryClause, ...]

    def all_clauses(self):
        yield from self.front
        for article in self.articles:
            yield from article.clauses
        yield from self.closing
        yield from self.exhibits


def _included(clause: LibraryClause, deal: dict) -> bool:
    return clause_selected(clause, deal) and clause.allowed_in(deal["governing_state"])


def plan_agreement(library: Library, deal: dict) -> Plan:
    def pick(topics):
        return tuple(
            library.clauses[cid] for topic in topics for cid in library.topics[topic]
            if _included(library.clauses[cid], deal)
        )

    articles = []
    for article in library.outline.articles:
        clauses = pick(article.topics)
        if clauses:
            articles.append(PlannedArticle(article.heading, clauses))
    exhibits = tuple(library.clauses[cid] for cid in library.outline.exhibits)
    return Plan(pick(library.outline.front), tuple(articles), pick(library.outline.closing), exhibits)


def exhibit_letter(index: int) -> str:
    return string.ascii_uppercase[index]


def section_numbers(plan: Plan) -> dict[str, str]:
    """clause id -> the number Word displays ("5.1"); definitions carry no number of their own."""
    numbers = {}
    for a, article in enumerate(plan.articles, start=1):
        s = 0
        for clause in article.clauses:
            if clause.term:
                continue
            s += 1
            numbers[clause.id] = f"{a}.{s}"
    return numbers


def reference_labels(plan: Plan) -> dict[str, str]:
    """clause id -> how a cross-reference to it reads in the text ("Section 5.1", "Exhibit B")."""
    labels = {cid: f"Section {number}" for cid, number in section_numbers(plan).items()}
    for i, exhibit in enumerate(plan.exhibits):
        labels[exhibit.id] = f"Exhibit {exhibit_letter(i)}"
    return labels
