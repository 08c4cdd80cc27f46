"""The results JSONL: one line per finished file, flushed and synced as it finishes.

An interrupted run loses nothing it finished; `--resume` reads the journal back and skips files
whose path and content hash are already in it. Only an index of byte offsets is kept in memory,
so resuming a run over thousands of files stays small.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import MsaError
from ..model import AnalysisResult
from .records import result_from_record, result_to_record


class ResultsJournal:
    def __init__(self, path, *, resume: bool, force: bool):
        try:
            self._open(path, resume, force)
        except OSError as err:
            raise MsaError("E200", f"cannot write the results file: {err.strerror}", str(path)) from None

    def _open(self, path, resume: bool, force: bool) -> None:
        self.path = Path(path)
        self.done: dict[tuple[str, str], int] = {}
        if self.path.exists() and self.path.stat().st_size and not resume and not force:
            raise MsaError(
                "E201", "results file exists; use --resume to continue it or --force to start over", str(path)
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if resume and self.path.exists():
            self._index()
            self.handle = open(self.path, "ab")
            if self.path.stat().st_size and not self._ends_with_newline():
                self.handle.write(b"\n")  # the interrupted last line stays unreadable, not glued to the next
        else:
            self.handle = open(self.path, "wb")

    def _index(self) -> None:
        with open(self.path, "rb") as lines:
            offset = 0
            for line in lines:
                try:
                    record = json.loads(line)
                    self.done[(record["path"], record["sha256"])] = offset
                except (ValueError, KeyError, TypeError):
                    pass  # a line cut short by an interruption
                offset += len(line)

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as existing:
            existing.seek(-1, os.SEEK_END)
            return existing.read(1) == b"\n"

    def finished(self, path: str, sha256: str) -> AnalysisResult | None:
        """The result recorded for this path and content, if a previous run finished it."""
        offset = self.done.get((path, sha256))
        if offset is None:
            return None
        with open(self.path, "rb") as lines:
            lines.seek(offset)
            return result_from_record(json.loads(lines.readline()))

    def append(self, result: AnalysisResult, sha256: str | None) -> None:
        line = json.dumps(result_to_record(result, sha256)) + "\n"  # ASCII: odd file names survive
        self.handle.write(line.encode("ascii"))
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def close(self) -> None:
        self.handle.close()
