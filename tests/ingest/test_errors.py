"""Every bad input gets its own coded MsaError; types are sniffed from bytes, not names."""
import io
import os
import zipfile

import docx
import pytest

from msa_toolkit.errors import MsaError
from msa_toolkit.ingest import read_raw
from msa_toolkit.limits import Limits
from pdfgen import Page, Text, build_pdf

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def expect_code(code, path, limits=None, **kwargs):
    with pytest.raises(MsaError) as caught:
        read_raw(path, limits=limits or Limits(), **kwargs)
    assert caught.value.code == code, str(caught.value)
    assert str(path) in str(caught.value)
    return caught.value


def small_pdf(text="The Manager shall provide billing and scheduling services to the Practice."):
    return build_pdf([Page([Text(72, 700, text)])])


def small_docx_bytes():
    document = docx.Document()
    document.add_paragraph("The Practice retains sole authority over clinical decisions.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_missing_file_is_e100(tmp_path):
    expect_code("E100", tmp_path / "nope.pdf")


def test_folder_and_fifo_are_not_regular_files(tmp_path):
    expect_code("E101", tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    expect_code("E101", fifo)


def test_empty_and_whitespace_files_are_e102(tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    expect_code("E102", tmp_path / "empty.pdf")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    expect_code("E102", tmp_path / "blank.txt")


def test_binary_junk_named_pdf_is_unsupported(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(bytes(range(256)) * 40)
    expect_code("E103", path)


def test_legacy_doc_is_unsupported_and_encrypted_docx_is_e120(tmp_path):
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(OLE2 + b"\x00" * 600 + "WordDocument".encode("utf-16-le") + b"\x00" * 600)
    assert "save it as .docx" in expect_code("E103", legacy).message
    encrypted = tmp_path / "locked.docx"
    encrypted.write_bytes(OLE2 + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600)
    assert "password" in expect_code("E120", encrypted).message


def test_size_page_and_character_limits(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(build_pdf([Page([Text(72, 700, "The Manager shall provide billing services.")])] * 3))
    expect_code("E104", path, Limits(max_file_bytes=100))
    expect_code("E105", path, Limits(max_pages=2))
    expect_code("E106", path, Limits(max_chars=50))
    text = tmp_path / "a.txt"
    text.write_text("word " * 100)
    expect_code("E106", text, Limits(max_chars=50))
    document = tmp_path / "a.docx"
    document.write_bytes(small_docx_bytes())
    expect_code("E106", document, Limits(max_chars=10))


def test_damaged_pdf_is_e111(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer garbage")
    expect_code("E111", path)


def test_zip_problems(tmp_path):
    not_zip = tmp_path / "broken.docx"
    not_zip.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    expect_code("E122", not_zip)

    def make_zip(name, entries):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for entry_name, data in entries.items():
                archive.writestr(entry_name, data)
        return path

    expect_code("E121", make_zip("nodoc.docx", {"[Content_Types].xml": "<Types/>", "word/styles.xml": "<x/>"}))
    expect_code("E103", make_zip("sheet.xlsx", {"xl/workbook.xml": "<workbook/>"}))
    bomb = make_zip("bomb.docx", {"word/document.xml": "<w/>", "word/media/zeros.bin": b"\x00" * (4 * 1024 * 1024)})
    assert "zip bomb" in expect_code("E123", bomb).message
    expect_code("E123", bomb, Limits(max_docx_uncompressed_bytes=1024))
    expect_code("E123", bomb, Limits(max_docx_entries=1))


def test_dtd_in_docx_xml_is_refused(tmp_path):
    path = tmp_path / "xxe.docx"
    source = zipfile.ZipFile(io.BytesIO(small_docx_bytes()))
    with zipfile.ZipFile(path, "w") as archive:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            archive.writestr(entry, data)
    assert "DTD" in expect_code("E121", path).message


def test_malformed_document_xml_is_e121(tmp_path):
    path = tmp_path / "bad.docx"
    source = zipfile.ZipFile(io.BytesIO(small_docx_bytes()))
    with zipfile.ZipFile(path, "w") as archive:
        for entry in source.infolist():
            data = source.read(entry)
            archive.writestr(entry, data[: len(data) // 2] if entry.filename == "word/document.xml" else data)
    expect_code("E121", path)


def test_undecodable_utf16_is_e130(tmp_path):
    path = tmp_path / "bad16.txt"
    path.write_bytes(b"\xff\xfe" + "Fee".encode("utf-16-le") + b"\x00\xd8")
    expect_code("E130", path)


@pytest.mark.parametrize("name,kind", [("contract.txt", "pdf"), ("contract.pdf", "docx"), ("contract.docx", "text")])
def test_wrong_extension_is_read_by_content(tmp_path, name, kind):
    data = {"pdf": small_pdf(), "docx": small_docx_bytes(), "text": b"The Manager shall bill.\n"}[kind]
    path = tmp_path / name
    path.write_bytes(data)
    raw = read_raw(path, limits=Limits())
    assert raw.format == kind
    assert raw.blocks
