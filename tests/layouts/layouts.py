"""Five short agreements, each laid out the way a different kind of real filing is.

Every `Layout` knows how to write itself (a DOCX, and for some a plain-text file), the outline a
reader must find in it ([number, heading] for every numbered clause, the exhibit included), its
parties, the body paragraphs whose every character must survive, and the page furniture that
must not end up in any clause. The text is written for these tests; names are invented.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import docx_parts as dp

# -- 1. Typed "Section 1.01" numbering under centred ARTICLE lines, justified, running furniture --

_L1_PREAMBLE = (
    'This Management Services Agreement (this "Agreement") is entered into as of March 1, 2025, by and '
    'between Harbor Lantern Partners, LLC, a Delaware limited liability company ("Manager"), and Bayside '
    'Family Medicine, P.C., a California professional corporation (the "Practice").'
)
_L1_RECITALS = [
    "WHEREAS, the Practice is a professional corporation whose physicians provide primary care services "
    "to patients at its offices in Alameda County;",
    "WHEREAS, Manager provides administrative and business support services to physician practices and "
    "does not practice medicine; and",
    "NOW, THEREFORE, in consideration of the promises below, the parties agree as follows:",
]
_L1_ARTICLES = [
    ("I", "APPOINTMENT AND SERVICES", [
        ("1.01", "Appointment", "The Practice appoints Manager as its exclusive provider of the administrative "
         "services described in this Article, and Manager accepts the appointment on the terms of this Agreement. "
         "Manager shall perform the services in a diligent and professional manner consistent with the standards "
         "of similar management companies in the region."),
        ("1.02", "Administrative Services", "Manager shall furnish office space, equipment, supplies, information "
         "systems, bookkeeping, payroll processing for non-clinical staff, vendor management and insurance "
         "procurement. Manager shall keep the premises clean, safe and in good repair, and shall replace worn "
         "equipment within a reasonable time after the Practice asks it to do so in writing."),
        ("1.03", "Billing Support", "Manager shall prepare and submit claims in the name of the Practice, post "
         "payments, follow up on denials and deliver a monthly report of charges, collections and adjustments. "
         "All payments shall be deposited in an account owned and controlled by the Practice."),
    ]),
    ("II", "PROFESSIONAL MATTERS", [
        ("2.01", "Clinical Judgment Reserved", "The Practice and its physicians retain sole authority over the "
         "diagnosis and treatment of patients, the scheduling of clinical staff, the selection of drugs and "
         "devices, and every other matter of professional judgment. Manager shall not direct or influence any "
         "such decision."),
        ("2.02", "Medical Records", "Medical records are the property of the Practice. Manager shall keep them "
         "confidential, shall use them only to perform its services, and shall return them promptly when this "
         "Agreement ends."),
        ("2.03", "Licensure", "The Practice shall ensure that each of its physicians holds and keeps an "
         "unrestricted license to practice medicine in California and a current registration to prescribe "
         "controlled substances."),
    ]),
    ("III", "COMPENSATION", [
        ("3.01", "Management Fee", "The Practice shall pay Manager a fixed monthly fee of Eighteen Thousand "
         "Dollars, which the parties agree reflects the fair market value of the services and does not vary "
         "with the volume or value of referrals or with the collections of the Practice."),
        ("3.02", "Annual Review", "Once each year the parties shall review the fee in good faith, and any "
         "change shall be set out in a written amendment signed by both parties."),
    ]),
    ("IV", "TERM AND TERMINATION", [
        ("4.01", "Term", "This Agreement begins on the date first written above and continues for five years, "
         "and it renews for successive one-year terms unless either party gives notice of non-renewal at least "
         "ninety days before the end of the then-current term."),
        ("4.02", "Termination for Cause", "Either party may terminate this Agreement if the other party "
         "materially breaches it and fails to cure the breach within thirty days after written notice "
         "describing the breach in reasonable detail."),
        ("4.03", "Effect of Termination", "On termination the Practice shall pay all fees earned through the "
         "termination date, and Manager shall cooperate in an orderly transition of its services to the "
         "Practice or to a successor chosen by the Practice."),
    ]),
]
_L1_SIGNATURE = [
    "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written above.",
    "HARBOR LANTERN PARTNERS, LLC\nBy: ________________________\nName: Tomas Reyes\nTitle: Managing Member",
    "BAYSIDE FAMILY MEDICINE, P.C.\nBy: ________________________\nName: Grace Okafor, M.D.\nTitle: President",
]


def _build_typed_sections(path) -> None:
    import docx

    document = docx.Document()
    dp.header_and_footer(document, "CONFIDENTIAL - DO NOT DISTRIBUTE",
                         "Management Services Agreement \u2013 Page ", center=True)
    dp.para(document, "MANAGEMENT SERVICES AGREEMENT", align=dp.CENTER, bold=True)
    dp.para(document, _L1_PREAMBLE, align=dp.JUSTIFY)
    for text in _L1_RECITALS:
        dp.para(document, text, align=dp.JUSTIFY)
    for roman, title, sections in _L1_ARTICLES:
        dp.para(document, f"ARTICLE {roman}", align=dp.CENTER, bold=True)
        dp.para(document, title, align=dp.CENTER, bold=True)
        for number, heading, body in sections:
            paragraph = document.add_paragraph()
            paragraph.alignment = dp.JUSTIFY
            paragraph.add_run(f"Section {number}\t{heading}.").bold = True
            paragraph.add_run(f" {body}")
    for text in _L1_SIGNATURE:
        dp.para(document, text)
    document.save(path)


def _outline_l1():
    rows = []
    for roman, title, sections in _L1_ARTICLES:
        rows.append([roman, title])
        rows.extend([number, heading] for number, heading, _ in sections)
    return rows


# -- 2. Bold number and heading on their own lines, small-caps articles, signature table, fee exhibit --

_L2_PREAMBLE = (
    'This Administrative Services Agreement is made as of June 15, 2025 between Crestline Health Services, '
    'Inc., a Texas corporation ("Company"), and Riverbend Pediatrics, PLLC, a Texas professional limited '
    'liability company ("Provider").'
)
_L2_RECITAL = (
    "Provider is a pediatric medical practice owned by licensed physicians, and Company supplies "
    "non-clinical management services to medical practices. The parties therefore agree as follows."
)
_L2_ARTICLES = [
    ("1", "Engagement", [
        ("1.1", "Services", "Company shall provide the business services listed in this Agreement to Provider "
         "at the practice locations, including front-desk staffing, purchasing, facilities management and "
         "information technology support."),
        ("1.2", "Standards", "Company shall perform the services in compliance with applicable law and the "
         "written policies of Provider as they are communicated to Company from time to time."),
    ]),
    ("2", "Revenue Cycle", [
        ("2.1", "Coding Support", "Company shall offer coding education, but the physicians of Provider "
         "alone select the codes that describe the services they render."),
        ("2.2", "Payer Enrollment", "Company shall assist Provider with credentialing and payer enrollment "
         "applications and shall track their status in a shared log."),
        ("2.3", "Billing and Collections", "Company shall bill patients and payers in the name of Provider, "
         "shall deposit all receipts in the operating account of Provider, and shall reconcile that account "
         "every month."),
    ]),
    ("3", "Fees and Expenses", [
        ("3.1", "Service Fee", "Provider shall pay Company the fees stated in Exhibit A, which the parties "
         "set at fair market value for the services actually furnished."),
        ("3.2", "Expenses", "Provider shall reimburse Company for the reasonable out-of-pocket expenses "
         "that Company incurs for Provider with its prior written approval."),
    ]),
    ("4", "General Provisions", [
        ("4.1", "Term", "This Agreement has a term of three years from the date above."),
        ("4.2", "Independent Contractors", "The parties are independent contractors, and nothing in this "
         "Agreement makes either of them the partner, agent or employer of the other."),
        ("4.3", "Governing Law", "The laws of the State of Texas govern this Agreement."),
    ]),
]
_L2_SIGNATURE_ROWS = [
    ["CRESTLINE HEALTH SERVICES, INC.", "RIVERBEND PEDIATRICS, PLLC"],
    ["By: ______________________", "By: ______________________"],
    ["Name: Dana Whitfield", "Name: Luis Moreno, M.D."],
    ["Title: Chief Executive Officer", "Title: Managing Physician"],
]
_L2_FEE_ROWS = [
    ["Service", "Monthly Fee"],
    ["Front office and facilities", "$9,500.00"],
    ["Revenue cycle support", "$6,250.00"],
    ["Information technology", "$2,000.00"],
]


def _build_bold_headings(path) -> None:
    import docx

    document = docx.Document()
    dp.header_and_footer(document, None, "", center=True)
    dp.para(document, "ADMINISTRATIVE SERVICES AGREEMENT", align=dp.CENTER, bold=True)
    dp.para(document, _L2_PREAMBLE)
    dp.para(document, _L2_RECITAL)
    for number, title, sections in _L2_ARTICLES:
        dp.para(document, f"ARTICLE {number}", align=dp.CENTER, bold=True)
        dp.para(document, title, align=dp.CENTER, bold=True, small_caps=True)
        for sec_number, heading, body in sections:
            dp.para(document, sec_number, bold=True)
            dp.para(document, heading, bold=True)
            dp.para(document, body)
    document.add_page_break()
    dp.table(document, _L2_SIGNATURE_ROWS, borders=False)
    document.add_page_break()
    dp.para(document, "EXHIBIT A", align=dp.CENTER, bold=True)
    dp.para(document, "FEE SCHEDULE", align=dp.CENTER, bold=True)
    dp.para(document, "Provider shall pay the following fixed fees each month:")
    dp.table(document, _L2_FEE_ROWS)
    document.save(path)


def _outline_l2():
    rows = []
    for number, title, sections in _L2_ARTICLES:
        rows.append([number, title])
        rows.extend([sec, heading] for sec, heading, _ in sections)
    rows.append(["A", "FEE SCHEDULE"])
    return rows


# -- 3. Typed outline numbering 1. / 1.1 / 1.1.1 / (a) / (i), references and amounts at line starts --

# "\n" is a line break inside the paragraph: the text file wraps there too, so a reference, an
# amount or a multiplier lands at the start of a printed line in every format.
_L3_CLAUSES = [
    ("1.", "DEFINITIONS AND SCOPE", None),
    ("1.1", "Scope", "Northgate Practice Solutions, LLC shall support the practice of Willow Creek\n"
     "Orthopedics, P.A. as provided in\nSection 4.2 hereof and in no other way."),
    ("1.2", "Exclusions", "The services exclude every clinical service, as confirmed in\nSection 2.1 of this "
     "Agreement."),
    ("2.", "SERVICES", None),
    ("2.1", "Business Office", "MSO shall run the business office of Practice, subject to the limits below."),
    ("2.1.1", "Staff", "MSO shall employ the receptionists, schedulers and billing clerks."),
    ("(a)", None, "each employee shall complete privacy training before starting work; and"),
    ("(b)", None, "MSO shall remove any employee whom Practice reasonably asks it to remove."),
    ("2.1.2", "Systems", "MSO shall license the practice management system and keep it current."),
    ("(a)", None, "the system shall keep an audit log of access to patient data, namely:"),
    ("(i)", None, "the user, time and record viewed; and"),
    ("(ii)", None, "any change made to the record."),
    ("3.", "COMPENSATION", None),
    ("3.1", "Base Fee", "Practice shall pay MSO a base fee of\n$25,000.00 each month, due on the fifth day of "
     "the month."),
    ("3.2", "Adjustment", "If the costs of MSO exceed the budget by more than\n1.5 times the approved amount, "
     "the parties shall meet to revise the budget before\nJanuary 31, 2026 and in each later year."),
    ("4.", "TERM", None),
    ("4.1", "Initial Term", "The term begins on the Effective Date and ends five years later."),
    ("4.2", "Renewal", "The term renews for one year at a time unless ended under\n4.3 of this Agreement."),
    ("4.3", "Termination", "Either party may end this Agreement on one hundred eighty days written notice."),
]
_L3_TITLE = "PRACTICE SUPPORT AGREEMENT"
_L3_PREAMBLE = (
    'This Practice Support Agreement is entered into as of January 2, 2026 by and between Northgate '
    'Practice Solutions, LLC, a Florida limited liability company ("MSO"), and Willow Creek Orthopedics, '
    'P.A., a Florida professional association ("Practice").'
)
_L3_SIGNATURE = [
    "IN WITNESS WHEREOF, the parties have signed this Agreement.",
    "NORTHGATE PRACTICE SOLUTIONS, LLC\nBy: ______________________\nName: Priya Nand\nTitle: President",
    "WILLOW CREEK ORTHOPEDICS, P.A.\nBy: ______________________\nName: Owen Hale, M.D.\nTitle: President",
]


def _l3_line(number, heading, body) -> str:
    parts = [number]
    if heading:
        parts.append(f"{heading}." if body else heading)
    if body:
        parts.append(body)
    return " ".join(parts)


def _build_outline_numbering(path) -> None:
    import docx

    document = docx.Document()
    dp.para(document, _L3_TITLE, align=dp.CENTER, bold=True)
    dp.para(document, _L3_PREAMBLE)
    for number, heading, body in _L3_CLAUSES:
        dp.para(document, _l3_line(number, heading, body))
    for text in _L3_SIGNATURE:
        dp.para(document, text)
    document.save(path)


def _text_outline_numbering() -> str:
    """Hard-wrapped at 72 columns with no blank lines between clauses, so only the numbers tell
    where a clause starts, and a wrapped reference or amount sits where a number would."""
    import textwrap

    out = [_L3_TITLE.center(72), "", textwrap.fill(_L3_PREAMBLE, 72), ""]
    for number, heading, body in _L3_CLAUSES:
        indent = "    " * (number.count(".") if number[0].isdigit() else 3)
        for piece in _l3_line(number, heading, body).split("\n"):
            out.append(textwrap.fill(piece, 72, initial_indent=indent, subsequent_indent=indent))
    out.append("")
    for text in _L3_SIGNATURE:
        out.extend(text.split("\n"))
        out.append("")
    return "\n".join(out)


def _outline_l3():
    return [[number.rstrip("."), heading] for number, heading, _ in _L3_CLAUSES]


# -- 4. Word automatic numbering "Section %1.%2", a separate exhibit list "A.%1", tracked insertions --

_L4_PREAMBLE = (
    'This Medical Director and Management Agreement is entered into on April 1, 2025 among Summit Peak '
    'Management Company, LLC, a Colorado limited liability company (the "Company"), Aspen Valley '
    'Dermatology, P.C., a Colorado professional corporation (the "Group"), and Hannah Cole, M.D., an '
    'individual licensed to practice medicine in Colorado (the "Medical Director").'
)
_L4_BODY = [
    (0, "Services", None),
    (1, "Management Services", "The Company shall provide the non-clinical services in Exhibit A."),
    (1, "Medical Director Duties", "The Medical Director shall supervise the clinical quality program of "
     "the Group and report to the Group's board"),
    (1, "Clinical Independence", "The Group retains control of all clinical decisions."),
    (0, "Compensation", None),
    (1, "Management Fee", "The Group shall pay the Company a flat monthly fee of $12,000."),
    (1, "Medical Director Stipend", "The Group shall pay the Medical Director a stipend of $3,000 each month"),
    (0, "Term", None),
    (1, "Duration", "This Agreement lasts three years."),
    (1, "Termination", "Any party may terminate this Agreement on ninety days notice."),
]
# Tracked insertions that complete two sentences above (as a reviewer's redline would).
_L4_INSERTIONS = {2: ", not to the Company.", 6: " for services actually performed."}
_L4_EXHIBIT = [
    ("Billing", "Claims preparation, submission and follow-up in the name of the Group."),
    ("Facilities", "Leasing, maintaining and insuring the office at 40 Alpine Road."),
    ("Human Resources", "Recruiting and payroll for the non-clinical staff."),
]
_L4_SIGNATURE = [
    "IN WITNESS WHEREOF, the parties have signed this Agreement on the date above.",
    "SUMMIT PEAK MANAGEMENT COMPANY, LLC\nBy: ____________________\nName: Erik Lund\nTitle: Manager",
    "ASPEN VALLEY DERMATOLOGY, P.C.\nBy: ____________________\nName: Hannah Cole, M.D.\nTitle: President",
    "MEDICAL DIRECTOR\n____________________\nHannah Cole, M.D.",
]


def _build_word_numbering(path) -> None:
    import docx

    document = docx.Document()
    dp.list_definitions(
        document,
        [dp.abstract_num(1, [("decimal", "ARTICLE %1"), ("decimal", "Section %1.%2")]),
         dp.abstract_num(2, [("decimal", "A.%1")])],
        [dp.num(1, 1), dp.num(2, 2)],
    )
    dp.para(document, "MEDICAL DIRECTOR AND MANAGEMENT AGREEMENT", align=dp.CENTER, bold=True)
    dp.para(document, _L4_PREAMBLE)
    for index, (ilvl, heading, body) in enumerate(_L4_BODY):
        paragraph = dp.numbered(document, heading.upper() if ilvl == 0 else f"{heading}. {body}", 1, ilvl)
        if index in _L4_INSERTIONS:
            dp.tracked_insertion(paragraph, _L4_INSERTIONS[index], 100 + index)
    for text in _L4_SIGNATURE:
        dp.para(document, text)
    document.add_page_break()
    dp.para(document, "EXHIBIT A", align=dp.CENTER, bold=True)
    dp.para(document, "NON-CLINICAL SERVICES", align=dp.CENTER, bold=True)
    for heading, body in _L4_EXHIBIT:
        dp.numbered(document, f"{heading}. {body}", 2, 0)
    document.save(path)


def _outline_l4():
    rows, article, section = [], 0, 0
    for ilvl, heading, _ in _L4_BODY:
        if ilvl == 0:
            article, section = article + 1, 0
            rows.append([str(article), heading.upper()])
        else:
            section += 1
            rows.append([f"{article}.{section}", heading])
    rows.append(["A", "NON-CLINICAL SERVICES"])
    rows.extend([f"A.{i}", heading] for i, (heading, _) in enumerate(_L4_EXHIBIT, 1))
    return rows


def _body_l4():
    body = [_L4_PREAMBLE]
    for index, (ilvl, heading, text) in enumerate(_L4_BODY):
        body.append(heading.upper() if ilvl == 0 else f"{heading}. {text}{_L4_INSERTIONS.get(index, '')}")
    return body + [f"{h}. {b}" for h, b in _L4_EXHIBIT]


# -- 5. An EDGAR exhibit in plain text: EX-10.1 header, <PAGE> markers, "-3-" page numbers --------

_L5_SECTIONS = [
    ("1", "Engagement", "Practice engages Manager to furnish the business services described in this\n"
     "Agreement, and Manager accepts that engagement."),
    ("2", "Services", "Manager shall provide office staff, billing, purchasing and accounting\n"
     "services. Manager shall have no authority over any clinical matter."),
    ("3", "Fee", "Practice shall pay Manager $______ per month, payable in arrears on the\n"
     "tenth day of each month, plus [***] for each new location opened."),
    ("4", "Records", "All patient records belong to Practice. Manager shall keep them confidential\n"
     "and shall return them on request."),
    ("5", "Owner Guaranty", "The Owner guarantees the payment obligations of Practice under\n"
     "Section 3."),
    ("6", "Term", "The term of this Agreement is five years from the Effective Date."),
    ("7", "Termination", "Either party may terminate this Agreement for a material breach that\n"
     "remains uncured thirty days after notice."),
    ("8", "Insurance", "Each party shall carry general liability insurance in commercially\n"
     "reasonable amounts."),
    ("9", "Notices", "Notices shall be in writing and delivered to the addresses on the\n"
     "signature page."),
    ("10", "Entire Agreement", "This Agreement is the entire agreement of the parties on its subject."),
]
_L5_PREAMBLE = (
    'THIS MANAGEMENT AGREEMENT (this "Agreement") is made as of the ___ day of ________, 2024, by and\n'
    'among Pinecrest Medical Management, Inc., a Nevada corporation ("Manager"), Desert Bloom\n'
    'Family Health, P.C., a Nevada professional corporation ("Practice"), and Ruth Alvarez, M.D., an\n'
    'individual and the sole shareholder of Practice ("Owner").'
)


def _text_edgar() -> str:
    lines = [
        "EX-10.1 3 d81234ex10-1.txt MANAGEMENT AGREEMENT",
        "",
        "                                                                    Exhibit 10.1",
        "",
        "                              MANAGEMENT AGREEMENT",
        "",
        _L5_PREAMBLE,
        "",
    ]
    page = 1
    for index, (number, heading, body) in enumerate(_L5_SECTIONS):
        lines.append(f"     {number}.  {heading}.  {body}")
        lines.append("")
        if index in (3, 7):
            lines += ["", f"-{page}-".center(80).rstrip(), "", "<PAGE>", "", "Exhibit 10.1".rjust(80), ""]
            page += 1
    lines += [
        "     IN WITNESS WHEREOF, the parties have executed this Agreement.",
        "",
        "PINECREST MEDICAL MANAGEMENT, INC.         DESERT BLOOM FAMILY HEALTH, P.C.",
        "",
        "By: /s/ Karl Evans                         By: /s/ Ruth Alvarez",
        "    ---------------------------                ---------------------------",
        "",
        "/s/ Ruth Alvarez",
        "--------------------",
        "Ruth Alvarez, M.D., Owner",
        "",
        f"-{page}-".center(80).rstrip(),
        "",
    ]
    return "\n".join(lines)


@dataclass(frozen=True)
class Layout:
    name: str
    outline: list
    parties: list  # (name, role, alias)
    body: list  # paragraphs whose every non-whitespace character must land in a clause
    furniture: list = field(default_factory=list)  # running lines that must land in no clause heading/body start
    build_docx: Callable | None = None
    text: Callable | None = None

    @property
    def formats(self) -> tuple[str, ...]:
        return (("docx", "pdf") if self.build_docx else ()) + (("txt",) if self.text else ())


LAYOUTS = [
    Layout(
        name="typed_sections",
        outline=_outline_l1(),
        parties=[("Harbor Lantern Partners, LLC", "mso", "Manager"),
                 ("Bayside Family Medicine, P.C.", "practice", "Practice")],
        body=[_L1_PREAMBLE, *_L1_RECITALS,
              *(f"{h}. {b}" for _, _, secs in _L1_ARTICLES for _, h, b in secs)],
        furniture=["CONFIDENTIAL - DO NOT DISTRIBUTE", "Management Services Agreement \u2013 Page"],
        build_docx=_build_typed_sections,
    ),
    Layout(
        name="bold_headings",
        outline=_outline_l2(),
        parties=[("Crestline Health Services, Inc.", "mso", "Company"),
                 ("Riverbend Pediatrics, PLLC", "practice", "Provider")],
        body=[_L2_PREAMBLE, _L2_RECITAL, *(b for _, _, secs in _L2_ARTICLES for _, _, b in secs),
              "Provider shall pay the following fixed fees each month:", "$9,500.00", "$6,250.00"],
        build_docx=_build_bold_headings,
    ),
    Layout(
        name="outline_numbering",
        outline=_outline_l3(),
        parties=[("Northgate Practice Solutions, LLC", "mso", "MSO"),
                 ("Willow Creek Orthopedics, P.A.", "practice", "Practice")],
        body=[_L3_PREAMBLE, *(_l3_line(*c) for c in _L3_CLAUSES)],
        build_docx=_build_outline_numbering,
        text=_text_outline_numbering,
    ),
    Layout(
        name="word_numbering",
        outline=_outline_l4(),
        parties=[("Summit Peak Management Company, LLC", "mso", "Company"),
                 ("Aspen Valley Dermatology, P.C.", "practice", "Group"),
                 ("Hannah Cole, M.D.", "medical_director", "Medical Director")],
        body=_body_l4(),
        build_docx=_build_word_numbering,
    ),
    Layout(
        name="edgar_text",
        outline=[[n, h] for n, h, _ in _L5_SECTIONS],
        parties=[("Pinecrest Medical Management, Inc.", "mso", "Manager"),
                 ("Desert Bloom Family Health, P.C.", "practice", "Practice"),
                 ("Ruth Alvarez, M.D.", "owner", "Owner")],
        body=[_L5_PREAMBLE, *(f"{h}. {b}" for _, h, b in _L5_SECTIONS)],
        furniture=["<PAGE>", "-1-", "-2-", "Exhibit 10.1"],
        text=_text_edgar,
    ),
]
