"""WordprocessingML names and small attribute helpers shared by the DOCX modules."""
from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FALSE = {"0", "false", "off", "none"}


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag: w("p") -> "{...main}p"."""
    return f"{{{W_NS}}}{tag}"


VAL = w("val")


def child(element, tag: str):
    return None if element is None else element.find(w(tag))


def child_val(element, tag: str) -> str | None:
    found = child(element, tag)
    return None if found is None else found.get(VAL)


def toggle(element, tag: str) -> bool | None:
    """A w:b-style toggle: None when absent, else whether it is on (a bare tag means on)."""
    found = child(element, tag)
    if found is None:
        return None
    return (found.get(VAL) or "true").lower() not in _FALSE


def int_val(element, tag: str) -> int | None:
    value = child_val(element, tag)
    try:
        return None if value is None else int(value)
    except ValueError:
        return None
