"""`review()`: many files in, one result per file out, in the order they finish.

The parent only checks, hashes and dispatches files and writes results out; it never parses a
contract, so a hostile file can cost a worker its life but never the batch, and the parent's
memory stays flat however many files go by.
"""
from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from ..digests import sha256 as new_sha256
from ..model import AnalysisResult
from .cache import ResultCache, analysis_fingerprint, cache_key
from .journal import ResultsJournal
from .options import ReviewOptions
from .pool import LocalPool, Task
from .progress import Progress

_CHUNK = 1 << 20
_RESUMED = "resumed"  # origins of results that need no analysis
_CACHED = "cached"


def review(files, options: ReviewOptions | None = None, *, progress: bool = False) -> Iterator[AnalysisResult]:
    """Analyse `files` (see `discover`) and yield one AnalysisResult per file as each finishes.

    Inputs that cannot be analysed come back as error results with a code (E1xx), never as an
    exception: a missing file (E100), a FIFO or device (E101), a file over the size limit (E104),
    a timeout (E140), memory exhaustion (E141), a crash of the analyzer (E190).
    """
    options = options or ReviewOptions()
    files = largest_first(Path(f) for f in files)
    journal = None
    if options.results_path:
        journal = ResultsJournal(options.results_path, resume=options.resume, force=options.force)
    cache = ResultCache(options.cache_path) if options.use_cache and options.cache_path else None
    fingerprint = analysis_fingerprint(options) if cache else ""
    bar = Progress(len(files), enabled=progress)
    outcomes = _backend(options, len(files)).run(_triage(files, options, journal, cache, fingerprint))
    try:
        for origin, result in outcomes:
            if isinstance(origin, Task):
                result = _labelled(result, str(origin.path), origin.sha256)
                if cache:
                    cache.put(cache_key(origin.sha256, fingerprint), result, origin.sha256)
            if journal and origin is not _RESUMED:
                journal.append(result, result.meta.get("sha256"))
            bar.advance()
            yield result
    finally:
        outcomes.close()
        bar.close()
        if journal:
            journal.close()
        if cache:
            cache.close()


def largest_first(files) -> list[Path]:
    """Biggest files first, so that the run does not end with one worker on a long contract while
    the others sit idle. Files that cannot be examined keep their place at the end; preflight
    reports them."""

    def size(path: Path) -> int:
        try:
            return os.stat(path).st_size
        except OSError:
            return -1

    return sorted(files, key=size, reverse=True)


def _backend(options: ReviewOptions, file_count: int):
    if options.dask_address:
        from .dask_backend import DaskPool

        return DaskPool(options)
    return LocalPool(options, expected_files=file_count)


def _triage(files, options, journal, cache, fingerprint):
    """Yield a finished (origin, result) where no analysis is needed, else a Task for the pool."""
    for path in files:
        name = str(path)
        sha256, error = preflight(path, options.limits.max_file_bytes)
        if error is not None:
            yield None, error
            continue
        done = journal.finished(name, sha256) if journal and options.resume else None
        if done is not None:
            yield _RESUMED, done
            continue
        cached = cache.get(cache_key(sha256, fingerprint)) if cache else None
        if cached is not None:
            yield _CACHED, _labelled(cached, name, sha256)
            continue
        yield Task(path, sha256)


def preflight(path: Path, max_file_bytes: int) -> tuple[str | None, AnalysisResult | None]:
    """Check that `path` is a readable regular file within the size limit and hash its content.

    Opened non-blocking, so a FIFO is reported (E101) instead of waiting forever for a writer.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None, AnalysisResult.from_error(name, "E100", "file not found")
    except OSError as err:
        return None, AnalysisResult.from_error(name, "E107", f"cannot open the file: {err.strerror}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, AnalysisResult.from_error(name, "E101", "not a regular file (folder, FIFO, device or socket)")
        if info.st_size > max_file_bytes:
            return None, AnalysisResult.from_error(
                name, "E104", f"file is {info.st_size:,} bytes; the limit is {max_file_bytes:,} bytes"
            )
        digest = new_sha256(expected_bytes=info.st_size)
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
        return digest.hexdigest(), None
    except OSError as err:
        return None, AnalysisResult.from_error(name, "E107", f"cannot read the file: {err.strerror}")
    finally:
        os.close(fd)


def _labelled(result: AnalysisResult, path: str, sha256: str) -> AnalysisResult:
    """The result under the path it was asked for, with the content hash in `meta`."""
    document = result.document
    if document is not None and document.path != path:
        document = replace(document, path=path)
    return replace(result, path=path, document=document, meta={**result.meta, "sha256": sha256})
