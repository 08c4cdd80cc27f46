"""Helpers shared by the drafting tests (imported as a plain module, like tests/ingest/docxgen.py)."""
from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from msa_toolkit.drafting.dealsheet import load_deal
from msa_toolkit.drafting.generator import render_docx

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "deals"
SAMPLE_DEALS = sorted(SAMPLES.glob("*.yaml"))


def open_docx(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def render(library, raw, *, notes=False) -> bytes:
    return render_docx(library, load_deal(raw, library), notes=notes)


def word_numbers(document) -> list[tuple[str, str, str]]:
    """(number Word will display, style, text) for each numbered paragraph, computed like Word does."""
    article = section = sub = 0
    out = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "MSA Article":
            article, section, sub = article + 1, 0, 0
            out.append((f"ARTICLE {article}", style, paragraph.text))
        elif style == "MSA Section":
            section, sub = section + 1, 0
            out.append((f"{article}.{section}", style, paragraph.text))
        elif style == "MSA Subsection":
            sub += 1
            out.append((f"({chr(96 + sub)})", style, paragraph.text))
    return out


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def to_pdf(docx_path: Path, workdir: Path) -> Path:
    """Convert with LibreOffice headless, using a private profile so parallel runs do not collide."""
    profile = workdir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(workdir), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    return workdir / (docx_path.stem + ".pdf")
