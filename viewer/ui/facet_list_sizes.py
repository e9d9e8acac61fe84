"""One size for every item of a facet list, the widest item's, so its view lays the list out
without asking each item for its size.

A facet list's view measured all of its items on every layout (Qt's item-size question per
item: about 1.7 ms of each filter change for the 300-item documents list, whose texts and
order follow the counts). Its items are alike but for their width: a check box and one line,
"label  (count)", and the list is as wide as its widest item (the view gives every item of a
one-column list the list's width). With uniform item sizes the view asks one sample item,
its last, for the size of all; that item is given the widest item's size, as the view's own
delegate measures it. The widest is picked by the texts' advances, kept per label and per
count text (a label's advance does not depend on the filter); one text of each advance within
two pixels of the widest (kerning across the label's end may move it that much) is measured
exactly, and each measured text's size is kept with its advance (the texts of a filter and
of the filter before it are mostly the same texts). A text of more than one line makes the
view measure every item again. A change to a value not shown before lists a hundred or more
document titles never measured (some 10 µs each), a first search as many count texts; an
ASCII label or count text is first bounded by its characters' advances, kept per character,
and only the texts whose bound reaches within NEAR pixels of the widest are measured. Titles
made from numbers all come within NEAR of each other, so a label or count text is measured
with its digits written "0" where the font shapes its digits alike (`digit_advances`): one
measure for all of them.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyleOptionViewItem

from viewer.ui.digit_advances import DigitAdvances, digit_advances
from viewer.ui.font_advances import CharAdvances, char_advances

COUNT_SEPARATOR = "  ("  # between an item's label and its count
NEAR = 2.0  # pixels: advances this close to the widest are measured exactly
KEPT = 20_000  # advances kept per list before the store is emptied
#: An unmeasured label's advance is taken to be within this many pixels and this share of
#: its characters' advances summed (`UniformItemSize._bounds`).
GUESS_PX, GUESS_SHARE = 2.0, 0.1
LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029")


class UniformItemSize:
    """Keeps a list's sample item (its last) at the size of its widest item."""

    def __init__(self, view: QListWidget) -> None:
        self.view = view
        self._advances: dict[str, float] = {}  # a label's or a count's advance
        self._widths: dict[str, float] = {}  # an item text's advance, from its parts'
        self._exact: dict[str, float] = {}  # a label's or count text's advance, by itself
        self._bounded: dict[str, tuple[float, float]] = {}  # one's bounds, not measured
        self._sizes: dict[str, QSize] = {}  # an item text's size, as the delegate measured it
        self._font = ""
        self._sample: QListWidgetItem | None = None

    def forget(self) -> None:
        """Another font or style: every advance and size is measured anew."""
        self._advances.clear()
        self._widths.clear()
        self._exact.clear()
        self._bounded.clear()
        self._sizes.clear()

    def fit(self, texts: list[str]) -> None:
        """After the items took `texts` (one per row), before the view's next layout; the
        list's model should be quiet while this runs (the view hears of the rows changed)."""
        view = self.view
        sample = self._sample
        if sample is not None and shiboken6.isValid(sample) and view.row(sample) >= 0:
            sample.setSizeHint(QSize())  # the delegate measures it again
        self._sample = None
        joined = "\0".join(texts)  # one scan for line breaks, not one per text and break
        if not texts or any(brk in joined for brk in LINE_BREAKS):
            view.setUniformItemSizes(False)
            return
        candidates = self._widest(texts)
        sizes = self._sizes
        size = QSize()
        option: QStyleOptionViewItem | None = None
        digits = digit_advances(view.font(), self._font)
        for row in candidates:
            # kept under the text with its digits written "0" where the font shapes them
            # alike (one advance, so one size): a new count ("(untagged)  (523)") was
            # measured again by the delegate in every list on each new value
            key = digits.key(texts[row])
            found = sizes.get(key)
            if found is None:
                if option is None:
                    option = QStyleOptionViewItem()
                    view.initViewItemOption(option)
                found = view.itemDelegate().sizeHint(option, view.model().index(row, 0))
                sizes[key] = found
            size = size.expandedTo(found)
        self._sample = view.item(len(texts) - 1)
        self._sample.setSizeHint(size)
        view.setUniformItemSizes(True)

    def _widest(self, texts: list[str]) -> list[int]:
        """One row for each advance within NEAR pixels of the widest text's (texts of one
        advance have one size). A label or count text not measured before (most of the
        documents list's on a change to a value not shown before, its counts on a first
        search) is first bounded by its characters' advances (`_bounds`); only those that
        may come within NEAR pixels of the widest are measured. What a label or count text
        was found to be, its advance or its bounds, is kept under the text itself
        (`_exact`, `_bounded`): a new item text of parts seen before (a title listed before
        with another count) is two look-ups. Which rows are measured and picked does not
        depend on what is kept: a row left bounded comes within NEAR pixels of the widest
        only if its most reaches the floor, and then it is measured."""
        font = self.view.font()
        font_key = font.key()
        if font_key != self._font or self._kept() > KEPT:
            self.forget()
            self._font = font_key
        whole, exact, bounded = self._widths, self._exact, self._bounded
        kept, digits = char_advances(font, font_key), digit_advances(font, font_key)
        found = [whole.get(text) for text in texts]  # most texts were shown before
        guessed: list[tuple[int, float, float]] = []  # row, its least and most advance
        for row, width in enumerate(found):
            if width is not None:
                continue
            text = texts[row]
            lows, highs = 0.0, 0.0
            for part in _parts(text):  # the label, then the count text (kept apart)
                advance = exact.get(part)
                if advance is None:
                    bounds = bounded.get(part)
                    if bounds is None:
                        advance = self._read(part, kept, digits)
                        bounds = bounded.get(part) if advance is None else None
                    if bounds is not None:
                        lows, highs = lows + bounds[0], highs + bounds[1]
                        continue
                    assert advance is not None
                lows, highs = lows + advance, highs + advance
            if lows == highs:
                found[row] = whole[text] = lows
            else:
                guessed.append((row, lows, highs))
        known = [width for width in found if width is not None]
        floor = max([*known, *(least for _row, least, _most in guessed)]) - NEAR
        for row, _least, most in guessed:
            if most >= floor:  # may be among the widest: measured as before
                found[row] = whole[texts[row]] = self._measured(texts[row], kept, digits)
        least = max(width for width in found if width is not None) - NEAR
        rows: dict[float, int] = {}
        for width, row in reversed([(width, row) for row, width in enumerate(found)
                                    if width is not None and width >= least]):
            rows[width] = row  # from the last: each advance's first row stays
        return list(rows.values())

    def _kept(self) -> int:
        return len(self._advances) + len(self._widths) + len(self._exact) + len(self._bounded)

    def _read(self, part: str, kept: CharAdvances, digits: DigitAdvances) -> float | None:
        """A label's or count text's advance, kept (`_exact`), or None when it is ASCII and
        not measured before: then its bounds are kept (`_bounded`)."""
        advances = self._advances
        advance = advances.get(part)
        if advance is None:
            key = digits.key(part)  # its digits written "0", where the font allows
            advance = advances.get(key) if key is not part else None
            if advance is None and part.isascii():
                self._bounded[part] = _bounds(part, kept)
                return None
            if advance is None:
                advance = advances[key] = kept.metrics.horizontalAdvance(key)
        self._exact[part] = advance
        return advance

    def _measured(self, text: str, kept: CharAdvances, digits: DigitAdvances) -> float:
        """`text`'s advance from its parts', each measured where not known before."""
        advances, exact, bounded = self._advances, self._exact, self._bounded
        total = 0.0
        for part in _parts(text):
            advance = advances.get(part)
            if advance is None:
                key = digits.key(part)
                advance = advances.get(key)
                if advance is None:
                    advance = advances[key] = kept.metrics.horizontalAdvance(key)
            exact[part] = advance
            bounded.pop(part, None)
            total += advance
        return total

    @staticmethod
    def _bounds(label: str, font: QFont) -> tuple[float, float]:
        """Less and more than `label`'s advance in `font` (`_bounds` below)."""
        return _bounds(label, char_advances(font))


def _bounds(label: str, kept: CharAdvances) -> tuple[float, float]:
    """Less and more than `label`'s advance in the font whose characters' own advances
    `kept` holds (`font_advances`): kerning and hinting move an ASCII text's advance by
    well under a pixel a character pair, far inside the margin (`GUESS_PX`, `GUESS_SHARE`)."""
    chars, metrics = kept.advances, kept.metrics
    try:
        total = sum(map(chars.__getitem__, label))
    except KeyError:
        for char in set(label) - chars.keys():
            chars[char] = metrics.horizontalAdvance(char)
        total = sum(map(chars.__getitem__, label))
    margin = GUESS_PX + GUESS_SHARE * total
    return total - margin, total + margin


def _parts(text: str) -> tuple[str, ...]:
    """An item text's label and its count text ("  (12)"), each measured and kept on its
    own: a label's advance does not change with the filter, and count texts recur."""
    label, separator, count = text.rpartition(COUNT_SEPARATOR)
    return (label, separator + count) if separator else (text,)
