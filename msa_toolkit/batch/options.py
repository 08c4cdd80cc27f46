"""How a batch review runs: one frozen value the CLI builds from its flags."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits

DEFAULT_ANALYZE_FN = "msa_toolkit.analysis:analyze"
# a run of one file: the package's own `analyze`, which starts reading the file before it imports the analyzer
SINGLE_FILE_ANALYZE_FN = "msa_toolkit:analyze"


def default_cache_path() -> Path:
    """`$XDG_CACHE_HOME/msa-toolkit/cache.sqlite` (`~/.cache/...` when the variable is unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "msa-toolkit" / "cache.sqlite"


@dataclass(frozen=True)
class ReviewOptions:
    """Options of `review()`.

    `workers` local processes each analyse one file at a time under `limits.timeout_seconds` and
    `limits.memory_bytes`. `results_path` receives one JSON line per finished file, as it finishes;
    with `resume`, files already in it (same path, same content hash) are not analysed again.
    `dask_address` sends the work to an existing Dask cluster instead of local processes.

    `analyze_fn` is a "module:function" path of the per-file analysis. It exists so that tests can
    stand in a function that hangs or explodes; leave it alone otherwise.
    """

    state: str | None = None
    limits: Limits = DEFAULT_LIMITS
    password: str | None = None
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache_path: Path | None = field(default_factory=default_cache_path)
    use_cache: bool = True
    resume: bool = False
    results_path: Path | None = None
    force: bool = False
    dask_address: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    analyze_fn: str = DEFAULT_ANALYZE_FN
    max_files_per_worker: int = 500
