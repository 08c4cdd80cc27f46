"""Compiled regular expressions kept on disk between runs, so that start-up does not compile them again.

The lexicons and rules compile to about 600 regular expressions, and Python's `re` parses and compiles
each one in Python code: about half a second at every start of `msa-check` or of a worker. What
`re` hands to its C engine (`_sre.compile`) depends only on the pattern, its flags and the interpreter,
so it is kept in the user cache, in a file named after the interpreter and the engine's version
(written with `marshal`, as Python writes its own `.pyc` files), and given straight to `_sre.compile`
on the next start (about 10 ms for all of them).

The cache is an optimisation only: a missing, unreadable, stale or damaged file, or an interpreter
without these internals, falls back to `re.compile`, and `_sre.compile` validates every program it
is given. `MSA_TOOLKIT_PATTERN_CACHE=off` disables it; a directory path puts it there instead of
`$XDG_CACHE_HOME/msa-toolkit/`.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
from array import array
from pathlib import Path

try:  # CPython's regular-expression internals (3.11+ names); anything else means "no cache"
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other interpreters
    _sre = _compiler = _parser = None

ENV = "MSA_TOOLKIT_PATTERN_CACHE"
FORMAT = 2  # 2: opcodes kept as bytes (an array of the engine's code words), ten times faster to load

# the array type holding one opcode of the engine (its CODESIZE bytes); None keeps opcodes as lists
_CODE_TYPE = next((t for t in "IL" if _sre is not None and array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)

_programs: dict[tuple[str, int], list] | None = None  # (pattern, flags) -> arguments of _sre.compile
_used: set[tuple[str, int]] = set()  # what this process compiled or rebuilt
_unsaved = 0
# a process that used at least this many patterns loaded the whole analyzer: what it did not use is stale
_FULL_LOAD = 200


def cache_file() -> Path | None:
    """Where the programs of this interpreter live; None when the cache is off or cannot work here."""
    setting = os.environ.get(ENV, "")
    if setting.lower() in ("off", "0", "no", "false") or _sre is None:
        return None
    if setting:
        base = Path(setting)
    else:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = Path(home) / "msa-toolkit"
    version = "-".join(str(part) for part in sys.version_info[:3])
    engine = f"{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}-{getattr(_sre, 'MAXREPEAT', 0)}"
    return base / f"patterns-{sys.implementation.name}{version}-sre{engine}-v{FORMAT}.marshal"


def _load() -> dict:
    global _programs
    if _programs is None:
        _programs = {}
        path = cache_file()
        if path is not None:
            try:
                rows = marshal.loads(path.read_bytes())
                _programs = {(row[0], row[1]): list(row[2:]) for row in rows}
            except (OSError, ValueError, TypeError, IndexError, KeyError, EOFError):
                _programs = {}
    return _programs


def _program(pattern: str, flags: int) -> list:
    """What `re` would give `_sre.compile` for this pattern: [flags, code, groups, groupindex, indexgroup]."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    groupindex = {str(name): int(index) for name, index in state.groupdict.items()}
    opcodes = array(_CODE_TYPE, code).tobytes() if _CODE_TYPE else [int(op) for op in code]
    return [int(flags | state.flags), opcodes, int(state.groups - 1), groupindex, indexgroup]


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the same call as re.compile
    """`re.compile(pattern, flags)`, rebuilt from the cache when this pattern was compiled before.

    Invalid patterns raise `re.error` as usual (they are never cached).
    """
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    programs = _load()
    _used.add((pattern, flags))
    known = programs.get((pattern, flags))
    if known is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = known
            if isinstance(code, bytes):
                code = array(_CODE_TYPE or "I", code).tolist()
            return _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        except (TypeError, ValueError, RuntimeError):
            del programs[(pattern, flags)]  # damaged entry: compile it afresh below
    compiled = re.compile(pattern, flags)
    try:
        program = _program(pattern, flags)
    except Exception:  # noqa: BLE001 - internals changed: this pattern is simply not cached
        return compiled
    _keep((pattern, flags), program)
    return compiled


_MEMO = -1  # the "flags" of a memo row: never a real flag value


def memo(key: str, build) -> str:
    """`build()`, a string derived from `key` alone (e.g. the regex source of a word list), kept
    beside the programs so that the next start need not derive it again."""
    if _sre is None:
        return build()
    programs = _load()
    _used.add((key, _MEMO))
    known = programs.get((key, _MEMO))
    if known and isinstance(known[0], str):
        return known[0]
    value = build()
    _keep((key, _MEMO), [value])
    return value


_DATA = -2  # the "flags" of a parsed data file: its marshal bytes, keyed by a digest of its text
_added: set[tuple[str, int]] = set()  # what this process put into the cache (handed to a parent)


def data(text: str, parse):
    """`parse(text)` for a data file (YAML), kept marshalled beside the programs: the next start
    neither imports the parser nor parses the file again. Each call returns a fresh copy, so a caller
    that changes what it got cannot change what the next caller gets. Values marshal cannot write
    (dates, say) are simply not kept."""
    if _sre is None:
        return parse(text)
    from .digests import sha256

    key = (sha256(text.encode("utf-8")).hexdigest(), _DATA)
    programs = _load()
    _used.add(key)
    known = programs.get(key)
    if known and isinstance(known[0], bytes):
        try:
            return marshal.loads(known[0])
        except (ValueError, EOFError, TypeError):
            del programs[key]
    value = parse(text)
    try:
        blob = marshal.dumps(value)
    except ValueError:
        return value
    _keep(key, [blob])
    return marshal.loads(blob)


def _keep(key: tuple[str, int], row: list) -> None:
    global _unsaved
    _programs[key] = row
    _added.add(key)
    _unsaved += 1


def handoff() -> tuple[list, dict]:
    """What this process used and added, for the process that forked it (`adopt`): a forked copy
    that read the file does not save, and what it used must not look stale to its parent."""
    programs = _programs or {}
    return list(_used), {key: programs[key] for key in _added if key in programs}


def adopt(handed: tuple[list, dict]) -> None:
    """Count what a forked copy used and added (see `handoff`) as this process's own."""
    global _unsaved
    try:
        used, added = handed
        programs = _load()
        for key, row in added.items():
            if key not in programs:
                programs[key] = row
                _unsaved += 1
        _used.update(key for key in used if key in programs)
    except (TypeError, ValueError, AttributeError):
        return


def save() -> bool:
    """Write the programs compiled since start-up, if any are new; never raises. True when written.

    The file is replaced atomically, so concurrent workers never read half a file. A process that
    loaded the whole analyzer writes only what it used, so patterns of older rules do not pile up.
    """
    global _unsaved
    path = cache_file()
    if not _unsaved or path is None or _programs is None:
        return False
    # after an edit of the rules the old patterns are never asked for again; a full load drops them
    keep = _used if len(_used) >= _FULL_LOAD else _programs
    rows = [[*key, *_programs[key]] for key in keep if key in _programs]
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".patterns-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(rows))
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return False
    _unsaved = 0
    _added.clear()
    return True


def forget() -> None:
    """Drop what this process has loaded (tests, or after changing the environment variable)."""
    global _programs, _unsaved
    _programs, _unsaved = None, 0
    _used.clear()
    _added.clear()
