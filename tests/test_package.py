"""The package's front door: importing is cheap, resources are found, error codes are well formed."""
import re
import subprocess
import sys

import msa_toolkit
from msa_toolkit import resources
from msa_toolkit.errors import ERROR_CODES, MsaError


def test_import_does_not_load_heavy_libraries():
    code = (
        "import sys, msa_toolkit; "
        "heavy = [m for m in ('spacy', 'pdfplumber', 'pypdfium2', 'docx', 'docxtpl', 'openpyxl') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_version_is_semver():
    assert re.fullmatch(r"\d+\.\d+\.\d+", msa_toolkit.__version__)


def test_packaged_resources_are_found():
    assert (resources.clause_library_dir()).is_dir()
    assert (resources.models_dir()).is_dir()
    assert resources.rules_dir().is_dir()


def test_error_codes_are_unique_and_named():
    assert all(re.fullmatch(r"E\d{3}", code) for code in ERROR_CODES)
    assert len(set(ERROR_CODES.values())) == len(ERROR_CODES)


def test_error_message_names_file_code_and_problem():
    err = MsaError("E102", "the file is empty", "contracts/a.pdf")
    assert str(err) == "contracts/a.pdf: E102 empty-file: the file is empty"
