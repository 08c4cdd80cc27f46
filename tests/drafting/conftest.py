"""Shared fixtures for the drafting tests: the bundled library, sample deal sheets, renderers."""
from __future__ import annotations

import copy
import shutil

import pytest
import yaml

from msa_toolkit.drafting.library import load_library
from msa_toolkit.resources import clause_library_dir

from draft_helpers import SAMPLES


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture
def florida_raw():
    """The Florida sample as a plain mapping, to be edited by a test."""
    return copy.deepcopy(yaml.safe_load((SAMPLES / "florida_fixed_fee.yaml").read_text()))


@pytest.fixture
def library_copy(tmp_path):
    """A writable copy of the clause library for tests that break it on purpose."""
    target = tmp_path / "clause_library"
    shutil.copytree(clause_library_dir(), target)
    return target
