"""The part of a long cell text the style can show: its head, once the head already overflows.

The style lays out a cell's whole text (twice: to size it and to elide it) before it draws the
few words that fit, so a sentence's cell cost in proportion to the sentence, not to the cell:
about 480 µs for 400 characters against 165 µs for 60 in a 420-pixel cell. A text elided at its
right end shows a head that fits the cell and an ellipsis; any longer head that itself
overflows the cell elides to the same head, so the style is given such a head: the characters
up to where the text surely overflows (their advance, measured, exceeds the cell's whole
width) and `SLACK` characters more, so that the shaping of the characters near the cut
(kerning, ligatures, a cluster's marks) is what it is in the whole text. Measuring the head
costs about what the style saves on a text of two or three cells' worth, so only longer texts
are cut, and a short one is told from its length alone (`may_cut`). In a 319-pixel cell
(style drawing alone, medians of six rounds): 300 characters 234 -> 161 us, 200 characters
165 -> 137 us; cut, texts of 80 to 140 characters were up to 40 us slower, so are left whole.

Right-to-left text is given whole: the order its neutral characters (spaces, brackets) are
shown in follows the strong characters after them, which a cut could remove. So is a text of
more than one line (the lines are centred together in the cell), and one elided elsewhere
than at its right end, or wrapped.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem

SLACK = 8  # characters kept past the head measured to overflow
#: A text is cut only when longer than this many times the head measured: the measure (some
#: 30-40 us) pays only where the style would lay out several cells' worth of characters.
LONGER = 3
NARROWEST = 6  # pixels a character is taken to fill at least: the first head measured is no longer
#: Line breaks, right-to-left scripts and the directional marks, embeddings and isolates.
_WHOLE_ONLY = re.compile(
    "[\n\r\u2028\u2029\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]")
_WRAP = QStyleOptionViewItem.ViewItemFeature.WrapText


def overflowing_head(text: str, width: int, metrics: QFontMetrics) -> str:
    """`text`, or a head of it that the style elides at its right end exactly as the whole in
    a cell `width` pixels wide. The head measured is as many characters as the font's average
    character fills the cell with, and twice that if those do not overflow it: at most two
    measures of at most `2 * (width // NARROWEST + 1)` characters and a scan for line breaks
    and right-to-left characters, whatever the text's length."""
    width = max(0, width)
    take = min(width // max(1, metrics.averageCharWidth()), width // NARROWEST) + 1
    if len(text) <= LONGER * take + 2 * SLACK or _WHOLE_ONLY.search(text) is not None:
        return text
    for _ in range(2):
        if len(text) <= LONGER * take + 2 * SLACK:
            break
        if metrics.horizontalAdvance(text[:take]) > width:
            return text[:take + SLACK]
        take *= 2
    return text  # narrower characters than assumed: the whole, as before


def may_cut(text: str, width: int) -> bool:
    """Whether `overflowing_head` could cut `text` in a cell `width` pixels wide, from its
    length alone (no call into Qt): most cells' texts are short, and are drawn whole."""
    return len(text) > LONGER * (max(0, width) // NARROWEST + 1) + 2 * SLACK


def cut_for_drawing(option: QStyleOptionViewItem, text: str | None = None) -> None:
    """Give a filled-in option the head of its text its drawing shows (see the module);
    `text`, when given, is the option's text (read from it otherwise)."""
    text = option.text if text is None else text
    width = option.rect.width()
    if (may_cut(text, width) and option.textElideMode == Qt.TextElideMode.ElideRight
            and not option.features & _WRAP):
        head = overflowing_head(text, width, option.fontMetrics)
        if len(head) < len(text):
            option.text = head
