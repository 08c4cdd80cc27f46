"""Margin cleaning and paragraph joining on positioned lines, independent of any PDF library."""
import pytest

from msa_toolkit.ingest.pdf_lines import PdfLine, PdfPage
from msa_toolkit.ingest.pdf_paragraphs import paragraphs, remove_running_lines


def page(number, rows):
    """rows: (top, text, x1) on a 612x792 page, body text 10pt from x=72."""
    lines = [PdfLine(text=text, top=top, bottom=top + 10, x0=72, x1=x1) for top, text, x1 in rows]
    return PdfPage(number=number, width=612, height=792, lines=lines)


@pytest.mark.parametrize("footer", ["- 3 -", "Page 3", "Page 3 of 12", "3", "iii", "Page 3/12"])
def test_page_number_footers_are_removed_even_on_a_single_page(footer):
    pages = [page(1, [(100, "The Manager shall bill.", 200), (760, footer, 320)])]
    remove_running_lines(pages)
    assert [line.text for line in pages[0].lines] == ["The Manager shall bill."]


def test_repeated_margin_lines_go_but_body_lines_and_moved_repeats_stay():
    pages = [
        page(n, [(30, f"Confidential - MSA v{n}", 300), (100, "Body text of the page.", 220),
                 (740 - 20 * n, "Initials: ____", 200)])  # same text, never at the same height
        for n in (1, 2, 3, 4)
    ]
    remove_running_lines(pages)
    assert [line.text for line in pages[0].lines] == ["Body text of the page.", "Initials: ____"]
    assert [line.text for line in pages[3].lines] == ["Body text of the page.", "Initials: ____"]


def test_gap_and_early_line_end_separate_paragraphs_and_page_breaks_continue_sentences():
    full = 540
    first = page(1, [
        (100, "1.1 Services. The Manager shall provide billing, scheduling and", full),
        (114, "collection services to the Practice.", 280),
        (128, "1.2 Fees. The Practice shall pay the Manager a fixed monthly fee that", full),
        (142, "is consistent with fair market value and reviewed by the parties each", full),
    ])
    second = page(2, [(100, "year in good faith.", 190), (128, "ARTICLE 2", 140)])
    blocks = paragraphs([first, second])
    assert [(b.text, b.page) for b in blocks] == [
        ("1.1 Services. The Manager shall provide billing, scheduling and collection services to the Practice.", 1),
        ("1.2 Fees. The Practice shall pay the Manager a fixed monthly fee that is consistent with fair market "
         "value and reviewed by the parties each year in good faith.", 1),
        ("ARTICLE 2", 2),
    ]
