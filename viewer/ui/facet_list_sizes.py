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

from math import inf
from operator import add

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from viewer.ui.digit_advances import DigitAdvances, digit_advances
from viewer.ui.font_advances import CharAdvances, char_advances

COUNT_SEPARATOR = "  ("  # between an item's label and its count
NEAR = 2.0  # pixels: advances this close to the widest are measured exactly
KEPT = 20_000  # advances kept per list before the store is emptied
LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029")


class UniformItemSize:
    """Finds the size of a list's widest item, the size its sample item (its last) takes."""

    def __init__(self, view: QListView) -> None:
        self.view = view
        self._advances: dict[str, float] = {}  # a label's or a count's advance
        self._counted: dict[int, float] = {}  # a count's text's advance, by the count
        self._exact: dict[str, float] = {}  # a label's or count text's advance, by itself
        self._bounded: dict[str, tuple[float, float]] = {}  # one's bounds, not measured
        self._sizes: dict[str, QSize] = {}  # an item text's size, as the delegate measured it
        self._font = ""

    def forget(self) -> None:
        """Another font or style: every advance and size is measured anew."""
        self._advances.clear()
        self._counted.clear()
        self._exact.clear()
        self._bounded.clear()
        self._sizes.clear()

    def fit(self, texts: list[str], labels: list[str], numbers: list[int]) -> QSize | None:
        """The size every row takes, the widest's: row `i` shows `texts[i]`, the label
        `labels[i]` and the count `numbers[i]` joined by COUNT_SEPARATOR, in the view's
        model, whose last row's size hint must be unset; None when the view must measure
        each row (a text of more than one line)."""
        view = self.view
        joined = "\0".join(texts)  # one scan for line breaks, not one per text and break
        if not texts or any(brk in joined for brk in LINE_BREAKS):
            return None
        font = view.font()
        font_key = font.key()
        if font_key != self._font or self._kept() > KEPT:
            self.forget()
            self._font = font_key
        # one row is the widest (a facet of one value: no advance to read or compare)
        candidates = ([0] if len(texts) == 1 else
                      self._widest(texts, labels, numbers, font, font_key))
        sizes = self._sizes
        size = QSize()
        option: QStyleOptionViewItem | None = None
        digits = digit_advances(font, font_key)
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
        return size

    def _widest(self, texts: list[str], labels: list[str], numbers: list[int], font: QFont,
                font_key: str) -> list[int]:
        """One row for each advance within NEAR pixels of the widest text's (texts of one
        advance have one size). A text's advance is its label's and its count text's,
        kept under the label (`_exact`) and the count (`_counted`): most of a change's
        texts join a label and a count seen before anew (a title listed before with
        another count), and their rows are summed at once, without a Python step per row.
        A label or count text not known before (most of the documents list's on a change
        to a value not shown before, its counts on a first search) is read (`_read_parts`),
        an ASCII one only bounded by its characters' advances (`CharAdvances.bounds`); only the rows
        that may come within NEAR pixels of the widest are measured. Which rows are
        measured and picked does not depend on what is kept: a row left bounded comes
        within NEAR pixels of the widest only if its most reaches the floor, and then it
        is measured."""
        exact, counted = self._exact, self._counted
        heads = [exact.get(label) for label in labels]
        tails = [counted.get(number) for number in numbers]
        if None in heads or None in tails:
            found = self._guessed(texts, labels, numbers, heads, tails, font, font_key)
        else:
            found = list(map(add, heads, tails))
        least = max(found) - NEAR
        rows: dict[float, int] = {}
        for row in [row for row, width in enumerate(found) if width >= least]:
            rows.setdefault(found[row], row)  # each advance's first row
        return list(rows.values())

    def _guessed(self, texts: list[str], labels: list[str], numbers: list[int],
                 heads: list[float | None], tails: list[float | None], font: QFont,
                 font_key: str) -> list[float]:
        """Each row's advance where labels or counts are new (`heads`, `tails`: each
        row's label and count text advance, None where not known): the new parts are
        read, and a row left bounded is measured if it may be among the widest."""
        exact, bounded, counted = self._exact, self._bounded, self._counted
        kept, digits = char_advances(font, font_key), digit_advances(font, font_key)
        new_counts = {number: count_text(number)
                      for number, tail in zip(numbers, tails, strict=True) if tail is None}
        self._read_parts([*(label for label, head in zip(labels, heads, strict=True)
                            if head is None), *new_counts.values()], kept, digits)
        for number, text in new_counts.items():
            if text in exact:
                counted[number] = exact[text]
        heads = [exact.get(label) for label in labels]  # once more, the new parts read
        tails = [counted.get(number) for number in numbers]
        if None not in heads and None not in tails:
            return list(map(add, heads, tails))
        found: list[float | None] = list(map(_sum, heads, tails))
        guessed: list[tuple[int, float, float]] = []  # row, its least and most advance
        for row in [row for row, width in enumerate(found) if width is None]:
            lows, highs = 0.0, 0.0
            for part in (labels[row], count_text(numbers[row])):
                advance = exact.get(part)
                if advance is None:
                    least, most = bounded[part]
                    lows, highs = lows + least, highs + most
                else:
                    lows, highs = lows + advance, highs + advance
            if lows == highs:
                found[row] = lows
            else:
                guessed.append((row, lows, highs))
        known = [width for width in found if width is not None]
        floor = max([*known, *(least for _row, least, _most in guessed)]) - NEAR
        for row, _least, most in guessed:
            if most >= floor:  # may be among the widest: measured as before
                found[row] = self._measured(texts[row], kept, digits)
        return [-inf if width is None else width for width in found]  # bounded: not widest

    def _kept(self) -> int:
        return (len(self._advances) + len(self._exact) + len(self._bounded)
                + len(self._counted))

    def _read_parts(self, parts: list[str], kept: CharAdvances, digits: DigitAdvances) -> None:
        """Keep the advance of each part neither known nor bounded before (`_exact`), or,
        for an ASCII part not measured before, its bounds (`_bounded`). The parts' digit
        keys are written at once (`DigitAdvances.keys`)."""
        advances, exact, bounded = self._advances, self._exact, self._bounded
        new = list(dict.fromkeys(
            part for part in parts if part not in exact and part not in bounded))
        for part, key in zip(new, digits.keys(new), strict=True):
            advance = advances.get(part)
            if advance is None:
                advance = advances.get(key) if key is not part else None
                if advance is None and part.isascii():
                    bounded[part] = kept.bounds(part)
                    continue
                if advance is None:
                    advance = advances[key] = kept.metrics.horizontalAdvance(key)
            exact[part] = advance

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
        """Less and more than `label`'s advance in `font` (`CharAdvances.bounds`)."""
        return char_advances(font).bounds(label)


def count_text(number: int) -> str:
    """The part of an item's text after its label: its count, "  (12)"."""
    return f"{COUNT_SEPARATOR}{number})"


def _sum(head: float | None, tail: float | None) -> float | None:
    """A row's advance from its label's and its count text's, None if either is unknown."""
    return None if head is None or tail is None else head + tail


def _parts(text: str) -> tuple[str, ...]:
    """An item text's label and its count text ("  (12)"), each measured and kept on its
    own: a label's advance does not change with the filter, and count texts recur."""
    label, separator, count = text.rpartition(COUNT_SEPARATOR)
    return (label, separator + count) if separator else (text,)
