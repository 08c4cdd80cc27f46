"""Safe output: every file the toolkit writes goes through here.

Reports are opened by people in Word, Excel and browsers, and their names are derived from the
names of files that strangers sent. So names are sanitised, paths are confined to the output
folder, nothing is overwritten without ``force``, a crash never leaves a half-written report
(temporary file in the same folder, then an atomic rename), and spreadsheet cells that a
spreadsheet program would run as formulas are neutralised.
"""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from .digests import sha256
from .errors import MsaError

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_MAX_STEM = 80


def neutralize_cell(value):
    """Prefix a quote to strings a spreadsheet would treat as a formula (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_output_name(input_path, suffix: str) -> str:
    """A file name for an output derived from `input_path`: no separators, no `..`, no control
    characters, bounded length, and a short hash of the full input path so that two inputs with
    the same name in different folders do not collide."""
    raw = str(input_path)
    name = re.split(r"[\\/]", raw)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE_NAME_CHARS.sub("_", stem).strip("._-")[:_MAX_STEM] or "document"
    if stem.lower() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    digest = sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    suffix = _UNSAFE_NAME_CHARS.sub("_", suffix).strip("_")
    if suffix and not suffix.startswith("."):
        suffix = "." + suffix
    return f"{stem}-{digest}{suffix}"


def confined_path(out_dir, name: str) -> Path:
    """`out_dir / name`, refusing any name that would land outside `out_dir`."""
    base = Path(out_dir).resolve()
    if not name or Path(name).is_absolute() or ".." in re.split(r"[\\/]", name):
        raise MsaError("E200", f"output name {name!r} would leave the output folder", str(out_dir))
    target = (base / name).resolve()
    if target != base and base not in target.parents:
        raise MsaError("E200", f"output name {name!r} would leave the output folder", str(out_dir))
    return target


def atomic_write(path, data: bytes | str, *, force: bool) -> Path:
    """Write `data` to `path` via a temporary file in the same folder and an atomic rename.

    Without `force` an existing file is never replaced (MsaError E201), and the check is atomic:
    the finished temporary file is hard-linked into place, which fails if the name exists.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path.is_dir():
        raise MsaError("E201", "a folder with this name already exists", str(path))
    if path.exists() and not force:
        raise MsaError("E201", "file exists; use --force to overwrite it", str(path))
    parent = path.parent if str(path.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=parent, prefix=f".{path.name[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp_name, path)
        else:
            try:
                os.link(tmp_name, path)
            except FileExistsError:
                raise MsaError("E201", "file exists; use --force to overwrite it", str(path)) from None
            except OSError:  # a file system without hard links: check, then rename
                if path.exists():
                    raise MsaError("E201", "file exists; use --force to overwrite it", str(path)) from None
                os.replace(tmp_name, path)
            else:
                os.unlink(tmp_name)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return path
