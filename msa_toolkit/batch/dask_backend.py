"""`--dask ADDRESS`: the per-file work on an existing Dask distributed cluster.

The parent sends each file's bytes (the cluster need not see our file system) and gets back a
JSON record, so results are identical to a local run. The time limit is kept by the parent: a
file past its deadline becomes an E140 row and the Dask worker running it is restarted. The
memory limit is the cluster's own (`--memory-limit` of `dask worker`): a worker its nanny kills
ends as an E141 row.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import replace
from typing import Iterator

from ..errors import MsaError
from ..model import AnalysisResult
from .pool import Task
from .records import result_from_record, result_to_record
from .worker import analyze_one, resolve_analyze_fn, timeout_row

_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}$")


def analyze_bytes(name: str, data: bytes, state, limits, password, analyze_fn: str) -> dict:
    """Runs on a Dask worker: analyse `data` as if it were the file `name`; returns a record."""
    suffix = _SUFFIX.search(name)
    with tempfile.TemporaryDirectory(prefix="msa-dask-") as folder:
        local = os.path.join(folder, "input" + (suffix.group(0) if suffix else ""))
        with open(local, "wb") as handle:
            handle.write(data)
        try:
            analyze = resolve_analyze_fn(analyze_fn)
        except Exception as err:  # noqa: BLE001 - reported as the file's row
            result = AnalysisResult.from_error(name, "E190", f"internal error: analysis unavailable: {err}")
        else:
            result = analyze_one(analyze, local, state, limits, password)
    if result.document is not None:
        result = replace(result, document=replace(result.document, path=name))
    return result_to_record(replace(result, path=name))


class DaskPool:
    def __init__(self, options):
        self.options = options
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise MsaError("E200", "--dask needs dask.distributed: pip install 'msa-toolkit[dask]'") from None

    def run(self, items) -> Iterator[tuple[Task | None, AnalysisResult]]:
        from distributed import Client, wait

        options, limits = self.options, self.options.limits
        try:
            client = Client(options.dask_address, set_as_default=False, timeout=30)
        except (OSError, TimeoutError) as err:
            raise MsaError("E200", f"cannot reach the Dask scheduler at {options.dask_address}: {err}") from None
        window = max(1, sum(client.nthreads().values()))
        in_flight: dict = {}
        source = iter(items)
        exhausted = False
        try:
            while True:
                while not exhausted and len(in_flight) < window:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                    elif isinstance(item, Task):
                        future = client.submit(
                            analyze_bytes, str(item.path), item.path.read_bytes(), options.state, limits,
                            options.password, options.analyze_fn, pure=False, retries=0,
                        )
                        in_flight[future] = (item, time.monotonic() + limits.timeout_seconds)
                    else:
                        yield item
                if not in_flight:
                    return
                nearest = min(deadline for _, deadline in in_flight.values())
                done = _first_completed(client, wait, list(in_flight), max(0.05, nearest - time.monotonic()))
                for future in done:
                    task, _ = in_flight.pop(future)
                    yield task, _collect(future, str(task.path), limits)
                now = time.monotonic()
                for future, (task, deadline) in list(in_flight.items()):
                    if now >= deadline and not future.done():
                        del in_flight[future]
                        _abandon(client, future)
                        yield task, timeout_row(str(task.path), limits.timeout_seconds)
        finally:
            for future in in_flight:
                future.cancel()
            client.close()


def _first_completed(client, wait, futures, timeout: float) -> list:
    """The futures done within `timeout` (Dask's `wait` raises instead of returning none)."""
    try:
        with client.as_current():
            done, _ = wait(futures, timeout=timeout, return_when="FIRST_COMPLETED")
    except TimeoutError:
        return [f for f in futures if f.done()]
    return list(done)


def _collect(future, path: str, limits) -> AnalysisResult:
    from distributed import KilledWorker

    try:
        return result_from_record(future.result())
    except KilledWorker:
        return AnalysisResult.from_error(
            path, "E141", "the Dask worker died while reading this file; most often that is its memory limit"
        )
    except Exception as err:  # noqa: BLE001 - one file's failure is its row, not the batch's
        message = f"internal error on the Dask cluster: {type(err).__name__}: {err}"
        return AnalysisResult.from_error(path, "E190", message[:500])


def _abandon(client, future) -> None:
    """Stop a file that ran out of time: cancel it and restart the worker stuck on it."""
    stuck = [worker for worker, keys in client.processing().items() if future.key in keys]
    future.cancel()
    if stuck:
        try:
            client.restart_workers(stuck, timeout=60)
        except Exception:  # noqa: BLE001 - a worker that cannot restart is the cluster's problem
            pass
