"""Full agreements written blind in session 5 (`tests/adversarial_blind_a`: real-style drafting, mostly careful;
`tests/adversarial_blind_b`: built to fool a rule-based reader; `_c`: data-room packages with amendments and
exhibits; `_d`: state-flavoured agreements; `_e`: an ordinary week's mix, scored after all session-5 changes; session 6:
`_f`: long platform agreements with committees and amendments; `_g`: small operators' plainer drafting; `_h`: a
second ordinary week, scored once as a final check and not used for development; session 7: `_i`, agreements
outside the medspa mold; `_k`, problems in exhibits, amendments and side letters; `_l`, a third ordinary week; `_j`, a final check scored once at the end;
session 8: `_m`, a data room's agreements (definitions, amendments, schedules); `_o`, long platform agreements; `_n`, a final
check scored once at the end). Each folder's README records its first, blind
score; after that each became a development set, and the floors below guard what has been reached since.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import evaluate

TESTS = Path(__file__).resolve().parents[1]
# folder: (minimum clause-level recall, minimum clause-level precision)
FLOORS = {"adversarial_blind_a": (0.95, 0.95), "adversarial_blind_b": (0.95, 0.90),
          "adversarial_blind_c": (0.95, 0.80), "adversarial_blind_d": (0.95, 0.95),
          "adversarial_blind_e": (0.95, 0.88),
          # session 6: long platform agreements, small operators, and a final check written after the changes
          "adversarial_blind_f": (0.95, 0.88), "adversarial_blind_g": (0.75, 0.95), "adversarial_blind_h": (0.88, 0.88),
          # session 7: agreements outside the medspa mold (dermatology, IV, dental, franchise, telehealth ...)
          "adversarial_blind_i": (0.90, 0.90), "adversarial_blind_k": (0.88, 0.95), "adversarial_blind_l": (0.88, 0.88),
          # session 7's final check, scored once at the end
          "adversarial_blind_j": (0.80, 0.88),
          # session 8: a data room (definitions, amendments, schedules), long platform agreements
          "adversarial_blind_m": (0.88, 0.95), "adversarial_blind_o": (0.88, 0.95),
          # session 8's final check, scored once at the end (used for development in session 9)
          "adversarial_blind_n": (0.95, 0.95),
          # session 9: problems spread across clauses (committees, defined terms, schedules, attached agreements)
          "adversarial_blind_q": (0.95, 0.88),
          # session 9's final check (its errors were seen when it arrived; not used for development)
          "adversarial_blind_p": (0.95, 0.62)}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request):
    folder = request.param
    saved = evaluate.CONTRACTS_DIR, evaluate.EXPECTED_FILE
    evaluate.use_set(TESTS / folder)
    try:
        scores = [evaluate.score_contract(name, evaluate.analyze_contract(name)) for name in evaluate.expected()]
    finally:
        evaluate.CONTRACTS_DIR, evaluate.EXPECTED_FILE = saved
        evaluate.expected.cache_clear()
    return folder, scores


# sets whose wrong verdicts are known and open (set P, the final check of session 9, has two: compliant agreements
# with false positives)
ALLOWED_WRONG_VERDICTS = {"adversarial_blind_p": 2}


def test_verdicts_are_acceptable(scored):
    folder, scores = scored
    wrong = [(s.name, s.verdict) for s in scores if s.verdict not in s.acceptable_verdicts]
    assert len(wrong) <= ALLOWED_WRONG_VERDICTS.get(folder, 0), f"{folder}: {wrong}"


def test_clause_level_findings_stay_above_their_floor(scored):
    folder, scores = scored
    recall_floor, precision_floor = FLOORS[folder]
    counts = evaluate.totals(scores)
    recall, precision = counts.recall(evaluate.CLAUSE_CATEGORIES), counts.precision(evaluate.CLAUSE_CATEGORIES)
    assert recall >= recall_floor and precision >= precision_floor, (folder, recall, precision)
