"""Turn file bytes into text: BOMs, UTF-8, a reported single-byte fallback, newlines."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    fallback: bool


class BinaryContent(ValueError):
    """The bytes are not text in any encoding we accept."""


# Every byte but the control characters text never holds (tab, line feed, form feed, carriage
# return and escape are text): deleting these leaves the ones to count.
_NOT_CONTROL = bytes([*range(32, 256), 9, 10, 12, 13, 27])


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # Counted in C: a generator over the bytes cost a third of a second per thousand articles.
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls > max(8, len(head) // 100)


def decode(data: bytes) -> Decoded:
    """Decode with the BOM if any, else UTF-8, else Windows-1252 (flagged as a fallback).

    UTF-16/32 need a BOM: without one, NUL bytes mean the file is binary.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise_newlines(data[len(bom) :].decode(name)), name, False)
            except UnicodeDecodeError as exc:
                raise BinaryContent(f"invalid {name} after its byte-order mark") from exc
    if _looks_binary(data):
        raise BinaryContent("binary content (NUL or control bytes)")
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8", False)
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is lost.
    try:
        text = data.decode("cp1252")
        name = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        name = "latin-1"
    return Decoded(normalise_newlines(text), name, True)


def normalise_newlines(text: str) -> str:
    """CRLF, CR, and the Unicode line/paragraph separators become LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    return text
