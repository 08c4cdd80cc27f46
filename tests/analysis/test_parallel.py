"""One long contract may be read and checked by several processes; the results never change."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from msa_toolkit import analyze
from msa_toolkit import parallel
from msa_toolkit.parallel import Background, map_chunks

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "contracts"
pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or parallel.usable_jobs(2) < 2,
                                reason="needs fork and two usable cores")


def squares(items):
    return [n * n for n in items]


def test_map_chunks_returns_what_one_loop_returns_in_order():
    items = list(range(1000))
    assert map_chunks(squares, items, 2, weight=lambda n: 1, min_per_job=10) == squares(items)


def test_map_chunks_deals_out_work_by_weight_not_by_position():
    """One heavy item at the front and light ones behind: each process gets about half the weight."""
    weights = [400] + [1] * 399 + [400]
    parent = os.getpid()

    def loads(items):
        return [(os.getpid() == parent, w) for w in items]

    results = map_chunks(loads, weights, 2, weight=lambda w: w, min_per_job=10)
    here = sum(w for in_parent, w in results if in_parent)
    assert [w for _, w in results] == weights  # in the order given
    assert abs(here - sum(weights) / 2) <= 400


def test_map_chunks_does_the_share_of_a_failing_copy_itself():
    parent = os.getpid()

    def fails_in_a_copy(items):
        if os.getpid() != parent:
            raise RuntimeError("a copy that breaks")
        return squares(items)

    items = list(range(400))
    assert map_chunks(fails_in_a_copy, items, 2, weight=lambda n: 1, min_per_job=10) == squares(items)


def test_map_chunks_does_the_share_of_a_copy_that_dies_itself():
    parent = os.getpid()

    def dies_in_a_copy(items):
        if os.getpid() != parent:
            os._exit(3)
        return squares(items)

    items = list(range(400))
    assert map_chunks(dies_in_a_copy, items, 2, weight=lambda n: 1, min_per_job=10) == squares(items)


def test_short_lists_stay_in_this_process():
    seen = set()

    def record(items):
        seen.add(os.getpid())
        return squares(items)

    map_chunks(record, list(range(20)), 2, weight=lambda n: 1, min_per_job=50)
    assert seen == {os.getpid()}


def test_background_work_returns_its_value_and_errors_surface_here():
    assert Background(lambda: sum(range(10)), jobs=2).result() == 45
    calls = []

    def fails():
        calls.append(os.getpid())
        raise ValueError("unreadable")

    with pytest.raises(ValueError, match="unreadable"):
        Background(fails, jobs=2).result()
    assert calls == [os.getpid()]  # the copy's failure is redone (and raised) here


def test_a_warm_up_changes_no_result():
    from msa_toolkit.analysis.warm import warm_up

    cold = analyze(SAMPLES / "noncompliant_msa.txt")
    assert warm_up() > 1
    warm = analyze(SAMPLES / "noncompliant_msa.txt")
    assert _essentials(cold) == _essentials(warm)


def _long_pdf(tmp_path: Path, copies: int) -> Path:
    """The noncompliant sample's pages repeated, so that a share of pages goes to a second reader."""
    source = pdfium.PdfDocument(str(SAMPLES / "noncompliant_msa.pdf"))
    out = pdfium.PdfDocument.new()
    for _ in range(copies):
        out.import_pages(source)
    path = tmp_path / "long.pdf"
    out.save(str(path))
    return path


def _essentials(result):
    clauses = [(c.id, c.number, c.text, c.lane, c.lane_score) for c in result.document.clauses]
    return clauses, result.findings, result.fees, result.verdict, result.document.parties


def test_a_long_pdf_reads_and_analyses_the_same_with_two_processes(tmp_path):
    path = _long_pdf(tmp_path, copies=16)
    one, two = analyze(path, jobs=1), analyze(path, jobs=2)
    assert one.document.pages >= 2 * 40  # long enough for the pages to be split
    assert _essentials(one) == _essentials(two)
    assert one.verdict == "noncompliant"


def test_a_contract_of_many_clauses_is_checked_the_same_with_two_processes(tmp_path):
    sample = analyze(SAMPLES / "noncompliant_msa.txt").document
    sentences = [" ".join(c.text.split()) for c in sample.clauses if c.kind == "paragraph" and len(c.text.split()) > 8]
    body = "\n\n".join(f"{n}. {sentences[n % len(sentences)]}" for n in range(1, 400))
    path = tmp_path / "many.txt"
    path.write_text("MANAGEMENT SERVICES AGREEMENT\n\n" + body + "\n")
    one, two = analyze(path, jobs=1), analyze(path, jobs=2)
    assert len(one.document.clauses) >= 2 * parallel.MIN_ITEMS_PER_JOB  # long enough for the clauses to be split
    assert one.findings  # the sample's problems are in there, many times over
    assert _essentials(one) == _essentials(two)


@pytest.mark.parametrize("name", ["noncompliant_msa.docx", "compliant_msa.pdf", "exhibit_fee_msa.txt"])
def test_the_samples_give_the_same_result_with_two_processes(name):
    one, two = analyze(SAMPLES / name, jobs=1), analyze(SAMPLES / name, jobs=2)
    assert _essentials(one) == _essentials(two)
    assert dataclasses.replace(one, meta={}) == dataclasses.replace(two, meta={})
