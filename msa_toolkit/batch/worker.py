"""Long-lived analysis worker processes, each file under a time and a memory limit.

A worker inherits the analyzer (spaCy and the lane model), already loaded, from the forkserver
(see preload.py), or imports it itself, then analyses file after file.
Its address space is capped with RLIMIT_AS at (size after warm-up + `Limits.memory_bytes`), so a
decompression bomb ends in MemoryError or the death of the worker, not of the machine. The parent
kills a worker that passes its deadline and starts a new one; the batch goes on.
"""
from __future__ import annotations

import importlib
import os
import signal
import threading
import time
from dataclasses import replace

from ..errors import MsaError
from ..model import AnalysisResult

READY = "ready"
_CRASH_SIGNALS = {signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS}
_ONE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def resolve_analyze_fn(dotted: str):
    """Import "module:function"."""
    module_name, _, attr = dotted.partition(":")
    return getattr(importlib.import_module(module_name), attr or "analyze")


def analyze_one(analyze, path: str, state, limits, password, jobs: int | None = None) -> AnalysisResult:
    """Run the analysis of one file and turn every failure into a coded error row.

    `jobs` (the real analyzer only) lets the file's clauses be shared among that many processes.
    """
    try:
        extra = {"jobs": jobs} if jobs and jobs > 1 else {}
        result = analyze(path, state=state, limits=limits, password=password, **extra)
    except MsaError as err:
        return AnalysisResult.from_error(path, err.code, err.message)
    except MemoryError:
        return memory_error_row(path, limits.memory_bytes)
    except RecursionError:
        return AnalysisResult.from_error(path, "E190", "internal error: RecursionError (structure nested too deeply)")
    except Exception as err:  # noqa: BLE001 - one bad file must never end the batch
        return AnalysisResult.from_error(path, "E190", f"internal error: {type(err).__name__}: {err}"[:500])
    if not isinstance(result, AnalysisResult):
        return AnalysisResult.from_error(path, "E190", f"internal error: analysis returned {type(result).__name__}")
    return result if result.path == path else replace(result, path=path)


def memory_error_row(path: str, memory_bytes: int) -> AnalysisResult:
    return AnalysisResult.from_error(
        path, "E141", f"analysis needed more than the memory limit of {memory_bytes // 2**20} MB"
    )


def timeout_row(path: str, seconds: float) -> AnalysisResult:
    return AnalysisResult.from_error(path, "E140", f"analysis took longer than the time limit of {seconds:g} s")


def death_row(path: str, exitcode: int | None, memory_bytes: int) -> AnalysisResult:
    """Row for a worker that died while analysing `path`."""
    if exitcode is not None and exitcode < 0 and -exitcode in _CRASH_SIGNALS:
        name = signal.Signals(-exitcode).name
        return AnalysisResult.from_error(
            path, "E141",
            f"the worker process died ({name}) while reading this file; most often that means it exceeded "
            f"the memory limit of {memory_bytes // 2**20} MB",
        )
    return AnalysisResult.from_error(path, "E190", f"internal error: the worker process exited with code {exitcode}")


def worker_main(conn, analyze_fn: str, memory_bytes: int, parent_pid: int) -> None:
    """Body of a worker process: warm up, cap memory, then serve (path, state, limits, password)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    _die_with_parent(parent_pid)
    _silence_output()
    for name in _ONE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    analyze, startup_error = _load(analyze_fn)
    _cap_address_space(memory_bytes)
    conn.send((READY, os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task_id, path, state, limits, password, jobs = message
        if analyze is None:
            result = AnalysisResult.from_error(path, "E190", f"internal error: analysis unavailable: {startup_error}")
        else:
            result = analyze_one(analyze, path, state, limits, password, jobs)
        try:
            conn.send((task_id, result))
        except MemoryError:
            conn.send((task_id, memory_error_row(path, limits.memory_bytes)))
        except Exception as err:  # noqa: BLE001 - e.g. an unpicklable value in meta
            problem = f"internal error: {type(err).__name__}: {err}"[:500]
            conn.send((task_id, AnalysisResult.from_error(path, "E190", problem)))
        if result.error and result.error.code == "E141":
            return  # a fresh process for the next file: this heap is fragmented or corrupt


def _load(analyze_fn: str):
    """Import the analyzer and let it load its model now (`warm_up()`), once per worker."""
    try:
        analyze = resolve_analyze_fn(analyze_fn)
        warm_up = getattr(importlib.import_module(analyze_fn.partition(":")[0]), "warm_up", None)
        if callable(warm_up):
            warm_up()
        return analyze, None
    except Exception as err:  # noqa: BLE001 - reported on every file instead
        return None, f"{type(err).__name__}: {err}"


def _die_with_parent(parent_pid: int) -> None:
    """A worker stuck in a hostile file must not outlive a review that was killed.

    Its parent process is the forkserver, not the review, so it watches the review's pid.
    """

    def watch():
        while True:
            time.sleep(0.5)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="msa-parent-watch", daemon=True).start()


def _silence_output() -> None:
    """Library chatter from a worker must not reach the user's stdout (which may carry JSON)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _cap_address_space(memory_bytes: int) -> None:
    import resource

    limit = _virtual_size() + memory_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _virtual_size() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class WorkerProcess:
    """The parent's handle on one worker: its process, pipe, current task and deadline."""

    def __init__(self, ctx, analyze_fn: str, memory_bytes: int):
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(
            target=worker_main, args=(child_conn, analyze_fn, memory_bytes, os.getpid()), daemon=True, name="msa-worker"
        )
        self.process.start()
        child_conn.close()
        self.started = time.monotonic()
        self.ready = False
        self.task = None
        self.deadline = None
        self.files_done = 0

    def submit(self, task_id: int, task, message: tuple, timeout: float) -> None:
        self.task = (task_id, task)
        self.deadline = time.monotonic() + timeout
        self.conn.send((task_id, *message))

    def finish(self):
        task, self.task, self.deadline = self.task, None, None
        self.files_done += 1
        return task

    def stop(self) -> None:
        """Ask politely, then kill: at the end of a run or when recycling a worker."""
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=2)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()
        self.process.close()
