"""How the events table draws a cell: Qt's own item drawing, filled in by one question.

Qt's styled delegate asks the model for seven roles of every cell it paints (font,
alignment, colour, check, icon, text, background), each a call from Qt into Python: a table
of a hundred visible cells made about 700 `data()` calls per repaint, some 2 ms of a filter
change, and the table repaints twice per change. This delegate asks the model once per cell
for what the table shows (text, italic date, greyed row) and fills the same style option,
so the style draws exactly what it drew before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

#: A cell's text (None: no text), whether its font is italic and whether it is greyed, or
#: None for no cell; asked by the view's row and column.
CellOf = Callable[[int, int], "tuple[str | None, bool, bool] | None"]


class CellDelegate(QStyledItemDelegate):
    """A styled delegate whose style option comes from one `cell(row, column)` call."""

    def __init__(self, cell: CellOf, muted: Callable[[], QBrush],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = cell
        self.muted = muted  # the greyed rows' text colour, read when a row needs it
        self._italic: tuple[str, QFont, QFontMetrics] | None = None

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        """What Qt's own fills in for the roles the table answers (font, text colour,
        text); the roles it never answers (alignment, check, icon, background) keep the
        option's defaults, as Qt's does when a role has no value."""
        if not isinstance(index, QModelIndex):
            super().initStyleOption(option, index)
            return
        option.index = index
        option.styleObject = None  # type: ignore[assignment]  # as Qt's: no animations
        found = self.cell(index.row(), index.column())
        if found is None:
            return
        text, italic, muted = found
        if italic:
            option.font, option.fontMetrics = self._italic_of(option.font)
        if muted:
            option.palette.setBrush(QPalette.ColorRole.Text, self.muted())
        if text is None:
            return
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        # Qt shows a line break as a line separator; the rest of a string as it is.
        option.text = text if "\n" not in text else self.displayText(text, QLocale())

    def _italic_of(self, font: QFont) -> tuple[QFont, QFontMetrics]:
        """The view's font made italic (what an italic font from the model resolves to),
        kept while the view's font stays the same."""
        key = font.key()
        if self._italic is None or self._italic[0] != key:
            italic = QFont(font)
            italic.setItalic(True)
            self._italic = (key, italic, QFontMetrics(italic))
        return self._italic[1], self._italic[2]
