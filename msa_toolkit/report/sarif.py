"""SARIF 2.1.0, so a repository of contracts can gate merges on msa-check in CI.

Regions point into the text msa-check extracted (lines and character offsets of
`Document.text`); for a plain-text contract that is the file itself.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from .. import DISCLAIMER, __version__
from ..model import AnalysisResult, Finding
from .view import catalogue_rules, clause_label, clause_of, ordered_findings, rule_rationale

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}


def render_sarif(results) -> str:
    results = list(results)
    rules = _rules(results)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    artifacts, sarif_results, notifications = [], [], []
    for result in results:
        artifact_index = len(artifacts)
        artifacts.append({"location": _artifact_location(result.path)})
        if result.status != "ok":
            notifications.append(_notification(result, artifact_index))
            continue
        for finding in ordered_findings(result):
            sarif_results.append(_result(result, finding, index[finding.rule], artifact_index))
    run = {
        "tool": {"driver": {
            "name": "msa-check",
            "semanticVersion": __version__,
            "version": __version__,
            "informationUri": "https://pypi.org/project/msa-toolkit/",
            "rules": rules,
        }},
        "artifacts": artifacts,
        "results": sarif_results,
        "invocations": [{
            "executionSuccessful": not notifications,
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "properties": {"disclaimer": DISCLAIMER},
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def _rules(results) -> list[dict]:
    """Every rule of the catalogue (stable indexes across runs), plus any code only seen in findings."""
    rules: dict[str, dict] = {}
    for rule in _catalogue():
        rules[rule["id"]] = rule
    for result in results:
        for finding in result.findings:
            if finding.rule not in rules:
                rules[finding.rule] = _rule_descriptor(finding.rule, finding.name, finding.category,
                                                       finding.severity, finding.message, None)
    return list(rules.values())


def _catalogue() -> list[dict]:
    return [
        _rule_descriptor(rule.code, rule.name, rule.category, rule.severity, rule.summary or rule.name,
                         rule_rationale(rule.code))
        for rule in catalogue_rules()
    ]


def _rule_descriptor(code, name, category, severity, summary, rationale) -> dict:
    descriptor = {
        "id": code,
        "name": name,
        "shortDescription": {"text": " ".join(str(summary).split())},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"category": category, "severity": severity, "tags": [category]},
    }
    if rationale:
        descriptor["fullDescription"] = {"text": rationale}
    return descriptor


def _artifact_location(path: str) -> dict:
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": "file://" + quote(pure.as_posix())}
    return {"uri": quote(pure.as_posix()), "uriBaseId": "%SRCROOT%"}


def _result(result: AnalysisResult, finding: Finding, rule_index: int, artifact_index: int) -> dict:
    message = finding.message
    if finding.citation:
        message += f" Citation: {finding.citation}."
    if finding.suggestion:
        message += f" Suggested clause: {finding.suggestion}."
    location = {"artifactLocation": {**_artifact_location(result.path), "index": artifact_index},
                "region": _region(result, finding)}
    sarif_result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message},
        "locations": [{"physicalLocation": location}],
        "properties": {
            "category": finding.category, "severity": finding.severity, "clauseId": finding.clause_id,
            "suggestion": finding.suggestion, "citation": finding.citation,
        },
    }
    clause = clause_of(result, finding)
    if clause is not None:
        sarif_result["locations"][0]["logicalLocations"] = [
            {"name": clause_label(clause, result.document), "fullyQualifiedName": clause.id, "kind": "section"}]
    return sarif_result


def _region(result: AnalysisResult, finding: Finding) -> dict:
    """Lines and offsets of the evidence in the extracted text; the clause start when offsets are unknown."""
    text = result.document.text if result.document else ""
    clause = clause_of(result, finding)
    start, end = finding.start, finding.end
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        start, end = (clause.start, clause.end) if clause is not None else (0, 0)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    region = {"startLine": line, "startColumn": column, "charOffset": start, "charLength": end - start}
    if finding.evidence:
        region["snippet"] = {"text": finding.evidence}
    return region


def _notification(result: AnalysisResult, artifact_index: int) -> dict:
    code = result.error.code if result.error else "E190"
    message = result.error.message if result.error else "unknown error"
    return {
        "level": "error",
        "message": {"text": f"{result.path}: {code} {message}"},
        "descriptor": {"id": code},
        "locations": [{"physicalLocation": {
            "artifactLocation": {**_artifact_location(result.path), "index": artifact_index}}}],
    }
