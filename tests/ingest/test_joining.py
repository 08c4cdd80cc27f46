"""Wrapped lines join with one space; hyphenated breaks close up unless the hyphen is part of a compound."""
import pytest

from msa_toolkit.ingest.joining import join_two, join_wrapped_lines


@pytest.mark.parametrize("left,right,joined", [
    ("provide manage-", "ment services", "provide management services"),
    ("the Non-", "Compete Period", "the Non-Compete Period"),
    ("actual out-of-", "pocket costs", "actual out-of-pocket costs"),
    ("consent and post-", "treatment care", "consent and post-treatment care"),
    ("shall", "provide", "shall provide"),
    ("fee of $5,000 -", "payable monthly", "fee of $5,000 - payable monthly"),
])
def test_join_two(left, right, joined):
    assert join_two(left, right) == joined


def test_join_wrapped_lines_normalizes_spaces():
    assert join_wrapped_lines(["  The  Manager\tshall ", "bill the Practice. "]) == "The Manager shall bill the Practice."
