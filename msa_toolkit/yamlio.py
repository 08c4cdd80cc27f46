"""Reading YAML data files safely and fast.

Every data file (rules, lexicons, state profiles, deal sheets) is parsed with a *safe* loader: no
Python objects can be built from YAML. libyaml's C loader is used when PyYAML was built with it,
which makes loading the packaged data about ten times faster and so shortens start-up.
"""
from __future__ import annotations

from pathlib import Path

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_text(text: str):
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader, C or pure Python


def load_yaml(path) -> object:
    return load_yaml_text(Path(path).read_text(encoding="utf-8"))
