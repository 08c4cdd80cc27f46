"""`--dask ADDRESS`: the same results from a Dask cluster as from local workers."""
from __future__ import annotations

import pytest

from msa_toolkit.batch import review

from .conftest import write_files

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None, silence_logs=50,
    ) as local_cluster:
        yield local_cluster


def _comparable(result):
    meta = {k: v for k, v in result.meta.items() if k != "pid"}
    return result.to_dict() | {"meta": meta, "text": result.document.text if result.document else None}


def test_dask_results_match_the_local_run(tmp_path, make_options, cluster):
    files = write_files(tmp_path, {
        "a.txt": "fixed fee", "b.txt": "PERCENT of collections", "c.txt": "BUG", "d.txt": "",
        "sub/e.md": "fixed monthly fee",
    })

    local = {r.path: _comparable(r) for r in review(files, make_options(workers=1))}
    remote = {r.path: _comparable(r) for r in review(files, make_options(dask_address=cluster.scheduler_address))}

    assert remote == local
    assert len(remote) == len(files)


def test_a_file_that_hangs_on_dask_becomes_a_timeout_row(tmp_path, make_options, cluster):
    from dataclasses import replace

    from .conftest import TEST_LIMITS

    files = write_files(tmp_path, {"hang.txt": "HANG", "ok.txt": "fixed"})
    options = make_options(dask_address=cluster.scheduler_address, limits=replace(TEST_LIMITS, timeout_seconds=2))

    rows = {r.path.rsplit("/", 1)[-1]: r for r in review(files, options)}

    assert rows["hang.txt"].error.code == "E140"
    assert rows["ok.txt"].status == "ok"
