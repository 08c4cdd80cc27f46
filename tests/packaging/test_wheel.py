"""The wheel, installed into a fresh venv, finds its clause library and model and analyses a contract.

A checkout finds `clause_library/` and `models/` at the top of the repository; an installed
package must find the copies that setup.py ships inside it. This test builds the wheel from a
copy of the project, installs it (no dependencies, no index) into a new venv that sees the
project's already-installed dependencies through a .pth file, and runs `msa-check` from a folder
outside the checkout. The development venv's editable-install hook is a .pth inside the shared
site-packages; .pth files in a directory added by another .pth are not processed, so the editable
checkout cannot leak into the fresh venv.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT_FILES = ("setup.cfg", "setup.py", "pyproject.toml", "README.md", "MANIFEST.in", "LICENSE")
PROJECT_FOLDERS = ("msa_toolkit", "clause_library", "models")
SAMPLE = ROOT / "samples" / "contracts" / "noncompliant_msa.txt"

pytestmark = pytest.mark.slow


def _run(command, cwd, timeout=300) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def _copy_project(target: Path) -> Path:
    """Build from a copy, so the build leaves no build/ or egg-info in the shared checkout."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in PROJECT_FOLDERS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name, ignore=ignore)
    for name in PROJECT_FILES:
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; returns its bin/ folder."""
    work = tmp_path_factory.mktemp("wheel")
    project = _copy_project(work / "project")
    wheels = work / "wheels"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                  "-w", wheels, project], cwd=work)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(wheels.glob("msa_toolkit-*.whl"))

    venv = work / "venv"
    created = _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=work)
    assert created.returncode == 0, created.stderr
    python = venv / "bin" / "python"
    fresh_site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=work)
    dependencies = sysconfig.get_paths()["purelib"]  # this (development) venv's site-packages
    (Path(fresh_site.stdout.strip()) / "msa_dependencies.pth").write_text(dependencies + "\n")

    installed_wheel = _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
                            "--no-index", wheel], cwd=work)
    assert installed_wheel.returncode == 0, installed_wheel.stderr[-2000:]
    return venv / "bin"


@pytest.fixture()
def outside(tmp_path) -> Path:
    """A working folder outside the checkout, so nothing is found relative to it."""
    assert ROOT not in tmp_path.parents
    return tmp_path


def test_wheel_contains_the_clause_library_and_model(installed, outside):
    probe = ("import msa_toolkit, msa_toolkit.resources as r; "
             "print(msa_toolkit.__file__); print(r.clause_library_dir()); print(r.lane_model_dir())")
    result = _run([installed / "python", "-c", probe], cwd=outside)
    assert result.returncode == 0, result.stderr
    package_file, library, model = (Path(line) for line in result.stdout.split())
    venv = installed.parent
    assert venv in package_file.parents, f"imported {package_file}, not the installed wheel"
    assert venv in library.parents and any(library.glob("*.yaml")), library
    assert venv in model.parents and model.is_dir(), model


def test_installed_msa_check_reports_its_version(installed, outside):
    import msa_toolkit

    result = _run([installed / "msa-check", "--version"], cwd=outside, timeout=60)
    assert result.returncode == 0, result.stderr
    assert msa_toolkit.__version__ in result.stdout


def _documents(payload) -> list[dict]:
    if isinstance(payload, list):
        return payload
    if "documents" in payload:
        return payload["documents"]
    return [payload]


def test_installed_msa_check_analyses_a_sample(installed, outside):
    contract = shutil.copy(SAMPLE, outside / SAMPLE.name)
    result = _run([installed / "msa-check", "--format", "json", contract], cwd=outside)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    documents = _documents(json.loads(result.stdout))
    assert len(documents) == 1
    document = documents[0]
    assert document["status"] == "ok", document["error"]
    assert document["verdict"] == "noncompliant"
    assert {party["role"] for party in document["parties"]} >= {"mso", "practice"}
    assert any(clause["lane"] for clause in document["clauses"]), "the lane model did not run"
    assert any(finding["category"] == "revenue_based_fee" for finding in document["findings"])
