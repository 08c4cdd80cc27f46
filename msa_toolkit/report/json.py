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
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(results) -> str:
    header = _header()
    return "".join(json.dumps({**header, **result.to_dict()}, ensure_ascii=False) + "\n" for result in results)
