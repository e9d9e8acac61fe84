"""Measures kept per font for the facet lists and the table's cells.

Both bound an ASCII text's advance by its characters' own advances summed before measuring
the text (a character measured once per font serves every text after it), and both keep
other records per font; one store of character advances per font serves both, and one rule
keeps the records of the last few fonts only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QFont, QFontMetricsF

T = TypeVar("T")
MAX_FONTS = 8  # fonts whose characters' advances are kept (a table uses two: plain, italic)
#: An unmeasured ASCII text's advance is taken to be within this many pixels and this share
#: of its characters' advances summed (`CharAdvances.bounds`).
GUESS_PX, GUESS_SHARE = 2.0, 0.1


def kept_per_font(kept: dict[str, T], font: QFont, make: Callable[[QFont], T],
                  most: int = MAX_FONTS, key: str | None = None) -> T:
    """`kept`'s record of `font` (by its key, `key` when the caller has read it), made by
    `make` the first time; the store is emptied when it holds `most` fonts, so fonts used
    once do not pile up."""
    key = font.key() if key is None else key
    found = kept.get(key)
    if found is None:
        if len(kept) >= most:
            kept.clear()
        found = kept[key] = make(font)
    return found


class CharAdvances:
    """A font's metrics and the advances of its characters measured so far (fill
    `advances` with `metrics.horizontalAdvance(char)` for a character not in it)."""

    __slots__ = ("advances", "metrics")

    def __init__(self, font: QFont) -> None:
        self.metrics = QFontMetricsF(font)
        self.advances: dict[str, float] = {}

    def bounds(self, text: str) -> tuple[float, float]:
        """Less and more than an ASCII `text`'s advance in this font: its characters' own
        advances summed, less and plus a margin; kerning and hinting move such a text's
        advance by well under a pixel a character pair, far inside the margin (`GUESS_PX`,
        `GUESS_SHARE`)."""
        chars = self.advances
        try:
            total = sum(map(chars.__getitem__, text))
        except KeyError:
            for char in set(text) - chars.keys():
                chars[char] = self.metrics.horizontalAdvance(char)
            total = sum(map(chars.__getitem__, text))
        margin = GUESS_PX + GUESS_SHARE * total
        return total - margin, total + margin


_CHARS: dict[str, CharAdvances] = {}


def char_advances(font: QFont, key: str | None = None) -> CharAdvances:
    """The character advances kept for `font` (whose key is `key`, when given)."""
    return kept_per_font(_CHARS, font, CharAdvances, key=key)
