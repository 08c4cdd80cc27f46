"""Find the agreements to review in folders, without trusting what is in them.

Only regular files are returned (no FIFOs, devices or sockets, which would block or never end);
symbolic links are never followed out of the folder being reviewed, and links to folders are not
followed at all (loops). Types come from the extension (.pdf .docx .txt .md) or, for files
without one, from their first bytes. The order is sorted, so runs are deterministic.
"""
from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
_SNIFF_BYTES = 4096
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # PDF, zip (DOCX), OLE (encrypted DOCX)


def discover(paths, include=(), exclude=()) -> list[Path]:
    """Files to review under `paths` (files or folders), filtered by `include`/`exclude` globs."""
    return scan(paths, include, exclude)[0]


def scan(paths, include=(), exclude=()) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Like `discover`, and also the entries skipped with the reason, for the CLI to report."""
    found: dict[str, Path] = {}
    skipped: list[tuple[Path, str]] = []
    for given in paths:
        given = Path(given)
        if given.is_dir() and not given.is_symlink():
            _walk(given, include, exclude, found, skipped)
        elif given.is_dir():
            skipped.append((given, "link to a folder"))
        else:
            # A file named explicitly is the user's choice: keep it, so that it gets a result row
            # (E100/E101 if it is missing or not a regular file).
            found.setdefault(os.path.abspath(given), given)
    files = sorted(found.values(), key=lambda p: str(p))
    return files, skipped


def _walk(root: Path, include, exclude, found: dict[str, Path], skipped: list) -> None:
    real_root = os.path.realpath(root)
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(
            d for d in dirnames if not _hidden(d) and not _excluded(root, Path(folder, d), exclude, True)
        )
        for name in sorted(filenames):
            path = Path(folder, name)
            reason = _skip_reason(root, real_root, path, name, include, exclude)
            if reason:
                skipped.append((path, reason))
                continue
            key = os.path.realpath(path)
            if key not in found or (found[key].is_symlink() and not path.is_symlink()):
                found[key] = path  # a file reached by a link and by name is reviewed once, by name


def _skip_reason(root, real_root, path: Path, name: str, include, exclude) -> str | None:
    if _hidden(name):
        return "hidden file"
    if _excluded(root, path, exclude, False):
        return "excluded"
    if include and not _matches(root, path, include):
        return "not included"
    if path.is_symlink():
        target = os.path.realpath(path)
        if os.path.commonpath([real_root, target]) != real_root:
            return "link pointing outside the folder"
    try:
        info = os.stat(path)
    except OSError:
        return "unreadable"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        return None
    if path.suffix == "" and _looks_reviewable(path):
        return None
    return "unsupported type"


def _hidden(name: str) -> bool:
    """Dot files and Word's `~$` lock files are never agreements."""
    return name.startswith((".", "~$"))


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _matches(root: Path, path: Path, patterns) -> bool:
    rel = _relative(root, path)
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(path.name, p) for p in patterns)


def _excluded(root: Path, path: Path, exclude, is_dir: bool) -> bool:
    if not exclude:
        return False
    if _matches(root, path, exclude):
        return True
    rel = _relative(root, path) + "/"
    return is_dir and any(fnmatch.fnmatch(rel, p) for p in exclude)


def _looks_reviewable(path: Path) -> bool:
    """Sniff an extensionless file: a PDF, a zip or OLE container, or UTF-8 text without NULs."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        head = os.read(fd, _SNIFF_BYTES)
    finally:
        os.close(fd)
    if not head:
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start >= len(head) - 3  # a multi-byte character cut at the sniff boundary
    return True
