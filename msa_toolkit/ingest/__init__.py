"""Readers: turn a PDF, DOCX or text file into a `RawDocument` of paragraph blocks.

`read_raw` is the only entry point. It sniffs the type from the bytes, applies the limits, and
raises `MsaError` (never another exception) for every input it cannot read.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import MsaError
from ..limits import Limits
from ..model import RawDocument
from .sniff import check_regular_file, read_head, sniff_format


def read_raw(path: Path, *, limits: Limits, password: str | None = None, jobs: int | None = None) -> RawDocument:
    """Read `path` into ordered blocks; `password` opens an encrypted PDF; `jobs` > 1 lets a long
    PDF's pages be read by that many processes."""
    path = Path(path)
    check_regular_file(path, limits)
    head = read_head(path)
    kind = sniff_format(head, path)
    try:
        if kind == "pdf":
            from .pdf import read_pdf

            return read_pdf(path, limits=limits, password=password, jobs=jobs)
        if kind == "docx":
            from .docx import read_docx

            return read_docx(path, limits=limits)
        from .text import read_text

        return read_text(path, path.read_bytes(), limits)
    except MsaError:
        raise
    except RecursionError:
        raise MsaError("E111" if kind == "pdf" else "E121", "the file's structure nests too deeply to read", path) from None
    except MemoryError:
        raise MsaError("E141", "reading the file ran out of memory", path) from None
    except OSError as exc:
        raise MsaError("E101", f"cannot read the file ({exc.strerror or exc})", path) from None
    except Exception as exc:  # noqa: BLE001 - a parser tripping over a malformed file is an input problem
        code = {"pdf": "E111", "docx": "E121"}.get(kind, "E190")
        raise MsaError(code, f"the file could not be parsed ({type(exc).__name__}: {exc})", path) from None


__all__ = ["read_raw"]
