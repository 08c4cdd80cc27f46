"""A stand-in analyzer for CLI tests, so exit codes and outputs do not depend on the trained model.

The text decides the outcome: PERCENT gives a high finding, REVIEW a medium one, BROKEN a coded
input error; anything else is compliant. Paragraphs become clauses.
"""
from __future__ import annotations

from msa_toolkit.errors import MsaError
from msa_toolkit.model import AnalysisResult, Clause, Document, Finding, Party


def analyze(path, *, state=None, limits=None, password=None):
    text = open(path, encoding="utf-8", errors="replace").read()
    if "BROKEN" in text:
        raise MsaError("E111", "the PDF is damaged (cross-reference table not found)", path)
    clauses, offset = [], 0
    for number, paragraph in enumerate(text.split("\n\n"), start=1):
        start = text.index(paragraph, offset)
        clauses.append(Clause(id=f"c{number}", kind="section", number=f"{number}.1", heading=None,
                              text=paragraph, level=1, parent=None, page=1, start=start,
                              end=start + len(paragraph), lane="business"))
        offset = start + len(paragraph)
    document = Document(path=str(path), format="text", text=text, clauses=tuple(clauses),
                        parties=(Party("Acme Management LLC", ("Manager",), "mso"),))
    findings = []
    for word, severity, rule in (("PERCENT", "high", "MSA101"), ("REVIEW", "medium", "MSA150")):
        if word in text:
            clause = next(c for c in clauses if word in c.text)
            start = text.index(word)
            findings.append(Finding(rule=rule, name=f"{word.lower()}-finding", category="revenue_based_fee",
                                    severity=severity, clause_id=clause.id, evidence=word, message=f"{word} found.",
                                    suggestion="fees.fixed_fmv", citation="test citation", start=start,
                                    end=start + len(word)))
    verdict = "noncompliant" if any(f.severity == "high" for f in findings) else (
        "review" if findings else "compliant")
    return AnalysisResult(path=str(path), status="ok", document=document, findings=tuple(findings),
                          verdict=verdict, state=state)
