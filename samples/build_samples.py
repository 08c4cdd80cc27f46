"""Build the bundled sample contracts from their sources in ``samples/src/``.

Each ``*.msa`` source is a contract in a light line markup (one record per line, ``TAG: text``):

    TITLE: text          agreement title            HEADER: text     running page header
    P: text              plain paragraph            PC: text         centred bold paragraph
    ARTICLE: HEADING     ARTICLE n                  SECTION: Heading | body    n.m Heading. body
    SUB: body            (a) sub-clause             SUBSUB: body     (i) sub-sub-clause
    TEXT: body           unnumbered paragraph continuing the current section
    EXHIBIT: A | HEADING exhibit (new page)         XSECTION: A.1 | Heading | body  (typed number)
    TABLE: a | b | c     table row (consecutive rows form one table; the first is the header)
    SIG: text            signature-block line       STYLE: messy     plain text in filing style
    # comment

Outputs in ``samples/contracts/``: a DOCX whose article, section and sub-clause numbers come from
Word's automatic multi-level numbering (they are not typed into the text), with a running header
and a "Page X of Y" footer; a PDF rendered from that DOCX by LibreOffice; and a plain-text version.
A ``STYLE: messy`` source is built as plain text only, in the style of a public filing.

Run: ``python samples/build_samples.py`` (needs python-docx and, for PDFs, ``soffice``). Output is
deterministic: fixed document dates, fixed zip timestamps and a fixed PDF date and id.
"""
from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "src"
OUTPUT_DIR = HERE / "contracts"
TAGS = ("TITLE", "HEADER", "STYLE", "P", "PC", "ARTICLE", "SECTION", "SUB", "SUBSUB", "TEXT",
        "EXHIBIT", "XSECTION", "TABLE", "SIG")
FIXED_DATE = datetime(2025, 1, 1, 0, 0, 0)
ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class Record:
    """One line of a source: tag, its fields and the number the contract displays for it."""

    tag: str
    fields: tuple[str, ...]
    number: str | None = None  # canonical: "3", "3.2", "(a)", "(i)", "A", "A.1"
    line: int = 0


@dataclass
class Contract:
    name: str
    title: str = ""
    header: str = ""
    style: str = "clean"
    records: list[Record] = field(default_factory=list)


def roman(value: int) -> str:
    out = []
    for amount, letters in ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _letter(index: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[index - 1]


def parse_source(path: Path) -> Contract:
    """Parse one source and assign the numbers Word's numbering will display."""
    contract = Contract(name=path.name.removesuffix(".msa"))
    article = section = sub = subsub = 0
    for line_no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        tag, sep, rest = raw.partition(":")
        if not sep or tag not in TAGS:
            raise ValueError(f"{path}:{line_no}: unknown record {raw[:40]!r}")
        fields = tuple(part.strip() for part in rest.split(" | ")) if tag in (
            "SECTION", "EXHIBIT", "XSECTION", "TABLE") else (rest.strip(),)
        number = None
        if tag == "TITLE":
            contract.title = fields[0]
        elif tag == "HEADER":
            contract.header = fields[0]
            continue
        elif tag == "STYLE":
            contract.style = fields[0]
            continue
        elif tag == "ARTICLE":
            article, section = article + 1, 0
            number = str(article)
        elif tag == "SECTION":
            section, sub = section + 1, 0
            number = f"{article}.{section}"
        elif tag == "SUB":
            sub, subsub = sub + 1, 0
            number = f"({_letter(sub)})"
        elif tag == "SUBSUB":
            subsub += 1
            number = f"({roman(subsub).lower()})"
        elif tag == "EXHIBIT":
            number = fields[0]
        elif tag == "XSECTION":
            number = fields[0]
        expected_fields = {"SECTION": 2, "EXHIBIT": 2, "XSECTION": 3}.get(tag)
        if expected_fields and len(fields) != expected_fields:
            raise ValueError(f"{path}:{line_no}: {tag} needs {expected_fields} fields separated by ' | '")
        contract.records.append(Record(tag, fields, number, line_no))
    return contract


def outline(contract: Contract, fmt: str) -> list[list[str | None]]:
    """The numbered clauses as [number as displayed, heading]: the golden segmentation.

    Articles display "ARTICLE 3" in DOCX/PDF and "ARTICLE III" in a messy filing; the golden keeps
    the bare number as written ("3" or "III"). Sub-clauses carry no heading.
    """
    rows: list[list[str | None]] = []
    for record in contract.records:
        if record.tag == "ARTICLE":
            shown = roman(int(record.number)) if _messy(contract, fmt) else record.number
            rows.append([shown, record.fields[0]])
        elif record.tag == "SECTION":
            rows.append([record.number, record.fields[0]])
        elif record.tag in ("SUB", "SUBSUB"):
            rows.append([record.number, None])
        elif record.tag == "EXHIBIT":
            rows.append([record.number, record.fields[1]])
        elif record.tag == "XSECTION":
            rows.append([record.number, record.fields[1]])
    return rows


def _messy(contract: Contract, fmt: str) -> bool:
    return fmt == "txt" and contract.style == "messy"


# ---------------------------------------------------------------- plain text

def render_text(contract: Contract) -> str:
    """Plain text, hard-wrapped; in messy style also filing artifacts (headers, page lines)."""
    messy = contract.style == "messy"
    width = 72 if messy else 78
    lines: list[str] = []

    def para(text: str, indent: str = "", first: str | None = None) -> None:
        lines.extend(textwrap.wrap(text, width, initial_indent=first if first is not None else indent,
                                   subsequent_indent=indent, break_on_hyphens=False))
        lines.append("")

    section_index = 0
    table_rows: list[tuple[str, ...]] = []
    for record in contract.records + [Record("END", ())]:
        if record.tag != "TABLE" and table_rows:
            widths = [max(len(row[i]) for row in table_rows) for i in range(len(table_rows[0]))]
            for row in table_rows:
                lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
            lines.append("")
            table_rows = []
        tag, fields = record.tag, record.fields
        if tag == "TITLE":
            lines += [fields[0].center(width).rstrip(), ""]
        elif tag == "P":
            para(fields[0])
        elif tag == "PC":
            lines += [fields[0].center(width).rstrip(), ""]
        elif tag == "ARTICLE":
            shown = roman(int(record.number)) if messy else record.number
            lines += [f"ARTICLE {shown}", fields[0].upper(), ""]
            section_index = 0
        elif tag == "SECTION":
            section_index += 1
            gap = "" if messy and section_index == 1 else " "
            para(f"{record.number}{gap}{fields[0]}.{' ' if fields[1] else ''}{fields[1]}")
        elif tag == "SUB":
            para(fields[0], indent="    ", first=f"    {record.number} ")
        elif tag == "SUBSUB":
            para(fields[0], indent="        ", first=f"        {record.number} ")
        elif tag == "TEXT":
            para(fields[0], indent="    ")
        elif tag == "EXHIBIT":
            lines += ["\f" if not messy else "", f"EXHIBIT {fields[0]}".center(width).rstrip(),
                      fields[1].upper().center(width).rstrip(), ""]
        elif tag == "XSECTION":
            para(f"{fields[0]} {fields[1]}. {fields[2]}")
        elif tag == "TABLE":
            table_rows.append(fields)
        elif tag == "SIG":
            if fields[0].endswith(":") or (messy and fields[0].isupper()):
                lines.append("")
            lines.append(fields[0])
    text = "\n".join(lines).strip("\n") + "\n"
    return _paginate_filing(text, contract.header, width) if messy else text.replace("\n\f\n", "\n\f")


def _paginate_filing(text: str, header: str, width: int, page_lines: int = 30) -> str:
    """Cut text into pages with a running header and a "Page X of Y" line, as filings show them."""
    body = text.splitlines()
    pages = [body[i:i + page_lines] for i in range(0, len(body), page_lines)]
    out: list[str] = []
    for number, page in enumerate(pages, 1):
        if number > 1:
            out += [header, ""]
        out += page
        out += ["", f"Page {number} of {len(pages)}".center(width).rstrip(), "_" * 24, ""]
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING_ID = 90
LEVELS = (  # ilvl, format, text, left indent, hanging (twips)
    (0, "decimal", "ARTICLE %1", 0, 0),
    (1, "decimal", "%1.%2", 720, 720),
    (2, "lowerLetter", "(%3)", 1440, 720),
    (3, "lowerRoman", "(%4)", 2160, 720),
)
ARTICLE_STYLE = "MSA Article"


def _abstract_numbering_xml() -> str:
    levels = []
    for ilvl, fmt, text, left, hanging in LEVELS:
        style = f'<w:pStyle w:val="MSAArticle"/>' if ilvl == 0 else ""
        suffix = '<w:suff w:val="space"/>' if ilvl == 0 else ""
        run = "<w:rPr><w:b/></w:rPr>" if ilvl < 2 else ""
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{style}{suffix}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{run}</w:lvl>')
    return (f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{NUMBERING_ID}">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')


def _install_numbering(document) -> None:
    """Add the contract's multi-level list to numbering.xml and a numbering-linked article style."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    numbering = document.part.numbering_part.element
    abstract = parse_xml(_abstract_numbering_xml())
    existing_nums = numbering.findall(f"{{{W_NS}}}num")
    if existing_nums:
        existing_nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{NUMBERING_ID}"><w:abstractNumId w:val="{NUMBERING_ID}"/></w:num>'))

    style = document.styles.add_style(ARTICLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.bold = True
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style.paragraph_format.space_before = Pt(12)
    style.paragraph_format.keep_with_next = True
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="{NUMBERING_ID}"/></w:numPr>'))


def _number(paragraph, ilvl: int) -> None:
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{NUMBERING_ID}"/></w:numPr>'))


def _add_field(paragraph, instruction: str, shown: str) -> None:
    from docx.oxml import parse_xml

    for xml in (f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
                f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r xmlns:w="{W_NS}"><w:t>{shown}</w:t></w:r>',
                f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))


def render_docx(contract: Contract) -> bytes:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Inches, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    _install_numbering(document)

    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    header = section.header.paragraphs[0]
    header.text = contract.header
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.runs[0].font.size = Pt(9)
    header.runs[0].italic = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _add_field(footer, "NUMPAGES", "1")

    def body(text: str, *, bold_lead: str | None = None, align=WD_ALIGN_PARAGRAPH.JUSTIFY):
        paragraph = document.add_paragraph()
        paragraph.alignment = align
        if bold_lead:
            paragraph.add_run(bold_lead).bold = True
            if text:
                paragraph.add_run(" ")
        if text:
            paragraph.add_run(text)
        return paragraph

    table_rows: list[tuple[str, ...]] = []
    previous_tag = None
    for record in contract.records + [Record("END", ())]:
        if record.tag != "TABLE" and table_rows:
            table = document.add_table(rows=0, cols=len(table_rows[0]))
            table.style = document.styles["Table Grid"]
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for index, row in enumerate(table_rows):
                cells = table.add_row().cells
                for cell, value in zip(cells, row):
                    cell.text = value
                    if index == 0:
                        cell.paragraphs[0].runs[0].bold = True
            document.add_paragraph()
            table_rows = []
        tag, fields = record.tag, record.fields
        if tag == "TITLE":
            paragraph = body("", bold_lead=fields[0], align=WD_ALIGN_PARAGRAPH.CENTER)
            paragraph.runs[0].font.size = Pt(14)
        elif tag == "P":
            body(fields[0])
        elif tag == "PC":
            body("", bold_lead=fields[0], align=WD_ALIGN_PARAGRAPH.CENTER)
        elif tag == "ARTICLE":
            paragraph = document.add_paragraph(fields[0], style=ARTICLE_STYLE)
        elif tag == "SECTION":
            _number(body(fields[1], bold_lead=f"{fields[0]}."), 1)
        elif tag == "SUB":
            _number(body(fields[0]), 2)
        elif tag == "SUBSUB":
            _number(body(fields[0]), 3)
        elif tag == "TEXT":
            body(fields[0]).paragraph_format.left_indent = Inches(0.5)
        elif tag == "EXHIBIT":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            body("", bold_lead=f"EXHIBIT {fields[0]}", align=WD_ALIGN_PARAGRAPH.CENTER)
            body("", bold_lead=fields[1], align=WD_ALIGN_PARAGRAPH.CENTER)
        elif tag == "XSECTION":
            paragraph = body(fields[2], bold_lead=f"{fields[0]}\t{fields[1]}.")
            paragraph.paragraph_format.left_indent = Inches(0.5)
            paragraph.paragraph_format.first_line_indent = Inches(-0.5)
        elif tag == "TABLE":
            table_rows.append(fields)
        elif tag == "SIG":
            paragraph = body(fields[0], align=WD_ALIGN_PARAGRAPH.LEFT)
            paragraph.paragraph_format.space_after = Pt(0)
            if fields[0].endswith(":"):
                paragraph.paragraph_format.space_before = Pt(18)
                paragraph.runs[0].bold = True
                paragraph.paragraph_format.keep_with_next = True
            if previous_tag != "SIG":
                paragraph.paragraph_format.keep_with_next = True
        previous_tag = tag

    core = document.core_properties
    core.title, core.author, core.last_modified_by = contract.title.title(), "msa-toolkit samples", "msa-toolkit"
    core.created = core.modified = FIXED_DATE
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the same source gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- PDF

def render_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice headless in a private profile, then pin its date and id."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice (LibreOffice) is needed to build the sample PDFs")
    with tempfile.TemporaryDirectory(prefix="msa-samples-lo-") as profile, \
            tempfile.TemporaryDirectory(prefix="msa-samples-pdf-") as work:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", work, str(docx_path)],
            check=True, capture_output=True, timeout=300)
        produced = Path(work) / (docx_path.stem + ".pdf")
        target = out_dir / produced.name
        target.write_bytes(_pin_pdf_metadata(produced.read_bytes()))
    return target


def _pin_pdf_metadata(data: bytes) -> bytes:
    """Replace creation date and document id with fixed values of the same length (xref stays valid)."""
    def same_length_date(match: re.Match) -> bytes:
        value = match.group(2)
        fixed = b"D:20250101000000" + b"Z" * max(0, len(value) - 16)
        return match.group(1) + fixed[:len(value)] + b")"

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()([^)]*)\)", same_length_date, data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + b"0" * 32, data)
    return re.sub(rb"<[0-9A-Fa-f]{32}>", lambda m: b"<" + b"0" * 32 + b">", data)


# ---------------------------------------------------------------- main

def sources() -> list[Path]:
    return sorted(SOURCE_DIR.glob("*.msa"))


def build(out_dir: Path = OUTPUT_DIR, *, pdf: bool = True) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sources():
        contract = parse_source(source)
        text_path = out_dir / f"{contract.name}.txt"
        text_path.write_text(render_text(contract), encoding="utf-8")
        written.append(text_path)
        if contract.style == "messy":
            continue
        docx_path = out_dir / f"{contract.name}.docx"
        docx_path.write_bytes(render_docx(contract))
        written.append(docx_path)
        if pdf:
            written.append(render_pdf(docx_path, out_dir))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT_DIR, help="output folder")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF step")
    options = parser.parse_args(argv)
    for path in build(options.out, pdf=not options.no_pdf):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
