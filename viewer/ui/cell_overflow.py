"""The part of a long cell text the style can show: its head, once the head already overflows.

The style lays out a cell's whole text (twice: to size it and to elide it) before it draws the
few words that fit, so a sentence's cell cost in proportion to the sentence, not to the cell:
about 480 µs for 400 characters against 165 µs for 60 in a 420-pixel cell. A text elided at its
right end shows a head that fits the cell and an ellipsis; any longer head that itself
overflows the cell elides to the same head, so the style is given such a head: the characters
up to where the text surely overflows (their advance, measured, exceeds the cell's whole
width) and `SLACK` characters more, so that the shaping of the characters near the cut
(kerning, ligatures, a cluster's marks) is what it is in the whole text. Measuring the head
costs about what the style saves on a text of two or three cells' worth, so of the texts not
all ASCII only longer ones are cut, and a short one is told from its length alone (`may_cut`).
In a 319-pixel cell (style drawing alone, medians of six rounds): 300 characters 234 -> 161 us,
200 characters 165 -> 137 us; cut, texts of 80 to 140 characters were up to 40 us slower.

An ASCII text's head is found without measuring it: its characters' own advances (kept per
font and character) summed, less a margin that holds any kerning and hinting of ASCII pairs
(`GUESS_PX`, `GUESS_SHARE`, as the facet lists bound their labels), surely overflow the cell
once they pass its width; so a sentence of 60 to 170 characters, too short to pay for the
measure, is cut too (a change to a value not shown before draws about ten new sentence cells).

Right-to-left text is given whole: the order its neutral characters (spaces, brackets) are
shown in follows the strong characters after them, which a cut could remove. So is a text of
more than one line (the lines are centred together in the cell), and one elided elsewhere
than at its right end, or wrapped.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem

# An ASCII text's advance is at least its characters' advances summed, less the facet lists'
# margin (`ascii_head`): one bound for both.
from viewer.ui.font_advances import GUESS_PX, GUESS_SHARE, char_advances

SLACK = 8  # characters kept past the head measured to overflow
#: A text is cut only when longer than this many times the head measured: the measure (some
#: 30-40 us) pays only where the style would lay out several cells' worth of characters.
LONGER = 3
NARROWEST = 6  # pixels a character is taken to fill at least: the first head measured is no longer
#: Line breaks, right-to-left scripts and the directional marks, embeddings and isolates.
WHOLE_ONLY = re.compile(
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
    if len(text) <= LONGER * take + 2 * SLACK or WHOLE_ONLY.search(text) is not None:
        return text
    for _ in range(2):
        if len(text) <= LONGER * take + 2 * SLACK:
            break
        if metrics.horizontalAdvance(text[:take]) > width:
            return text[:take + SLACK]
        take *= 2
    return text  # narrower characters than assumed: the whole, as before


def ascii_head(text: str, width: int, font: QFont, key: str | None = None) -> str:
    """`text` (ASCII, one line), or a head of it that the style elides at its right end
    exactly as the whole in a cell `width` pixels wide: the characters whose advances, summed
    and less the margin, pass `width`, and `SLACK` more. Nothing is measured but a character
    not seen before in `font` (`font_advances`, shared with the facet lists; `key` names the
    font there, its own key when None); the scan stops where the head does, whatever the
    length."""
    kept = char_advances(font, key)
    metrics, advances = kept.metrics, kept.advances
    # (1 - GUESS_SHARE) * total - GUESS_PX > width: past this sum, the head overflows
    limit = (max(0, width) + GUESS_PX) / (1 - GUESS_SHARE)
    total = 0.0
    for at, char in enumerate(text):
        advance = advances.get(char)
        if advance is None:
            advance = advances[char] = metrics.horizontalAdvance(char)
        total += advance
        if total > limit:
            return text[:at + 1 + SLACK]
    return text


def may_cut(text: str, width: int) -> bool:
    """Whether `overflowing_head` could cut `text` in a cell `width` pixels wide, from its
    length alone (no call into Qt): most cells' texts are short, and are drawn whole."""
    return len(text) > LONGER * (max(0, width) // NARROWEST + 1) + 2 * SLACK


def cut_for_drawing(option: QStyleOptionViewItem, text: str | None = None) -> None:
    """Give a filled-in option the head of its text its drawing shows (see the module);
    `text`, when given, is the option's text (read from it otherwise)."""
    text = option.text if text is None else text
    width = option.rect.width()
    if (not long_enough_to_cut(text, width) or option.textElideMode != Qt.TextElideMode.ElideRight
            or option.features & _WRAP):
        return
    if text.isascii():
        head = text if "\n" in text or "\r" in text else ascii_head(text, width, option.font)
    else:
        head = overflowing_head(text, width, option.fontMetrics) if may_cut(text, width) else text
    if len(head) < len(text):
        option.text = head


def long_enough_to_cut(text: str, width: int) -> bool:
    """Whether `cut_for_drawing` could cut `text` (ASCII or not) in a cell `width` pixels
    wide, from its length alone: a text no longer than the cell holds of the narrowest
    assumed characters and `SLACK` more is drawn whole without a look."""
    return len(text) > max(0, width) // NARROWEST + 1 + SLACK
