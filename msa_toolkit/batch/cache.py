"""The result cache: re-running on a data room only analyses what changed.

SQLite in WAL mode, written only by the parent process of a run (readers never block it, and two
runs sharing a cache wait for each other instead of failing). The key covers everything the
result depends on: the file's content, the toolkit version and code, the lane model and the rule data
(by content hash), the state, the password and the limits that change what comes out.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from functools import cache
from pathlib import Path

from ..digests import sha256 as new_sha256
from .. import __version__
from ..errors import MsaError
from ..model import AnalysisResult
from .records import result_from_record, result_to_record

# Errors that depend on the machine or its load, not on the file: never cached.
_UNCACHED_CODES = {"E140", "E141", "E190"}
_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, record TEXT NOT NULL, created REAL NOT NULL)"


class ResultCache:
    def __init__(self, path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise MsaError(
                "E200", f"cannot use the result cache ({err}); choose another file with --cache or use --no-cache",
                str(self.path),
            ) from None

    def get(self, key: str) -> AnalysisResult | None:
        row = self.db.execute("SELECT record FROM results WHERE key = ?", (key,)).fetchone()
        return result_from_record(json.loads(row[0])) if row else None

    def put(self, key: str, result: AnalysisResult, sha256: str) -> None:
        if result.error and result.error.code in _UNCACHED_CODES:
            return
        record = json.dumps(result_to_record(result, sha256))
        self.db.execute(
            "INSERT OR REPLACE INTO results (key, record, created) VALUES (?, ?, julianday('now'))", (key, record)
        )

    def close(self) -> None:
        self.db.close()


def cache_key(sha256: str, fingerprint: str) -> str:
    """Keyed by content, not path: a moved or renamed file is still a hit (the runner re-labels it)."""
    return new_sha256(f"{sha256}\0{fingerprint}".encode()).hexdigest()


def analysis_fingerprint(options) -> str:
    """Hash of everything besides the file that determines its result."""
    limits = asdict(options.limits)
    limits.pop("timeout_seconds")  # timeouts and memory deaths are never cached
    limits.pop("memory_bytes")
    parts = {
        "toolkit": __version__,
        "analyze_fn": options.analyze_fn,
        "model": _model_hash(),
        "data": _data_hash(),
        "code": _code_hash(),  # a development checkout changes its code without changing its version
        "state": options.state,
        "password": new_sha256(options.password.encode()).hexdigest() if options.password else None,
        "limits": limits,
    }
    return new_sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


@cache
def _model_hash() -> str:
    from .. import resources

    try:
        return _tree_hash(resources.models_dir())
    except FileNotFoundError:
        return "no-model"


@cache
def _data_hash() -> str:
    from .. import resources

    digest = new_sha256(_tree_hash(resources.data_dir()).encode())
    try:
        digest.update(_tree_hash(resources.clause_library_dir()).encode())
    except FileNotFoundError:
        pass
    return digest.hexdigest()


@cache
def _code_hash() -> str:
    """Signature of the package's Python sources: name, size and modification time of each (its data files
    are hashed by content, above). Stat calls only: a cached run over a data room must stay fast."""
    package = Path(__file__).resolve().parent.parent
    digest = new_sha256()
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(package).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _tree_hash(root: Path) -> str:
    digest = new_sha256()
    if not root.is_dir():
        return "absent"
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(new_sha256(path.read_bytes()).digest())
    return digest.hexdigest()
