"""Fixtures for the readers: every test file is generated in code, once per session."""
from __future__ import annotations

import pytest

from msa_toolkit.limits import Limits


@pytest.fixture(scope="session")
def limits() -> Limits:
    return Limits()


@pytest.fixture(scope="session")
def fixture_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("ingest")
