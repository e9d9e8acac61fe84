"""The detail pane's header: the event's rows above the article, in a scroll area.

Left to the pane's layout, a long header (many sources, a disagreement table) was squeezed
below its height and lost its last lines with no sign. Here it is as tall as its text up to
half the pane, then scrolls; it is laid out as narrow as the pane, and a header given in two
versions shows the second (a disagreement as a row per source) when the first is wider."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument, QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea


def least_width(html: str, font: QFont) -> int:
    """The narrowest `html` can be laid out, wrapped at words as a label wraps it: its
    longest word or table. (A wrapped label's own hint asks some 300 px whatever its text.)"""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    document.setTextWidth(0)
    return math.ceil(document.size().width())


class HeaderArea(QScrollArea):
    """Scrolls `label`, sized by `fit` to the pane."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.label = label
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._versions: list[tuple[str, int]] = []
        self._measured: tuple[tuple[str, ...], str] = ((), "")  # the versions, their font
        self._fitted: tuple[object, ...] = ()  # what the last `fit` laid the header out for

    def show_html(self, versions: Sequence[str], width: int, height: int) -> None:
        """Show the first of `versions` that fits `width`, else the last; from the top.
        The versions shown already are not measured or set again: every filter change with
        no event selected shows the empty header anew, which laid out and repainted the
        label twice (emptied, then given the same text) and again on the next turn of the
        event loop (about 2 M instructions a change)."""
        measured = (tuple(versions), self.label.font().key())
        if measured != self._measured:
            self._versions = [(html, least_width(html, self.label.font())) for html in versions]
            self._measured = measured
            self.label.clear()
        self.fit(width, height)
        self.verticalScrollBar().setValue(0)

    def fit(self, width: int, height: int) -> None:
        """Lay the header out for a pane `width` wide (less its margins) and `height` tall;
        nothing to do when the label, its font and the room are as the last fit left them."""
        if not self._versions:
            return
        bar = self.verticalScrollBar().sizeHint().width()
        html, least = next(((h, w) for h, w in self._versions if w <= width - bar),
                           self._versions[-1])
        fitted = (html, least, width, height, bar, self.label.font().key(), self.font().key(),
                  self.horizontalScrollBar().sizeHint().height())
        if self.label.text() != html:
            self.label.setText(html)
            self.label.setMinimumWidth(least)
        elif fitted == self._fitted:
            return
        self._fitted = fitted
        needed = self.label.heightForWidth(max(width, 1))
        if least > width:  # still wider than the pane: it scrolls sideways too
            needed += self.horizontalScrollBar().sizeHint().height()
        room = max(height // 2, 3 * self.fontMetrics().lineSpacing())
        self.setFixedHeight(min(needed, room))
