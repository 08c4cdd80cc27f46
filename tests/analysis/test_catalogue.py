"""The rule catalogue is data: validated on load, explained on demand."""
import pytest

from msa_toolkit.analysis.catalogue import explain, load_catalogue, parse_rules, validate_catalogue
from msa_toolkit.errors import DataFileError
from msa_toolkit.model import CATEGORIES

GOOD = """
description: test rules
rules:
  - code: MSA190
    name: test-rule
    category: clinical_control
    severity: high
    scope: clause
    summary: s
    rationale: r
    citations: ["Cal. Bus. & Prof. Code 2052"]
    examples: {flagged: ["x"], compliant: ["y"]}
    fix: separation.clinical_protocols
    detector: mso_power
    uses: {verbs: [control_verbs.decide], objects: [clinical_objects.protocols]}
"""


def write(tmp_path, text, name="rules.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_catalogue_codes_are_unique_and_categories_known():
    rules = load_catalogue()
    assert len({r.code for r in rules}) == len(rules) and len({r.name for r in rules}) == len(rules)
    assert {r.category for r in rules} == set(CATEGORIES)


@pytest.mark.parametrize("change,problem", [
    (("    fix:", "    colour: red\n    fix:"), "unknown keys"),
    (("category: clinical_control", "category: clinical-control"), "unknown category"),
    (("clinical_objects.protocols", "clinical_objects.no_such_thing"), "unknown lexicon entry"),
    (("control_verbs.decide", "clinical_objects.protocols"), "of kind"),
    (("name: test-rule", "name: Test Rule"), "kebab-case"),
    (("scope: clause", "scope: document"), "scope must be"),
])
def test_loader_rejects_bad_entries_naming_file_and_entry(tmp_path, change, problem):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(DataFileError) as err:
        parse_rules(path)
    assert "rules.yaml" in str(err.value) and "MSA190" in str(err.value) and problem in str(err.value)


def test_duplicate_codes_across_files_are_rejected(tmp_path):
    first, second = write(tmp_path, GOOD, "a.yaml"), write(tmp_path, GOOD.replace("test-rule", "other-rule"), "b.yaml")
    with pytest.raises(DataFileError, match="duplicate code"):
        validate_catalogue([(first, parse_rules(first)), (second, parse_rules(second))])


def test_explain_prints_the_rule_page():
    page = explain("MSA110")
    for section in ("MSA110 percentage-of-revenue-fee", "What it flags", "Why it matters", "PhyMatrix",
                    "Known false positives", "Flagged example", "Compliant example", "fees.fixed_fmv"):
        assert section in page
    assert explain("percentage-of-revenue-fee") == page


def test_explain_unknown_code_is_a_key_error():
    with pytest.raises(KeyError):
        explain("MSA999")


def test_fixes_exist_in_the_clause_library():
    from msa_toolkit.resources import clause_library_dir
    import yaml

    ids = set()
    for path in clause_library_dir().glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        entries = data.get("clauses", data) if isinstance(data, dict) else data
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and "id" in entry:
                ids.add(entry["id"])
    if not ids:
        pytest.skip("the clause library has no clauses yet")
    missing = {r.fix for r in load_catalogue()} - ids
    assert not missing
