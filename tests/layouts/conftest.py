"""Build every layout fixture once per test session: DOCX by python-docx, PDF by LibreOffice."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from layouts import LAYOUTS


@pytest.fixture(scope="session")
def layout_files(tmp_path_factory):
    """{(layout name, format): path}; PDFs are missing when LibreOffice is not installed."""
    folder = tmp_path_factory.mktemp("layouts")
    files = {}
    sources = []
    for layout in LAYOUTS:
        if layout.build_docx:
            path = folder / f"{layout.name}.docx"
            layout.build_docx(path)
            files[(layout.name, "docx")] = path
            sources.append(path)
        if layout.text:
            path = folder / f"{layout.name}.txt"
            path.write_text(layout.text(), encoding="utf-8")
            files[(layout.name, "txt")] = path
    if shutil.which("soffice") and sources:
        profile = folder / "lo-profile"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(folder), *map(str, sources)],
            check=True, capture_output=True, timeout=300,
        )
        for source in sources:
            files[(source.stem, "pdf")] = source.with_suffix(".pdf")
    return files


@pytest.fixture(scope="session")
def read_layout(layout_files):
    """read_layout(name, fmt) -> Document, read once per session."""
    import msa_toolkit

    cache = {}

    def read(name: str, fmt: str):
        if (name, fmt) not in layout_files:
            pytest.skip(f"{fmt} of {name} was not built (LibreOffice missing?)")
        if (name, fmt) not in cache:
            cache[(name, fmt)] = msa_toolkit.read(layout_files[(name, fmt)])
        return cache[(name, fmt)]

    return read
