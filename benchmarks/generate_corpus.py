"""Build the benchmark corpus (fixed seed) from the clause library and the bundled samples.

    .venv/bin/python benchmarks/generate_corpus.py [--out benchmarks/out/corpus] [--force]

Writes, under the output folder:
  single/msa_030p.{pdf,docx,txt}   a noncompliant agreement of about 30 pages
  single/msa_300p.{pdf,docx,txt}   a compliant agreement of about 300 pages
  single/msa_010p.pdf              a short agreement (time to first result)
  folder/                          200 mixed files: PDF, DOCX and text of 10 to 20 pages,
                                   compliant and noncompliant, plus a few hostile files
  MANIFEST.json                    what was generated, with page counts

Contracts are assembled from `clause_library/` (the project's own clauses) and the sections of
`samples/src/*.msa`, with invented party names, and rendered by samples/build_samples.py (DOCX
with Word numbering, PDF via LibreOffice, plain text). A second run with the same seed and an
existing MANIFEST reuses the corpus.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "benchmarks" / "out" / "corpus"
SEED = 20250301
CORPUS_VERSION = 3
WORDS_PER_PAGE = 385  # measured on generated PDFs (11 pt Times, 1 inch margins, indented sub-clauses)
FOLDER_MIX = {"pdf": 100, "docx": 50, "txt": 44}
HOSTILE_FILES = ("PDFBOX-4352-0.pdf", "bug53475-password-is-pass.docx", "auth-event-ef-open.pdf")

MSO_NAMES = ("Beacon Aesthetic Services", "Crestline Practice Partners", "Evergreen Medspa Management",
             "Halcyon Clinic Support", "Meridian Wellness Operations", "Northgate Aesthetics Management",
             "Pinecrest Service Company", "Silverleaf Practice Solutions", "Tidewater Clinic Services")
PRACTICE_NAMES = ("Aurora Skin and Laser Medical", "Bellwether Aesthetic Medicine", "Cedar Grove Dermatology",
                  "Delmar Medical Aesthetics", "Fairhaven Skin Health", "Juniper Medical Spa Physicians",
                  "Larkspur Aesthetic Medical", "Oakmont Facial Plastics", "Wildrose Medical Aesthetics")
MSO_ALIASES = ("Manager", "Company", "Management Company", "Administrator", "Service Company", "Business Manager")
PRACTICE_ALIASES = ("Practice", "Provider", "PC", "Group", "Medical Group")
PRACTICE_ENTITIES = (("P.C.", "professional corporation"), ("PLLC", "professional limited liability company"),
                     ("P.A.", "professional association"), ("Medical Group, Inc.", "medical corporation"))
STATES = ("Texas", "Florida", "Arizona", "Colorado", "Georgia", "Nevada", "Illinois", "Ohio")
VARIABLE_VALUES = (  # (pattern in the variable name, value)
    ("percent", "six percent (6%)"), ("fee", "$24,750.00"), ("rate", "$145.00"), ("cap", "$30,000.00"),
    ("aggregate", "$3,000,000"), ("occurrence", "$1,000,000"), ("days", "thirty (30)"),
    ("years", "three (3)"), ("months", "twelve (12)"), ("date", "January 1, 2026"), ("day", "fifth (5th)"),
    ("address", "1500 Commerce Street, Suite 200"), ("county", "Travis County"), ("city", "Austin"),
    ("state", "Texas"), ("name", "Jordan A. Reyes, M.D."), ("entity", "limited liability company"))


def _build_module():
    spec = importlib.util.spec_from_file_location("build_samples", ROOT / "samples" / "build_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_samples", module)
    spec.loader.exec_module(module)
    return module


BUILD = _build_module()
Record = BUILD.Record


def _fill(text: str, rng: random.Random) -> str:
    """Turn a library clause template into plain contract text."""
    def variable(match: re.Match) -> str:
        name = match.group(1)
        return next((value for key, value in VARIABLE_VALUES if key in name), "as agreed in writing")

    text = re.sub(r"\{%.*?%\}", "", text, flags=re.S)
    text = re.sub(r"\{\{\s*([\w.]+)[^}]*\}\}", variable, text)
    text = re.sub(r"\[\[define:([^\]]+)\]\]", r'"\1"', text)
    text = re.sub(r"\[\[ref:[^\]]+\]\]", lambda _: f"Section {rng.randint(2, 9)}.{rng.randint(1, 4)}", text)
    text = re.sub(r"\[\[[^\]]*\]\]", "", text)
    return " ".join(text.split())


def library_sections(rng: random.Random, *, compliant: bool) -> list[tuple[str, list[tuple[str, str]]]]:
    """(article heading, [(section heading, body)]) following clause_library/outline.yaml."""
    library = ROOT / "clause_library"
    outline = yaml.safe_load((library / "outline.yaml").read_text(encoding="utf-8"))
    articles = []
    for article in outline.get("articles", []):
        sections, groups_done = [], set()
        for topic in article.get("topics", []):
            path = library / f"{topic}.yaml"
            if not path.is_file():
                continue
            clauses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("clauses", [])
            for clause in clauses:
                group = clause.get("alternate_group")
                if group:
                    if group in groups_done:
                        continue
                    alternatives = [c for c in clauses if c.get("alternate_group") == group]
                    wanted = [c for c in alternatives if ("percent" in c.get("id", "")) != compliant]
                    clause = rng.choice(wanted or alternatives)
                    groups_done.add(group)
                if clause.get("title") and clause.get("text"):
                    body = _fill(clause["text"], rng)
                    if body.startswith("means "):  # a definition: the title is the defined term
                        body = f'"{clause["title"]}" {body}'
                    sections.append((clause["title"], body))
        if sections:
            articles.append((article["heading"], sections))
    return articles


def sample_sections(*, compliant: bool) -> list[tuple[str, list[tuple[str, list[str], str]]]]:
    """Articles of the bundled samples: (heading, [(section heading, subs, body)])."""
    names = ("compliant_msa", "exhibit_fee_msa") if compliant else ("noncompliant_msa",)
    articles = []
    for name in names:
        contract = BUILD.parse_source(ROOT / "samples" / "src" / f"{name}.msa")
        current = None
        for record in contract.records:
            if record.tag == "ARTICLE":
                current = (record.fields[0].title(), [])
                articles.append(current)
            elif record.tag == "SECTION" and current:
                current[1].append((record.fields[0], [], record.fields[1]))
            elif record.tag == "SUB" and current and current[1]:
                current[1][-1][1].append(record.fields[0])
            elif record.tag in ("EXHIBIT", "P", "SIG"):
                current = None if record.tag == "EXHIBIT" else current
    return articles


def _rename(text: str, mso_alias: str, practice_alias: str) -> str:
    text = re.sub(r"\bManager\b", mso_alias, text)
    text = re.sub(r"\bthe Company\b|\bCompany\b", mso_alias, text)
    return re.sub(r"\b(?:the )?Practice\b(?! Account| Expenses| Revenue)", f"the {practice_alias}"
                  if practice_alias != "PC" else "PC", text)


def make_contract(rng: random.Random, name: str, *, pages: int, compliant: bool):
    """One agreement of roughly `pages` pages, as a build_samples Contract."""
    mso = f"{rng.choice(MSO_NAMES)}, LLC"
    short, kind = rng.choice(PRACTICE_ENTITIES)
    practice = f"{rng.choice(PRACTICE_NAMES)}, {short}"
    mso_alias, practice_alias = rng.choice(MSO_ALIASES), rng.choice(PRACTICE_ALIASES)
    state = rng.choice(STATES)
    contract = BUILD.Contract(name=name, title="MANAGEMENT SERVICES AGREEMENT",
                              header=f"Management Services Agreement - {mso} / {practice}")
    add = contract.records.append
    add(Record("TITLE", (contract.title,)))
    add(Record("P", (f'This MANAGEMENT SERVICES AGREEMENT (this "Agreement") is made as of January 1, 2026, by and '
                     f'between {mso.upper()}, a {state} limited liability company ("{mso_alias}"), and '
                     f'{practice.upper()}, a {state} {kind} ("{practice_alias}").',)))
    add(Record("PC", ("RECITALS",)))
    add(Record("P", (f"WHEREAS, {practice_alias} is a medical practice owned by physicians licensed in {state} "
                     f"that provides medical aesthetic services to its patients;",)))
    add(Record("P", (f"WHEREAS, {mso_alias} provides non-clinical management and administrative services to "
                     f"medical practices and does not practice medicine;",)))
    add(Record("P", ("NOW, THEREFORE, the parties agree as follows:",)))

    articles = [(heading, [(h, [], body) for h, body in sections])
                for heading, sections in library_sections(rng, compliant=compliant)]
    extra_pool = sample_sections(compliant=compliant) + sample_sections(compliant=True)
    target_words = pages * WORDS_PER_PAGE
    words = sum(len(body.split()) + sum(len(s.split()) for s in subs)
                for _, sections in articles for _, subs, body in sections)
    while words < target_words - 900:
        heading, sections = rng.choice(extra_pool)
        articles.append((heading, sections))
        words += sum(len(body.split()) + sum(len(s.split()) for s in subs) for _, subs, body in sections)

    article_no = 0
    for heading, sections in articles:
        article_no += 1
        add(Record("ARTICLE", (heading.upper(),), str(article_no)))
        for section_no, (section_heading, subs, body) in enumerate(sections, 1):
            add(Record("SECTION", (section_heading, _rename(body, mso_alias, practice_alias)),
                       f"{article_no}.{section_no}"))
            for sub_no, sub in enumerate(subs, 1):
                add(Record("SUB", (_rename(sub, mso_alias, practice_alias),), f"({chr(96 + sub_no)})"))
    add(Record("P", ("IN WITNESS WHEREOF, the parties have signed this Agreement as of the date first written above.",)))
    for party, alias in ((mso, mso_alias), (practice, practice_alias)):
        for line in (f"{alias.upper()}:", party.upper(), "By: ______________________________", "Name:", "Title:"):
            add(Record("SIG", (line,)))
    fee = ("a fixed monthly fee of Twenty-Four Thousand Seven Hundred Fifty Dollars ($24,750.00)" if compliant
           else "fifteen percent (15%) of the Net Collections of the Practice for each month")
    add(Record("EXHIBIT", ("A", "MANAGEMENT FEE"), "A"))
    add(Record("XSECTION", ("A.1", "Management Fee", _rename(f"The Management Fee is {fee}, payable monthly.",
                                                             mso_alias, practice_alias)), "A.1"))
    return contract


def _convert_to_pdf(docx_paths: list[Path], out_dir: Path) -> None:
    """One LibreOffice process for many files (its start-up dominates small conversions)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice (LibreOffice) is needed to build the benchmark PDFs")
    with tempfile.TemporaryDirectory(prefix="msa-bench-lo-") as profile:
        for start in range(0, len(docx_paths), 40):
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                            "pdf", "--outdir", str(out_dir), *map(str, docx_paths[start:start + 40])],
                           check=True, capture_output=True, timeout=1800)


def _pdf_pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def _write(contract, folder: Path, fmt: str, pending_pdf: list[Path], scratch: Path) -> Path:
    if fmt == "txt":
        path = folder / f"{contract.name}.txt"
        path.write_text(BUILD.render_text(contract), encoding="utf-8")
        return path
    if fmt == "docx":
        path = folder / f"{contract.name}.docx"
        path.write_bytes(BUILD.render_docx(contract))
        return path
    source = scratch / f"{contract.name}.docx"
    source.write_bytes(BUILD.render_docx(contract))
    pending_pdf.append(source)
    return folder / f"{contract.name}.pdf"


def _hostile(folder: Path) -> list[Path]:
    """A few files a data room really contains: empty, mislabelled, binary, and fuzzed ones."""
    written = []
    (folder / "zz_empty.pdf").write_bytes(b"")
    (folder / "zz_word_file_named_pdf.pdf").write_bytes(BUILD._normalise_zip(
        (ROOT / "samples" / "contracts" / "compliant_msa.docx").read_bytes()))
    (folder / "zz_binary.txt").write_bytes(bytes(random.Random(SEED).randrange(256) for _ in range(4096)))
    written += [folder / "zz_empty.pdf", folder / "zz_word_file_named_pdf.pdf", folder / "zz_binary.txt"]
    shared = ROOT.parent / "shared" / "corpus" / "hostile"
    for index, name in enumerate(HOSTILE_FILES):
        source = shared / name
        target = folder / f"zz_hostile_{index}{source.suffix}"
        if source.is_file():
            shutil.copy(source, target)
        else:  # the shared corpus is not part of the repository: fall back to a truncated PDF
            target.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
        written.append(target)
    return written


def generate(out: Path, *, force: bool = False) -> dict:
    manifest_path = out / "MANIFEST.json"
    if manifest_path.is_file() and not force:
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("seed") == SEED and manifest.get("version") == CORPUS_VERSION:
            return manifest
    if out.exists():
        shutil.rmtree(out)
    single, folder = out / "single", out / "folder"
    single.mkdir(parents=True)
    folder.mkdir()
    rng = random.Random(SEED)
    pending: dict[Path, list[Path]] = {single: [], folder: []}
    with tempfile.TemporaryDirectory(prefix="msa-bench-docx-") as scratch_name:
        scratch = Path(scratch_name)
        for name, pages, compliant in (("msa_030p", 30, False), ("msa_300p", 300, True), ("msa_010p", 10, True)):
            contract = make_contract(rng, name, pages=pages, compliant=compliant)
            for fmt in (("pdf", "docx", "txt") if name != "msa_010p" else ("pdf",)):
                _write(contract, single, fmt, pending[single], scratch)
        files = []
        kinds = [fmt for fmt, count in FOLDER_MIX.items() for _ in range(count)]
        rng.shuffle(kinds)
        for index, fmt in enumerate(kinds):
            contract = make_contract(rng, f"contract_{index:03d}", pages=rng.randint(10, 20),
                                     compliant=rng.random() < 0.5)
            files.append(_write(contract, folder, fmt, pending[folder], scratch))
        for target, docx_paths in pending.items():
            if docx_paths:
                _convert_to_pdf(docx_paths, target)
        files += _hostile(folder)
    manifest = {
        "seed": SEED, "version": CORPUS_VERSION,
        "single": {path.name: _pdf_pages(path) for path in sorted(single.glob("*.pdf"))},
        "folder_files": len(list(folder.iterdir())),
        "folder_pdf_pages": sum(_pdf_pages(p) for p in folder.glob("contract_*.pdf")),
        "folder_formats": {fmt: len(list(folder.glob(f"contract_*.{fmt}"))) for fmt in FOLDER_MIX},
    }
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the msa-toolkit benchmark corpus.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--force", action="store_true", help="regenerate even if the corpus exists")
    options = parser.parse_args(argv)
    print(json.dumps(generate(options.out, force=options.force), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
