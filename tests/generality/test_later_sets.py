"""The later hand-labeled sets (written blind in sessions 2 to 10), scored like the first generality set.

Each folder holds a `clauses.yaml` in the format of `tests/generality/clauses.yaml` and a README that
records what its author read and its first, blind measurement. After that first run each set became
a development set; the floors below guard what has been reached since (micro over the five
clause-level categories). `python tests/generality/evaluate.py --clauses <folder>/clauses.yaml` prints
every miss and false positive.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from test_generality import evaluate

TESTS = Path(__file__).resolve().parents[1]
# folder: (minimum recall, minimum precision)
FLOORS = {
    "generality_structures": (0.85, 0.94),
    "generality_fees": (0.89, 0.95),
    "generality_control_a": (0.86, 0.90),
    "generality_control_b": (0.80, 0.87),
    "generality_control_c": (0.80, 0.86),
    "generality_control_d": (0.84, 0.88),
    # written blind in session 3
    "generality_control_e": (0.71, 0.86),
    "generality_filed_style": (0.79, 0.91),
    "generality_adversarial_clauses": (0.85, 0.92),
    "generality_control_f": (0.85, 0.94),
    "generality_long_mixed": (0.84, 0.95),
    "generality_realistic_mix": (0.80, 0.91),
    "generality_scope_traps": (0.72, 0.86),
    "generality_data_room": (0.80, 0.92),
    "generality_scope_traps_2": (0.72, 0.84),
    "generality_msa_sections": (0.84, 0.87),
    # written blind in session 4
    "generality_indirect_grammar": (0.74, 0.84),
    "generality_control_verbs": (0.90, 0.88),
    "generality_medspa_ops": (0.83, 0.86),
    "generality_governance_devices": (0.76, 0.88),
    "generality_careful_counsel": (0.83, 0.92),
    # written blind in session 5
    "generality_adjacent_verticals": (0.82, 0.92),
    "generality_fee_disguises": (0.94, 0.90),
    "generality_final_mix": (0.84, 0.89),
    # written blind in session 6 (the first two used for development after their first score; the third is a final check)
    "generality_control_mechanisms": (0.83, 0.87),
    "generality_md_records_volume": (0.95, 0.88),
    "generality_final_mix_2": (0.79, 0.91),
    # written blind in session 7 (everyday clinical-control wording; used for development after its first score)
    "generality_control_plain": (0.93, 0.96),
    "generality_negation_scope": (0.83, 0.94),
    "generality_quality_governance": (0.84, 0.91),
    # the session-7 final check (scored once at the end, not used for development)
    "generality_final_mix_3": (0.85, 0.91),
    # written blind in session 8 (definitions and cross-references, day-to-day operations, long lawyerly clauses;
    # used for development after their first score)
    "generality_defined_terms": (0.86, 0.94),
    "generality_cc_operations": (0.84, 0.87),
    "generality_cc_lawyerly": (0.77, 0.82),
    # the session-8 final check (scored once at the end of session 8; used for development in session 9)
    "generality_final_mix_4": (0.84, 0.89),
    # written blind in session 9 (control devices and everyday control wording, used for development after their
    # first score; the third is session 9's final check, scored once at its end)
    "generality_control_devices": (0.77, 0.94),
    "generality_cc_everyday": (0.78, 0.91),
    "generality_final_mix_5": (0.80, 0.89),
    # written blind in session 10 (control wording by section: the first used for development after its first
    # score; the second is session 10's final check, whose fee misses were fixed after it was scored)
    "generality_cc_contexts": (0.80, 0.91),
    "generality_final_mix_6": (0.69, 0.90),
}

# sets written to measure false alarms on careful drafting: share of entries with a finding
MOSTLY_COMPLIANT = {"generality_careful_counsel": (0.25, 0.40), "generality_final_mix": (0.30, 0.40),
                    "generality_final_mix_2": (0.30, 0.40), "generality_final_mix_3": (0.30, 0.40)}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def labeled_set(request):
    folder = request.param
    entries = evaluate.load_entries(TESTS / folder / "clauses.yaml")
    return folder, entries, evaluate.run(entries)


def test_each_set_is_documented_and_balanced(labeled_set):
    folder, entries, _ = labeled_set
    readme = (TESTS / folder / "README.md").read_text(encoding="utf-8")
    assert "blind" in readme.lower() and "first" in readme.lower()
    positives = sum(1 for e in entries if e["findings"])
    assert len(entries) >= 120
    low, high = MOSTLY_COMPLIANT.get(folder, (0.40, 0.60))
    assert low <= positives / len(entries) <= high


def test_findings_on_the_set_stay_above_their_floors(labeled_set):
    folder, _, outcomes = labeled_set
    result = evaluate.score(outcomes)
    report = evaluate.format_table(result) + evaluate.format_errors(result)
    min_recall, min_precision = FLOORS[folder]
    assert not [o for o in outcomes if o.error], report
    assert result.recall() >= min_recall, f"{folder}: micro recall {result.recall():.3f} < {min_recall}\n{report}"
    assert result.precision() >= min_precision, (
        f"{folder}: micro precision {result.precision():.3f} < {min_precision}\n{report}")
