"""Which clause rules could fire on a clause, judged from its words alone, before any regex runs.

Each rule needs certain words (its objects, workers, pay or quota vocabulary: `Params.needs`, built from
`lexicon.Cues`). Rather than test every rule against every clause, the gate indexes every needed form by
its last word once per set of rules, so a clause costs one look-up per word it shares with the index.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache


class RuleGate:
    """The rules whose needed words a clause contains (`allowed`); rules that need nothing always pass."""

    def __init__(self, needs_by_rule: tuple[tuple[str, tuple], ...]):
        ids: dict[int, int] = {}  # id(Cues) -> need number (rules sharing a vocabulary share the need)
        keep = []  # keep each Cues alive while its id is a key
        inverted: dict[str, list] = defaultdict(list)
        self.required: dict[str, frozenset] = {}
        for code, needs in needs_by_rule:
            numbers = set()
            for _, cues in needs:
                if id(cues) not in ids:
                    ids[id(cues)] = number = len(ids)
                    keep.append(cues)
                    for word, others in cues.index.items():
                        inverted[word].append((number, frozenset() in others, tuple(o for o in others if o)))
                numbers.add(ids[id(cues)])
            self.required[code] = frozenset(numbers)
        self._keep = keep
        self.inverted = dict(inverted)
        self.keys = frozenset(inverted)

    def allowed(self, tokens: frozenset) -> set[str]:
        satisfied: set[int] = set()
        inverted = self.inverted
        for word in self.keys & tokens:
            for number, single, others in inverted[word]:
                if number not in satisfied and (single or any(o <= tokens for o in others)):
                    satisfied.add(number)
        return {code for code, numbers in self.required.items() if numbers <= satisfied}


@lru_cache(maxsize=32)
def rule_gate(needs_by_rule: tuple[tuple[str, tuple], ...]) -> RuleGate:
    """The gate for a set of rules (cached: the same rules and document terms give the same gate)."""
    return RuleGate(needs_by_rule)
