"""DOCX reader: body paragraphs and table rows in document order, with Word's numbering labels.

Tracked insertions are kept and deletions dropped (the text as if all changes were accepted);
headers, footers, comments, footnotes, text boxes and hidden text are not part of the body.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import MsaError
from ..limits import Limits
from ..model import Block, RawDocument
from .docx_numbering import NumberingCounter, NumberingDefinitions
from .docx_styles import StyleSheet
from .docx_xml import child, child_val, int_val, toggle, w
from .zipguard import check_docx_zip

CELL_SEPARATOR = " | "
_P, _TBL, _TR, _TC, _R, _T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")
# Containers whose content is body content (content controls, custom XML, tracked insertions).
_TRANSPARENT = {w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("moveTo"), w("smartTag"),
                w("hyperlink"), w("fldSimple"), w("dir"), w("bdo")}
# Inside a run, only these contribute text; drawings, text boxes, field codes (instrText),
# deleted text (delText) and footnote references contribute nothing.
_RUN_TEXT = {_T: None, w("tab"): " ", w("br"): " ", w("cr"): " ", w("noBreakHyphen"): "-"}


def read_docx(path: Path, *, limits: Limits) -> RawDocument:
    check_docx_zip(path, limits)
    try:
        import docx

        document = docx.Document(str(path))
        body = document.element.body
        styles = StyleSheet(_part_element(document.part, "styles_part"))
        definitions = NumberingDefinitions(_part_element(document.part, "numbering_part"), styles)
    except MsaError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml/zipfile raise many types for bad files
        raise MsaError("E121", f"the DOCX is damaged and cannot be opened ({type(exc).__name__}: {exc})", path) from None
    reader = _BodyReader(styles, NumberingCounter(definitions), limits, path)
    reader.read_container(body)
    warnings = () if reader.blocks else ("the document body has no text",)
    return RawDocument(path=str(path), format="docx", blocks=tuple(reader.blocks), warnings=warnings)


def _part_element(document_part, attribute: str):
    """The XML root of the styles or numbering part, or None when the document has none.

    python-docx would create a default part when missing; read the relationship instead.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rel_type = RT.STYLES if attribute == "styles_part" else RT.NUMBERING
    try:
        return document_part.part_related_by(rel_type).element
    except (KeyError, AttributeError):
        return None


class _BodyReader:
    def __init__(self, styles: StyleSheet, numbering: NumberingCounter, limits: Limits, path: Path) -> None:
        self.styles = styles
        self.numbering = numbering
        self.limits = limits
        self.path = path
        self.blocks: list[Block] = []
        self.chars = 0

    def read_container(self, element) -> None:
        for node in element:
            if node.tag == _P:
                block = self.paragraph(node)
                if block is not None:
                    self._emit(block)
            elif node.tag == _TBL:
                self.table(node)
            elif node.tag in _TRANSPARENT:
                self.read_container(node)

    def _emit(self, block: Block) -> None:
        self.chars += len(block.text)
        if self.chars > self.limits.max_chars:
            raise MsaError("E106", f"more than {self.limits.max_chars:,} characters of text", self.path)
        self.blocks.append(block)

    def paragraph(self, p) -> Block | None:
        p_pr = child(p, "pPr")
        style_id = child_val(p_pr, "pStyle") or self.styles.default_paragraph
        pieces: list[str] = []
        bold_flags: list[bool] = []
        self._collect(p, style_id, pieces, bold_flags)
        text = " ".join("".join(pieces).split())
        num_pr = child(p_pr, "numPr")
        mark_deleted = toggle(child(p_pr, "rPr"), "del") is not None
        number = level = None
        target = self.numbering.resolve(child_val(num_pr, "numId"), int_val(num_pr, "ilvl"), style_id)
        if target is not None and (text or not mark_deleted):
            number, definition = self.numbering.advance(*target)
            level = target[1] if definition is not None else None
        if not text:
            return None
        outline = int_val(p_pr, "outlineLvl")
        heading = self.styles.is_heading(style_id) or (outline is not None and outline < 9)
        return Block(
            text=text, kind="heading" if heading else "paragraph", number=number, level=level,
            bold=bool(bold_flags) and all(bold_flags), style=self.styles.name(style_id),
        )

    def _collect(self, element, style_id: str | None, pieces: list[str], bold_flags: list[bool]) -> None:
        """Gather the visible text of a paragraph's runs, noting for each run whether it is bold."""
        for node in element:
            tag = node.tag
            if tag == _R:
                r_pr = child(node, "rPr")
                if toggle(r_pr, "vanish"):
                    continue
                run_text = []
                for part in node:
                    if part.tag in _RUN_TEXT:
                        run_text.append(part.text or "" if part.tag == _T else _RUN_TEXT[part.tag])
                text = "".join(run_text)
                if text:
                    pieces.append(text)
                    if text.strip():
                        bold_flags.append(self._run_bold(r_pr, style_id))
            elif tag in _TRANSPARENT:
                self._collect(node, style_id, pieces, bold_flags)

    def _run_bold(self, r_pr, style_id: str | None) -> bool:
        explicit = toggle(r_pr, "b")
        if explicit is not None:
            return explicit
        run_style = child_val(r_pr, "rStyle")
        if run_style and any(s.bold is not None for s in self.styles.chain(run_style)):
            return self.styles.bold(run_style)
        return self.styles.bold(style_id)

    def table(self, tbl) -> None:
        for row in self._rows(tbl):
            cells = [self._cell_text(cell) for cell in self._cells(row)]
            if any(cells):
                self._emit(Block(text=CELL_SEPARATOR.join(cells), kind="table_row"))

    def _rows(self, element):
        for node in element:
            if node.tag == _TR:
                yield node
            elif node.tag in _TRANSPARENT:
                yield from self._rows(node)

    def _cells(self, element):
        for node in element:
            if node.tag == _TC:
                yield node
            elif node.tag in _TRANSPARENT:
                yield from self._cells(node)

    def _cell_text(self, cell) -> str:
        """A cell's paragraphs (with their numbers) and nested tables, flattened to one line."""
        parts: list[str] = []
        for node in cell:
            if node.tag == _P:
                block = self.paragraph(node)
                if block is not None:
                    parts.append(f"{block.number} {block.text}" if block.number else block.text)
            elif node.tag == _TBL:
                for row in self._rows(node):
                    parts.extend(text for text in map(self._cell_text, self._cells(row)) if text)
            elif node.tag in _TRANSPARENT:
                nested = self._cell_text(node)
                if nested:
                    parts.append(nested)
        return " ".join(parts)
