"""A widget's appearance stream -> the text it shows: a button's caption, a field's value.

A push button shows its caption (``/MK /CA``) and a field whose value sits on a parent
field shows that value, in the widget's appearance stream; PDFium's text page does not
read appearance streams, and gives no access to the nested dictionaries. The stream's
content, as PDFium hands it over (decoded with PDFDocEncoding, so a byte of a string is
one character), is scanned here for the strings it shows (``Tj``, ``TJ``, ``'``, ``"``).

Only text in a simple font can be read without the font's resources: a string whose
characters are not all printable (two-byte codes of a CID font) gives up on the whole
stream, and strings in a symbol font (``/ZaDb``: a check mark) are no text. An inline
image ends the scan.
"""

from __future__ import annotations

import re

MAX_CONTENT = 65_536  # characters of content looked at: an appearance is a few hundred
_SYMBOL_FONT = re.compile(r"zadb|ding|symbol", re.IGNORECASE)
_TOKEN = re.compile(
    rb"\s*(?:(?P<string>\()|(?P<hex><)(?!<)|(?P<open>\[)|(?P<close>\])"
    rb"|(?P<name>/[^\s/\[\]()<>{}%]*)|(?P<number>[+-]?(?:\d+\.?\d*|\.\d+))"
    rb"|(?P<word>[A-Za-z'\"*]+)|(?P<other>\S))"
)
_SHOW = {b"Tj", b"TJ", b"'", b'"'}
_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
SPACE_IN_TJ = 250  # thousandths of an em: a TJ shift this far to the right is a space


class Unreadable(Exception):
    """The stream shows text this scan cannot decode."""


def shown_text(content: str) -> str:
    """The text ``content`` shows, its strings joined with spaces where they do not
    already meet one ("" when there is none, or when it cannot be read)."""
    if len(content) > MAX_CONTENT:
        return ""
    data = content.encode("latin-1", errors="replace")
    try:
        pieces = list(_shown(data))
    except Unreadable:
        return ""
    text = ""
    for piece in pieces:
        if text and not text[-1].isspace() and not piece[:1].isspace():
            text += " "
        text += piece
    return " ".join(text.split())


def _shown(data: bytes):
    operands: list = []
    opened: list[int] = []  # where the arrays still open begin among the operands
    symbol = False
    position = 0
    while match := _TOKEN.match(data, position):
        position = match.end()
        kind = match.lastgroup
        if kind == "string":
            value, position = _literal(data, position)
            operands.append(value)
        elif kind == "hex":
            end = data.find(b">", position)
            end = len(data) if end < 0 else end
            operands.append(_hex(data[position:end]))
            position = end + 1
        elif kind == "open":
            opened.append(len(operands))
        elif kind == "close":
            start = opened.pop() if opened else 0
            operands[start:] = [operands[start:]]
        elif kind in ("name", "number"):
            operands.append(match.group(kind))
        elif kind == "word":
            operator = match.group(kind)
            if operator == b"BI":
                return  # inline image data follows: not text, and not safe to scan
            if operator == b"Tf" and len(operands) >= 2 and isinstance(operands[-2], bytes):
                symbol = bool(_SYMBOL_FONT.search(operands[-2].decode("latin-1")))
            elif operator in _SHOW and operands and not symbol:
                yield from _pieces(operands[-1])
            operands, opened = [], []


def _pieces(operand) -> list[str]:
    """The text of a show operator's last operand: a string, or a TJ array."""
    if isinstance(operand, str):
        return [_decoded(operand)]
    if not isinstance(operand, list):
        return []
    text = ""
    for item in operand:
        if isinstance(item, str):
            text += _decoded(item)
        elif isinstance(item, bytes) and _number(item) <= -SPACE_IN_TJ:
            text += " "
    return [text]


def _number(token: bytes) -> float:
    try:
        return float(token)
    except ValueError:
        return 0.0


def _decoded(string: str) -> str:
    if string.startswith("\xfe\xff"):
        string = string[2:].encode("latin-1").decode("utf-16-be", errors="replace")
    if any(not (char.isprintable() or char in "\t\n\r") or char == "\ufffd" for char in string):
        raise Unreadable
    return string


def _literal(data: bytes, position: int) -> tuple[str, int]:
    """A literal string's characters from just after its "(", and where it ends."""
    out = bytearray()
    depth = 1
    while position < len(data):
        byte = data[position]
        position += 1
        if byte == 0x5C:  # backslash
            if position >= len(data):
                break
            escaped = data[position]
            position += 1
            if escaped in _ESCAPES:
                out.append(_ESCAPES[escaped])
            elif 0x30 <= escaped <= 0x37:
                digits = data[position - 1 : position + 2]
                octal = re.match(rb"[0-7]{1,3}", digits).group()
                position += len(octal) - 1
                out.append(int(octal, 8) & 0xFF)
            elif escaped not in (0x0A, 0x0D):  # a backslash before a line end joins lines
                out.append(escaped)
            continue
        if byte == 0x28:
            depth += 1
        elif byte == 0x29:
            depth -= 1
            if depth == 0:
                break
        out.append(byte)
    return out.decode("latin-1"), position


def _hex(digits: bytes) -> str:
    digits = re.sub(rb"\s", b"", digits)
    if len(digits) % 2:
        digits += b"0"
    try:
        return bytes.fromhex(digits.decode("ascii")).decode("latin-1")
    except ValueError:
        raise Unreadable from None
