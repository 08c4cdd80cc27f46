"""Finding the agreements in a data room: what is reviewed, what is skipped, in what order."""
from __future__ import annotations

import os

from msa_toolkit.batch import discover, scan


def _touch(path, content=b"text"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_reviews_supported_types_recursively_in_sorted_order(tmp_path):
    _touch(tmp_path / "b" / "second.docx", b"PK\x03\x04")
    _touch(tmp_path / "a.pdf", b"%PDF-1.7")
    _touch(tmp_path / "c" / "d" / "notes.md")
    _touch(tmp_path / "C.TXT")
    _touch(tmp_path / "budget.xlsx", b"PK\x03\x04")
    _touch(tmp_path / "logo.png", b"\x89PNG")

    found = discover([tmp_path])

    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["C.TXT", "a.pdf", "b/second.docx", "c/d/notes.md"]
    assert discover([tmp_path]) == found


def test_extensionless_files_are_typed_by_content(tmp_path):
    _touch(tmp_path / "scan0001", b"%PDF-1.4 ...")
    _touch(tmp_path / "README", "Management Services Agreement\n".encode())
    _touch(tmp_path / "blob", os.urandom(64) + b"\x00")

    names = [p.name for p in discover([tmp_path])]

    assert names == ["README", "scan0001"]


def test_hidden_files_and_word_lock_files_are_skipped(tmp_path):
    _touch(tmp_path / ".git" / "config.txt")
    _touch(tmp_path / ".DS_Store.txt")
    _touch(tmp_path / "~$draft.docx", b"PK\x03\x04")
    _touch(tmp_path / "draft.docx", b"PK\x03\x04")

    assert [p.name for p in discover([tmp_path])] == ["draft.docx"]


def test_include_and_exclude_globs(tmp_path):
    _touch(tmp_path / "signed" / "a.pdf", b"%PDF")
    _touch(tmp_path / "signed" / "a.txt")
    _touch(tmp_path / "drafts" / "b.pdf", b"%PDF")

    only_pdfs = discover([tmp_path], include=["*.pdf"], exclude=["drafts/"])

    assert [p.relative_to(tmp_path).as_posix() for p in only_pdfs] == ["signed/a.pdf"]


def test_fifo_and_links_leaving_the_folder_are_never_returned(tmp_path):
    room = tmp_path / "room"
    secret = _touch(tmp_path / "outside" / "secret.txt")
    _touch(room / "real.txt")
    os.mkfifo(room / "pipe.txt")
    (room / "escape.txt").symlink_to(secret)
    (room / "loop").symlink_to(room, target_is_directory=True)
    (room / "alias.txt").symlink_to(room / "real.txt")

    files, skipped = scan([room])

    assert [p.name for p in files] == ["real.txt"]
    reasons = {p.name: why for p, why in skipped}
    assert reasons["pipe.txt"] == "not a regular file"
    assert reasons["escape.txt"] == "link pointing outside the folder"
    assert all(os.path.realpath(p).startswith(os.path.realpath(room)) for p in files)


def test_a_file_named_explicitly_is_kept_for_its_own_error_row(tmp_path):
    missing = tmp_path / "missing.pdf"

    assert discover([missing]) == [missing]
