"""Plain text and Markdown: decode, then paragraphs on blank lines (or lines when there are none)."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import MsaError
from ..limits import Limits
from ..model import Block, RawDocument
from .joining import join_wrapped_lines

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of characters that may be control characters before a file counts as binary.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
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


def text_to_blocks(text: str) -> list[Block]:
    """Paragraphs separated by blank lines (lines when there are none); `#` headings stand alone."""
    has_pages = "\f" in text
    lines = _numbered_lines(text.strip())
    has_blank_lines = any(not line.strip() for _, line in lines)
    blocks: list[Block] = []
    pending: list[str] = []
    pending_page = 1

    def flush() -> None:
        if pending:
            joined = strip_markdown_emphasis(join_wrapped_lines(pending))
            if joined:
                blocks.append(Block(text=joined, page=pending_page if has_pages else None))
            pending.clear()

    for page, line in lines:
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
    pages = text.count("\f") + 1 if "\f" in text else None
    return RawDocument(path=str(path), format="text", blocks=tuple(blocks), pages=pages)
