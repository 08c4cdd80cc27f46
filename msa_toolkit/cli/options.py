"""Options shared by the msa-toolkit commands, declared once so every command spells them the same.

Only click and the standard library are imported here: `--help` and `--version` must stay fast.
"""
from __future__ import annotations

import re
import sys

import click

from ..errors import ERROR_CODES

SEVERITY_THRESHOLDS = ("high", "medium", "low", "none")
_STATE = re.compile(r"^(?:[A-Za-z]{2}|auto|generic)$")


class ToolError(click.ClickException):
    """A coded, one-line error about the run itself (exit code 2): `msa-check: E201 output-exists: ...`."""

    exit_code = 2

    def __init__(self, code: str, message: str, path: str | None = None):
        self.code = code
        self.path = path
        super().__init__(message)

    def format_message(self) -> str:
        return error_line(self.code, self.message, self.path)

    def show(self, file=None) -> None:
        click.echo(f"msa-check: {self.format_message()}", file=file or sys.stderr)


def error_line(code: str, message: str, path: str | None = None) -> str:
    """`path: E110 pdf-encrypted: message`, the shape of every error the tools print."""
    where = f"{path}: " if path else ""
    return f"{where}{code} {ERROR_CODES.get(code, 'error')}: {message}"


def _state_value(_ctx, _param, value):
    if value is None:
        return None
    if not _STATE.match(value):
        raise click.BadParameter("use a two-letter state code (FL, NY, CA...), 'auto' or 'generic'")
    return value.lower() if value.lower() in ("auto", "generic") else value.upper()


def format_option(formats, *, help_text: str):
    return click.option("--format", "-f", "fmt", type=click.Choice(formats, case_sensitive=False),
                        default=None, help=help_text)


def output_option(help_text: str = "Write the report to this file (atomically; refuses to overwrite without --force)."):
    return click.option("--output", "-o", "output", type=click.Path(dir_okay=False, writable=True),
                        default=None, help=help_text)


force_option = click.option("--force", is_flag=True, help="Overwrite existing output files.")

state_option = click.option(
    "--state", callback=_state_value, default=None, metavar="XX|auto",
    help="State profile (FL, NY, CA, OR, TX, IL, NC, ...); 'auto' takes the governing-law state of each "
         "contract. Default: a conservative generic profile.")

fail_on_option = click.option(
    "--fail-on", type=click.Choice(SEVERITY_THRESHOLDS, case_sensitive=False), default="high",
    show_default=True, help="Exit 1 when any finding has this severity or higher ('none': never).")

debug_option = click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")


def batch_options(func):
    """Folder review: which files, how many workers, cache and resume, Dask."""
    decorators = [
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: all cores); a single long file shares its clauses among them."),
        click.option("--include", multiple=True, metavar="GLOB",
                     help="Only review files matching this glob (repeatable), e.g. '*.pdf'."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="Skip files and folders matching this glob (repeatable), e.g. 'drafts/*'."),
        click.option("--resume", is_flag=True,
                     help="Continue an interrupted run: skip files already finished in OUTPUT_DIR/results.jsonl "
                          "and rewrite the reports there (needs --output-dir)."),
        click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None,
                     help="Result cache file (SQLite). Default: the user cache folder."),
        click.option("--no-cache", is_flag=True, help="Analyse every file again; do not read or write the cache."),
        click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
                     help="Send the work to an existing Dask cluster, e.g. tcp://10.0.0.5:8786."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def limit_options(func):
    """Reading: the password for encrypted PDFs and the per-file limits."""
    decorators = [
        click.option("--password", envvar="MSA_CHECK_PASSWORD", default=None,
                     help="Password for encrypted PDFs (or set MSA_CHECK_PASSWORD, which keeps it out of ps)."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
                     help="Time limit per file (default 120)."),
        click.option("--max-memory", type=click.IntRange(min=64), default=None, metavar="MB",
                     help="Memory limit per file in MB (default 1536)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func
