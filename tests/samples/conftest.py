"""Read and analyze each sample file once per test session (the tests only look at the results)."""
from __future__ import annotations

import pytest

import msa_toolkit
from sample_support import sample_path


class _Once:
    def __init__(self, function):
        self.function = function
        self.results: dict = {}

    def __call__(self, name: str, fmt: str):
        key = (name, fmt)
        if key not in self.results:
            try:
                self.results[key] = self.function(sample_path(name, fmt))
            except Exception as error:  # remembered so every test on this file reports the same cause
                self.results[key] = error
        result = self.results[key]
        if isinstance(result, Exception):
            raise result
        return result


@pytest.fixture(scope="session")
def read_sample():
    """read_sample(name, fmt) -> Document, read once per session."""
    return _Once(msa_toolkit.read)


@pytest.fixture(scope="session")
def analyze_sample():
    """analyze_sample(name, fmt) -> AnalysisResult, analyzed once per session."""
    return _Once(msa_toolkit.analyze)
