"""SARIF 2.1.0 for CI gates: rules, levels, locations that point at the evidence."""
from __future__ import annotations

import json

import pytest

from msa_toolkit.report import render


def _run(*results):
    log = json.loads(render(list(results), "sarif"))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert len(log["runs"]) == 1
    return log["runs"][0]


def test_driver_lists_the_rules_with_their_category(noncompliant):
    run = _run(noncompliant)
    driver = run["tool"]["driver"]
    assert driver["name"] == "msa-check"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert {"MSA101", "MSA110", "MSA130", "MSA199", "MSA202"} <= set(rules)
    assert rules["MSA101"]["name"] == "percentage-of-collections-fee"
    assert rules["MSA101"]["properties"]["category"] == "revenue_based_fee"
    assert rules["MSA101"]["shortDescription"]["text"] == "The MSO's fee is a share of the practice's collections."
    full = rules["MSA101"]["fullDescription"]["text"]
    assert full == "Sharing professional fees with a lay manager is fee-splitting."


def test_driver_lists_every_rule_of_the_real_catalogue(monkeypatch, clean):
    from msa_toolkit.report import view

    monkeypatch.undo()
    catalogue = view.catalogue_rules()
    if not catalogue:
        pytest.fail("the rule catalogue could not be loaded")
    rules = _run(clean)["tool"]["driver"]["rules"]
    assert [(r["id"], r["properties"]["category"]) for r in rules] == [(c.code, c.category) for c in catalogue]


def test_results_map_severity_to_level_and_cite_the_rule(noncompliant):
    run = _run(noncompliant)
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"MSA101": "error", "MSA110": "error", "MSA130": "warning", "MSA199": "note",
                      "MSA202": "warning"}
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
    fee = next(r for r in run["results"] if r["ruleId"] == "MSA101")
    assert "PhyMatrix" in fee["message"]["text"]


def test_region_points_at_the_evidence_in_the_extracted_text(noncompliant):
    run = _run(noncompliant)
    fee = next(r for r in run["results"] if r["ruleId"] == "MSA101")
    location = fee["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "contracts/glow_msa.pdf"
    region = location["region"]
    text = noncompliant.document.text
    start = region["charOffset"]
    assert text[start:start + region["charLength"]] == "twelve percent (12%) of Net Collections"
    assert region["startLine"] == text.count("\n", 0, start) + 1
    assert fee["locations"][0]["logicalLocations"][0]["name"] == "Section 5.1 Management Fee"


def test_unreadable_files_become_tool_notifications(noncompliant, unreadable):
    run = _run(noncompliant, unreadable)
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["E110"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert len(run["artifacts"]) == 2


def test_disclaimer_travels_with_the_run(clean):
    run = _run(clean)
    assert "not legal advice" in run["properties"]["disclaimer"]
    assert run["results"] == []
