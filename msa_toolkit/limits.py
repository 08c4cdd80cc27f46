"""Resource limits applied to every input file. Defaults let real long agreements through."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2000
    max_chars: int = 20_000_000
    max_docx_uncompressed_bytes: int = 400 * 1024 * 1024
    max_docx_compression_ratio: float = 200.0
    max_docx_entries: int = 5000
    timeout_seconds: float = 120.0
    memory_bytes: int = 1536 * 1024 * 1024


DEFAULT_LIMITS = Limits()
