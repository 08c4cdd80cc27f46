"""SHA-256 digests without paying OpenSSL's start-up when the input is small.

`import hashlib` loads OpenSSL (about 15 ms here), more than a one-file review spends hashing its
file, its data files and its model with CPython's own SHA-256. The two give the same digest;
OpenSSL's is about five times faster per byte, so it is used once it is loaded anyway or when the
input is large enough to repay loading it.
"""
from __future__ import annotations

import sys

try:  # CPython's built-in SHA-256 (named _sha2 from 3.12)
    from _sha256 import sha256 as _builtin_sha256
except ImportError:  # pragma: no cover - other versions and interpreters
    try:
        from _sha2 import sha256 as _builtin_sha256
    except ImportError:
        _builtin_sha256 = None

# above this many bytes, OpenSSL's speed repays its start-up
OPENSSL_FROM_BYTES = 4 * 1024 * 1024


def sha256(data: bytes = b"", *, expected_bytes: int = 0):
    """A SHA-256 hash object over `data`, like `hashlib.sha256(data)`; `expected_bytes` is how much
    the caller will feed it in all (a file's size)."""
    if _builtin_sha256 is None or "_hashlib" in sys.modules or max(len(data), expected_bytes) >= OPENSSL_FROM_BYTES:
        import hashlib

        return hashlib.sha256(data)
    return _builtin_sha256(data)
