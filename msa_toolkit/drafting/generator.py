"""Render a deal into a Word agreement from the master template with docxtpl.

The template holds the fixed parts (title, signature table, exhibit tables, header and PAGE
footer, styles and the list numbering); the generator fills it once with `autoescape=True`. Clause
text is assembled here from the library: variables are replaced by formatted deal values,
`[[ref:...]]` by computed section numbers, `[[define:...]]` by a bold defined term, and the result
goes into the template as escaped markup. Nothing is rendered twice, so a value is never evaluated.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

from ..errors import MsaError
from ..resources import templates_dir
from . import wordxml
from .dealsheet import get_path
from .library import Library, LibraryClause
from .numbering import Plan, exhibit_letter, plan_agreement, reference_labels
from .variables import DEFINED_TERM, PLACEHOLDER, REFERENCE, VARIABLES, format_value
from .wordxml import Segment, as_value

TEMPLATE_NAME = "master_msa.docx"
TITLE = "MANAGEMENT SERVICES AGREEMENT"
COMMENT_AUTHOR = "msa-toolkit drafting notes"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_TOKEN = re.compile(f"{PLACEHOLDER.pattern}|{REFERENCE.pattern}|{DEFINED_TERM.pattern}")


def master_template_path() -> Path:
    return templates_dir() / TEMPLATE_NAME


def clause_values(deal: dict) -> dict[str, str]:
    """Every clause variable, formatted as the agreement writes it (only those the deal has)."""
    values = {}
    for name, (kind, path) in VARIABLES.items():
        value = get_path(deal, path)
        if value is not None:
            values[name] = format_value(kind, value)
    return values


def clause_segments(text: str, values: dict, labels: dict, clause_id: str) -> list[Segment]:
    """Clause text with variables, cross-references and defined terms resolved into runs."""
    segments: list[Segment] = []
    position = 0
    for match in _TOKEN.finditer(text):
        segments.append(Segment(text[position:match.start()]))
        variable, reference, term = match.groups()
        if variable:
            if variable not in values:
                raise MsaError("E190", f"clause {clause_id} needs {variable!r}, which the deal sheet lacks")
            segments.append(Segment(values[variable]))
        elif reference:
            if reference not in labels:
                raise MsaError("E190", f"clause {clause_id} refers to {reference}, which is not in this draft")
            segments.append(Segment(labels[reference]))
        else:
            segments.append(Segment(f"\u201c{term}\u201d", bold=True))
        position = match.end()
    segments.append(Segment(text[position:]))
    return segments


class _BodyWriter:
    """Turns planned clauses into paragraph XML, remembering which paragraph carries which note."""

    def __init__(self, values: dict, labels: dict, with_notes: bool):
        self.values, self.labels, self.with_notes = values, labels, with_notes
        self.notes: dict[str, str] = {}  # bookmark name -> drafting note

    def _bookmark(self, clause: LibraryClause):
        if not self.with_notes:
            return None
        name = f"_msa_note_{len(self.notes) + 1}"
        self.notes[name] = f"{clause.id} (v{clause.version}): {clause.note}"
        return len(self.notes), name

    def segments(self, clause: LibraryClause, text: str) -> list[Segment]:
        return clause_segments(text, self.values, self.labels, clause.id)

    def clause(self, clause: LibraryClause, style: str | None = None) -> list[str]:
        if clause.term:
            lead = [Segment(f"\u201c{clause.term}\u201d", bold=True), Segment(" ")]
            return [wordxml.paragraph(lead + self.segments(clause, clause.text), wordxml.DEFINITION,
                                      self._bookmark(clause))]
        if style is None:
            lead = [Segment(clause.title + ".", bold=True), Segment(" ")]
            first = wordxml.paragraph(lead + self.segments(clause, clause.text), wordxml.SECTION,
                                      self._bookmark(clause))
        else:
            first = wordxml.paragraph(self.segments(clause, clause.text), style, self._bookmark(clause))
        items = [wordxml.paragraph(self.segments(clause, item), wordxml.SUBSECTION) for item in clause.items]
        return [first, *items]

    def articles(self, plan: Plan) -> list[str]:
        parts = []
        for article in plan.articles:
            parts.append(wordxml.paragraph([Segment(article.heading.upper())], wordxml.ARTICLE))
            for clause in article.clauses:
                parts += self.clause(clause)
        return parts

    def exhibit(self, index: int, clause: LibraryClause) -> list[str]:
        return [
            wordxml.paragraph([Segment(f"EXHIBIT {exhibit_letter(index)}")], wordxml.EXHIBIT_LABEL),
            wordxml.paragraph([Segment(clause.title.upper())], wordxml.EXHIBIT_TITLE),
            *self.clause(clause, style=wordxml.BODY),
        ]


def _fee_rows(deal: dict, values: dict, labels: dict) -> list[dict]:
    fee = deal["fee"]
    structure = fee["structure"]
    if structure == "fixed":
        rows = [("Management fee", f"{values['monthly_fee']} per month", "Fixed in advance; not based on "
                 "the Practice's revenue or patient volume")]
    elif structure == "cost_plus":
        rows = [("Management fee", f"Manager's documented actual costs plus {values['markup_percent']} of "
                 "those costs", "Costs itemized with each monthly invoice")]
    elif structure == "hourly":
        rows = [("Management fee", f"{values['hourly_rate']} per hour", "Supported by time records"),
                ("Monthly maximum", f"{values['monthly_cap']} per calendar month",
                 "Additional hours only with the Practice's prior written approval")]
    else:
        rows = [("Management fee", f"{values['revenue_percent']} of net collections",
                 "Drafted under an explicit override of the fee-splitting warning")]
    rows += [
        ("Expense reimbursement", "At cost, without markup", "Prior approval and receipts required"),
        ("Payment date", f"{values['payment_day']} day of the month after invoice", labels["fees.payment_terms"]),
        ("Late payment", f"{values['late_interest_percent']} per month on undisputed overdue amounts",
         labels["fees.late_payment"]),
        ("Fair market value review", "Annually, after each anniversary of the Effective Date",
         labels["fees.fmv_review"]),
    ]
    return [{"item": as_value(a), "amount": as_value(b), "terms": as_value(c)} for a, b, c in rows]


def build_context(library: Library, deal: dict, *, notes: bool = False) -> tuple[dict, dict]:
    """The docxtpl context for a deal, and the drafting notes keyed by bookmark name."""
    plan = plan_agreement(library, deal)
    labels = reference_labels(plan)
    values = clause_values(deal)
    writer = _BodyWriter(values, labels, notes)
    front = {topic: [c for c in plan.front if c.topic == topic] for topic in library.outline.front}
    exhibit_parts = [writer.exhibit(i, clause) for i, clause in enumerate(plan.exhibits)]
    allocation = [{"function": as_value(label), "party": as_value("Manager")}
                  for key, label in library.outline.services.items() if key in deal["services"]]
    allocation += [{"function": as_value(text), "party": as_value("Practice")}
                   for text in library.outline.practice_functions]
    practice, mso = deal["practice"], deal["mso"]
    context = {
        "title": as_value(TITLE),
        "header_text": as_value(f"Management Services Agreement \u2013 {practice['legal_name']}"),
        "preamble": wordxml.paragraphs(p for c in front.get("preamble", []) for p in writer.clause(c, wordxml.BODY)),
        "recitals": wordxml.paragraphs(p for c in front.get("recitals", []) for p in writer.clause(c, wordxml.RECITAL)),
        "body": wordxml.paragraphs(writer.articles(plan)),
        "signature_intro": wordxml.paragraphs(p for c in plan.closing for p in writer.clause(c, wordxml.BODY)),
        "practice_name": as_value(practice["legal_name"]),
        "practice_signatory": as_value(practice["signatory"]["name"]),
        "practice_signatory_title": as_value(practice["signatory"]["title"]),
        "mso_name": as_value(mso["legal_name"]),
        "mso_signatory": as_value(mso["signatory"]["name"]),
        "mso_signatory_title": as_value(mso["signatory"]["title"]),
        "exhibit_services": wordxml.paragraphs(exhibit_parts[0]),
        "exhibit_fees": wordxml.paragraphs(exhibit_parts[1]),
        "exhibit_locations": wordxml.paragraphs(exhibit_parts[2]),
        "allocation_rows": allocation,
        "fee_rows": _fee_rows(deal, values, labels),
        "location_rows": [{"name": as_value(loc["name"]), "address": as_value(loc["address"])}
                          for loc in deal["locations"]],
    }
    return context, writer.notes


def _add_comments(document, notes: dict) -> None:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    for mark in list(document.element.body.iter(qn("w:bookmarkStart"))):
        note = notes.get(mark.get(qn("w:name")))
        if note is None:
            continue
        paragraph = Paragraph(mark.getparent(), document._body)
        comment = document.add_comment(paragraph.runs, text=note, author=COMMENT_AUTHOR, initials="MSA")
        comment._comment_elm.attrib.pop(qn("w:date"), None)  # a timestamp would break determinism


def set_fixed_properties(document, when: dt.date, title: str) -> None:
    """Core properties that do not change between runs, so the same deal gives the same bytes."""
    stamp = dt.datetime(when.year, when.month, when.day, tzinfo=dt.timezone.utc)
    props = document.core_properties
    props.title, props.subject = title, "Management services agreement draft"
    props.author = props.last_modified_by = "msa-toolkit"
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = "Generated by msa-toolkit; not legal advice."


def deterministic_zip(data: bytes) -> bytes:
    """Rewrite a .docx so that its zip entries carry fixed dates (python-docx stamps the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_docx(library: Library, deal: dict, *, notes: bool = False, template: Path | None = None) -> bytes:
    """The finished .docx as bytes (same deal, same bytes)."""
    from docxtpl import DocxTemplate

    context, note_map = build_context(library, deal, notes=notes)
    document = DocxTemplate(str(template or master_template_path()))
    document.render(context, autoescape=True)
    if notes:
        _add_comments(document.docx, note_map)
    set_fixed_properties(document.docx, deal["agreement"]["effective_date"], TITLE.title())
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


def write_atomically(data: bytes, out: Path, *, force: bool) -> Path:
    """Write via a temporary file in the target folder, then rename; refuse to overwrite unless forced."""
    out = Path(out)
    if out.exists() and not force:
        raise MsaError("E201", "output file exists; use --force to overwrite it", out)
    if not out.parent.is_dir():
        raise MsaError("E200", "output folder does not exist", out.parent)
    handle, temp_name = tempfile.mkstemp(prefix=".msa-draft-", suffix=".docx", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp_name, out)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return out
