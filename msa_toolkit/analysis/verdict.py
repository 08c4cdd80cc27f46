"""The verdict: noncompliant on any high finding; review on medium findings or an unresolved fee;
otherwise compliant. An agreement whose fee cannot be read is never called compliant."""
from __future__ import annotations

from ..model import Finding


def verdict(findings: tuple[Finding, ...] | list[Finding]) -> str:
    severities = {f.severity for f in findings}
    if "high" in severities:
        return "noncompliant"
    if "medium" in severities or any(f.category == "unresolved_fee" for f in findings):
        return "review"
    return "compliant"
