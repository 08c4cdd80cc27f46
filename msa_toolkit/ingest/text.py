"""Plain text and Markdown: decode, then paragraphs on blank lines (or lines when there are none)."""
from __future__ import annotations

import codecs
import re
from collections import Counter
from pathlib import Path

from .. import pattern_cache
from ..errors import MsaError
from ..limits import Limits
from ..model import Block, RawDocument
from .joining import join_wrapped_lines
from .page_furniture import SENTENCE_END, is_page_marker, is_page_number_line, may_be_running_line, normalize
from .text_paragraphs import printed_width, split_paragraph

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of characters that may be control characters before a file counts as binary.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = pattern_cache.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HEADING = pattern_cache.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
# Bold/strong markers around text; the guards keep "[***]" redactions and "____" blanks intact.
_STRONG = (
    re.compile(r"(?<![*\w])\*\*(?![\s*])(.+?)(?<![\s*])\*\*(?![*\w])"),
    re.compile(r"(?<![_\w])__(?![\s_])(.+?)(?<![\s_])__(?![_\w])"),
)


def decode_text(data: bytes, path: Path) -> str:
    """Decode bytes as text: BOM-declared UTF-8/16/32, else UTF-8, else cp1252; refuse binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise MsaError("E130", f"the file declares {encoding} but does not decode ({exc.reason})", path) from None
            break
    else:
        if b"\x00" in data:
            raise MsaError("E103", "binary data, not a PDF, Word document or text file", path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise MsaError("E102", "the file contains only whitespace", path)
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text) or text.count("\ufffd") > _MAX_CONTROL_SHARE * len(text):
        raise MsaError("E103", "binary data, not a PDF, Word document or text file", path)
    return text


def strip_markdown_emphasis(text: str) -> str:
    for pattern in _STRONG:
        text = pattern.sub(r"\1", text)
    return text


def _numbered_lines(text: str) -> list[tuple[int, str]]:
    """Lines with the 1-based page each sits on (form feeds separate pages, as pdftotext writes)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [
        (page, line)
        for page, page_text in enumerate(text.split("\f"), start=1)
        for line in page_text.split("\n")
    ]


def remove_page_furniture(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str | None]], bool]:
    """Drop printed page numbers ("Page 7 of 10", "Acme MSA      Page 7 of 10") and the running lines next to them.

    Text saved from a paginated filing keeps its footers and headers. Each page-number line (and
    each EDGAR "<PAGE>" marker that no page number stands beside),
    with the blank lines around it and any neighbouring line that recurs next to most page
    numbers, becomes a page break marker (text None) so a paragraph can continue across it.
    Returns the lines and whether any page break was found.
    """
    lines = _blank_page_markers_beside_numbers(lines)
    numbers = [i for i, (_, line) in enumerate(lines) if is_page_number_line(line) or is_page_marker(line)]
    if not numbers:
        return list(lines), False
    breaks = set(numbers)
    # Another page break is never a running line: on a short page it would take the text between.
    zones = [[j for j in _neighbours(lines, i) if j not in breaks] for i in numbers]
    # Count each neighbouring line once: a short page whose heading sits next to two page numbers
    # is one line, not a line that recurs.
    near = {j for zone in zones for j in zone}
    counts = Counter(normalize(lines[j][1]) for j in near)
    # A line that recurs word for word at the page breaks is running text even when it reads like a
    # clause start ("Exhibit 10.1" printed at the top of every page of an EDGAR exhibit).
    # Its first printing stays: "EXHIBIT A" opening the exhibit's first page is its title; the
    # same words atop the pages after it are the running header.
    verbatim = Counter(" ".join(lines[j][1].split()) for j in near)
    first_printing: dict[str, int] = {}
    for j, (_, line) in enumerate(lines):
        key = " ".join(line.split())
        if key in verbatim:
            first_printing.setdefault(key, j)

    def repeated_clause_like(j: int) -> bool:
        key = " ".join(lines[j][1].split())
        return verbatim[key] >= needed and first_printing[key] != j

    needed = max(2, (len(numbers) + 1) // 2)
    dropped: set[int] = set()
    for index, zone in zip(numbers, zones):
        running = {j for j in zone if counts[normalize(lines[j][1])] >= needed and (
            may_be_running_line(lines[j][1]) or repeated_clause_like(j))}
        # The furniture is the page number with the blank and running lines right around it; a
        # running line farther off, past a line of text, does not take that text with it.
        low = high = index
        while low > 0 and (not lines[low - 1][1].strip() or low - 1 in running):
            low -= 1
        while high + 1 < len(lines) and (not lines[high + 1][1].strip() or high + 1 in running):
            high += 1
        dropped.update(range(low, high + 1))
        dropped.discard(index)
    result: list[tuple[int, str | None]] = []
    page_shift = 0
    for i, (page, line) in enumerate(lines):
        if i in dropped:
            continue
        if i in numbers:
            result.append((page + page_shift, None))
            page_shift += 1
        else:
            result.append((page + page_shift, line))
    return result, True


def _blank_page_markers_beside_numbers(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Blank out a "<PAGE>" marker printed right after a page number: the number already breaks the page."""
    result = list(lines)
    for i, (page, line) in enumerate(lines):
        if is_page_marker(line) and any(is_page_number_line(lines[j][1]) for j in _neighbours(lines, i, reach=1)):
            result[i] = (page, "")
    return result


def _neighbours(lines: list[tuple[int, str]], index: int, reach: int = 2) -> list[int]:
    """Indices of up to `reach` non-blank lines before and after line `index`."""
    found = []
    for step in (-1, 1):
        j, taken = index + step, 0
        while 0 <= j < len(lines) and taken < reach:
            if lines[j][1].strip():
                found.append(j)
                taken += 1
            j += step
    return found


def _continues_after_break(pending: list[str], next_line: str) -> bool:
    """A paragraph goes on past a page break when it stopped mid-sentence in lower case."""
    text = " ".join(pending).rstrip()
    if not text or SENTENCE_END.search(text):
        return False
    return text[-1].islower() or text[-1] in ",-(" or next_line.lstrip()[:1].islower()


def text_to_blocks(text: str) -> list[Block]:
    """Paragraphs separated by blank lines (lines when there are none); `#` headings stand alone."""
    lines, has_breaks = remove_page_furniture(_numbered_lines(text.strip()))
    has_pages = has_breaks or "\f" in text
    has_blank_lines = any(line is not None and not line.strip() for _, line in lines)
    blocks: list[Block] = []
    pending: list[str] = []
    pending_page = 1
    at_break = False

    width = printed_width([line for _, line in lines if line is not None])

    def flush() -> None:
        for group in split_paragraph(pending, width) if pending else ():
            joined = strip_markdown_emphasis(join_wrapped_lines(group))
            if joined:
                blocks.append(Block(text=joined, page=pending_page if has_pages else None))
        pending.clear()

    for page, line in lines:
        if line is None:
            at_break = True
            continue
        if at_break and line.strip():
            if not _continues_after_break(pending, line):
                flush()
            at_break = False
        heading = _HEADING.match(line)
        if heading and heading.group(2):
            flush()
            blocks.append(Block(
                text=strip_markdown_emphasis(heading.group(2)), kind="heading",
                level=len(heading.group(1)) - 1, page=page if has_pages else None,
            ))
            continue
        if not line.strip():
            flush()
            continue
        if not pending:
            pending_page = page
        pending.append(line)
        if not has_blank_lines:
            flush()
    flush()
    return blocks


def read_text(path: Path, data: bytes, limits: Limits) -> RawDocument:
    text = decode_text(data, path)
    if len(text) > limits.max_chars:
        raise MsaError("E106", f"{len(text):,} characters of text, over the limit of {limits.max_chars:,}", path)
    blocks = text_to_blocks(text)
    pages = max((b.page for b in blocks if b.page), default=None)
    return RawDocument(path=str(path), format="text", blocks=tuple(blocks), pages=pages)
