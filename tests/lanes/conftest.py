"""Shared fixtures for the lane tests: the shipped model (loaded once) and the labeled corpus."""
import json
import sys
from pathlib import Path

import pytest

TRAINING_DIR = Path(__file__).resolve().parents[2] / "training"
if str(TRAINING_DIR) not in sys.path:
    sys.path.insert(0, str(TRAINING_DIR))


@pytest.fixture(scope="session")
def lane_model():
    from msa_toolkit.analysis.lanes import load_lane_model

    return load_lane_model()


@pytest.fixture(scope="session")
def corpus_rows():
    from evaluate_lanes import load_corpus

    return load_corpus()


@pytest.fixture(scope="session")
def shipped_metrics(lane_model):
    from msa_toolkit.resources import lane_model_dir

    return json.loads((lane_model_dir() / "metrics.json").read_text(encoding="utf-8"))
