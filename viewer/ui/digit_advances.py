"""Texts that differ only in their digits, measured once.

A change to a value not shown before lists a hundred or more document titles and count texts
never measured, and titles made from numbers ("Report 0001234") or count texts ("  (812)")
all lie within a pixel of each other, so bounds from their characters cannot tell which is
the widest and each one was measured (some 5-15 µs of shaping each). Where a font gives every
digit one advance, every pair of digits one advance, and a digit the same advance beside a
given character whichever digit it is (no kerning or ligature tells digits apart), an ASCII
text's advance is that of the same text with each digit written "0": the text is measured
under that key. The font's digits are checked once (110 measures) and each character of a
text with digits once per side (10 measures each); a font that fails a check, or a text not
all ASCII, is measured as it is. Shaping that reaches across more than two characters is not
checked for; ASCII text in a font with such rules among its digits is not known to exist.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QFontMetricsF

from viewer.ui.font_advances import kept_per_font

DIGITS = "0123456789"
_ZEROS = bytes.maketrans(b"123456789", b"000000000")
_RUNS = re.compile(r"[0-9]+")
SAFE_KEYS = 20_000  # keys of safe characters kept per font before they are forgotten


class DigitAdvances:
    """Which texts of one font may be measured with their digits written "0"."""

    __slots__ = ("_beside", "_metrics", "_plain", "_safe", "_safe_keys")

    def __init__(self, font: QFont) -> None:
        self._metrics = QFontMetricsF(font)
        self._plain: bool | None = None  # every digit and digit pair of one advance
        self._beside: dict[tuple[str, bool], bool] = {}  # (char, left of the digits): alike
        self._safe: set[str] = set()  # "0" and the characters alike on both sides
        # keys of every character safe (the set only grows, so they stay safe): a title's
        # key is mostly another title's ("Synthetic article 0000000"), and testing a text's
        # characters against the safe ones made a set of them each time (some 3,500
        # instructions a text)
        self._safe_keys: set[str] = set()

    def key(self, text: str) -> str:
        """The text to measure for `text`'s advance: `text` with its digits written "0"
        when the font shapes its digits alike there, else `text` itself. Most texts are
        answered by one translation and one set test (a scan for digit runs was 3 µs a
        text, nearly a measure's cost)."""
        if not text.isascii():
            return text
        zeroed = text.encode().translate(_ZEROS).decode()  # bytes: a fifth of str's cost
        if zeroed == text:
            return text
        if zeroed in self._safe_keys:
            return zeroed
        if self._safe.issuperset(zeroed):
            if len(self._safe_keys) >= SAFE_KEYS:
                self._safe_keys.clear()
            self._safe_keys.add(zeroed)
            return zeroed
        return self._checked(text, zeroed)

    def keys(self, texts: list[str]) -> list[str]:
        """`key` of each of `texts`, written at once: a text of no digit, or whose key is
        known safe, takes no call (a facet list reads a few hundred new parts at a time)."""
        safe = self._safe_keys
        zeroed = [text.encode().translate(_ZEROS).decode() if text.isascii() else text
                  for text in texts]
        return [text if key == text else key if key in safe else self.key(text)
                for text, key in zip(texts, zeroed, strict=True)]

    def _checked(self, text: str, zeroed: str) -> str:
        """`key` for a text with a character not yet known alike on both sides of a digit:
        each such character is checked (once per font), then only the characters beside
        the text's digit runs need be alike, on their side."""
        if not self._digits_alike():
            return text
        beside, safe = self._beside, self._safe
        for char in set(zeroed).difference(safe):
            if self._alike(char, True) and self._alike(char, False):
                safe.add(char)
        if safe.issuperset(zeroed):
            return zeroed
        end = len(text)
        for run in _RUNS.finditer(text):
            start, stop = run.span()
            if start and not beside[(text[start - 1], True)]:
                return text
            if stop < end and not beside[(text[stop], False)]:
                return text
        return zeroed

    def _digits_alike(self) -> bool:
        if self._plain is None:
            advance = self._metrics.horizontalAdvance
            self._plain = (len({advance(digit) for digit in DIGITS}) == 1
                           and len({advance(a + b) for a in DIGITS for b in DIGITS}) == 1)
            if self._plain:
                self._safe.add("0")
        return self._plain

    def _alike(self, char: str, left: bool) -> bool:
        """Whether a digit has one advance beside `char` (on its left: `left`) whichever
        digit it is; kept."""
        found = self._beside.get((char, left))
        if found is None:
            advance = self._metrics.horizontalAdvance
            pairs = {advance(char + digit) if left else advance(digit + char)
                     for digit in DIGITS}
            found = self._beside[(char, left)] = len(pairs) == 1
        return found


_BY_FONT: dict[str, DigitAdvances] = {}


def digit_advances(font: QFont, key: str | None = None) -> DigitAdvances:
    """The digit checks of `font` (one object per font key, kept while a few fonts are in
    use), so the facet lists share them; `key` is the font's key, when the caller has it."""
    return kept_per_font(_BY_FONT, font, DigitAdvances, most=16, key=key)
