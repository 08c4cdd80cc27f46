"""A tiny PDF writer for test fixtures: exact control over where text sits, no external tools.

Pages are lists of `Text` (and optional ruled `Line`s); fonts are the PDF base-14 Courier (fixed width, so wrapping by characters is wrapping by width)
family, so no font files are embedded. `encrypt_password` produces a standard-security-handler
revision 2 (RC4, 40-bit) file, which every PDF reader must support.
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field

PAGE_WIDTH = 612
PAGE_HEIGHT = 792
_PASSWORD_PAD = bytes.fromhex(
    "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A"
)


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline, from the bottom of the page as in PDF space
    text: str
    size: float = 11
    bold: bool = False


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    items: list = field(default_factory=list)
    image_only: bool = False  # a "scan": one grey image, no text layer


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page: Page) -> bytes:
    if page.image_only:
        return b"q 500 0 0 700 50 50 cm /Im1 Do Q"
    ops = []
    for item in page.items:
        if isinstance(item, Line):
            ops.append(f"{item.x0} {item.y0} m {item.x1} {item.y1} l S".encode())
        else:
            font = b"/F2" if item.bold else b"/F1"
            ops.append(
                b"BT " + font + f" {item.size} Tf {item.x} {item.y} Td (".encode()
                + _escape(item.text) + b") Tj ET"
            )
    return b"\n".join(ops)


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pad(password: str) -> bytes:
    return (password.encode("latin-1") + _PASSWORD_PAD)[:32]


def build_pdf(pages: list[Page], *, encrypt_password: str | None = None) -> bytes:
    """Serialize `pages` into a complete PDF file (objects, xref table, trailer)."""
    objects: list[bytes] = []  # index i holds object number i + 1

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_obj = add(b"")
    font_regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    font_bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>")
    grey = bytes([200]) * (20 * 20)
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 20 /Height 20 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(grey) + grey + b"\nendstream"
    )
    streams: dict[int, bytes] = {}
    kids = []
    for page in pages:
        content = zlib.compress(_content(page))
        content_obj = add(b"")
        streams[content_obj] = content
        page_obj = add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
            % (pages_obj, PAGE_WIDTH, PAGE_HEIGHT, content_obj, font_regular, font_bold, image)
        )
        kids.append(page_obj)
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))

    file_id = hashlib.md5(b"msa-toolkit-test").digest()
    encrypt_obj = None
    file_key = None
    if encrypt_password is not None:
        owner = _rc4(hashlib.md5(_pad("owner-" + encrypt_password)).digest()[:5], _pad(encrypt_password))
        permissions = -4
        file_key = hashlib.md5(
            _pad(encrypt_password) + owner + permissions.to_bytes(4, "little", signed=True) + file_id
        ).digest()[:5]
        user = _rc4(file_key, _PASSWORD_PAD)
        encrypt_obj = add(
            b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <"
            + user.hex().encode() + b"> /P %d >>" % permissions
        )

    def object_key(num: int) -> bytes:
        return hashlib.md5(file_key + num.to_bytes(3, "little") + b"\x00\x00").digest()[:10]

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        if num in streams:
            data = streams[num]
            if file_key is not None:
                data = _rc4(object_key(num), data)
            body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        elif file_key is not None and num == image:
            data = _rc4(object_key(num), grey)
            body = body.split(b"stream\n")[0] + b"stream\n" + data + b"\nendstream"
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root %d 0 R /ID [<%s> <%s>]" % (
        len(objects) + 1, catalog, file_id.hex().encode(), file_id.hex().encode())
    if encrypt_obj:
        trailer += b" /Encrypt %d 0 R" % encrypt_obj
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def wrap(text: str, width_chars: int) -> list[str]:
    """Greedy word wrap; "~" inside a word marks where it may break with a hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if "~" in word:
            head, tail = word.split("~", 1)
            candidate = f"{current} {head}-".strip()
            if len(candidate) <= width_chars:
                lines.append(candidate)
                current = tail
                continue
            word = head + ("-" if tail[:1].isupper() else "") + tail  # "Non~Compete" is "Non-Compete"
        candidate = f"{current} {word}".strip()
        if len(candidate) > width_chars and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def paginate(
    paragraphs: list[str],
    *,
    header: str | None = None,
    footer: str | None = "Page {page} of {pages}",
    lines_per_page: int = 40,
    width_chars: int = 78,
    x: float = 72,
    size: float = 10,
) -> list[Page]:
    """Lay paragraphs out single-column with a blank line between them, like a word processor."""
    rows: list[str | None] = []
    for paragraph in paragraphs:
        rows.extend(wrap(paragraph, width_chars))
        rows.append(None)
    chunks = [rows[i:i + lines_per_page] for i in range(0, len(rows), lines_per_page)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        page = Page()
        if header:
            page.items.append(Text(x, 750, header, size=8))
        y = 710.0
        for row in chunk:
            if row is not None:
                page.items.append(Text(x, y, row, size=size))
            y -= size * 1.4
        if footer:
            page.items.append(Text(280, 40, footer.format(page=number, pages=len(chunks)), size=8))
        pages.append(page)
    return pages
