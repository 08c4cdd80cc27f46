"""The README is the front door: every command, flag, format and rule it shows must exist."""
import re
from pathlib import Path

from click.testing import CliRunner

from msa_toolkit.cli.check import main as check_main
from msa_toolkit.cli.draft import main as draft_main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _help(command) -> str:
    return CliRunner().invoke(command, ["--help"], terminal_width=200).output


def _flags_shown_for(program: str) -> set[str]:
    flags = set()
    for line in README.splitlines():
        if line.strip().startswith(program + " "):
            flags.update(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])\b", line))
    return flags


def test_quick_start_is_exactly_make_demo_and_make_test():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick.splitlines() if line.startswith("make ")]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_msa_check_flag_in_the_readme_exists():
    help_text = _help(check_main)
    for flag in _flags_shown_for("msa-check"):
        assert flag in help_text, f"README shows msa-check {flag}, which --help does not list"


def test_every_msa_draft_flag_in_the_readme_exists():
    help_text = _help(draft_main)
    for flag in _flags_shown_for("msa-draft"):
        assert flag in help_text, f"README shows msa-draft {flag}, which --help does not list"


def test_every_format_in_the_readme_is_offered():
    help_text = _help(check_main)
    for fmt in ("text", "json", "jsonl", "html", "docx", "csv", "xlsx", "sarif"):
        assert fmt in help_text


def test_rule_codes_and_categories_in_the_readme_exist():
    from msa_toolkit.analysis.catalogue import load_catalogue
    from msa_toolkit.model import CATEGORIES

    codes = {rule.code for rule in load_catalogue()}
    for code in set(re.findall(r"\bMSA\d{3}\b", README)):
        assert code in codes, f"README mentions {code}, which is not in the rule catalogue"
    for category in re.findall(r"`([a-z_]+)`", README.split("### Rules", 1)[1].split("###", 1)[0]):
        if "_" in category:
            assert category in CATEGORIES, category


def test_files_the_readme_points_to_exist():
    for relative in re.findall(r"`((?:samples|clause_library|models|training|benchmarks|msa_toolkit)/[\w./-]+)`", README):
        assert (ROOT / relative).exists(), f"README points to {relative}, which does not exist"
