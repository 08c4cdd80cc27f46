"""`msa-check`: review MSAs from the command line. Parses options, calls the library, maps errors
to exit codes. The analysis itself runs in worker processes (msa_toolkit.batch), so a hostile file
costs its time limit, never the run; heavy libraries are imported only there and in renderers.
"""
from __future__ import annotations

import os
import sys

import click

from .. import __version__
from ..errors import MsaError
from ..report import BINARY_FORMATS, FILE_SUFFIXES, FORMATS, render
from .options import ToolError, batch_options, debug_option, error_line, fail_on_option, force_option
from .options import format_option, limit_options, output_option, state_option

RESULTS_FILE = "results.jsonl"

EPILOG = """\b
Exit codes:
  0  every file was read and no finding reaches --fail-on
  1  some finding reaches --fail-on (high by default), even if other files could not be read
  2  usage or output error, or a file could not be read and no finding reaches --fail-on
  130 interrupted (finished files are kept in OUTPUT_DIR/results.jsonl; rerun with --resume)

\b
Folders are searched recursively for .pdf, .docx, .txt and .md files (hidden files skipped).
With --output-dir, each contract gets its own report (HTML unless --format says otherwise) and the
folder gets summary.csv, summary.xlsx and index.html. Without -o or --output-dir the report goes
to stdout; docx and xlsx need -o, --output-dir or a pipe.

\b
Examples:
  msa-check contract.pdf
  msa-check contract.docx --format docx -o contract-reviewed.docx
  msa-check data-room/ --output-dir review/ --state FL --workers 2
  msa-check contracts/ --format sarif -o msa.sarif --fail-on medium
  msa-check --explain MSA101
"""


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("paths", nargs=-1, metavar="PATH...")
@format_option(FORMATS, help_text="Report format: text (default on stdout), json, jsonl, html (default with "
               "--output-dir), docx (annotated copy of a DOCX contract), csv, xlsx, sarif.")
@output_option()
@click.option("--output-dir", type=click.Path(file_okay=False), default=None,
              help="Write one report per contract plus summary.csv, summary.xlsx and index.html here.")
@force_option
@state_option
@fail_on_option
@batch_options
@limit_options
@click.option("--explain", metavar="CODE", default=None, help="Print the documentation of a rule (e.g. MSA101).")
@click.version_option(__version__, "--version", prog_name="msa-check", message="%(prog)s %(version)s")
@debug_option
def main(paths, fmt, output, output_dir, force, state, fail_on, workers, include, exclude, resume, cache_path,
         no_cache, dask_address, password, timeout, max_memory, explain, debug):
    """Review management services agreements (MSAs) between a management company and a medical
    practice: where the business side reaches into clinical decisions, fees measured by revenue,
    medical directors answering to the MSO, patient records held by the MSO.

    PATH is a contract (PDF, DOCX, text) or a folder of them. Not legal advice.
    """
    try:
        if explain:
            click.echo(_explain(explain))
            return
        if not paths:
            raise click.UsageError("give at least one contract file or folder (or --explain CODE)")
        request = _Request(paths, fmt, output, output_dir, force, fail_on, resume)
        options = _review_options(request, state, workers, include, exclude, cache_path, no_cache,
                                  dask_address, password, timeout, max_memory)
        code = _run(request, options)
    except (click.ClickException, click.exceptions.Exit):
        raise
    except KeyboardInterrupt:
        click.echo("msa-check: interrupted; finished files are kept in results.jsonl (rerun with --resume)",
                   err=True)
        sys.exit(130)
    except MsaError as err:
        raise ToolError(err.code, err.message, err.path) from None
    except Exception as err:
        if debug:
            raise
        raise ToolError("E190", f"{type(err).__name__}: {err} (run with --debug for the traceback)") from None
    sys.exit(code)


class _Request:
    """What the user asked for, with the format resolved and the combinations checked."""

    def __init__(self, paths, fmt, output, output_dir, force, fail_on, resume):
        self.paths = paths
        self.output = output
        self.output_dir = output_dir
        self.force = force
        self.resume = resume
        self.fail_on = fail_on.lower()
        self.fmt = (fmt or _format_for(output, output_dir)).lower()
        self.to_stdout = output is None and output_dir is None
        if resume and not output_dir:
            raise click.UsageError("--resume needs --output-dir (it continues OUTPUT_DIR/results.jsonl)")
        if self.to_stdout and self.fmt in BINARY_FORMATS and sys.stdout.isatty():
            raise click.UsageError(f"--format {self.fmt} is a binary file: use -o PATH, --output-dir DIR or a pipe")


def _format_for(output, output_dir) -> str:
    """Default format: from the -o suffix (report.html -> html), html for a folder of reports, else text."""
    if output:
        suffix = os.path.splitext(output)[1].lower()
        for fmt, known in FILE_SUFFIXES.items():
            if suffix == known:
                return fmt
        return "text"
    return "html" if output_dir else "text"


def _explain(code: str) -> str:
    try:
        from ..analysis.catalogue import explain
    except ImportError:
        raise ToolError("E190", "the rule catalogue is not installed") from None
    try:
        return explain(code.strip())
    except KeyError:
        raise ToolError("E200", f"unknown rule {code!r}; rule codes look like MSA101") from None


def _review_options(request, state, workers, include, exclude, cache_path, no_cache, dask_address, password,
                    timeout, max_memory):
    import dataclasses

    from ..batch import ReviewOptions, default_cache_path
    from ..limits import DEFAULT_LIMITS

    _check_state(state)
    limits = DEFAULT_LIMITS
    if timeout is not None:
        limits = dataclasses.replace(limits, timeout_seconds=timeout)
    if max_memory is not None:
        limits = dataclasses.replace(limits, memory_bytes=max_memory * 1024 * 1024)
    results_path = os.path.join(request.output_dir, RESULTS_FILE) if request.output_dir else None
    return ReviewOptions(
        state=state, limits=limits, password=password, workers=workers or os.cpu_count() or 1,
        cache_path=cache_path or default_cache_path(), use_cache=not no_cache, resume=request.resume,
        results_path=results_path, force=request.force,
        dask_address=dask_address, include=tuple(include), exclude=tuple(exclude),
    )


def _check_state(state: str | None) -> None:
    """Fail before any work when the state has no profile, instead of once per file."""
    if state in (None, "auto", "generic"):
        return
    from ..analysis.states import load_profile

    load_profile(state)


def _run(request: _Request, options) -> int:

    from ..batch import review, scan

    files, _skipped = scan(request.paths, options.include, options.exclude)
    if not files:
        raise ToolError("E200", "no PDF, DOCX or text files found in " + ", ".join(request.paths))
    order = {str(path): index for index, path in enumerate(files)}
    written: dict[str, str] = {}
    results = []
    for result in review(files, options, progress=sys.stderr.isatty()):
        if result.status != "ok":
            click.echo(f"msa-check: {_error_of(result)}", err=True)
        if request.output_dir:
            written[result.path] = _write_contract_report(request, result)
            if not request.output:
                result = _slim(result)
        results.append(result)
    results.sort(key=lambda r: order.get(r.path, len(order)))
    if request.output_dir:
        _write_folder_summary(request, results, written)
    if request.output:
        _write(request.output, render(results, request.fmt), request.force)
    elif request.to_stdout:
        _echo(request, results)
    return _exit_code(results, request.fail_on)


def _error_of(result) -> str:
    code = result.error.code if result.error else "E190"
    message = result.error.message if result.error else "unknown error"
    return error_line(code, message, result.path)


def _echo(request: _Request, results) -> None:
    if request.fmt == "text":
        results = [r for r in results if r.status == "ok"]  # errors already went to stderr, one line each
        if not results:
            return
    color = request.fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    data = render(results, request.fmt, color=color)
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        click.echo(data, nl=False, color=color)


def _write(path, data, force: bool) -> None:
    from ..output import atomic_write

    atomic_write(path, data, force=force)


def _write_contract_report(request: _Request, result) -> str:
    """The report of one contract in the output folder; returns its file name (for the index)."""
    from ..output import atomic_write, confined_path, safe_output_name

    name = safe_output_name(result.path, _report_suffix(result.path, request.fmt))
    atomic_write(confined_path(request.output_dir, name), render([result], request.fmt),
                 force=request.force or request.resume)
    return name


def _report_suffix(input_path: str, fmt: str) -> str:
    """"x.pdf" -> "x-<hash>.pdf.html": the name says which contract a report is about."""
    report = FILE_SUFFIXES[fmt]
    original = os.path.splitext(input_path)[1].lower()
    if not original or original == report:
        return f".reviewed{report}"
    return f"{original}{report}"


def _write_folder_summary(request: _Request, results, written: dict[str, str]) -> None:
    from ..report.summary import write_summary

    paths = write_summary(results, request.output_dir, force=request.force or request.resume, report_links=written)
    click.echo(f"Wrote {len(written)} reports and {', '.join(os.path.basename(p) for p in paths)} "
               f"to {request.output_dir}", err=True)


def _slim(result):
    """Keep what a folder summary needs and drop the contract text, so memory stays flat."""
    import dataclasses

    document = result.document
    if document is None:
        return result
    flagged = {f.clause_id for f in result.findings}
    clauses = tuple(dataclasses.replace(c, text=c.text[:200]) for c in document.clauses if c.id in flagged)
    return dataclasses.replace(result, document=dataclasses.replace(document, text="", clauses=clauses, defined_terms=()))


def _exit_code(results, fail_on: str) -> int:
    from ..report.view import at_or_above

    if any(at_or_above(result, fail_on) for result in results):
        return 1
    if any(result.status != "ok" for result in results):
        return 2
    return 0


if __name__ == "__main__":
    main()
