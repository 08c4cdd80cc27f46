"""Word's automatic numbering, replayed from numbering.xml so "3.2" reads as "3.2".

Word never stores the label it displays; it computes it from the list definition (abstractNum
levels: start, numFmt, lvlText such as "%1.%2"), the list instance (num, with lvlOverride /
startOverride restarts) and counters that advance paragraph by paragraph. Instances that share an
abstract list continue its counters; an instance that overrides a start value counts on its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import pattern_cache
from .docx_styles import StyleSheet
from .docx_xml import child, child_val, int_val, toggle, w

_LEVEL_REF = pattern_cache.compile(r"%([1-9])")
_MAX_LEVELS = 9
_ORDINAL_WORDS = (
    "zero first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_CARDINAL_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText, e.g. "%1.%2" or "(%3)"
    is_legal: bool = False
    restart: int | None = None  # lvlRestart: 0 = never, n = after level n (1-based) is used
    style: str | None = None  # pStyle linking a paragraph style to this level


@dataclass(frozen=True)
class ListInstance:
    abstract_id: str
    start_overrides: dict[int, int]
    level_overrides: dict[int, Level]


def format_number(value: int, fmt: str) -> str:
    """Render a counter the way Word does for a numFmt value."""
    if fmt in ("lowerLetter", "upperLetter"):
        if value < 1:
            return str(value)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        if not 0 < value < 4000:
            return str(value)
        roman, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                roman += digits
                rest -= amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    if fmt == "ordinalText" and 0 <= value < len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[value].capitalize()
    if fmt == "cardinalText" and 0 <= value < len(_CARDINAL_WORDS):
        return _CARDINAL_WORDS[value].capitalize()
    if fmt == "decimalEnclosedParen":
        return f"({value})"
    if fmt == "none":
        return ""
    return str(value)


def _parse_level(element) -> tuple[int, Level] | None:
    ilvl = element.get(w("ilvl"))
    if ilvl is None or not ilvl.isdigit() or int(ilvl) >= _MAX_LEVELS:
        return None
    return int(ilvl), Level(
        start=int_val(element, "start") if int_val(element, "start") is not None else 1,
        fmt=child_val(element, "numFmt") or "decimal",
        text=child_val(element, "lvlText"),
        is_legal=bool(toggle(element, "isLgl")),
        restart=int_val(element, "lvlRestart"),
        style=child_val(element, "pStyle"),
    )


class NumberingDefinitions:
    """The list definitions of one document, parsed once."""

    def __init__(self, numbering_element, styles: StyleSheet) -> None:
        self.styles = styles
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id -> style its definition lives in
        self.instances: dict[str, ListInstance] = {}
        if numbering_element is None:
            return
        for abstract in numbering_element.iter(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"))
            if abstract_id is None:
                continue
            levels = dict(filter(None, (_parse_level(level) for level in abstract.iter(w("lvl")))))
            self.abstracts[abstract_id] = levels
            link = child_val(abstract, "numStyleLink")
            if link:
                self.style_links[abstract_id] = link
        for num in numbering_element.iter(w("num")):
            num_id = num.get(w("numId"))
            abstract_id = child_val(num, "abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iter(w("lvlOverride")):
                ilvl = override.get(w("ilvl"))
                if ilvl is None or not ilvl.isdigit():
                    continue
                start = int_val(override, "startOverride")
                if start is not None:
                    starts[int(ilvl)] = start
                level = child(override, "lvl")
                parsed = _parse_level(level) if level is not None else None
                if parsed:
                    levels[int(ilvl)] = parsed[1]
            self.instances[num_id] = ListInstance(abstract_id, starts, levels)

    def resolve_abstract(self, abstract_id: str) -> str:
        """Follow numStyleLink: the definition lives in the list the linked style numbers with."""
        seen = set()
        while abstract_id in self.style_links and abstract_id not in seen:
            seen.add(abstract_id)
            num_id, _ = self.styles.numbering(self.style_links[abstract_id])
            instance = self.instances.get(num_id or "")
            if instance is None:
                break
            abstract_id = instance.abstract_id
        return abstract_id

    def levels(self, num_id: str) -> dict[int, Level]:
        instance = self.instances[num_id]
        levels = dict(self.abstracts.get(self.resolve_abstract(instance.abstract_id), {}))
        levels.update(instance.level_overrides)
        return levels

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        for ilvl, level in self.levels(num_id).items():
            if style_id and level.style == style_id:
                return ilvl
        return 0


class NumberingCounter:
    """Replays counters paragraph by paragraph and renders each numbered paragraph's label."""

    def __init__(self, definitions: NumberingDefinitions) -> None:
        self.definitions = definitions
        self.counters: dict[str, dict[int, int]] = {}

    def resolve(self, para_num_id: str | None, para_ilvl: int | None, style_id: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) that applies to a paragraph from its own numPr or its style's; None if unnumbered."""
        style_num_id, style_ilvl = self.definitions.styles.numbering(style_id)
        num_id = para_num_id if para_num_id is not None else style_num_id
        if num_id is None or num_id == "0" or num_id not in self.definitions.instances:
            return None
        if para_ilvl is not None:
            ilvl = para_ilvl
        elif style_ilvl is not None:
            ilvl = style_ilvl
        else:
            ilvl = self.definitions.level_for_style(num_id, style_id)
        return num_id, min(max(ilvl, 0), _MAX_LEVELS - 1)

    def advance(self, num_id: str, ilvl: int) -> tuple[str | None, Level | None]:
        """Count one paragraph at (num_id, ilvl); return its label (None for bullets) and level."""
        definitions = self.definitions
        instance = definitions.instances[num_id]
        levels = definitions.levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return None, None
        key = f"num:{num_id}" if instance.start_overrides else f"abstract:{definitions.resolve_abstract(instance.abstract_id)}"
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = {}
            for override_level, start in instance.start_overrides.items():
                counters[override_level] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl + 1 <= restart):
                del counters[deeper]
        if level.fmt == "bullet" or level.text is None:
            return None, level
        label = _LEVEL_REF.sub(lambda m: self._render(levels, counters, int(m.group(1)) - 1, level), level.text)
        return (label.strip() or None), level

    @staticmethod
    def _render(levels: dict[int, Level], counters: dict[int, int], ilvl: int, current: Level) -> str:
        level = levels.get(ilvl, Level())
        value = counters.get(ilvl, level.start)
        return format_number(value, "decimal" if current.is_legal else level.fmt)
