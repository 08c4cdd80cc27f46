"""Hostile files never crash the readers: each reads or raises a coded MsaError."""
import os
import zlib
from pathlib import Path

import pytest

from msa_toolkit.errors import MsaError
from msa_toolkit.ingest import read_raw
from msa_toolkit.limits import Limits

CORPUS = Path(os.environ.get("MSA_HOSTILE_CORPUS", Path(__file__).resolve().parents[3] / "shared/corpus/hostile"))
CORPUS_FILES = sorted(p for p in CORPUS.glob("*") if p.name not in ("README.md", "MANIFEST.json")) if CORPUS.is_dir() else []


def read_or_coded_error(path: Path) -> str:
    try:
        read_raw(path, limits=Limits())
    except MsaError as err:
        return err.code
    return "ok"


@pytest.mark.skipif(not CORPUS_FILES, reason="shared hostile corpus not present")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_shared_hostile_corpus_file_reads_or_raises_a_coded_error(path):
    outcome = read_or_coded_error(path)
    assert outcome == "ok" or outcome.startswith("E1")


@pytest.mark.skipif(not CORPUS_FILES, reason="shared hostile corpus not present")
def test_encrypted_office_files_in_the_corpus_are_e120():
    encrypted = [p for p in CORPUS_FILES if p.name.startswith(("bug53475-password", "protected_agile"))]
    assert encrypted and {read_or_coded_error(p) for p in encrypted} == {"E120"}


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


GENERATED = {
    "self_referencing_pages.pdf": _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                        b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
    "deeply_nested.pdf": _pdf([b"<< /Type /Catalog /Pages 2 0 R /Junk " + b"[" * 100_000 + b"]" * 100_000 + b" >>",
                               b"<< /Type /Pages /Kids [] /Count 0 >>"]),
    "flate_bomb_content.pdf": _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        (lambda data: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")(
            zlib.compress(b" " * (20 * 1024 * 1024), 9)),
    ]),
    "truncated.pdf": _pdf([b"<< /Type /Catalog /Pages 2 0 R >>"])[:40],
    "junk.pdf": bytes((i * 7919) % 251 for i in range(20_000)),
    "huge_single_line.txt": b"The Manager shall " + b"x" * 2_000_000,
    "nul_bytes.txt": b"Fee\x00\x00\x00" * 1000,
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_hostile_file_reads_or_raises_a_coded_error(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(GENERATED[name])
    outcome = read_or_coded_error(path)
    assert outcome == "ok" or outcome.startswith("E1")
