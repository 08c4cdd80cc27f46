"""PDF: paragraphs in reading order, margins cleaned, layout-aware only where layout matters."""
import re
import shutil
import subprocess

import pytest

from msa_toolkit.errors import MsaError
from msa_toolkit.ingest import read_raw
from msa_toolkit.ingest.pdf import read_pdf
from pdfgen import Line, Page, Text, build_pdf, paginate, wrap

HEADER = "Acme Management LLC / Smith Medical P.C. - Management Services Agreement"
SECTIONS = [
    "MANAGEMENT SERVICES AGREEMENT",
    'This Management Services Agreement is made between Acme Management LLC (the "Manager") and '
    'Smith Medical P.C. (the "Practice").',
    "ARTICLE 1",
    "SERVICES",
] + [
    f"1.{i} Services {i}. The Manager shall provide administrative support including billing, scheduling and "
    f"the manage~ment of vendor relationships under the Non~Compete policy, while the Practice retains sole "
    f"authority over all clinical decisions and the professional judgment of its licensed providers."
    for i in range(1, 16)
]


def unbroken(text):
    """The text as a reader should give it back: hyphenation points closed up."""
    return re.sub("~(?=[A-Z])", "-", text).replace("~", "")


def write(directory, name, data):
    path = directory / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="session")
def contract_pdf(fixture_dir):
    return write(fixture_dir, "contract.pdf", build_pdf(paginate(SECTIONS, header=HEADER, lines_per_page=33)))


@pytest.fixture(scope="session")
def contract(contract_pdf, limits):
    return read_raw(contract_pdf, limits=limits)


def test_paragraphs_are_joined_and_in_order(contract):
    texts = [b.text for b in contract.blocks]
    assert texts == [unbroken(text) for text in SECTIONS]
    assert texts[4].startswith("1.1 Services 1. The Manager shall provide administrative support including billing,")
    assert texts[-1].endswith("the professional judgment of its licensed providers.")


def test_running_header_and_page_numbers_are_removed(contract):
    assert contract.pages >= 3
    body = " ".join(b.text for b in contract.blocks)
    assert "Acme Management LLC / Smith" not in body
    assert not re.search(r"Page \d+ of \d+", body)


def test_hyphenated_line_breaks_are_joined(contract):
    body = " ".join(b.text for b in contract.blocks)
    assert body.count("management of vendor") == 15
    assert body.count("Non-Compete") == 15
    assert "manage-" not in body and "manage ment" not in body


def test_each_block_keeps_the_page_it_starts_on(contract):
    pages = [b.page for b in contract.blocks]
    assert pages == sorted(pages)
    assert pages[0] == 1 and pages[-1] == contract.pages
    spanning = [b for b in contract.blocks if b.text.startswith("1.")]
    assert all(b.text.endswith("licensed providers.") for b in spanning)  # none cut at a page break


def test_fast_text_layer_matches_the_layout_aware_reader(contract_pdf, limits):
    fast = read_pdf(contract_pdf, limits=limits, layout="fast")
    careful = read_pdf(contract_pdf, limits=limits, layout="careful")
    squash = lambda raw: [(" ".join(b.text.split()), b.page) for b in raw.blocks]  # noqa: E731
    assert squash(fast) == squash(careful)


LEFT_COLUMN = ["The Manager shall provide billing and collection services as agent of the Practice.",
               "The Manager shall maintain the premises, equipment and supplies of the office."]
RIGHT_COLUMN = ["The Practice shall hire, supervise and discharge all licensed clinical staff.",
                "The Practice shall own all patient records and decide every treatment protocol."]


def two_column_page():
    """A centred title over two columns of wrapped paragraphs whose lines share baselines."""
    page = Page([Text(306 - 9 * 6, 740, "TWO COLUMN EXHIBIT")])
    for x, paragraphs in ((72, LEFT_COLUMN), (330, RIGHT_COLUMN)):
        rows = []
        for paragraph in paragraphs:
            rows += wrap(paragraph, 30) + [None]
        for index, row in enumerate(rows):
            if row:
                page.items.append(Text(x, 700 - index * 14, row))
    return page


def test_two_column_page_reads_left_column_then_right(fixture_dir, limits):
    path = write(fixture_dir, "columns.pdf", build_pdf([two_column_page()]))
    texts = [b.text for b in read_raw(path, limits=limits).blocks]
    assert texts == ["TWO COLUMN EXHIBIT"] + LEFT_COLUMN + RIGHT_COLUMN


def test_ruled_table_comes_out_as_rows(fixture_dir, limits):
    page = Page([Text(72, 720, "Exhibit B. The monthly fee is set out below.")])
    xs, ys = (72, 250, 450), (700, 680, 660, 640)
    page.items += [Line(xs[0], y, xs[-1], y) for y in ys] + [Line(x, ys[0], x, ys[-1]) for x in xs]
    for row, (a, b) in enumerate([("Service", "Monthly fee"), ("Billing", "$4,000"), ("Scheduling", "$1,500")]):
        page.items += [Text(78, ys[row] - 14, a), Text(256, ys[row] - 14, b)]
    page.items.append(Text(72, 600, "Fees are reviewed each year for fair market value."))
    path = write(fixture_dir, "table.pdf", build_pdf([page]))
    blocks = read_raw(path, limits=limits).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Exhibit B. The monthly fee is set out below."),
        ("table_row", "Service | Monthly fee"),
        ("table_row", "Billing | $4,000"),
        ("table_row", "Scheduling | $1,500"),
        ("paragraph", "Fees are reviewed each year for fair market value."),
    ]


def test_scanned_pdf_is_e112_with_an_ocr_hint(fixture_dir, limits):
    path = write(fixture_dir, "scan.pdf", build_pdf([Page(image_only=True), Page(image_only=True)]))
    with pytest.raises(MsaError) as caught:
        read_raw(path, limits=limits)
    assert caught.value.code == "E112"
    assert "ocrmypdf" in caught.value.message


def test_partly_scanned_pdf_reads_with_a_warning(fixture_dir, limits):
    pages = paginate(SECTIONS[:6]) + [Page(image_only=True)]
    raw = read_raw(write(fixture_dir, "partial.pdf", build_pdf(pages)), limits=limits)
    assert raw.blocks and any("without a text layer" in w and str(len(pages)) in w for w in raw.warnings)


def test_encrypted_pdf_needs_its_password(fixture_dir, limits):
    path = write(fixture_dir, "locked.pdf", build_pdf(paginate(SECTIONS[:5]), encrypt_password="s3cret"))
    for password in (None, "wrong"):
        with pytest.raises(MsaError) as caught:
            read_raw(path, limits=limits, password=password)
        assert caught.value.code == "E110"
    raw = read_raw(path, limits=limits, password="s3cret")
    assert [b.text for b in raw.blocks] == SECTIONS[:4] + [unbroken(SECTIONS[4])]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_word_rendered_pdf_reads_like_its_docx(fixture_dir, limits):
    """A DOCX with a running header and a PAGE-field footer, rendered by LibreOffice."""
    import docx

    from docxgen import add_page_number_field

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER
    add_page_number_field(document.sections[0].footer.paragraphs[0])
    for text in SECTIONS:
        document.add_paragraph(text.replace("~", ""))
    source = fixture_dir / "rendered.docx"
    document.save(source)
    profile = fixture_dir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(fixture_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    from_pdf = read_raw(fixture_dir / "rendered.pdf", limits=limits)
    from_docx = read_raw(source, limits=limits)
    assert from_pdf.pages >= 2
    assert [b.text for b in from_pdf.blocks] == [b.text for b in from_docx.blocks]
