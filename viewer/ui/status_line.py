"""The status bar's event count, in a holder that keeps its new texts from laying out the
window.

A label in a layout asks that layout to run again whenever it takes a new text, whatever the
text's size. In the status bar that ran the bar's layout, which asked the main window's, which
set the central splitter's geometry through a geometry animation, made and thrown away
unchanged on every filter change. The holder has no layout: the label's requests stop at
it, and the label is sized with the holder. The holder answers the label's one-line size,
so the bar gives it the room and height it gave the label.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class StatusLine(QWidget):
    """Holds the status label and keeps it the holder's size."""

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.setSizePolicy(label.sizePolicy().horizontalPolicy(),
                           QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        """One line high, no width of its own: a long count is clipped in a narrow window
        rather than keeping the window from narrowing (the hint is asked rarely, so the
        text's width would be a stale one)."""
        return QSize(0, self.label.minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)
