"""JSON reports: the faithful dump of `AnalysisResult.to_dict()` that scripts and CI consume.

`json` is one object for the whole run; `jsonl` is one document per line, so a huge run can be
streamed and each line stands alone (it repeats the tool, version and disclaimer).
"""
from __future__ import annotations

import json

from .. import DISCLAIMER, __version__

TOOL_NAME = "msa-check"


def _header() -> dict:
    return {"tool": TOOL_NAME, "version": __version__, "disclaimer": DISCLAIMER}


def render_json(results) -> str:
    payload = {**_header(), "documents": [result.to_dict() for result in results]}
    return _pretty(payload, 0) + "\n"


# Indented down to the entries of a document's lists; each clause, finding or fee term is then one line. Python's
# json module indents only in pure Python, about four times slower than its C encoder, which writes each line here.
_INDENTED_LEVELS = 4


def _pretty(value, level: int) -> str:
    if level >= _INDENTED_LEVELS or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False)
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(str(key), ensure_ascii=False)}: {_pretty(item, level + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    return "[\n" + ",\n".join(inner + _pretty(item, level + 1) for item in value) + "\n" + pad + "]"


def render_jsonl(results) -> str:
    header = _header()
    return "".join(json.dumps({**header, **result.to_dict()}, ensure_ascii=False) + "\n" for result in results)
