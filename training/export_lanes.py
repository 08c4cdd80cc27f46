"""Export the shipped spaCy lane model for scoring without spaCy (`msa_toolkit/analysis/lane_scorer.py`).

    .venv/bin/python training/export_lanes.py [--model models/msa_lanes]

Writes `<model>/bow/`: `weights.f32` (the sparse-linear weight table, little-endian float32),
`tokenizer.json` (the tokenizer's prefix, suffix, infix and URL patterns and its special cases) and
`meta.json` (labels, bias, table length, n-gram size, checksums of the weights and of the spaCy model
file they came from). `train.py` runs this after every training; the output is byte-identical for the
same model.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from msa_toolkit.analysis.lane_scorer import EXPORT_DIR, SpacyTokenizer, source_checksum  # noqa: E402


def _pattern(method) -> dict | None:
    if method is None:
        return None
    compiled = method.__self__
    return {"pattern": compiled.pattern, "flags": int(compiled.flags)}


def tokenizer_rules(tokenizer) -> dict:
    """The tokenizer's rules as data; special cases the affix rules would split are listed separately."""
    from spacy.attrs import ORTH
    from spacy.symbols import IDS as SYMBOLS

    def orth(piece: dict) -> str:
        return piece[ORTH] if ORTH in piece else piece["ORTH"]

    specials = {text: [orth(piece) for piece in pieces] for text, pieces in sorted(tokenizer.rules.items())}
    rules = {
        "prefix": _pattern(tokenizer.prefix_search),
        "suffix": _pattern(tokenizer.suffix_search),
        "infix": _pattern(tokenizer.infix_finditer),
        "url_match": _pattern(tokenizer.url_match),
        "token_match": _pattern(tokenizer.token_match),
        "specials": specials,
        "matched_specials": {},
        "symbols": dict(sorted(SYMBOLS.items())),
    }
    plain = SpacyTokenizer({**rules, "specials": {}, "matched_specials": {}})
    matched = {}
    for text in specials:
        if (not tokenizer.faster_heuristics or " " in text or plain.prefix(text) or plain.suffix(text)
                or list(plain.infix(text))):
            matched[text] = plain(text)
    rules["matched_specials"] = matched
    return rules


def export(model_dir: Path) -> Path:
    import spacy

    nlp = spacy.load(model_dir)
    textcat = nlp.get_pipe("textcat")
    layers = {layer.name: layer for layer in textcat.model.walk()}
    sparse, ngrams = layers["sparse_linear"], layers["extract_ngrams"]
    if sparse.attrs.get("v1_indexing") or "softmax_activation" not in layers:
        raise SystemExit("export_lanes: only TextCatBOW.v3 with exclusive classes (softmax) is supported")
    from spacy.attrs import ORTH

    if ngrams.attrs["attr"] != ORTH:
        raise SystemExit("export_lanes: the model must hash ORTH (token text)")
    weights = sparse.get_param("W").astype("<f4").tobytes()
    out = model_dir / EXPORT_DIR
    out.mkdir(exist_ok=True)
    (out / "weights.f32").write_bytes(weights)
    (out / "tokenizer.json").write_text(json.dumps(tokenizer_rules(nlp.tokenizer), indent=0, sort_keys=True) + "\n",
                                        encoding="utf-8")
    meta = {
        "labels": list(textcat.labels),
        "bias": [float(b) for b in sparse.get_param("b")],
        "length": int(sparse.get_dim("length")),
        "ngram_size": int(ngrams.attrs["ngram_size"]),
        "weights_sha256": hashlib.sha256(weights).hexdigest(),
        "source_sha256": source_checksum(model_dir),
        "spacy_version": spacy.__version__,
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "msa_lanes")
    args = parser.parse_args(argv)
    print(f"wrote {export(args.model)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
