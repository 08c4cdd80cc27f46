"""The one place that finds packaged resources (clause library, models, rule data).

In a checkout the clause library and models live at the top of the repository; in an installed
wheel they are shipped inside the package (see setup.cfg). Nobody else builds these paths.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _first_existing(name: str) -> Path:
    for candidate in (_PACKAGE / name, _CHECKOUT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"msa-toolkit resource folder {name!r} is missing from the installation")


@cache
def clause_library_dir() -> Path:
    return _first_existing("clause_library")


@cache
def models_dir() -> Path:
    return _first_existing("models")


def lane_model_dir() -> Path:
    return models_dir() / "msa_lanes"


def data_dir() -> Path:
    """Rule catalogue, state profiles, lexicons: `msa_toolkit/data/`."""
    return _PACKAGE / "data"


def rules_dir() -> Path:
    return data_dir() / "rules"


def states_dir() -> Path:
    return data_dir() / "states"


def lexicon_dir() -> Path:
    return data_dir() / "lexicon"


def templates_dir() -> Path:
    return data_dir() / "templates"
