"""Imported once by the forkserver: the analyzer, warmed up, so that every worker starts warm.

Workers are forked from the forkserver, so what it loads here (spaCy, the lane model, the rule
catalogue, the lexicons and their compiled patterns, the readers) each worker inherits
copy-on-write instead of spending a second or two loading it again. Nothing here reads user
input: the warm-up (analysis/warm.py) analyses a short made-up agreement and every rule's own examples. Whatever
goes wrong is swallowed, since an exception here would kill the forkserver; a worker then simply loads what it needs.
Importing this module runs the warm-up: only the forkserver should (see pool.preload_modules).
"""
from __future__ import annotations

import contextlib
import gc
import io
import os
import warnings

ANALYZER = "msa_toolkit.analysis"
# Set before numpy or any BLAS is imported: a thread pool created here would not survive a fork.
ONE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def warm_up() -> None:
    """Load the analyzer and run it on all of its warm-up texts; never raise, never print.

    Then `gc.freeze()`: what was loaded stays out of the workers' garbage collections, which would
    otherwise walk (and, by touching reference counts, copy) the inherited objects again and again.
    """
    for name in ONE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    sink = io.StringIO()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            warnings.simplefilter("ignore")
            _warm_analyzer()
            _warm_readers()
    except BaseException:  # noqa: BLE001 - see the module docstring
        pass
    gc.collect()
    gc.freeze()


def _warm_analyzer() -> None:
    import importlib

    analysis = importlib.import_module(ANALYZER)
    own_warm_up = getattr(analysis, "warm_up", None)
    if callable(own_warm_up):
        own_warm_up()
    from msa_toolkit.analysis.lanes import load_lane_model

    load_lane_model()
    # each detector runs its paths once here, so that the lazily built patterns and tables are the
    # forkserver's, shared by every worker, not rebuilt by each
    from msa_toolkit.analysis.warm import warm_up as run_warm_up_texts

    run_warm_up_texts()


def _warm_readers() -> None:
    import msa_toolkit.ingest.docx  # noqa: F401 - python-docx and its XML guards
    import msa_toolkit.ingest.pdf  # noqa: F401
    import msa_toolkit.ingest.pdf_fast  # noqa: F401 - pypdfium2
    import msa_toolkit.ingest.text  # noqa: F401
    import msa_toolkit.reading  # noqa: F401


if __name__ != "__main__":
    warm_up()
