"""The shipped lane model, scored without importing spaCy.

Importing spaCy and loading a pipeline costs about a second, which is most of the time a one-file
review takes. The lane model is a spaCy bag-of-words text classifier (``TextCatBOW``): a linear model
over hashed unigram and bigram token keys, followed by a softmax. `training/export_lanes.py` writes
its weights and its tokenizer's rules into ``models/msa_lanes/bow/``; this module reproduces spaCy's
tokenizer, key hashing and sparse-linear scoring from those files, so the scores are the spaCy
pipeline's own (a test compares both on every corpus clause). When the export is missing or was made
from a different model, `lanes.py` falls back to spaCy.
"""
from __future__ import annotations

import json
import math
import re
import struct
from array import array
from collections import Counter
from pathlib import Path

from ..digests import sha256
from .. import pattern_cache

EXPORT_DIR = "bow"
_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1
_M64 = 0xC6A4A7935BD1E995


class LaneExportError(RuntimeError):
    """The exported lane model is missing, damaged or does not belong to the shipped spaCy model."""


def murmurhash64a(data: bytes, seed: int) -> int:
    """MurmurHash64A, the 64-bit hash spaCy uses for strings (seed 1) and thinc for n-grams (seed 0)."""
    length = len(data)
    h = (seed ^ (length * _M64)) & _MASK64
    blocks = length // 8
    for (k,) in struct.iter_unpack("<Q", data[: blocks * 8]):
        k = (k * _M64) & _MASK64
        k ^= k >> 47
        k = (k * _M64) & _MASK64
        h ^= k
        h = (h * _M64) & _MASK64
    tail = data[blocks * 8:]
    if tail:
        for i in range(len(tail) - 1, -1, -1):
            h ^= tail[i] << (8 * i)
        h = (h * _M64) & _MASK64
    h ^= h >> 47
    h = (h * _M64) & _MASK64
    h ^= h >> 47
    return h


def murmurhash64a_keys(keys: tuple[int, ...], seed: int) -> int:
    """`murmurhash64a` of the keys packed as little-endian uint64s (how thinc hashes an n-gram), without
    packing them: each key is one 8-byte block, so there is no tail."""
    h = (seed ^ (len(keys) * 8 * _M64)) & _MASK64
    for k in keys:
        k = (k * _M64) & _MASK64
        k ^= k >> 47
        h ^= (k * _M64) & _MASK64
        h = (h * _M64) & _MASK64
    h ^= h >> 47
    h = (h * _M64) & _MASK64
    return h ^ (h >> 47)


def _rotl32(x: int, r: int) -> int:
    return ((x << r) | (x >> (32 - r))) & _MASK32


def murmurhash3_32_uint64(key: int, seed: int) -> int:
    """MurmurHash3_x86_32 of one 64-bit key, as thinc's SparseLinear indexes its weight table."""
    h = seed
    for k in (key & _MASK32, key >> 32):
        k = (k * 0xCC9E2D51) & _MASK32
        k = _rotl32(k, 15)
        k = (k * 0x1B873593) & _MASK32
        h ^= k
        h = _rotl32(h, 13)
        h = (h * 5 + 0xE6546B64) & _MASK32
    h ^= 8
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK32
    h ^= h >> 16
    return h


def _c_index_hash():
    """The C MurmurHash3_x86_32 of the `murmurhash` package (installed with spaCy), when it is there.

    Over the 8 little-endian bytes of a key it is the function thinc's SparseLinear computes, ten times
    faster than `murmurhash3_32_uint64`; a test checks that both agree.
    """
    try:
        from murmurhash.mrmr import hash_bytes
    except ImportError:  # pragma: no cover - murmurhash ships with spaCy
        return murmurhash3_32_uint64
    pack = struct.Struct("<Q").pack

    def index_hash(key: int, seed: int) -> int:
        return hash_bytes(pack(key), seed) & _MASK32

    return index_hash


_index_hash = _c_index_hash()


def _index_hashes(key: int) -> tuple[int, int]:
    """Both of a key's table indices (seeds 0 and 1)."""
    return _index_hash(key, 0), _index_hash(key, 1)


def string_key(text: str, symbols: dict[str, int] | None = None) -> int:
    """spaCy's key for a token's text (its ORTH attribute): a fixed symbol id, else the string's hash.

    spaCy reserves small ids for the names of its own attributes and labels, and some of them are
    ordinary words ("number", "neg", "det"); `symbols` is that table, exported with the model.
    """
    if symbols and text in symbols:
        return symbols[text]
    return murmurhash64a(text.encode("utf-8"), 1) if text else 0


def source_checksum(model_dir: Path) -> str:
    """Checksum of the spaCy files an export is made from (textcat weights and tokenizer)."""
    digest = sha256()
    for name in ("textcat/model", "tokenizer"):
        digest.update((model_dir / name).read_bytes())
    return digest.hexdigest()


class SpacyTokenizer:
    """spaCy's rule-based tokenizer (prefixes, suffixes, infixes, URLs, special cases), in Python.

    Follows `spacy/tokenizer.pyx`: the text is split into alternating runs of space and non-space (a
    single space after a token is absorbed), each run is split into affixes and infixes unless it is a
    special case, and special cases that contain affixes are then matched over the token sequence.
    """

    def __init__(self, rules: dict):
        self.prefix = pattern_cache.compile(rules["prefix"]["pattern"], rules["prefix"]["flags"]).search
        self.suffix = pattern_cache.compile(rules["suffix"]["pattern"], rules["suffix"]["flags"]).search
        self.infix = pattern_cache.compile(rules["infix"]["pattern"], rules["infix"]["flags"]).finditer
        url = rules.get("url_match")
        self.url_match = pattern_cache.compile(url["pattern"], url["flags"]).match if url else None
        token = rules.get("token_match")
        self.token_match = pattern_cache.compile(token["pattern"], token["flags"]).match if token else None
        self.specials: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in rules["specials"].items()}
        # special cases whose text the affix rules would split: found again over the token sequence
        self.matched: dict[tuple[str, ...], tuple[str, ...]] = {
            tuple(parts): self.specials[text] for text, parts in rules["matched_specials"].items()
        }
        self.matched_by_first: dict[str, tuple[int, ...]] = {}
        for parts in self.matched:
            lengths = set(self.matched_by_first.get(parts[0], ())) | {len(parts)}
            self.matched_by_first[parts[0]] = tuple(sorted(lengths))
        self._cache: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> list[str]:
        tokens: list[str] = []
        for run in _runs(text):
            cached = self._cache.get(run)
            if cached is None:
                cached = self._tokenize_run(run)
                if len(self._cache) < 100_000:
                    self._cache[run] = cached
            tokens.extend(cached)
        if self.matched:
            tokens = self._apply_matched_specials(tokens)
        return tokens

    def _tokenize_run(self, run: str) -> tuple[str, ...]:
        """The tokens of one run. Plain words, alone or before a comma, semicolon or colon, are most runs of
        a contract and take a shortcut to what the rules give them (a test checks both on the shipped rules)."""
        special = self.specials.get(run)
        if special is not None:
            return special
        if run.isascii():
            if run.isalpha():
                return (run,)
            if run[-1] in ",;:" and run[:-1].isalpha():
                return (*self.specials.get(run[:-1], (run[:-1],)), run[-1])
        return self.tokenize_by_rules(run)

    def tokenize_by_rules(self, run: str) -> tuple[str, ...]:
        """`_tokenize_run` the long way, through every affix, infix and special-case rule."""
        special = self.specials.get(run)
        if special is not None:
            return special
        prefixes, suffixes, rest = self._split_affixes(run)
        out = list(prefixes)
        if rest:
            special = self.specials.get(rest)
            if special is not None:
                out.extend(special)
            elif (self.token_match and self.token_match(rest)) or (self.url_match and self.url_match(rest)):
                out.append(rest)
            else:
                out.extend(self._split_infixes(rest))
        out.extend(reversed(suffixes))
        return tuple(out)

    def _split_affixes(self, string: str):
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = -1
        while string and len(string) != last_size:
            if self.token_match and self.token_match(string):
                break
            if string in self.specials:
                break
            last_size = len(string)
            found = self.prefix(string)
            pre_len = found.end() - found.start() if found else 0
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and minus_pre in self.specials:
                    prefixes.append(prefix)
                    return prefixes, suffixes, minus_pre
            found = self.suffix(string[pre_len:])
            suf_len = found.end() - found.start() if found else 0
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and minus_suf in self.specials:
                    suffixes.append(suffix)
                    return prefixes, suffixes, minus_suf
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        return prefixes, suffixes, string

    def _split_infixes(self, string: str) -> list[str]:
        matches = list(self.infix(string))
        if not matches:
            return [string]
        out = []
        start = 0
        for match in matches:
            infix_start, infix_end = match.start(), match.end()
            if infix_start == 0:
                continue
            if infix_start != start:
                out.append(string[start:infix_start])
            if infix_start != infix_end:
                out.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            out.append(string[start:])
        return out

    def _apply_matched_specials(self, tokens: list[str]) -> list[str]:
        """Longest matches first, then by position; a match may not share an edge token with a kept one."""
        spans = []
        by_first = self.matched_by_first
        for start, token in enumerate(tokens):
            for length in by_first.get(token, ()):
                if tuple(tokens[start:start + length]) in self.matched:
                    spans.append((start, start + length))
        if not spans:
            return tokens
        spans.sort(key=lambda s: (s[1] - s[0], -s[0]))  # spaCy sorts by length, then start, and walks back
        seen: set[int] = set()
        kept = []
        for start, end in reversed(spans):
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        kept.sort()
        out: list[str] = []
        i = 0
        for start, end in kept:
            out.extend(tokens[i:start])
            out.extend(self.matched[tuple(tokens[start:end])])
            i = end
        out.extend(tokens[i:])
        return out


_RUN = pattern_cache.compile(r"\s+|\S+")


_IRREGULAR_SPACE = pattern_cache.compile(r"[^\S ]|  |^ | $")


def _runs(text: str):
    """The runs spaCy tokenizes: alternating space and non-space, minus one ' ' after each token."""
    if not _IRREGULAR_SPACE.search(text):  # words separated by single spaces: the common case
        return text.split(" ") if text else []
    return list(_irregular_runs(text))


def _irregular_runs(text: str):
    for match in _RUN.finditer(text):
        run = match.group()
        if run[0] == " " and match.start():
            run = run[1:]
            if not run:
                continue
        yield run


class BowLaneScorer:
    """Scores texts with the exported weights of the spaCy TextCatBOW lane model."""

    def __init__(self, directory: Path):
        meta_path = directory / "meta.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            rules = json.loads((directory / "tokenizer.json").read_text(encoding="utf-8"))
            raw = (directory / "weights.f32").read_bytes()
        except (OSError, ValueError) as exc:
            raise LaneExportError(f"{directory}: cannot read the exported lane model: {exc}") from None
        if sha256(raw).hexdigest() != meta.get("weights_sha256"):
            raise LaneExportError(f"{directory / 'weights.f32'}: checksum does not match meta.json")
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        self.length = int(meta["length"])
        self.ngram_size = int(meta["ngram_size"])
        self.bias = tuple(float(b) for b in meta["bias"])
        self.source_sha256 = meta["source_sha256"]
        weights = array("f")
        weights.frombytes(raw)
        if len(weights) != len(self.labels) * self.length:
            raise LaneExportError(f"{directory / 'weights.f32'}: expected {len(self.labels) * self.length} weights")
        self.weights = weights
        self.tokenizer = SpacyTokenizer(rules)
        self.symbols: dict[str, int] = {str(k): int(v) for k, v in rules.get("symbols", {}).items()}
        self._string_keys: dict[str, int] = {}
        self._ngram_keys: dict[tuple, int] = {}
        self._contributions: dict[int, tuple[float, ...]] = {}

    def _key(self, token: str) -> int:
        key = self._string_keys.get(token)
        if key is None:
            key = string_key(token, self.symbols)
            if len(self._string_keys) < 500_000:
                self._string_keys[token] = key
        return key

    def _ngram_key(self, keys: tuple[int, ...]) -> int:
        key = self._ngram_keys.get(keys)
        if key is None:
            key = murmurhash64a_keys(keys, 0)
            if len(self._ngram_keys) < 1_000_000:
                self._ngram_keys[keys] = key
        return key

    def _contribution(self, key: int) -> tuple[float, ...]:
        found = self._contributions.get(key)
        if found is None:
            length = self.length
            idx1, idx2 = _index_hashes(key)
            idx1 %= length
            idx2 %= length
            w = self.weights
            if len(self.labels) == 3:  # the shipped model, unrolled
                found = (w[idx1] + w[idx2], w[length + idx1] + w[length + idx2],
                         w[2 * length + idx1] + w[2 * length + idx2])
            else:
                found = tuple(w[c + idx1] + w[c + idx2] for c in range(0, len(self.labels) * length, length))
            if len(self._contributions) < 1_000_000:
                self._contributions[key] = found
        return found

    def keys(self, text: str) -> Counter:
        """Counts of the unigram and n-gram keys of the text, as spaCy's `extract_ngrams` builds them."""
        known = self._string_keys
        unigrams = [known.get(t) or self._key(t) for t in self.tokenizer(text)]
        counts = Counter(unigrams)
        for n in range(2, self.ngram_size + 1):
            grams = zip(*(unigrams[i:] for i in range(n)))
            ngram_keys = self._ngram_keys
            counts.update([ngram_keys.get(g) or self._ngram_key(g) for g in grams])
        return counts

    def cats(self, text: str) -> dict[str, float]:
        """Probability of each lane (softmax over the linear scores)."""
        found = self._contributions
        contribution = self._contribution
        counts = self.keys(text)
        if len(self.bias) == 3:  # the shipped model: three lanes, summed without building rows (twice as fast)
            s0, s1, s2 = self.bias
            for key, count in counts.items():
                row = found.get(key) or contribution(key)
                if count == 1:
                    s0 += row[0]
                    s1 += row[1]
                    s2 += row[2]
                else:
                    s0 += row[0] * count
                    s1 += row[1] * count
                    s2 += row[2] * count
            scores = [s0, s1, s2]
        else:
            rows = [tuple(w * count for w in (found.get(key) or contribution(key))) for key, count in counts.items()]
            scores = [b + sum(column) for b, column in zip(self.bias, zip(*rows))] if rows else list(self.bias)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps)}
