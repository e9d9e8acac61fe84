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

A filter to a value not shown before brings some fifty cells no picture shows (new dates,
sentences, titles). Each was a picture of its own: a pixmap made and filled and a painter
begun and ended around the style's drawing, some 30 µs a cell beside the drawing itself.
Within a paint the view announced, such cells wait for the paint's end and are drawn
together on one sheet by one painter, each in its own band, then copied out as their
pictures and put in their places (the grid lines between cells lie outside every cell, and
the style clips each drawing to its cell, so drawing them after the rest changes no pixel).
A long text is given to the style as the head of it that its cell shows (`cell_overflow`),
and a plain cell's text is drawn as the style draws it but laid out once (`cell_text`). In
the one-pass paint (`plain_cells`) a new cell of printable ASCII text waits without a style
option: its option would differ from the view's only by its text, italic font and greyed
colour, all in its `cell` answer, and making and filling one was a dozen calls into Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from viewer.ui.cell_overflow import cut_for_drawing, long_enough_to_cut
from viewer.ui.cell_text import AsciiLook, Place, PlainText, colour_group

#: A cell's text (None: no text), whether its font is italic and whether it is greyed, or
#: None for no cell; asked by the view's row and column.
CellOf = Callable[[int, int], "tuple[str | None, bool, bool] | None"]
KEPT_PIXELS = 2_000_000  # the kept cells' pictures, in pixels (about 8 MB): some six screens
SHEET_HEIGHT = 2048  # a sheet's most pixels high: a tall table's new cells take several
_FOCUS_BITS = QStyle.StateFlag.State_HasFocus.value
_ITALIC = "/italic"  # names a font's italic among kept measures: the font's key and this
#: A cell waiting for the paint's end: its picture's key, its place and its filled-in style
#: option, or None for a plain cell of printable ASCII text, drawn from its key alone.
_Waiting = tuple[tuple[object, ...], Place, QStyleOptionViewItem | None]


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
        self._waiting: list[_Waiting] = []  # this paint's cells without a picture
        # The one-pass paint's look for its plain ASCII cells: the view's option, its text
        # drawer, and the fonts and text colours by italic and by greyed (`_ascii_look`).
        self._ascii: AsciiLook | None = None
        self._kept_look: tuple[tuple[object, ...], AsciiLook] | None = None  # the last one

    def painting(self, started: bool) -> None:
        """The view starts (True) or ends (False) a paint of its cells: the look every cell of
        it shares is read from its first cell's option, not from each (a font's key, a
        palette's, the device's ratio and the features were four calls from Python per cell,
        the features some 0.2 ms of a 1600×1000 table's repaint)."""
        self._framing = started
        self._frame = None
        self._waiting = []
        self._ascii = None

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
        found = self.cell(index.row(), index.column())
        key = (found, rect.width(), rect.height(), state,
               option.features.value if features is None else features, frame)
        pictures = self._pictures
        picture = pictures.pop(key, None)
        if picture is not None:
            pictures[key] = picture  # the most recently drawn last
        else:
            styled = QStyleOptionViewItem(option)
            self._fill(styled, index, found)
            place = (rect.x(), rect.y(), rect.width(), rect.height())
            if self._framing:  # drawn with the paint's other new cells at its end
                self._waiting.append((key, place, styled))
                return
            picture = self._drawn([(key, place, styled)], ratio)[0]
            self._keep(key, picture)
        painter.drawPixmap(rect.topLeft(), picture)

    def paint_cells(self, painter: QPainter, option: QStyleOptionViewItem,
                    cells: list[tuple[int, int, int, int, int, int]],
                    index_of: Callable[[int, int], QModelIndex]) -> None:
        """Draw cells of a paint the view announced, each (row, column, x, y, width,
        height), all with `option`'s look (the view's, as its paint passes it to every cell
        without selection, hover or focus): a cell's kept picture where there is one, else
        the cell waits for the paint's end as in `paint` (`index_of` makes its index). One
        call for all the cells, where the view's own paint called into Python three times
        per cell (its index, its flags and its drawing, each with its option and index
        wrapped anew). A new cell of printable ASCII text waits without a style option of
        its own: its key says all that is drawn of it (`_ascii_look`)."""
        state = option.state.value
        frame = self._frame
        if frame is None:
            frame = (option.font.key(), option.palette.cacheKey(),
                     painter.device().devicePixelRatioF(), option.features.value)
            if self._framing:
                self._frame = frame
        features = frame[3] if frame[3] is not None else option.features.value
        pictures, cell, waiting = self._pictures, self.cell, self._waiting
        ascii = self._ascii_look(option, state, features, frame) if self._framing else None
        for row, column, x, y, width, height in cells:
            found = cell(row, column)
            key = (found, width, height, state, features, frame)
            picture = pictures.pop(key, None)
            if picture is not None:
                pictures[key] = picture  # the most recently drawn last
                painter.drawPixmap(x, y, picture)
                continue
            if ascii is not None and found is not None and ascii.takes(found):
                waiting.append((key, (x, y, width, height), None))
                continue
            styled = QStyleOptionViewItem(option)
            styled.rect = QRect(x, y, width, height)
            index = index_of(row, column)
            self._fill(styled, index, found)
            if self._framing:
                waiting.append((key, (x, y, width, height), styled))
            else:
                picture = self._drawn([(key, (x, y, width, height), styled)], frame[2])[0]
                self._keep(key, picture)
                painter.drawPixmap(x, y, picture)

    def finish(self, device: QWidget) -> None:
        """Draw this paint's cells that had no picture, on `device` (the view's viewport,
        inside its paint event), and keep their pictures; the paint's end follows."""
        waiting, self._waiting = self._waiting, []
        frame = self._frame
        if not waiting or frame is None:
            return
        ratio = frame[2]
        pictures: list[QPixmap] = []
        batch: list[_Waiting] = []
        height = 0.0
        for waits in waiting:  # sheets of at most SHEET_HEIGHT device pixels
            cell = waits[1][3] * ratio
            if batch and height + cell > SHEET_HEIGHT:
                pictures += self._drawn(batch, ratio)
                batch, height = [], 0.0
            batch.append(waits)
            height += cell
        pictures += self._drawn(batch, ratio)
        painter = QPainter(device)
        try:
            for (key, (x, y, _, _), _), picture in zip(waiting, pictures, strict=True):
                painter.drawPixmap(x, y, picture)
                self._keep(key, picture)
        finally:
            painter.end()

    def _keep(self, key: tuple[object, ...], picture: QPixmap) -> None:
        """Keep a cell's picture as the most recently drawn; the least recently drawn go
        while the kept pixels exceed `KEPT_PIXELS`."""
        pictures = self._pictures
        if key not in pictures:
            self._pixels += picture.width() * picture.height()
        else:
            kept = pictures.pop(key)
            self._pixels += picture.width() * picture.height() - kept.width() * kept.height()
        pictures[key] = picture  # the most recently drawn last
        while self._pixels > KEPT_PIXELS and len(pictures) > 1:  # the least recently go
            dropped = pictures.pop(next(iter(pictures)))
            self._pixels -= dropped.width() * dropped.height()

    def _drawn(self, cells: list[_Waiting], ratio: float) -> list[QPixmap]:
        """The cells as Qt's styled delegate draws them, each over the view's background
        colour, all on one sheet, one cell's band under the other's, by one painter, each
        band copied out as its cell's picture. A cell is its picture key (its `cell`
        answer, size, state, features, frame), its place and its filled-in option: a long
        text among them is given to the style as the head its cell shows, and a plain
        cell's text is drawn without the style (`cell_text`); a cell without an option is
        a plain one of printable ASCII text (`_ascii_look`)."""
        ascii = self._ascii
        first = next((option for _, _, option in cells if option is not None), None)
        if first is None:
            assert ascii is not None  # only a one-pass paint leaves cells without options
            first = ascii.option
        width = max(place[2] for _, place, _ in cells)
        sheet = QPixmap(QSize(width, sum(place[3] for _, place, _ in cells)) * ratio)
        sheet.setDevicePixelRatio(ratio)
        sheet.fill(first.palette.color(QPalette.ColorRole.Base))
        widget = first.widget
        style = widget.style() if widget is not None else QApplication.style()
        plain = ascii.plain if ascii is not None else PlainText(style, first)
        painter = QPainter(sheet)
        top = 0
        bands = []
        moved = False  # the painter translated for a cell drawn at its place in the view
        try:
            for key, (x, y, width, height), option in cells:
                found = key[0]
                if option is None:
                    assert ascii is not None and isinstance(found, tuple)
                    if moved:
                        painter.resetTransform()
                        moved = False
                    ascii.draw(painter, found, (0, top, width, height))
                else:
                    self._styled(painter, plain, style, option, key, (x, y - top))
                    moved = True
                bands.append(top)
                top += height
        finally:
            painter.end()
        if len(cells) == 1:  # the sheet is the cell's picture
            return [sheet]
        pictures = []
        for (_, place, _), band in zip(cells, bands, strict=True):
            picture = sheet.copy(QRect(0, round(band * ratio), round(place[2] * ratio),
                                       round(place[3] * ratio)))
            picture.setDevicePixelRatio(ratio)
            pictures.append(picture)
        return pictures

    @staticmethod
    def _styled(painter: QPainter, plain: PlainText, style: QStyle,
                option: QStyleOptionViewItem, key: tuple[object, ...],
                offset: tuple[int, int]) -> None:
        """Draw a cell from its filled-in option, moved by `offset` (its place in the view
        less its band's): its text's head if long, by `plain` if plain, else by the style."""
        found = key[0]
        text = _text_of(found)
        if text is not None and long_enough_to_cut(text, option.rect.width()):
            cut_for_drawing(option, text)  # its head: the same pixels, less laid out
        painter.resetTransform()
        painter.translate(-offset[0], -offset[1])
        state, features = key[3], key[4]
        if not (isinstance(state, int) and isinstance(features, int)
                and plain.draw(painter, option, found, state, features)):
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)

    def _ascii_look(self, option: QStyleOptionViewItem, state: int, features: int,
                    frame: tuple[str, int, float, int | None]) -> AsciiLook | None:
        """The one-pass paint's look for its plain cells of printable ASCII text (None when
        its cells are not plain), from its option (of the paint's `frame`) at its first
        call. The last look is kept while the frame, state, features, style and greyed
        colour stay the same: making one (its fonts' line measured) was some 0.3 M
        instructions a paint."""
        if self._ascii is not None:
            return self._ascii
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        muted = QColor(self.muted().color())
        key = (frame, state, features, style, muted.rgba())
        if self._kept_look is not None and self._kept_look[0] == key:
            self._ascii = self._kept_look[1]
            return self._ascii
        plain = PlainText(style, option)
        if not plain.plain(state, features):
            return None
        normal = QColor(option.palette.color(colour_group(state), QPalette.ColorRole.Text))
        font = QFont(option.font)  # a copy: the option's own goes with the option
        fonts = (font, self._italic_of(font, frame[0])[0])
        look = self._ascii = AsciiLook(QStyleOptionViewItem(option), plain, fonts,
                                        (normal, muted), (frame[0], frame[0] + _ITALIC))
        self._kept_look = (key, look)
        return look

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        """What Qt's own fills in for the roles the table answers (font, text colour,
        text); the roles it never answers (alignment, check, icon, background) keep the
        option's defaults, as Qt's does when a role has no value."""
        if not isinstance(index, QModelIndex):
            super().initStyleOption(option, index)
            return
        self._fill(option, index, self.cell(index.row(), index.column()))

    def _fill(self, option: QStyleOptionViewItem, index: QModelIndex,
              found: tuple[str | None, bool, bool] | None) -> None:
        """`initStyleOption` with the cell already asked for (`found`)."""
        option.index = index
        option.styleObject = None  # type: ignore[assignment]  # as Qt's: no animations
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

    def _italic_of(self, font: QFont, key: str | None = None) -> tuple[QFont, QFontMetrics]:
        """The view's font made italic (what an italic font from the model resolves to),
        kept while the view's font (whose key is `key`, when read already) stays the same."""
        key = font.key() if key is None else key
        if self._italic is None or self._italic[0] != key:
            italic = QFont(font)
            italic.setItalic(True)
            self._italic = (key, italic, QFontMetrics(italic))
        return self._italic[1], self._italic[2]


def _text_of(found: object) -> str | None:
    """The text of a `cell` answer (text, italic, greyed), None for none."""
    if isinstance(found, tuple) and found and isinstance(found[0], str):
        return found[0]
    return None
