"""The benchmark script's own logic (benchmarks/run.py), with the measured commands stubbed out.

`make bench` itself is not run by the tests; these check that the folder's worker scaling is taken
from rounds of back-to-back runs, and that the median round is the one reported.
"""
import importlib.util
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


@pytest.fixture()
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_worker_scaling_comes_from_the_median_round_of_back_to_back_runs(bench, monkeypatch):
    seconds = iter([40.0, 25.0,   # round 1: 1 worker, then 2 workers -> 1.60x
                    20.0, 44.0,   # round 2 runs 2 workers first -> 2.20x
                    42.0, 22.0])  # round 3: 1.91x
    called = []

    def fake_run(command, timeout=0):
        called.append(command[-1])
        return {"ok": True, "seconds": next(seconds), "cpu_seconds": 1.0, "load": 0.5, "peak_mb": 90.0}

    monkeypatch.setattr(bench, "run_measured", fake_run)
    measured = bench.paired_worker_runs(["msa-check", "folder"], 3)

    assert called == ["1", "2", "2", "1", "1", "2"]  # alternating order within rounds
    assert measured["workers_1"]["seconds"] / measured["workers_2"]["seconds"] == pytest.approx(42 / 22)
    assert [round(r["workers_1"] / r["workers_2"], 2) for r in measured["rounds"]] == [1.6, 2.2, 1.91]


def test_a_failed_run_stops_the_rounds_and_is_reported(bench, monkeypatch):
    def failing(command, timeout=0):
        return {"ok": False, "error": "boom", "seconds": None}

    monkeypatch.setattr(bench, "run_measured", failing)
    measured = bench.paired_worker_runs(["msa-check", "folder"], 3)
    assert measured["workers_1"]["ok"] is False and measured["rounds"] == []
