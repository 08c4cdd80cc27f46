"""Coded tool errors. Every message the tool prints about an input carries a code users can search."""
from __future__ import annotations

# code -> short name. Codes are never reused.
ERROR_CODES = {
    "E100": "file-not-found",
    "E101": "not-a-regular-file",
    "E102": "empty-file",
    "E103": "unsupported-type",
    "E104": "file-too-large",
    "E105": "too-many-pages",
    "E106": "too-much-text",
    "E107": "file-unreadable",
    "E110": "pdf-encrypted",
    "E111": "pdf-corrupt",
    "E112": "pdf-no-text-layer",
    "E120": "docx-encrypted",
    "E121": "docx-corrupt",
    "E122": "not-a-zip",
    "E123": "docx-zip-limits",
    "E130": "text-undecodable",
    "E140": "timeout",
    "E141": "memory-limit",
    "E150": "no-clauses",
    "E190": "internal-error",
    "E200": "usage-error",
    "E201": "output-exists",
    "E210": "deal-sheet-invalid",
    "E220": "data-file-invalid",
}


class MsaError(Exception):
    """An expected, explainable failure about one input (or a data file): code + message + path."""

    def __init__(self, code: str, message: str, path: str | None = None):
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code}")
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = None if path is None else str(path)

    @property
    def name(self) -> str:
        return ERROR_CODES[self.code]

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.code} {self.name}: {self.message}"


class DataFileError(MsaError):
    """A packaged or user-edited data file (rules, clauses, profiles) is invalid."""

    def __init__(self, path, entry_id: str | None, problem: str):
        where = f"entry {entry_id!r}: " if entry_id else ""
        super().__init__("E220", f"{where}{problem}", path)
