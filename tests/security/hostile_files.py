"""Generators of hostile input files, written small and streamed (the test process stays small).

Each builder writes one file into a folder and returns its path. They are made here, from
scratch, rather than kept in the repository: a zip bomb is a few hundred kilobytes to write and a
few hundred megabytes to open.
"""
from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, write_document) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        with package.open("word/document.xml", "w", force_zip64=True) as document:
            write_document(document)
    return path


def zip_bomb_docx(folder: Path, megabytes: int = 300) -> Path:
    """A valid DOCX whose document.xml inflates to `megabytes` of paragraphs."""
    paragraph = b"<w:p><w:r><w:t>The Manager shall provide services.</w:t></w:r></w:p>" * 1000

    def write(document):
        document.write(f'<?xml version="1.0"?><w:document {_W}><w:body>'.encode())
        for _ in range(megabytes * 2**20 // len(paragraph)):
            document.write(paragraph)
        document.write(b"</w:body></w:document>")

    return _docx(folder / "zip_bomb.docx", write)


def deep_nesting_docx(folder: Path, depth: int = 200_000) -> Path:
    def write(document):
        document.write(f'<w:document {_W}><w:body>'.encode())
        document.write(b"<w:sdt><w:sdtContent>" * depth)
        document.write(b"</w:sdtContent></w:sdt>" * depth)
        document.write(b"</w:body></w:document>")

    return _docx(folder / "deep_nesting.docx", write)


def _pdf(path: Path, objects: list[bytes]) -> Path:
    """Objects numbered from 1, with a correct cross-reference table; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _page_objects(content: bytes, extra: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" + extra,
    ]


def flate_bomb_pdf(folder: Path, megabytes: int = 300) -> Path:
    """One page whose content stream inflates to `megabytes` of text-drawing operators."""
    line = b"BT /F1 12 Tf 72 720 Td (Management fee) Tj ET\n" * 4096
    squeeze = zlib.compressobj(9)
    packed = bytearray()
    for _ in range(megabytes * 2**20 // len(line)):
        packed += squeeze.compress(line)
    packed += squeeze.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + bytes(packed) + b"\nendstream"
    return _pdf(folder / "flate_bomb.pdf", _page_objects(stream))


def self_referencing_pdf(folder: Path) -> Path:
    """A page tree whose Pages node is its own kid, and an object that is a reference to itself."""
    return _pdf(folder / "self_reference.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"4 0 R",
    ])


def deep_nesting_pdf(folder: Path, depth: int = 100_000) -> Path:
    return _pdf(folder / "deep_nesting.pdf", _page_objects(
        b"<< /Length 0 >>\nstream\n\nendstream", extra=b"\n" + b"[" * depth + b"]" * depth,
    ))


def huge_single_line_text(folder: Path, megabytes: int = 40) -> Path:
    path = folder / "one_line.txt"
    chunk = b"The Practice shall pay the Manager a fee " * 1024
    with open(path, "wb") as out:
        for _ in range(megabytes * 2**20 // len(chunk)):
            out.write(chunk)
    return path


def junk_named_pdf(folder: Path) -> Path:
    path = folder / "junk.pdf"
    path.write_bytes(os.urandom(256 * 1024))
    return path


def junk_named_docx(folder: Path) -> Path:
    path = folder / "not_a_zip.docx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(4096))
    return path


def truncated_pdf(folder: Path) -> Path:
    whole = _pdf(folder / "truncated.pdf", _page_objects(b"<< /Length 0 >>\nstream\n\nendstream"))
    whole.write_bytes(whole.read_bytes()[:200])
    return whole


def empty_pdf(folder: Path) -> Path:
    path = folder / "empty.pdf"
    path.write_bytes(b"")
    return path


BUILDERS = (
    zip_bomb_docx, deep_nesting_docx, flate_bomb_pdf, self_referencing_pdf, deep_nesting_pdf,
    huge_single_line_text, junk_named_pdf, junk_named_docx, truncated_pdf, empty_pdf,
)


def build_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [build(folder) for build in BUILDERS]
