"""Decide what a file is from its bytes, not its name, after checking it is safe to open at all.

A contract named ``.txt`` may be a PDF, a ``.docx`` may be a password-protected OLE container,
and a ``.pdf`` may be junk; each gets read by the right reader or a coded error.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import MsaError
from ..limits import Limits

PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# Encrypted OOXML files are OLE2 containers holding these streams (names stored as UTF-16LE).
_ENCRYPTED_OOXML_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
# The PDF header may legally follow a little junk; readers accept it within the first KiB.
_PDF_HEADER_WINDOW = 1024
SNIFF_BYTES = 8192


def check_regular_file(path: Path, limits: Limits) -> int:
    """Refuse what is not a plain, non-empty file within the size limit; return its size."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise MsaError("E100", "no such file", path) from None
    except OSError as exc:
        raise MsaError("E101", f"cannot inspect the file ({exc.strerror or exc})", path) from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (device, FIFO or socket)"
        raise MsaError("E101", f"{kind}; only regular files are read", path)
    if info.st_size == 0:
        raise MsaError("E102", "the file is empty", path)
    if info.st_size > limits.max_file_bytes:
        raise MsaError(
            "E104",
            f"the file is {info.st_size:,} bytes, over the limit of {limits.max_file_bytes:,} bytes",
            path,
        )
    return info.st_size


def read_head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise MsaError("E101", f"cannot open the file ({exc.strerror or exc})", path) from None


def sniff_format(head: bytes, path: Path) -> str:
    """Return "pdf", "docx" or "text" for the file starting with `head`; raise for anything else.

    ZIP files are reported as "docx" here; the DOCX reader's zip checks decide whether the
    archive really is a Word document.
    """
    if PDF_MAGIC in head[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if head.startswith(ZIP_MAGICS):
        return "docx"
    if head.startswith(OLE2_MAGIC):
        raise _ole2_error(path)
    return "text"


def _ole2_error(path: Path) -> MsaError:
    """OLE2 is either an encrypted OOXML package or a legacy binary Office file."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(4 * 1024 * 1024)
    except OSError:
        data = b""
    if any(name in data for name in _ENCRYPTED_OOXML_STREAMS):
        return MsaError(
            "E120",
            "the Word document is password-protected (encrypted); remove the password in Word "
            "(File > Info > Protect Document) and save it again as .docx",
            path,
        )
    return MsaError(
        "E103",
        "a legacy binary Office file (e.g. Word 97-2003 .doc); save it as .docx or PDF",
        path,
    )
