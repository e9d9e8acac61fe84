"""How the events table draws a cell: Qt's own item drawing, filled in by one question.

Qt's styled delegate asks the model for seven roles of every cell it paints (font,
alignment, colour, check, icon, text, background), each a call from Qt into Python: a table
of a hundred visible cells made about 700 `data()` calls per repaint, some 2 ms of a filter
change, and the table repaints twice per change. This delegate asks the model once per cell
for what the table shows (text, italic date, greyed row) and fills the same style option,
so the style draws exactly what it drew before.

The style's item drawing is most of a table repaint (laying out and eliding each cell's
text: some 14 µs a cell, 2 of the 3.5 ms of the ~100 cells of a 1600×1000 window). What it
draws depends only on the cell (its text, italic, greyed), its size, its state (selected,
hovered, enabled, active window), the font and the palette, and most cells recur from one
filter to the next (the same dates, precisions, parties, documents; the rows that a wider
filter shows again). So each drawn cell's picture is kept under those keys and drawn again
where a cell of the same key is drawn; the picture is the style's drawing over the view's
background colour, which fills every cell's place before its cells are drawn, so the pixels
are the same. A cell with the keyboard focus is always drawn by the style. The pictures are
bounded by their total pixels (`KEPT_PIXELS`); beyond, the least recently drawn are dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

#: A cell's text (None: no text), whether its font is italic and whether it is greyed, or
#: None for no cell; asked by the view's row and column.
CellOf = Callable[[int, int], "tuple[str | None, bool, bool] | None"]
KEPT_PIXELS = 2_000_000  # the kept cells' pictures, in pixels (about 8 MB): some six screens
_FOCUS_BITS = QStyle.StateFlag.State_HasFocus.value


class CellDelegate(QStyledItemDelegate):
    """A styled delegate whose style option comes from one `cell(row, column)` call."""

    def __init__(self, cell: CellOf, muted: Callable[[], QBrush],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = cell
        self.muted = muted  # the greyed rows' text colour, read when a row needs it
        self._italic: tuple[str, QFont, QFontMetrics] | None = None
        self._pictures: dict[tuple[object, ...], QPixmap] = {}  # a drawn cell, by its look
        self._pixels = 0  # the kept pictures' pixels
        # The font's key, palette's key, device ratio and the option's features (None when
        # they vary by row: alternating rows) of the paint under way (the view passes every
        # cell of one paint the same font, palette and features); None outside a paint the
        # view announced (`painting`), where each cell reads them.
        self._frame: tuple[str, int, float, int | None] | None = None
        self._framing = False

    def painting(self, started: bool) -> None:
        """The view starts (True) or ends (False) a paint of its cells: the look every cell of
        it shares is read from its first cell's option, not from each (a font's key, a
        palette's, the device's ratio and the features were four calls from Python per cell,
        the features some 0.2 ms of a 1600×1000 table's repaint)."""
        self._framing = started
        self._frame = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """The cell's kept picture when one of its look is kept, else the style's drawing
        (kept for the next cell of that look). The option's state is read once, as its
        integer (a Qt flag read and tested from Python is some 0.9 µs each)."""
        state = option.state.value
        if not isinstance(index, QModelIndex) or state & _FOCUS_BITS:
            super().paint(painter, option, index)
            return
        rect = option.rect
        frame = self._frame
        if frame is None:
            widget = option.widget
            steady = not (isinstance(widget, QAbstractItemView) and widget.alternatingRowColors())
            frame = (option.font.key(), option.palette.cacheKey(),
                     painter.device().devicePixelRatioF(),
                     option.features.value if steady else None)
            if self._framing:
                self._frame = frame
        ratio, features = frame[2], frame[3]
        key = (self.cell(index.row(), index.column()), rect.width(), rect.height(), state,
               option.features.value if features is None else features, frame)
        pictures = self._pictures
        picture = pictures.pop(key, None)
        if picture is None:
            picture = self._drawn(option, index, ratio)
            self._pixels += picture.width() * picture.height()
            while self._pixels > KEPT_PIXELS and pictures:  # the least recently drawn go
                dropped = pictures.pop(next(iter(pictures)))
                self._pixels -= dropped.width() * dropped.height()
        pictures[key] = picture  # the most recently drawn last
        painter.drawPixmap(rect.topLeft(), picture)

    def _drawn(self, option: QStyleOptionViewItem, index: QModelIndex,
               ratio: float) -> QPixmap:
        """The cell as Qt's styled delegate draws it, over the view's background colour."""
        rect = option.rect
        picture = QPixmap(rect.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(option.palette.color(QPalette.ColorRole.Base))
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        painter = QPainter(picture)
        painter.translate(-rect.x(), -rect.y())
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, widget)
        painter.end()
        return picture

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
