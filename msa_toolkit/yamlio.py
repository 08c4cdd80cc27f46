"""Reading YAML data files safely and fast.

Every data file (rules, lexicons, state profiles, deal sheets) is parsed with a *safe* loader: no
Python objects can be built from YAML. libyaml's C loader is used when PyYAML was built with it, and
what a file parses to is kept in the pattern cache (`pattern_cache.data`, keyed by a digest of the
text), so a later start neither imports PyYAML nor parses the packaged data again.
"""
from __future__ import annotations

from pathlib import Path

from . import pattern_cache


class YamlSyntaxError(ValueError):
    """The text is not valid YAML (the parser's message is the text of the error)."""


_LOADER = None


def _loader():
    """A safe loader (libyaml's when there) that refuses a key given twice in one mapping: YAML would keep the
    last silently, and an entry edited by hand would lose half of itself ("patterns" written twice)."""
    global _LOADER
    if _LOADER is None:
        import yaml

        class UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            pass

        def construct_mapping(loader, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = loader.construct_object(key_node, deep=deep)
                if isinstance(key, (str, int, float, bool)) and key in seen:
                    mark = key_node.start_mark
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key!r} appears twice in one mapping (line {mark.line + 1})", mark)
                seen.add(key)
            return yaml.SafeLoader.construct_mapping(loader, node, deep)

        UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
        _LOADER = UniqueKeyLoader
    return _LOADER


def _parse(text: str):
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader, C or pure Python
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc)) from None


def load_yaml_text(text: str, *, cache: bool = True):
    """The data of a YAML text; raises `YamlSyntaxError` when it is not valid YAML.

    `cache=False` for the user's own files (deal sheets): only the packaged data is kept."""
    return pattern_cache.data(text, _parse) if cache else _parse(text)


def load_yaml(path, *, cache: bool = True) -> object:
    return load_yaml_text(Path(path).read_text(encoding="utf-8"), cache=cache)
