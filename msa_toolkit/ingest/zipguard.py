"""Checks on a DOCX's zip container before any XML library opens it.

A 1 MB DOCX can inflate to gigabytes, carry thousands of entries, or hide a DTD with entity
definitions; each of those is refused here from the zip's central directory and the first bytes
of its XML parts, without decompressing the whole archive.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import MsaError
from ..limits import Limits

MAIN_DOCUMENT = "word/document.xml"
# Entries this small may compress extremely well without being a bomb (runs of spaces).
_RATIO_FLOOR_BYTES = 1024 * 1024
_XML_HEAD_BYTES = 4096
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def check_docx_zip(path: Path, limits: Limits) -> None:
    """Raise MsaError unless `path` is a zip within the limits holding a Word main document."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise MsaError("E122", f"not a readable ZIP container, so not a usable DOCX ({exc})", path) from None
    with archive:
        entries = archive.infolist()
        _check_sizes(entries, path, limits)
        names = {entry.filename for entry in entries}
        if MAIN_DOCUMENT not in names:
            if any(name.startswith("word/") for name in names) or path.suffix.lower() in (".docx", ".docm"):
                raise MsaError("E121", f"the DOCX has no {MAIN_DOCUMENT} (damaged or not a Word document)", path)
            raise MsaError("E103", "a ZIP archive that is not a Word document", path)
        _refuse_dtds(archive, entries, path)


def _check_sizes(entries: list[zipfile.ZipInfo], path: Path, limits: Limits) -> None:
    if len(entries) > limits.max_docx_entries:
        raise MsaError(
            "E123", f"the DOCX holds {len(entries):,} zip entries, over the limit of {limits.max_docx_entries:,}", path,
        )
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_docx_uncompressed_bytes:
        raise MsaError(
            "E123",
            f"the DOCX would inflate to {total:,} bytes, over the limit of {limits.max_docx_uncompressed_bytes:,}",
            path,
        )
    for entry in entries:
        if entry.file_size < _RATIO_FLOOR_BYTES:
            continue
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > limits.max_docx_compression_ratio:
            raise MsaError(
                "E123",
                f"zip entry {entry.filename!r} compresses {ratio:,.0f}:1, over the limit of "
                f"{limits.max_docx_compression_ratio:,.0f}:1 (a zip bomb?)",
                path,
            )


def _refuse_dtds(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], path: Path) -> None:
    """Office never writes DTDs; one in an XML part can only be an entity or network attack."""
    for entry in entries:
        if not entry.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(entry) as handle:
                head = handle.read(_XML_HEAD_BYTES)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
            raise MsaError("E121", f"zip entry {entry.filename!r} cannot be read ({exc})", path) from None
        if any(marker in head for marker in _DTD_MARKERS):
            raise MsaError("E121", f"zip entry {entry.filename!r} declares a DTD or entities, which are refused", path)
