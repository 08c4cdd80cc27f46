"""Split the per-clause work of one long document between this process and forked copies of it.

A 300-page agreement has about 4,000 clauses, and every clause is scored and checked on its own;
only the document-level rules need them all. A review of one file would otherwise leave the
machine's other cores idle. Each copy is forked after everything is loaded (catalogue, lane model,
compiled patterns), works on its share, and sends back plain results through a pipe.

`Background` reads a file in a copy while this process loads the analyzer.

The split is an optimisation only: a copy that cannot be forked, fails, dies or sends something
unreadable costs its share being done again here, so the results are always those of a plain loop
(and a file that makes a copy fail makes this process fail the same way, with the same error).
Copies inherit the caller's memory cap and are killed when the caller dies (a worker killed at its
time limit takes its copies with it).
"""
from __future__ import annotations

import gc
import heapq
import os
import pickle
from typing import Callable, Sequence, TypeVar

from . import pattern_cache

T = TypeVar("T")
R = TypeVar("R")

# below this many items a fork, a pickle and a pipe cost more than the share saves
MIN_ITEMS_PER_JOB = 150


def usable_jobs(requested: int | None) -> int:
    """How many processes to use: the request, capped by the cores this process may run on."""
    if not requested or requested <= 1:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(int(requested), cores))


def map_chunks(work: Callable[[Sequence[T]], list[R]], items: Sequence[T], jobs: int | None,
               weight: Callable[[T], int] = len, min_per_job: int = MIN_ITEMS_PER_JOB) -> list[R]:
    """`work(items)`, computed in up to `jobs` processes; results in the order of `items`.

    `work` must return one result per item, must not depend on which other items share its call,
    and its results must pickle. Items are dealt out so that each share holds about the same total
    `weight` (text length: long clauses cost more): a contiguous cut would give one process the
    definitions and another the signature pages. Each share holds at least `min_per_job` items.
    """
    jobs = min(usable_jobs(jobs), len(items) // max(1, min_per_job))
    if jobs <= 1 or not hasattr(os, "fork"):
        return work(items)
    order = _dealt(items, jobs, weight)
    shares = [[items[i] for i in share] for share in order]
    # what exists now is shared with the copies: kept out of collections, it is not copied page by page
    gc.freeze()
    try:
        children = [_fork(work, share) for share in shares[1:]]
    finally:
        gc.unfreeze()
    parts = [work(shares[0])]
    for share, child in zip(shares[1:], children):
        part = _collect(child, len(share))
        parts.append(part if part is not None else work(share))
    results: list = [None] * len(items)
    for share, part in zip(order, parts):
        for index, result in zip(share, part):
            results[index] = result
    return results


class Background:
    """`compute()` running in a forked copy while the caller goes on; `result()` waits for it."""

    def __init__(self, compute: Callable[[], R], jobs: int | None):
        self._compute = compute
        # the copy also hands back what it used of the pattern cache, which this process saves
        self._child = (_fork(lambda share: [(compute(), pattern_cache.handoff())], [None])
                       if usable_jobs(jobs) > 1 and hasattr(os, "fork") else None)

    @property
    def in_background(self) -> bool:
        return self._child is not None

    def result(self) -> R:
        if self._child is None:
            return self._compute()
        part = _collect(self._child, 1)
        self._child = None
        if part is None or not isinstance(part[0], tuple) or len(part[0]) != 2:
            return self._compute()
        value, handed = part[0]
        pattern_cache.adopt(handed)
        return value


def _dealt(items, jobs: int, weight) -> list[list[int]]:
    """Indices of `items` dealt into `jobs` shares of about equal total weight (heaviest first, each to the
    lightest share), each share in document order, the share holding the first item first."""
    loads = [(0, k) for k in range(jobs)]
    shares: list[list[int]] = [[] for _ in range(jobs)]
    for index in sorted(range(len(items)), key=lambda i: -max(1, weight(items[i]))):
        load, k = heapq.heappop(loads)
        shares[k].append(index)
        heapq.heappush(loads, (load + max(1, weight(items[index])), k))
    shares = sorted((sorted(share) for share in shares if share), key=lambda share: share[0])
    return shares


def _fork(work, share) -> tuple[int, int] | None:
    """Start a copy computing `work(share)`; (pid, read end of its pipe), or None if it cannot start."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the copy: never return into the caller's code, never run its exit handlers
        status = 1
        try:
            _die_with(parent)
            os.close(read_end)
            payload = pickle.dumps(work(share), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def _die_with(parent: int) -> None:
    """Ask Linux to kill this copy when the process that forked it dies (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)
    except Exception:  # noqa: BLE001 - other systems: the copy ends at its first write instead
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _collect(child: tuple[int, int] | None, expected: int) -> list | None:
    """The copy's results, or None when it failed in any way (the caller then does its share)."""
    if child is None:
        return None
    pid, read_end = child
    try:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
    except OSError:
        payload = b""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        status = 1
    if status != 0 or not payload:
        return None
    try:
        part = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a truncated or garbled payload means "do it here"
        return None
    return part if isinstance(part, list) and len(part) == expected else None
