"""msa-check end to end on the bundled samples, with the real reader and analyzer."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "contracts"


def _msa_check(*args, cache):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run([sys.executable, "-m", "msa_toolkit.cli.check", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    """One JSON review of every sample (the later runs hit its cache)."""
    if not SAMPLES.is_dir():
        pytest.fail("samples/contracts is missing: run samples/build_samples.py")
    work = tmp_path_factory.mktemp("samples")
    out = work / "all.json"
    run = _msa_check(SAMPLES, "-o", out, cache=work / "cache")
    documents = {Path(d["path"]).name: d for d in json.loads(out.read_text())["documents"]} if out.exists() else {}
    return run, documents, work


def _expected_exit(document) -> int:
    return 1 if any(f["severity"] == "high" for f in document["findings"]) else 0


def test_every_sample_is_reviewed_and_the_exit_code_follows_the_findings(sample_run):
    run, documents, _work = sample_run
    assert "Traceback" not in run.stderr
    assert set(documents) == {p.name for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx", ".txt")}
    assert all(d["status"] == "ok" for d in documents.values()), run.stderr
    assert run.returncode == max(_expected_exit(d) for d in documents.values())


def test_single_contract_exit_code_and_verdict_line(sample_run):
    _run, documents, work = sample_run
    run = _msa_check(SAMPLES / "compliant_msa.docx", cache=work / "cache")
    document = documents["compliant_msa.docx"]
    assert run.returncode == _expected_exit(document), run.stderr
    assert document["verdict"].upper() in run.stdout.splitlines()[0]


def test_annotated_word_copy_has_a_comment_per_finding(sample_run):
    import docx

    _run, documents, work = sample_run
    original = SAMPLES / "noncompliant_msa.docx"
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    target = work / "annotated.docx"
    run = _msa_check(original, "--format", "docx", "-o", target, cache=work / "cache")
    assert run.returncode == 1, run.stderr
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before
    comments = list(docx.Document(target).comments)
    findings = documents["noncompliant_msa.docx"]["findings"]
    assert len(comments) == len(findings) + 1
    assert {c.author for c in comments} == {"msa-check"}
    assert sorted(f["rule"] for f in findings) == sorted(c.text.split()[0] for c in comments[1:])


def test_text_report_names_the_clause_of_every_finding(sample_run):
    _run, documents, work = sample_run
    run = _msa_check(SAMPLES / "noncompliant_msa.pdf", cache=work / "cache")
    document = documents["noncompliant_msa.pdf"]
    assert run.returncode == _expected_exit(document)
    numbers = {c["id"]: c["number"] for c in document["clauses"]}
    for finding in document["findings"]:
        assert finding["rule"] in run.stdout
        if finding["clause_id"] and numbers.get(finding["clause_id"]):
            assert numbers[finding["clause_id"]] in run.stdout
