"""`msa-draft` as a user types it: drafting, refusing to overwrite, the example deal sheet, the
questionnaire, browsing the library, and one-line errors with exit code 2."""
from __future__ import annotations

import yaml
from click.testing import CliRunner

from msa_toolkit.cli.draft import main

from draft_helpers import SAMPLES


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_help_ends_with_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.rstrip().splitlines()[-1].strip().startswith("msa-draft --validate-library")
    assert "msa-draft samples/deals/florida_fixed_fee.yaml -o draft.docx" in result.output


def test_draft_then_refuse_to_overwrite_then_force(tmp_path):
    out = tmp_path / "draft.docx"
    assert run(SAMPLES / "florida_fixed_fee.yaml", "-o", out).exit_code == 0
    again = run(SAMPLES / "florida_fixed_fee.yaml", "-o", out)
    assert again.exit_code == 2 and "E201" in again.output and "Traceback" not in again.output
    assert run(SAMPLES / "florida_fixed_fee.yaml", "-o", out, "--force").exit_code == 0


def test_invalid_deal_is_one_line_with_every_problem(tmp_path):
    deal = tmp_path / "bad.yaml"
    deal.write_text("governing_state: ZZ\nfee: {structure: barter}\n")
    result = run(deal, "-o", tmp_path / "x.docx")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "E210" in result.output and "governing_state:" in result.output and "fee.structure:" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_missing_arguments_is_a_usage_error():
    result = run()
    assert result.exit_code == 2 and "Usage" in result.output


def test_init_writes_a_commented_deal_sheet_that_drafts(tmp_path):
    deal = tmp_path / "deal.yaml"
    assert run("--init", deal).exit_code == 0
    text = deal.read_text()
    assert text.count("\n#") + text.count("  #") > 20
    assert yaml.safe_load(text)["fee"]["structure"] == "fixed"
    assert run(deal, "-o", tmp_path / "deal.docx").exit_code == 0
    assert run("--init", deal).exit_code == 2  # never overwrites silently


def test_interactive_asks_only_missing_or_invalid_answers_and_saves(tmp_path):
    raw = yaml.safe_load((SAMPLES / "florida_fixed_fee.yaml").read_text())
    del raw["practice"]["legal_name"]
    raw["fee"] = {"structure": "hourly", "hourly_rate": "cheap"}
    deal = tmp_path / "deal.yaml"
    deal.write_text(yaml.safe_dump(raw))
    answers = "Bayside Medical, P.A.\n150\n12000\n"
    result = run("--interactive", deal, "-o", tmp_path / "out.docx", input=answers)
    assert result.exit_code == 0, result.output
    assert "Practice legal name" in result.output and "fee.hourly_rate: must be a number" in result.output
    saved = yaml.safe_load(deal.read_text())
    assert saved["practice"]["legal_name"] == "Bayside Medical, P.A."
    assert saved["fee"]["hourly_rate"] == 150 and saved["fee"]["monthly_cap"] == 12000
    assert (tmp_path / "out.docx").exists()


def test_interactive_offers_the_allowed_choices_and_retries(tmp_path):
    raw = yaml.safe_load((SAMPLES / "texas_cost_plus.yaml").read_text())
    del raw["fee"]
    deal = tmp_path / "deal.yaml"
    deal.write_text(yaml.safe_dump(raw))
    result = run("--interactive", deal, input="monthly\nfixed\n9000\n")
    assert result.exit_code == 0, result.output
    assert "fixed, cost_plus, hourly, percentage_of_revenue" in result.output
    assert yaml.safe_load(deal.read_text())["fee"]["monthly_amount"] == 9000


def test_list_show_and_validate_library():
    listing = run("--list")
    assert listing.exit_code == 0 and "fees.fixed_fmv" in listing.output
    shown = run("--show", "separation.medical_director")
    assert shown.exit_code == 0 and "Drafting note:" in shown.output and "medical_director_name" in shown.output
    missing = run("--show", "fees.nope")
    assert missing.exit_code == 2 and "E200" in missing.output
    checked = run("--validate-library")
    assert checked.exit_code == 0 and "clause library OK" in checked.output


def test_validate_library_lists_every_problem(library_copy):
    path = library_copy / "general.yaml"
    path.write_text(path.read_text().replace("id: general.force_majeure", "id: general.assignment")
                    .replace("version: 1\n    title: Counterparts", "version: 1\n    colour: red\n    title: Counterparts"))
    result = run("--validate-library", "--library", library_copy)
    assert result.exit_code == 2
    assert "duplicate id" in result.output and "unknown key 'colour'" in result.output
    assert "2 problem(s)" in result.output
