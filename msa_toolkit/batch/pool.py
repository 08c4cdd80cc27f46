"""A pool of long-lived local worker processes that survives hangs, bombs and crashes.

Unlike `multiprocessing.Pool`, a worker stuck on one file can be killed and replaced without
losing the others, and every file comes back as exactly one result. Workers start lazily, so a
run served entirely from the cache starts none, and warm: they are forked from a forkserver that
has loaded and warmed up the analyzer once (preload.py).
"""
from __future__ import annotations

import multiprocessing
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import MsaError
from ..model import AnalysisResult
from .options import DEFAULT_ANALYZE_FN, SINGLE_FILE_ANALYZE_FN
from .worker import READY, WorkerProcess, death_row, timeout_row

_STARTUP_SECONDS = 180.0
_MAX_STARTUP_FAILURES = 3


@dataclass(frozen=True)
class Task:
    """One file to analyse, with the content hash the parent computed."""

    path: Path
    sha256: str


def preload_modules(analyze_fn: str) -> list[str]:
    """What the forkserver imports before forking workers: the real analyzer comes warmed up
    (see preload.py); a stand-in analysis (tests) is only imported.

    The forkserver lives as long as the process that started it and keeps its first preload.
    """
    if analyze_fn == DEFAULT_ANALYZE_FN:
        return [f"{__package__}.preload"]
    return [analyze_fn.partition(":")[0]]


def _spent(result: AnalysisResult) -> bool:
    """A worker that ran out of memory retires itself (see worker_main); never give it more work."""
    return result.error is not None and result.error.code == "E141"


class LocalPool:
    """`expected_files` is how many files the run holds at most. A run of one file gets one worker
    forked straight from this process, which loads only what that file needs (the forkserver and its
    warm-up pay off from the second file on, and cost a single file about half a second), and which
    may split the file's clauses among `options.workers` processes."""

    def __init__(self, options, expected_files: int | None = None):
        self.options = options
        self.size = max(1, int(options.workers))
        self.single = expected_files is not None and expected_files <= 1
        # the one file may share its clauses among as many processes as the run may use (parallel.py)
        self.jobs = self.size if self.single and options.analyze_fn == DEFAULT_ANALYZE_FN else None
        # (through the package's own `analyze`, which starts reading the file before it imports the analyzer)
        self.analyze_fn = SINGLE_FILE_ANALYZE_FN if self.jobs else options.analyze_fn
        if self.single:
            self.size = 1
            self.ctx = multiprocessing.get_context("fork")
        else:
            self.ctx = multiprocessing.get_context("forkserver")
            self.ctx.set_forkserver_preload(preload_modules(options.analyze_fn))
        self.workers: list[WorkerProcess] = []
        self.startup_failures = 0
        self._server_started = False

    def _start_server_early(self) -> None:
        """Start the forkserver now, so that it loads the analyzer while the parent is still checking and
        hashing files (it would otherwise start, and the parent wait for it, at the first worker)."""
        if self._server_started or self.single:
            return
        self._server_started = True
        try:
            from multiprocessing import forkserver

            forkserver.ensure_running()
        except (OSError, ValueError):
            pass  # the first worker's start reports the problem

    def run(self, items: Iterable) -> Iterator[tuple[Task | str | None, AnalysisResult]]:
        """Analyse each Task; pass through items that are already results. Yields in completion order."""
        limits = self.options.limits
        source = iter(items)
        backlog: deque[Task] = deque()
        exhausted = False
        next_id = 0
        try:
            while True:
                while not exhausted and len(backlog) < self.size:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                    elif isinstance(item, Task):
                        self._start_server_early()
                        backlog.append(item)
                    else:
                        yield item
                busy = [w for w in self.workers if w.task is not None]
                if exhausted and not backlog and not busy:
                    return
                while len(self.workers) < min(self.size, len(busy) + len(backlog)):
                    self._start_worker()
                for worker in self.workers:
                    if worker.ready and worker.task is None and backlog:
                        task = backlog.popleft()
                        next_id += 1
                        message = (str(task.path), self.options.state, limits, self.options.password, self.jobs)
                        try:
                            worker.submit(next_id, task, message, limits.timeout_seconds)
                        except OSError:
                            pass  # the worker is dead; its sentinel reports the task below
                yield from self._wait_and_collect()
        finally:
            for worker in self.workers:
                worker.kill() if worker.task is not None else worker.stop()
            self.workers = []

    def _start_worker(self) -> None:
        try:
            worker = WorkerProcess(self.ctx, self.analyze_fn, self.options.limits.memory_bytes)
        except (OSError, EOFError) as err:  # the forkserver itself died or refused
            self.startup_failures += 1
            if self.startup_failures >= _MAX_STARTUP_FAILURES:
                raise MsaError("E190", f"analysis worker processes cannot start: {err}") from None
            return
        self.workers.append(worker)

    def _wait_and_collect(self) -> Iterator[tuple[Task, AnalysisResult]]:
        now = time.monotonic()
        deadlines = [w.deadline for w in self.workers if w.deadline is not None]
        deadlines += [w.started + _STARTUP_SECONDS for w in self.workers if not w.ready]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        handles = {}
        for worker in self.workers:
            handles[worker.conn] = worker
            handles[worker.process.sentinel] = worker
        ready = wait(list(handles), timeout)
        dead: list[WorkerProcess] = []
        for handle in ready:
            worker = handles[handle]
            if worker in dead or worker not in self.workers:
                continue
            if handle is worker.conn:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    dead.append(worker)
                    continue
                if message[0] == READY:
                    worker.ready = True
                    self.startup_failures = 0
                    continue
                task_id, result = message
                if worker.task is not None and worker.task[0] == task_id:
                    _, task = worker.finish()
                    yield task, result
                    if worker.files_done >= self.options.max_files_per_worker or _spent(result):
                        worker.stop()
                        self.workers.remove(worker)
            elif not worker.conn.poll():  # died, and has nothing left to say
                dead.append(worker)
        for worker in dead:
            yield from self._bury(worker)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.deadline is not None and now >= worker.deadline:
                _, task = worker.task
                worker.kill()
                self.workers.remove(worker)
                yield task, timeout_row(str(task.path), self.options.limits.timeout_seconds)
            elif not worker.ready and now >= worker.started + _STARTUP_SECONDS:
                self._startup_failed(worker, "did not start in time")

    def _bury(self, worker: WorkerProcess) -> Iterator[tuple[Task, AnalysisResult]]:
        worker.process.join()
        exitcode = worker.process.exitcode
        task = worker.task
        if not worker.ready:
            self._startup_failed(worker, f"exited with code {exitcode}")
            return
        worker.kill()
        self.workers.remove(worker)
        if task is not None:
            yield task[1], death_row(str(task[1].path), exitcode, self.options.limits.memory_bytes)

    def _startup_failed(self, worker: WorkerProcess, why: str) -> None:
        worker.kill()
        self.workers.remove(worker)
        self.startup_failures += 1
        if self.startup_failures >= _MAX_STARTUP_FAILURES:
            raise MsaError("E190", f"analysis worker processes cannot start: the last one {why}")
