"""`msa-draft`: draft a Word MSA from a deal sheet, and browse or check the clause library.

The command only parses options and calls `msa_toolkit.drafting`; every expected failure is an
MsaError printed as one line on stderr with exit code 2.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import MsaError

EPILOG = """\b
Examples:
  msa-draft samples/deals/florida_fixed_fee.yaml -o draft.docx
  msa-draft deal.yaml -o draft.docx --notes --force
  msa-draft --init my_deal.yaml
  msa-draft --interactive my_deal.yaml -o draft.docx
  msa-draft --list
  msa-draft --show fees.fixed_fmv
  msa-draft --validate-library
"""


def _fail(error: MsaError) -> None:
    click.echo(f"msa-draft: {error}", err=True)
    sys.exit(2)


def _list(library) -> None:
    for topic, ids in library.topics.items():
        click.echo(f"{topic}: {library.topic_titles[topic]}")
        for cid in ids:
            clause = library.clauses[cid]
            click.echo(f"  {cid:<44} v{clause.version}  {clause.lane:<8}  {clause.title}")


def _show(library, clause_id: str) -> None:
    clause = library.clauses.get(clause_id)
    if clause is None:
        raise MsaError("E200", f"no clause {clause_id!r} in the library; run msa-draft --list")
    click.echo(f"{clause.id} (version {clause.version}) - {clause.title}")
    click.echo(f"topic: {clause.topic}   lane: {clause.lane}   file: {clause.file}")
    if clause.term:
        click.echo(f"defines: {clause.term}")
    for label, value in (("included when", clause.when), ("variables", clause.variables)):
        if value:
            click.echo(f"{label}: " + ", ".join(f"{k}={v}" for k, v in value.items()))
    if clause.alternate_group:
        click.echo(f"alternate group: {clause.alternate_group}")
    if clause.states_only:
        click.echo(f"only in: {', '.join(clause.states_only)}")
    if clause.states_excluded:
        click.echo(f"never in: {', '.join(clause.states_excluded)}")
    click.echo("")
    click.echo(clause.text)
    for item in clause.items:
        click.echo(f"  - {item}")
    click.echo("")
    click.echo(f"Drafting note: {clause.note}")


def _validate_library(library_dir) -> None:
    from ..drafting.library import collect_problems

    library, problems = collect_problems(library_dir)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"msa-draft: {len(problems)} problem(s) in the clause library", err=True)
        sys.exit(2)
    click.echo(f"clause library OK: {len(library.clauses)} clauses in {len(library.topics)} topics")


def _ask(field, problem, choices):
    if problem != "is required":
        click.echo(f"  {field.path}: {problem}", err=True)
    if field.kind == "locations":
        name = click.prompt("Location name")
        address = click.prompt("Location address")
        return [{"name": name, "address": address}]
    if field.kind == "bool":
        return click.prompt(field.prompt, type=click.BOOL)
    if field.kind == "services":
        return click.prompt(f"{field.prompt} [{', '.join(choices)}]")
    if choices:
        return click.prompt(field.prompt, type=click.Choice(list(choices)))
    return click.prompt(field.prompt)


def _interactive(library, deal_path: Path | None) -> Path:
    """Complete the deal sheet at `deal_path` (or ./deal.yaml) question by question and save it."""
    from ..drafting.dealsheet import dump_deal, load_deal, read_deal_file
    from ..drafting.questionnaire import complete_deal

    target = deal_path or Path("deal.yaml")
    raw = read_deal_file(target) if target.exists() else {}
    completed = complete_deal(raw, library, _ask)
    target.write_text(dump_deal(load_deal(completed, library)), encoding="utf-8")
    click.echo(f"saved deal sheet {target}", err=True)
    return target


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("deal", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the .docx here.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--notes", is_flag=True, help="Add each clause's drafting note as a Word comment.")
@click.option("--init", "init", is_flag=True, help="Write a commented example deal sheet to DEAL (default deal.yaml).")
@click.option("--interactive", is_flag=True, help="Ask for missing or invalid deal-sheet answers and save them to DEAL.")
@click.option("--list", "list_clauses", is_flag=True, help="List the clause library.")
@click.option("--show", "show_id", metavar="CLAUSE_ID", help="Show one clause with its variables and drafting note.")
@click.option("--validate-library", is_flag=True, help="Check every clause file; exit 2 on any problem.")
@click.option("--library", "library_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Use another clause library folder (default: the bundled one).")
@click.version_option(__version__, prog_name="msa-draft")
def main(deal, output, force, notes, init, interactive, list_clauses, show_id, validate_library, library_dir):
    """Draft a management services agreement (.docx) from a DEAL sheet (YAML).

    Not legal advice: every draft is a starting point for an attorney's review.
    """
    try:
        if validate_library:
            _validate_library(library_dir)
            return
        from ..drafting.library import load_library

        if init:
            from ..drafting.questionnaire import example_deal_sheet

            target = deal or Path("deal.yaml")
            if target.exists() and not force:
                raise MsaError("E201", "file exists; use --force to overwrite it", target)
            target.write_text(example_deal_sheet(load_library(library_dir)), encoding="utf-8")
            click.echo(f"wrote example deal sheet {target}", err=True)
            return
        library = load_library(library_dir)
        if list_clauses:
            _list(library)
            return
        if show_id:
            _show(library, show_id)
            return
        if interactive:
            deal = _interactive(library, deal)
            if output is None:
                return
        if deal is None or output is None:
            raise click.UsageError("give a DEAL sheet and -o OUTPUT.docx (or --init, --list, --show, --validate-library)")
        from ..drafting import draft

        written = draft(deal, output, notes=notes, force=force, library_dir=library_dir)
        click.echo(f"wrote {written}", err=True)
    except MsaError as error:
        _fail(error)


if __name__ == "__main__":
    main()
