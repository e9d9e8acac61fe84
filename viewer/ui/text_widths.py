"""Text widths in one font, each string measured once while the font stays.

A filter change lays out a new scene, and every scene measured again what the ones before it
had measured: the count badges' digits, the characters of the label-width floor, the labels
and their word-cut candidates; each paint measured the tick labels again. Shaping a string
costs several microseconds (a 9-word label 5-30), a dictionary look-up well under one. The
widths are keyed by the text itself, so an edited label is a new key and nothing here goes
stale; another font is another `TextWidths`. The lane headers' cut names are kept the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

MAX_TEXTS = 20_000  # kept widths (a label and its width, about 150 bytes each)


class TextWidths:
    """`QFontMetricsF.horizontalAdvance` of one font, kept per text."""

    __slots__ = ("_elided", "_metrics", "_widths", "font_key")

    def __init__(self, font: QFont) -> None:
        self.font_key = font.key()
        self._metrics = QFontMetricsF(font)
        self._widths: dict[str, float] = {}
        self._elided: dict[tuple[str, float], str] = {}

    def __call__(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) >= MAX_TEXTS:
                self._widths.clear()  # bounded: a long session reads many labels
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def elided(self, text: str, width: float) -> str:
        """`text` cut with "…" to `width` (`elidedText`), kept: the lane headers cut every
        visible lane's name again on each paint."""
        key = (text, width)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) >= MAX_TEXTS:
                self._elided.clear()
            found = self._elided[key] = self._metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, width)
        return found

    @property
    def size(self) -> int:
        """How many widths are kept (not `__len__`: an empty one must stay truthy, as
        `Scene(measure=...)` falls back to a guess for a false one)."""
        return len(self._widths)


_BY_FONT: dict[str, TextWidths] = {}


def text_widths(font: QFont) -> TextWidths:
    """The kept widths of `font` (the same object for every font with its key)."""
    key = font.key()
    found = _BY_FONT.get(key)
    if found is None:
        if len(_BY_FONT) >= 16:  # a few fonts in use at once (plain, bold, a picture's)
            _BY_FONT.clear()
        found = _BY_FONT[key] = TextWidths(font)
    return found
