"""The terminal report and the JSON outputs, on hand-built results."""
from __future__ import annotations

import json

from msa_toolkit import DISCLAIMER
from msa_toolkit.report import FORMATS, render

from report_builders import build_result


def test_every_format_renders_every_kind_of_result(noncompliant, clean, unreadable):
    for fmt in FORMATS:
        out = render([noncompliant, clean, unreadable], fmt)
        assert out, fmt


def test_text_starts_with_the_verdict_and_counts(noncompliant):
    first = render([noncompliant], "text").splitlines()[0]
    assert first == "contracts/glow_msa.pdf: NONCOMPLIANT (2 high, 2 medium, 1 low)"


def test_text_shows_each_finding_where_it_sits(noncompliant):
    text = render([noncompliant], "text")
    block = text[text.index("[HIGH] MSA101"):]
    block = block[:block.index("\n\n")]
    assert "percentage-of-collections-fee · Section 5.1 Management Fee (page 2)" in block
    assert "**twelve percent (12%) of Net Collections**" in " ".join(block.split())
    assert "In consideration of the Services" in block  # the evidence is shown inside its sentence
    assert "The fee is a share of the practice's collections." in block
    assert "Why it matters: Sharing professional fees with a lay manager is fee-splitting." in block
    assert "Citation: Fla. Bd. of Medicine, In re PhyMatrix (1997)" in block
    assert "Suggested clause: fees.fixed_fmv" in block


def test_text_lists_lanes_and_ends_with_the_disclaimer(noncompliant):
    text = render([noncompliant], "text")
    assert "Lanes: business 2, clinical 3, general 2, unassigned 1 clauses" in text
    assert " ".join(text.split()).endswith(DISCLAIMER)


def test_text_is_plain_unless_colour_is_asked_for(noncompliant):
    assert "\x1b[" not in render([noncompliant], "text")
    coloured = render([noncompliant], "text", color=True)
    assert "\x1b[" in coloured
    assert "**" not in coloured  # the terminal highlight replaces the plain-text marker


def test_text_reports_unreadable_files_in_one_line(unreadable, clean):
    text = render([clean, unreadable], "text")
    assert "contracts/locked.pdf: ERROR E110 the PDF is encrypted; pass --password" in text
    assert "2 documents: 1 compliant, 1 could not be read" in text


def test_findings_are_in_reading_order_with_document_level_first(noncompliant):
    text = render([noncompliant], "text")
    positions = [text.index(code) for code in ("MSA202", "MSA110", "MSA130", "MSA101", "MSA199")]
    assert positions == sorted(positions)


def test_json_is_the_faithful_dump_with_tool_and_disclaimer(noncompliant, unreadable):
    payload = json.loads(render([noncompliant, unreadable], "json"))
    assert payload["tool"] == "msa-check"
    assert payload["disclaimer"] == DISCLAIMER
    assert payload["documents"] == [noncompliant.to_dict(), unreadable.to_dict()]
    assert payload["documents"][1]["error"] == {"code": "E110", "message": "the PDF is encrypted; pass --password"}


def test_json_is_indented_down_to_one_line_per_clause_and_finding(noncompliant):
    text = render([noncompliant], "json")
    lines = text.splitlines()
    assert lines[0] == "{" and lines[1].startswith('  "tool": ')
    data = json.loads(text)
    # each clause and each finding is one compact line of the output, whole
    for entry in (*data["documents"][0]["clauses"], *data["documents"][0]["findings"]):
        assert json.dumps(entry, ensure_ascii=False) in {line.strip().rstrip(",") for line in lines}


def test_jsonl_has_one_self_describing_document_per_line(noncompliant, clean):
    lines = render([noncompliant, clean], "jsonl").splitlines()
    assert len(lines) == 2
    documents = [json.loads(line) for line in lines]
    assert [d["path"] for d in documents] == [noncompliant.path, clean.path]
    assert all(d["disclaimer"] == DISCLAIMER for d in documents)
    assert documents[0]["findings"][0]["rule"] == "MSA101"


def test_evidence_is_found_despite_line_breaks_in_the_document():
    result = build_result()
    clause = result.document.clause("c7")
    wrapped = clause.text.replace("percent (12%)", "percent\n(12%)")
    from dataclasses import replace

    document = replace(result.document, clauses=tuple(replace(c, text=wrapped) if c.id == "c7" else c
                                                      for c in result.document.clauses))
    text = render([replace(result, document=document)], "text")
    assert "**twelve percent (12%) of Net Collections**" in " ".join(text.split())


def test_sub_clauses_are_named_with_their_parents_number():
    from dataclasses import replace

    from msa_toolkit.model import Clause
    from msa_toolkit.report.view import clause_label

    result = build_result()
    sub = Clause(id="c9", kind="subsection", number="(a)", heading=None, text="locate the Premises;", level=3,
                 parent="c7", page=2, start=0, end=20)
    document = replace(result.document, clauses=result.document.clauses + (sub,))
    assert clause_label(sub, document) == "Section 5.1(a)"
    assert clause_label(document.clause("c3"), document) == "ARTICLE 4 Clinical Matters"
    assert clause_label(None, document) == "Whole agreement"


def test_an_amendments_item_is_named_with_the_section_it_amends():
    from msa_toolkit.model import Clause
    from msa_toolkit.report.view import clause_label

    item = Clause(id="a2", kind="section", number="2", heading="Compensation", text="2. Compensation. Section 6.1 ...",
                  level=1, parent=None, page=9, start=0, end=30, amends="6.1")
    assert clause_label(item) == "Section 2 Compensation (amends Section 6.1)"
