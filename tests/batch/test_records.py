"""Cached and resumed results are the same AnalysisResult the analyzer returned."""
from __future__ import annotations

import json

from msa_toolkit.batch.records import result_from_record, result_to_record
from msa_toolkit.model import AnalysisResult

from .fakes import _result_for


def test_a_full_result_survives_json_round_trip():
    result = _result_for("room/a.txt", "PERCENT of collections, Florida law", "FL")

    restored = result_from_record(json.loads(json.dumps(result_to_record(result, "ab" * 32))))

    assert restored == result
    assert restored.document.text == result.document.text


def test_an_error_result_survives_json_round_trip():
    result = AnalysisResult.from_error("room/b.pdf", "E110", "the PDF is encrypted; use --password")

    assert result_from_record(json.loads(json.dumps(result_to_record(result)))) == result


def test_records_keep_the_public_json_shape():
    result = _result_for("room/a.txt", "fixed fee", None)

    record = result_to_record(result, "cd" * 32)

    assert record.items() >= result.to_dict().items()
    assert record["sha256"] == "cd" * 32


def test_a_real_analysis_survives_the_round_trip_clause_by_clause():
    from dataclasses import asdict
    from pathlib import Path

    from msa_toolkit.analysis import analyze

    sample = Path(__file__).resolve().parents[2] / "samples" / "contracts" / "noncompliant_msa.txt"
    result = analyze(sample)
    restored = result_from_record(json.loads(json.dumps(result_to_record(result, "ef" * 32))))

    assert restored == result and restored.document.clauses == result.document.clauses
    # the flat records of the public shape are exactly what dataclasses.asdict gives
    assert result.to_dict()["findings"] == [asdict(f) for f in result.findings] != []
    assert result.to_dict()["fees"] == [asdict(f) for f in result.fees]
    assert result.to_dict()["facts"] == asdict(result.facts)
