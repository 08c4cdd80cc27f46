"""The clause tree, built line by line.

Every non-blank line either starts a clause or continues the current one, so clauses are
contiguous, disjoint spans that together cover all the text (the property the tests check);
parent/child is structure recorded on the clauses, not containment of text. A line starts a
clause when it opens a known part (preamble, WHEREAS, IN WITNESS WHEREOF, EXHIBIT A), carries a
clause number that is not a wrapped cross-reference, begins a definition inside a definitions
article, or is a heading on its own line.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .. import pattern_cache
from ..model import Clause, RawDocument
from .clause_ids import Draft, assign_ids, slug
from .cues import segment_cues
from .layout import Line, layout
from .lead import PARTY_LINE, lists_a_party, preamble_like, preamble_start
from .markers import (
    Marker, ends_in_reference, first_word, heading_line, is_heading_text, is_page_artifact, is_page_footer,
    is_redaction, parse_marker, parse_word_label, running_footers, sentence_complete, split_heading,
)
from .nesting import NumberingStack, Open
from .signature_blocks import unannounced_signature_start

_SECTION_KINDS = ("article", "section", "subsection", "exhibit", "exhibit_section", "definition")
# Regions of an agreement in reading order; they decide what an unnumbered line means.
_LEAD_REGIONS = ("start", "title", "preamble", "recitals")
_PRINTED_LINE_CHARS = 160
# How far past a possible in-line clause start to look for its number and heading.
_LOOKAHEAD_CHARS = 300
_TRAILING_EXHIBIT = pattern_cache.compile(r"(?:EXHIBIT|SCHEDULE|APPENDIX|ANNEX|ATTACHMENT)\s{1,3}[A-Z0-9]{1,3}\.?\s*$")
_INLINE_BREAK = pattern_cache.compile(
    r";\s+(?:and|or)\s+(?=\((?:[a-z]{1,4}|[A-Z]|[0-9]{1,2})\)\s)"
    r"|(?:(?<=[.;:])|(?<=[A-Z]{2}))\s+(?=(?:\((?:[a-z]{1,4}|[A-Z]|[0-9]{1,2})\)|[0-9]{1,3}\.[0-9]{1,3}(?:\.[0-9]{1,3})?)\s+[A-Z])"
    r"|\s+(?=(?:EXHIBIT|SCHEDULE|APPENDIX|ANNEX|ATTACHMENT)\s{1,3}[A-Z0-9]{1,3}\.?\s*$)"
)
_REFERENCE_WORD_BEFORE = pattern_cache.compile(r"(?:\bSec|\bSECTION|\bSection|\bSections|\bArt|\bNo|§)\.?$")
# A heading-like line seen this often is a running header or footer the reader left in.
_RUNNING_REPEATS = 3
# An editorial note on its own line: "[Signature page follows]", "[Remainder of page intentionally left blank]".
_BRACKETED_NOTE = pattern_cache.compile(r"\[[^\[\]\n]{3,100}\]\.?")


def segment_raw(raw: RawDocument) -> tuple[str, tuple[Clause, ...]]:
    text, lines = layout(raw)
    counts = Counter(line.text for line in lines if len(line.text) <= 120)
    running = {line_text for line_text, n in counts.items() if n >= _RUNNING_REPEATS}
    footers = running_footers([line.text for line in lines])
    builder = TreeBuilder(paragraph_blocks=_blocks_are_paragraphs(raw), running_lines=running | footers,
                          footers=footers, preamble_start=preamble_start(lines),
                          signature_start=unannounced_signature_start(lines))
    for line in lines:
        builder.feed(line)
    return text, mark_amendments(builder.clauses(text))


def mark_amendments(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """Mark an amendment's items with the section they replace or add ("Section 6.1 of the Agreement is
    deleted and replaced with the following": amends 6.1), so a finding there is cited where a lawyer
    looks for it: "Section 2 (amends Section 6.1)"."""
    cues = segment_cues()
    marked = []
    for clause in clauses:
        head = clause.text[:400]
        lowered = " ".join(head.lower().split())
        if not any(literal in lowered for literal in cues.amendment_literals):
            marked.append(clause)  # the cheap test first: most clauses amend nothing
            continue
        found = cues.added_section.search(head) or cues.amended_section.search(head)
        marked.append(replace(clause, amends=found.group(1)) if found and clause.kind != "title" else clause)
    return tuple(marked)


def _blocks_are_paragraphs(raw: RawDocument) -> bool:
    """Whether a block boundary is a paragraph boundary (so a wrapped sentence never crosses it).

    True for Word documents, and for readers that kept wrapped lines together in one block or
    joined them into long single-line paragraphs (a layout of one line per block has no lines
    much longer than a printed line).
    """
    if raw.format == "docx":
        return True
    blocks = [b.text.strip() for b in raw.blocks if (b.text or "").strip()]
    if not blocks:
        return False
    joined = sum(1 for b in blocks if "\n" in b or len(b) > _PRINTED_LINE_CHARS)
    return joined >= max(2, len(blocks) // 10)


def _pieces(line: Line):
    """Split a line where a reader ran two clauses together ("...; (b) Equipment. Manager ...").

    Only strong signals split: a clause number followed by a capitalised heading and a period
    (after a sentence end or an all-capitals heading), the next item of a list the line itself
    started ("(e) ...; and (f) ..."), or an exhibit title at the end of a line.
    """
    cut = 0
    opening = parse_marker(line.text[:_LOOKAHEAD_CHARS])
    for match in _INLINE_BREAK.finditer(line.text):
        rest = line.text[match.end():match.end() + _LOOKAHEAD_CHARS]
        at_end = len(line.text) - match.end() <= _LOOKAHEAD_CHARS
        if _REFERENCE_WORD_BEFORE.search(line.text[max(0, match.start() - 12):match.start()]):
            continue  # "Sec. 4.1 Fee." is one clause number, not a break after "Sec."
        if match.start() <= cut or not (
            _strong_clause_start(rest, at_end) or _next_item(opening, rest, match.group(0))
        ):
            continue
        yield _sub_line(line, cut, match.start() + len(match.group(0).rstrip()))
        cut = match.end()
        opening = parse_marker(rest)
    yield line if cut == 0 else _sub_line(line, cut, len(line.text))


def _next_item(opening: Marker | None, rest: str, joint: str) -> bool:
    """Whether `rest` starts the item after `opening` in the same list, joined by '; and'."""
    if opening is None or opening.family != "list" or ";" not in joint:
        return False
    marker = parse_marker(rest)
    if marker is None or marker.family != "list":
        return False
    return any(style == prev_style and value == prev_value + 1
               for style, value in marker.options for prev_style, prev_value in opening.options)


def _strong_clause_start(text: str, at_end: bool) -> bool:
    if at_end and _TRAILING_EXHIBIT.match(text):
        return True
    marker = parse_marker(text)
    if marker is None:
        return False
    heading, has_body = split_heading(marker.rest)
    return heading is not None and has_body and len(heading.split()) <= 8


def _sub_line(line: Line, start: int, end: int) -> Line:
    piece = line.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return replace(line, text=piece, start=line.start + start + lead, end=line.start + start + lead + len(piece),
                   first_in_block=line.first_in_block and start == 0,
                   word_label=line.word_label if start == 0 else None)


class TreeBuilder:
    def __init__(self, *, paragraph_blocks: bool = False, running_lines: set[str] = frozenset(),
                 footers: set[str] = frozenset(), preamble_start: int | None = None,
                 signature_start: int | None = None) -> None:
        self.cues = segment_cues()
        self.signature_start = signature_start
        self.exhibit_lines_seen: set[str] = set()
        self.footers = footers
        self.preamble_start = preamble_start
        self.running_lines = running_lines
        self.paragraph_blocks = paragraph_blocks
        self.drafts: list[Draft] = []
        self.stack = NumberingStack()
        self.region = "start"
        self.recital_numbered_by_digits = False
        self.prev: Line | None = None

    # -- reading lines ------------------------------------------------------------------------

    def feed(self, line: Line) -> None:
        if self.drafts and (is_page_footer(line.text) or line.text in self.footers):
            self._continue(line, body=False)  # a page number never starts a clause nor ends a sentence
            return
        for piece in _pieces(line):
            self._dispatch(piece, self._prev_complete(piece))
            self.prev = piece

    def _prev_complete(self, line: Line) -> bool:
        prev = self.prev
        if prev is None or (self.paragraph_blocks and line.first_in_block):
            return True
        if self.drafts and self.drafts[-1].bare:
            return True
        if _BRACKETED_NOTE.fullmatch(prev.text) and not is_redaction(prev.text):
            return True
        return sentence_complete(prev.text) or heading_line(prev.text) is not None

    def _dispatch(self, line: Line, prev_complete: bool) -> None:
        text, cues = line.text, self.cues
        if self.region not in ("signature", "exhibit") and line.start == self.signature_start:
            self._start(line, "signature")  # a signature page with no "IN WITNESS WHEREOF"
            self.stack.reset()
            self.region = "signature"
            return
        if self.region != "signature" and prev_complete and cues.signature_start.match(text):
            self._start(line, "signature")
            self.stack.reset()
            self.region = "signature"
            return
        exhibit = cues.exhibit_line.match(text)
        if exhibit and text in self.running_lines:
            if text in self.exhibit_lines_seen:
                self._continue(line, body=False)  # "Exhibit 10.1" printed again atop each page
                return
            self.exhibit_lines_seen.add(text)
        if exhibit and (prev_complete or self.region == "signature") and _exhibit_heading_ok(exhibit.group(3)):
            if self.region in ("start", "title"):
                self._start_or_continue(line, "title")
                return
            self._start_exhibit(line, exhibit)
            return
        if self.region == "signature" and cues.attached_document.match(text) and text.upper() == text and len(text) <= 150:
            self._start_attachment(line)  # "FIRST AMENDMENT TO MANAGEMENT SERVICES AGREEMENT" after the signatures
            return
        if self.region == "signature":
            self._continue(line)
            return
        if self.region in ("start", "title") and self.preamble_start is not None and line.start < self.preamble_start:
            self._start_or_continue(line, "title")
            self.region = "title"
            return
        if self.region == "start" and preamble_like(text, cues):
            self._start(line, "preamble")
            self.region = "preamble"
            return
        if cues.recital_start.match(text) and (self.region in _LEAD_REGIONS or not self._has_sections()):
            self._start(line, "recital")
            self.stack.reset()
            self.region = "recitals"
            return
        if prev_complete and cues.operative_start.match(text):
            self.stack.reset()
            self._start(line, "paragraph")
            self.region = "body"
            return
        if self.region == "title" and preamble_like(text, cues):
            self._start(line, "preamble")
            self.region = "preamble"
            return
        marker = self._marker(line, prev_complete)
        if marker is not None and self._lists_a_party(line, marker):
            self._continue(line)
            return
        if marker is not None:
            if self._is_recital_marker(marker):
                self._start(line, "recital", number=marker.label.rstrip("."))
                self.region = "recitals"
            else:
                self._start_numbered(line, marker)
            return
        if self.region in ("start", "title"):
            if heading_line(text) is not None or (text.upper() == text and len(text) <= 120):
                self._start_or_continue(line, "title")
                if self.region == "start":
                    self.region = "title"
            else:
                self._start(line, "preamble")
                self.region = "preamble"
            return
        if prev_complete and self._in_definitions():
            term = cues.definition_start.match(text)
            if term:
                self._start_definition(line, term.group(1).strip())
                return
        if prev_complete and _BRACKETED_NOTE.fullmatch(text) and not is_redaction(text):
            self._start(line, "paragraph")  # a note between clauses belongs to none of them
            return
        heading = None
        if prev_complete and not line.table_row and text not in self.running_lines:
            heading = heading_line(text) or _bold_heading(line)
        if heading is not None and not is_page_artifact(text) and not is_page_footer(text):
            self._heading_line(line, heading)
            return
        self._continue(line)

    def _heading_line(self, line: Line, heading: str) -> None:
        if self.cues.recital_heading.match(line.text) and self.region in _LEAD_REGIONS:
            index = self._start(line, "paragraph", heading=heading)  # "RECITALS" opens the recitals
            self.drafts[index].id_prefix = "recitals"
            self.stack.reset()
            self.region = "recitals"
            return
        current = self.drafts[-1] if self.drafts else None
        if current is not None and current.bare and current.heading is None and current.kind in _SECTION_KINDS:
            current.heading = heading
            if self.cues.definitions_heading.search(heading):
                current.holds_definitions = True
            self._continue(line, body=False)
            current.bare = True
            return
        if self.region in ("preamble", "recitals") and PARTY_LINE.search(line.text):
            self._continue(line)
            return
        if (current is not None and current.heading is not None and current.number and current.kind in _SECTION_KINDS
                and (current.bare or current.holds_table)):
            # "B.5 Summary Table." and then the table's rows, each looking like a heading: what follows a
            # heading-only numbered clause is its body, not a new paragraph of the enclosing exhibit
            self._continue(line)
            current.holds_table = True
            return
        index = self._start(line, "paragraph", heading=heading)
        self.drafts[index].parent = self.stack.place_paragraph(index)
        self.drafts[index].bare = False
        if self.region in _LEAD_REGIONS:
            self.region = "body"

    # -- markers ------------------------------------------------------------------------------

    def _marker(self, line: Line, prev_complete: bool) -> Marker | None:
        in_exhibit = self.region == "exhibit"
        if line.word_label:
            marker = parse_marker(line.text, in_exhibit=in_exhibit)
            if marker is None or not line.text.startswith(line.word_label):
                marker = parse_word_label(line.word_label)
                if marker is not None:
                    marker = Marker(marker.family, marker.label, marker.options,
                                    line.text[len(line.word_label):], marker.keyword)
            return marker
        marker = parse_marker(line.text, in_exhibit=in_exhibit)
        if marker is None or not self._accept(marker, prev_complete):
            return None
        return marker

    def _accept(self, marker: Marker, prev_complete: bool) -> bool:
        """Whether an (untrusted) number at the start of a line really starts a clause."""
        rest = marker.rest.lstrip()
        prev_text = self.prev.text if self.prev is not None else ""
        if not prev_complete and prev_text.endswith("-"):
            return False
        following = first_word(rest)
        if marker.family != "list":
            if marker.attached and rest[:1] == "(":
                return False
            if rest and (rest[0].islower() or rest[0] in ",;)]%/"):
                return False
            return prev_complete
        if prev_complete:
            return True
        if not marker.label.startswith("(") or ends_in_reference(prev_text) or following in self.cues.crossref_follow:
            return False
        return self.stack.fits(marker.options)

    def _lists_a_party(self, line: Line, marker: Marker) -> bool:
        if self.region != "preamble" or marker.keyword or marker.family == "article" or self.prev is None:
            return False
        if not self.drafts or self.drafts[-1].kind != "preamble":
            return False
        return lists_a_party(self.prev.text, line.text, marker.rest)

    def _is_recital_marker(self, marker: Marker) -> bool:
        if self.region not in ("preamble", "recitals") or marker.keyword or marker.family == "article":
            return False
        style = marker.options[0][0] if marker.options else ""
        if (marker.family == "list" and style.endswith("-upper-dot")) or style == "letter-upper-paren":
            return self.region == "recitals" or marker.label.strip("().") == "A"
        if style == "decimal-1" and self.region == "recitals":
            first = not any(d.kind == "recital" for d in self.drafts)
            if first or self.recital_numbered_by_digits:
                self.recital_numbered_by_digits = True
                return True
        return False

    def _start_numbered(self, line: Line, marker: Marker) -> None:
        index = self._start(line, "section", number=_clean_number(marker))
        draft = self.drafts[index]
        style, value = self.stack.choose(marker.options) if marker.options else ("list", 0)
        heading, has_body = split_heading(marker.rest)
        roman_part = any(option == "roman-upper-dot" for option, _ in marker.options)
        if roman_part and heading and heading.upper() == heading and not has_body:
            marker = replace(marker, family="article")  # "I. MISCELLANEOUS" heads a part like an article
        if marker.family == "article":
            draft.parent = self.stack.place_container("article", index)
            draft.kind = "article"
        else:
            draft.parent = self.stack.place(style, value, index, numbered_section=marker.family != "list")
            draft.kind = self._numbered_kind(marker, style, draft.parent)
        draft.heading, draft.has_body = heading, has_body
        draft.bare = not has_body
        if heading and self.cues.definitions_heading.search(heading):
            draft.holds_definitions = True
        if draft.kind != "article" and self._in_definitions(exclude=index):
            body = marker.rest.strip()
            term = self.cues.definition_start.match(body)
            if term:
                draft.kind, draft.term, draft.heading = "definition", term.group(1).strip(), None
        if self.region in _LEAD_REGIONS:
            self.region = "body"

    def _numbered_kind(self, marker: Marker, style: str, parent: int | None) -> str:
        ancestors = self._ancestor_kinds(parent)
        in_exhibit = "exhibit" in ancestors and "article" not in ancestors
        if in_exhibit and (marker.family != "list" or (parent is not None and self.drafts[parent].kind == "exhibit")):
            return "exhibit_section"
        if marker.family == "list":
            if style == "roman-upper-dot" and parent is None:
                return "article"
            return "subsection"
        return "subsection" if "subsection" in ancestors else "section"

    def _start_exhibit(self, line: Line, match: re.Match) -> None:
        word, label, rest = match.group(1), match.group(2), match.group(3).strip()
        heading = None
        if rest and rest[0] in "-–—:.":
            heading = rest.lstrip("-–—:. ").rstrip(".:").strip() or None
        elif rest and not rest.lower().startswith("to "):
            heading = rest.rstrip(".:").strip()
        index = self._start(line, "exhibit", number=label, heading=heading)
        draft = self.drafts[index]
        draft.id_prefix = self.cues.exhibit_prefix.get(word.lower(), "exh")
        draft.parent = self.stack.place_container("exhibit", index)
        draft.bare = True
        if heading and self.cues.definitions_heading.search(heading):
            draft.holds_definitions = True
        self.region = "exhibit"

    def _start_attachment(self, line: Line) -> None:
        """A separate instrument after the signatures (an amendment, a side letter): its clauses are read like an
        exhibit's, under its title."""
        heading = " ".join(line.text.split()).rstrip(".:")
        index = self._start(line, "exhibit", heading=heading)
        draft = self.drafts[index]
        draft.id_prefix = "doc-" + (slug(" ".join(heading.split()[:2])) or "attached")  # "doc-first-amendment"
        draft.parent = self.stack.place_container("exhibit", index)
        draft.bare = True
        self.region = "exhibit"

    def _start_definition(self, line: Line, term: str) -> None:
        index = self._start(line, "definition")
        draft = self.drafts[index]
        draft.term, draft.has_body = term, True
        open_ = self.stack.open
        while open_ and open_[-1].style != "definition" and not self.drafts[open_[-1].clause].holds_definitions:
            open_.pop()
        if open_ and open_[-1].style == "definition":
            open_.pop()
        draft.parent = self.stack.parent()
        open_.append(Open("definition", 0, index))

    # -- drafts -------------------------------------------------------------------------------

    def _start(self, line: Line, kind: str, *, number: str | None = None, heading: str | None = None) -> int:
        self.drafts.append(Draft(kind=kind, start=line.start, end=line.end, page=line.page,
                                 number=number, heading=heading, has_body=_body_like(line.text)))
        return len(self.drafts) - 1

    def _start_or_continue(self, line: Line, kind: str) -> None:
        if self.drafts and self.drafts[-1].kind == kind:
            self._continue(line)
        else:
            self._start(line, kind)

    def _continue(self, line: Line, body: bool | None = None) -> None:
        if not self.drafts:
            self._start(line, "preamble" if self.region in _LEAD_REGIONS else "paragraph")
            return
        draft = self.drafts[-1]
        draft.end = line.end
        is_body = _body_like(line.text) if body is None else body
        if is_body:
            draft.has_body = True
            draft.bare = False

    def _in_definitions(self, exclude: int | None = None) -> bool:
        return any(self.drafts[entry.clause].holds_definitions for entry in self.stack.open if entry.clause != exclude)

    def _has_sections(self) -> bool:
        return any(entry.style != "paragraph" for entry in self.stack.open)

    def _ancestor_kinds(self, parent: int | None) -> list[str]:
        kinds = []
        while parent is not None:
            kinds.append(self.drafts[parent].kind)
            parent = self.drafts[parent].parent
        return kinds

    def clauses(self, text: str) -> tuple[Clause, ...]:
        ids = assign_ids(self.drafts)
        levels: list[int] = []
        result = []
        for index, draft in enumerate(self.drafts):
            level = 1 if draft.parent is None else levels[draft.parent] + 1
            levels.append(level)
            result.append(Clause(
                id=ids[index], kind=draft.kind, number=draft.number, heading=draft.heading,
                text=text[draft.start:draft.end], level=level,
                parent=None if draft.parent is None else ids[draft.parent],
                page=draft.page, start=draft.start, end=draft.end,
            ))
        return tuple(result)


def _bold_heading(line: Line) -> str | None:
    """A short bold paragraph that is not a sentence reads as a heading even in sentence case."""
    words = line.text.split()
    if not line.bold or not line.first_in_block or not words or len(words) > 8 or not words[0][:1].isupper():
        return None
    stripped = line.text.rstrip(":.").strip()
    return stripped if stripped and not sentence_complete(stripped) else None


def _clean_number(marker: Marker) -> str:
    return marker.label if marker.label.startswith("(") else marker.label.rstrip(".")


def _body_like(text: str) -> bool:
    """A line of running text rather than a number, heading or a fragment such as "to Agreement"."""
    if heading_line(text) is not None:
        return False
    return len(text.split()) > 8 or sentence_complete(text)


def _exhibit_heading_ok(rest: str) -> bool:
    """"EXHIBIT A", "Exhibit D - Fee Schedule", "SCHEDULE 1 TO AGREEMENT", not "Exhibit A attached hereto"."""
    rest = rest.strip()
    if not rest or rest[0] in "-–—:.":
        return True
    if rest.lower().startswith("to ") and len(rest) <= 100:
        return True
    return is_heading_text(rest.rstrip(".:"))
