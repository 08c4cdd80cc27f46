"""Hand-built analysis results: the reports are tested without the reader or the analyzer."""
from __future__ import annotations

from msa_toolkit.model import AnalysisResult, Clause, DealFacts, Document, FeeTerm, Finding, Party

CLAUSES = [
    ("c1", "title", None, None, "MANAGEMENT SERVICES AGREEMENT", 0, None, "general"),
    ("c2", "preamble", None, None,
     'This Agreement is made between Glow Management LLC ("Manager") and Radiant Skin Medical, P.C. '
     '("Practice").', 0, None, "general"),
    ("c3", "article", "ARTICLE 4", "Clinical Matters", "", 1, None, "clinical"),
    ("c4", "section", "4.1", "Protocols",
     "Manager shall establish the treatment protocols and the menu of aesthetic services. The Practice "
     "shall follow them.", 2, "c3", "clinical"),
    ("c5", "section", "4.2", "Medical Director",
     "The Medical Director shall report to Manager's Chief Executive Officer on all clinical matters.",
     2, "c3", "clinical"),
    ("c6", "article", "ARTICLE 5", "Fees", "", 1, None, "business"),
    ("c7", "section", "5.1", "Management Fee",
     "In consideration of the Services, Practice shall pay Manager a monthly fee equal to twelve percent "
     "(12%) of Net Collections, which the parties agree is consistent with fair market value.",
     2, "c6", "business"),
    ("c8", "section", "5.2", "Formula <Exhibit> & \"Notes\"",
     "=HYPERLINK(\"http://evil.example\") <script>alert('x')</script> & the Practice's \"Net\" revenue.",
     2, "c6", None),
]


def build_document(path: str = "contracts/glow_msa.pdf", fmt: str = "pdf") -> Document:
    text_parts, clauses, offset = [], [], 0
    for cid, kind, number, heading, text, level, parent, lane in CLAUSES:
        clauses.append(Clause(id=cid, kind=kind, number=number, heading=heading, text=text, level=level,
                              parent=parent, page=1 if level < 2 else 2, start=offset, end=offset + len(text),
                              lane=lane, lane_score=0.9 if lane else None))
        text_parts.append(text)
        offset += len(text) + 2
    text = "\n\n".join(text_parts)
    parties = (
        Party("Glow Management LLC", ("Manager",), "mso", "LLC"),
        Party("Radiant Skin Medical, P.C.", ("Practice",), "practice", "P.C."),
    )
    return Document(path=path, format=fmt, text=text, clauses=tuple(clauses), parties=parties, pages=3)


def finding_in(document: Document, clause_id: str, evidence: str, **fields) -> Finding:
    clause = document.clause(clause_id)
    start = document.text.index(evidence, clause.start)
    defaults = dict(rule="MSA101", name="percentage-of-collections-fee", category="revenue_based_fee",
                    severity="high", message="The fee is a share of the practice's collections.",
                    suggestion="fees.fixed_fmv", citation="Fla. Bd. of Medicine, In re PhyMatrix (1997)")
    defaults.update(fields)
    return Finding(clause_id=clause_id, evidence=evidence, start=start, end=start + len(evidence), **defaults)


def build_result(path: str = "contracts/glow_msa.pdf", fmt: str = "pdf") -> AnalysisResult:
    document = build_document(path, fmt)
    findings = (
        finding_in(document, "c7", "twelve percent (12%) of Net Collections"),
        finding_in(document, "c4", "Manager shall establish the treatment protocols", rule="MSA110",
                   name="mso-sets-clinical-protocols", category="clinical_control",
                   message="The MSO sets clinical protocols, which belong to the practice.",
                   suggestion="separation.clinical_protocols",
                   citation="Corporate practice of medicine doctrine"),
        finding_in(document, "c5", "report to Manager's Chief Executive Officer", rule="MSA130",
                   name="medical-director-reports-to-mso", category="md_reports_to_mso", severity="medium",
                   message="The medical director answers to the MSO on clinical matters.",
                   suggestion="separation.medical_director", citation="Corporate practice of medicine doctrine"),
        finding_in(document, "c8", "=HYPERLINK(\"http://evil.example\")", rule="MSA199", name="odd-formula",
                   category="unclear_roles", severity="low", message="-A message that starts with a minus.",
                   suggestion=None, citation="@citation <b>bold</b>"),
        Finding(rule="MSA202", name="missing-compliance-review", category="missing_compliance_review",
                severity="medium", clause_id=None, evidence="",
                message="No clause provides a periodic compliance review.",
                suggestion="compliance.periodic_review", citation="OIG compliance program guidance"),
    )
    fees = (FeeTerm(structure="percentage", clause_id="c7", text="twelve percent (12%) of Net Collections",
                    percentage=12.0, base="Net Collections"),)
    return AnalysisResult(path=path, status="ok", document=document, findings=findings, fees=fees,
                          verdict="noncompliant", state="FL", facts=DealFacts(governing_state="FL"))


def build_clean_result(path: str = "contracts/clean_msa.txt") -> AnalysisResult:
    document = build_document(path, "text")
    return AnalysisResult(path=path, status="ok", document=document, verdict="compliant", state=None)
