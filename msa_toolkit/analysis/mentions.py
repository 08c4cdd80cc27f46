"""A party named in a clause: where, in which role, and whether in the possessive."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    role: str  # mso | practice | joint | medical_director | owner | other
    possessive: bool = False
