"""PDF reader: pdfium's fast text layer for every page, pdfplumber only where layout matters.

Then running headers, footers and page numbers are removed and lines become paragraphs.
Encrypted, damaged, scanned and oversized files each raise their own coded `MsaError`.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import MsaError
from ..limits import Limits
from ..model import RawDocument
from .pdf_lines import PdfPage
from .pdf_paragraphs import paragraphs, remove_running_lines

# A page with fewer non-blank characters than this has no real text layer (a scan, a stamp).
TEXTLESS_PAGE_CHARS = 40
# a forked reader must have at least this many pages to be worth its start
MIN_PAGES_PER_JOB = 40
OCR_HINT = "run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, and read the OCR'd copy"


def read_pdf(path: Path, *, limits: Limits, password: str | None = None, layout: str = "auto",
             jobs: int | None = None) -> RawDocument:
    """Read a PDF into paragraph blocks.

    `layout` is "auto" (pdfplumber only for pages with columns or ruled tables), "fast" (pdfium
    only) or "careful" (pdfplumber for every page); the last two exist to compare the paths.
    `jobs` > 1 lets the pages of a long PDF be read by that many processes (same result).
    """
    pages, flagged, warnings = _read_text_layer(path, limits, password, jobs)
    textless = [page.number for page in pages if page.chars < TEXTLESS_PAGE_CHARS]
    if len(textless) == len(pages):
        raise MsaError(
            "E112",
            f"no text layer: the PDF's {len(pages)} page(s) hold (almost) no extractable text, "
            f"as in a scan; {OCR_HINT}",
            path,
        )
    if textless:
        warnings.append(f"pages without a text layer (scanned?), their content is missing: {_ranges(textless)}")
    if layout == "careful":
        flagged = {page.number: flagged.get(page.number) for page in pages if page.chars}
    elif layout == "fast":
        flagged = {}
    if flagged:
        _reread_with_layout(path, password, pages, flagged, warnings)
    remove_running_lines(pages)
    blocks = paragraphs(pages)
    return RawDocument(
        path=str(path), format="pdf", blocks=tuple(blocks), pages=len(pages), warnings=tuple(warnings),
    )


def _read_text_layer(path: Path, limits: Limits, password: str | None, jobs: int | None = None):
    import pypdfium2 as pdfium

    from ..parallel import map_chunks

    document = _open(pdfium, path, password)
    pages: list[PdfPage] = []
    flagged: dict[int, float | None] = {}
    warnings: list[str] = []
    try:
        count = len(document)
        if count == 0:
            raise MsaError("E111", "the PDF has no pages (damaged or truncated?)", path)
        if count > limits.max_pages:
            raise MsaError("E105", f"{count:,} pages, over the limit of {limits.max_pages:,}", path)

        def read_share(indices) -> list:
            # a share read by a forked copy opens the file again: pdfium handles are not shared
            mine = document if indices[0] == 0 else _open(pdfium, path, password)
            try:
                return [_read_page(pdfium, mine, index) for index in indices]
            finally:
                if mine is not document:
                    mine.close()

        chars = 0
        unreadable = []
        for index, outcome in enumerate(map_chunks(read_share, range(count), jobs, weight=_one,
                                                   min_per_job=MIN_PAGES_PER_JOB)):
            if outcome is None:
                unreadable.append(index + 1)
                continue
            result, reason, gutter = outcome
            pages.append(result)
            if reason:
                flagged[result.number] = gutter
            chars += sum(len(line.text) for line in result.lines)
            if chars > limits.max_chars:
                raise MsaError("E106", f"more than {limits.max_chars:,} characters of text", path)
        if not pages:
            raise MsaError("E111", "none of the PDF's pages can be read (damaged?)", path)
        if unreadable:
            warnings.append(f"damaged pages skipped: {_ranges(unreadable)}")
    except pdfium.PdfiumError as exc:
        raise MsaError("E111", f"the PDF is damaged ({_pdfium_reason(exc)})", path) from None
    finally:
        document.close()
    return pages, flagged, warnings


def _one(_index) -> int:
    return 1


def _read_page(pdfium, document, index: int):
    """(page, why layout matters, gutter) of one page, or None when pdfium cannot load the page."""
    from .pdf_fast import read_fast_page

    try:
        page = document[index]
    except pdfium.PdfiumError:
        return None
    try:
        return read_fast_page(page, index + 1)
    finally:
        page.close()


def _open(pdfium, path: Path, password: str | None):
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        reason = _pdfium_reason(exc)
        if "password" in reason.lower():
            if password:
                raise MsaError("E110", "the PDF is encrypted and the password given does not open it", path) from None
            raise MsaError(
                "E110", "the PDF is encrypted; give its password (msa-check --password ...)", path,
            ) from None
        if "security" in reason.lower():
            raise MsaError("E110", "the PDF uses an encryption scheme that cannot be opened", path) from None
        raise MsaError("E111", f"the PDF is damaged or truncated ({reason})", path) from None


def _pdfium_reason(exc: Exception) -> str:
    text = str(exc)
    if "PDFium:" in text:
        return text.split("PDFium:", 1)[1].strip(" ).")
    return text


def _reread_with_layout(path: Path, password, pages: list[PdfPage], flagged: dict, warnings: list[str]) -> None:
    """Replace the flagged pages' lines with pdfplumber's layout-aware reading.

    pdfminer fails on some files pdfium reads; then the fast reading stands, with a warning.
    """
    from .pdf_layout import read_layout_page

    try:
        import pdfplumber

        plumber = pdfplumber.open(str(path), password=password or "")
    except Exception:  # noqa: BLE001 - any pdfminer failure leaves the fast reading in place
        warnings.append(f"layout analysis unavailable; columns or tables on pages {_ranges(sorted(flagged))} may be out of order")
        return
    by_number = {page.number: i for i, page in enumerate(pages)}
    failed = []
    try:
        for number, gutter in sorted(flagged.items()):
            try:
                plumber_page = plumber.pages[number - 1]
                pages[by_number[number]] = read_layout_page(plumber_page, number, gutter)
                plumber_page.close()
            except Exception:  # noqa: BLE001 - see above
                failed.append(number)
    finally:
        plumber.close()
    if failed:
        warnings.append(f"layout analysis failed; columns or tables on pages {_ranges(failed)} may be out of order")


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)
