"""Build msa_toolkit/data/templates/master_msa.docx, the one Word template every draft comes from.

Run `python tools/build_master_template.py` after changing the look of the agreement. The committed
.docx is the product; this script documents how it was made and rebuilds it byte for byte. It
defines the paragraph styles, links the "MSA Article/Section/Subsection" styles to one multi-level
list (lvlText "ARTICLE %1", "%1.%2", "(%3)"), and lays out the fixed parts: title, slots for the
generated paragraphs (`{{p name }}`), signature blocks, exhibit tables with docxtpl row loops, a
running header and a footer with a PAGE field. Each docxtpl tag sits in a single run, which the
template check in the tests verifies.
"""
from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Inches, Pt  # noqa: E402

from msa_toolkit.drafting import wordxml  # noqa: E402
from msa_toolkit.drafting.generator import deterministic_zip, set_fixed_properties  # noqa: E402

OUTPUT = ROOT / "msa_toolkit" / "data" / "templates" / "master_msa.docx"
FONT = "Times New Roman"
# (ilvl) -> paragraph indentation of the list level, in twips: left, hanging/firstLine, tab stop
LEVEL_LAYOUT = {
    0: '<w:pPr><w:jc w:val="center"/><w:ind w:left="0" w:firstLine="0"/></w:pPr>',
    1: '<w:pPr><w:tabs><w:tab w:val="num" w:pos="1440"/></w:tabs><w:ind w:left="0" w:firstLine="720"/></w:pPr>',
    2: '<w:pPr><w:tabs><w:tab w:val="num" w:pos="1440"/></w:tabs><w:ind w:left="1440" w:hanging="720"/></w:pPr>',
}


def _abstract_num_xml() -> str:
    levels = []
    for ilvl, style_id, _name, fmt, text in wordxml.LIST_LEVELS:
        suffix = '<w:suff w:val="space"/>' if ilvl == 0 else ""
        run = "<w:rPr><w:b/></w:rPr>" if ilvl == 0 else ""
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:pStyle w:val="{style_id}"/>{suffix}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f"{LEVEL_LAYOUT[ilvl]}{run}</w:lvl>"
        )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{wordxml.ABSTRACT_NUM_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )


def add_list_numbering(document) -> None:
    numbering = document.part.numbering_part.element
    abstract = parse_xml(_abstract_num_xml())
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{wordxml.NUM_ID}"><w:abstractNumId w:val="{wordxml.ABSTRACT_NUM_ID}"/></w:num>'
    ))


def _paragraph_style(document, name, *, bold=False, size=12, align=None, before=0, after=8,
                     keep_next=False, page_break=False, left=None, first_line=None, caps=False):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name, style.font.size, style.font.bold = FONT, Pt(size), bold
    style.font.all_caps = caps
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.keep_with_next, fmt.page_break_before = keep_next, page_break
    if left is not None:
        fmt.left_indent = Inches(left)
    if first_line is not None:
        fmt.first_line_indent = Inches(first_line)
    return style


def add_styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    _paragraph_style(document, "MSA Title", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, after=18)
    _paragraph_style(document, "MSA Heading", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=12, after=12,
                     keep_next=True)
    _paragraph_style(document, "MSA Body")
    _paragraph_style(document, "MSA Recital", first_line=0.5)
    _paragraph_style(document, "MSA Definition", left=0.5, after=6)
    _paragraph_style(document, "MSA Exhibit Label", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, page_break=True,
                     after=6, keep_next=True)
    _paragraph_style(document, "MSA Exhibit Title", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12,
                     keep_next=True)
    _paragraph_style(document, "MSA Table Text", align=WD_ALIGN_PARAGRAPH.LEFT, after=2, size=11)
    _paragraph_style(document, "MSA Signature", align=WD_ALIGN_PARAGRAPH.LEFT, after=4, keep_next=True)
    _paragraph_style(document, "MSA Article", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=18, after=10,
                     keep_next=True)
    _paragraph_style(document, "MSA Section")
    _paragraph_style(document, "MSA Subsection")
    for ilvl, style_id, name, *_ in wordxml.LIST_LEVELS:
        ppr = document.styles[name].element.get_or_add_pPr()
        ppr.insert(0, parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{wordxml.NUM_ID}"/></w:numPr>'
        ))
    for style_id, name in wordxml.PLAIN_STYLES + tuple((s, n) for _, s, n, *_ in wordxml.LIST_LEVELS):
        assert document.styles[name].style_id == style_id, (name, style_id)


def _page_field(paragraph) -> None:
    def run_xml(inner):
        return parse_xml(f'<w:r {nsdecls("w")}>{inner}</w:r>')

    paragraph.add_run("Page ")
    for inner in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                  '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        paragraph._p.append(run_xml(inner))


def add_header_footer(document) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run("{{ header_text }}")
    run.italic, run.font.size, run.font.name = True, Pt(9), FONT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    for run in footer.runs:
        run.font.size, run.font.name = Pt(10), FONT


def _slot(document, name: str) -> None:
    document.add_paragraph(f"{{{{p {name} }}}}", style="MSA Body")


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        ) + "</w:tblBorders>"
    ))


def add_signature_blocks(document) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    blocks = (
        ("PRACTICE:", "practice_name", "practice_signatory", "practice_signatory_title"),
        ("MANAGER:", "mso_name", "mso_signatory", "mso_signatory_title"),
    )
    for cell, (label, name, signer, title) in zip(table.rows[0].cells, blocks):
        lines = (label, f"{{{{ {name} }}}}", "", "By: ______________________________", f"Name: {{{{ {signer} }}}}",
                 f"Title: {{{{ {title} }}}}")
        cell.paragraphs[0].text = lines[0]
        cell.paragraphs[0].style = document.styles["MSA Signature"]
        for line in lines[1:]:
            paragraph = cell.add_paragraph(style="MSA Signature")
            run = paragraph.add_run(line)
            run.bold = line.startswith("{{")


def add_loop_table(document, headings, row_name, columns, widths) -> None:
    """A table whose middle rows repeat per item: `{%tr for ... %}` / cells / `{%tr endfor %}`."""
    table = document.add_table(rows=4, cols=len(headings))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = (
        [(h, True) for h in headings],
        [(f"{{%tr for row in {row_name} %}}", False)] + [("", False)] * (len(headings) - 1),
        [(f"{{{{ row.{c} }}}}", False) for c in columns],
        [("{%tr endfor %}", False)] + [("", False)] * (len(headings) - 1),
    )
    for row, content in zip(table.rows, rows):
        for cell, (text, bold), width in zip(row.cells, content, widths):
            cell.width = Inches(width)
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["MSA Table Text"]
            if text:
                paragraph.add_run(text).bold = bold


def build() -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    add_styles(document)
    add_list_numbering(document)
    add_header_footer(document)
    document.add_paragraph("{{ title }}", style="MSA Title")
    _slot(document, "preamble")
    document.add_paragraph("RECITALS", style="MSA Heading")
    _slot(document, "recitals")
    _slot(document, "body")
    _slot(document, "signature_intro")
    add_signature_blocks(document)
    _slot(document, "exhibit_services")
    add_loop_table(document, ("Function", "Responsible Party"), "allocation_rows", ("function", "party"), (4.5, 2.0))
    _slot(document, "exhibit_fees")
    add_loop_table(document, ("Item", "Amount", "Terms"), "fee_rows", ("item", "amount", "terms"), (1.8, 2.4, 2.3))
    _slot(document, "exhibit_locations")
    add_loop_table(document, ("Location", "Address"), "location_rows", ("name", "address"), (2.0, 4.5))
    set_fixed_properties(document, dt.date(2026, 1, 1), "Management Services Agreement (master template)")
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


if __name__ == "__main__":
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(build())
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
