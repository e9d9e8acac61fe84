"""How a facet list draws a row: the style draws its check box, its text is laid out once.

Qt's styled delegate asks the model for seven roles of every row it paints (each a call from
Qt into Python), and the style lays the row's text out three times (its size, its elision,
its drawing), each shaping it anew: some 300,000 instructions a row, and a change to a value
not shown before repaints every list whose counts moved (some fifteen rows, about 5 M).

A facet row is a check box and one line of text (`FacetModel`: no font, colour, icon or
background of its own). Where the style would draw nothing else (the row not selected,
focused, hovered or edited; the view's text left-aligned, elided at the right, left to
right; the text one line, no right-to-left characters), the row is drawn in two parts: the
style draws it with no text, which is its check box alone (where the check box goes does not
depend on the text), and the text is drawn as the style draws it (`cell_text.PlainText`,
shaped once) in the room the style gives a row's text, from the box's right to the row's
end. The same pixels (a test draws rows both ways in two styles); any other row is the
style's to draw whole.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from viewer.ui.cell_overflow import WHOLE_ONLY
from viewer.ui.cell_text import PlainText
from viewer.ui.facet_model import FacetModel

_Feature = QStyleOptionViewItem.ViewItemFeature
_CHECK_FEATURE = _Feature.HasCheckIndicator.value
_SHOWN = _Feature.HasCheckIndicator | _Feature.HasDisplay  # what a row's roles turn on
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_TEXT_RECT = QStyle.SubElement.SE_ItemViewItemText
#: The state that picks the palette's colour group the view's option comes with.
_GROUP = (QStyle.StateFlag.State_Active | QStyle.StateFlag.State_Enabled).value
#: What rows of one size and colour group are drawn with: that size and group, the text
#: drawer (None: the style draws each row whole), the left edge of the room a row's text
#: takes (from the row's), the filled-in option a row's box is drawn from (its place,
#: state, check and text set per row) and the style.
_Look = tuple[tuple[int, int, int], "PlainText | None", int, QStyleOptionViewItem, QStyle]


def one_line(text: str) -> bool:
    """Whether `PlainText` draws this text rather than leaving it to the style: one line,
    no right-to-left characters (the check made before the style draws the box)."""
    if text.isascii():
        return "\n" not in text and "\r" not in text
    return WHOLE_ONLY.search(text) is None


class FacetRowDelegate(QStyledItemDelegate):
    """Draws a facet list's plain rows as the styled delegate does, from the model's lists
    (`FacetModel`) rather than seven questions per row; sizes rows as it does."""

    def __init__(self, rows: FacetModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self._look: _Look | None = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        rows = self.rows
        row = index.row()
        text = rows.texts[row] if 0 <= row < len(rows.texts) else ""
        rect = option.rect
        width, height = rect.width(), rect.height()
        state, features = option.state.value, option.features.value
        look = self._look
        if look is None or look[0] != (width, height, state & _GROUP):
            look = self._look_of(option)
        plain = look[1]
        if (plain is None or not text or not one_line(text) or not plain.plain(state, features)
                or not isinstance(index, QModelIndex)):
            super().paint(painter, option, index)
            return
        # What `initStyleOption` fills in from the roles this model answers, the text
        # left out: the style draws the row's box (and a background it has none of).
        left, styled, style = look[2], look[3], look[4]
        styled.rect = rect
        styled.state = option.state
        styled.index = index
        styled.checkState = _CHECKED if rows.values[row] in rows.checked else _UNCHECKED
        styled.text = ""
        style.drawControl(_ITEM, styled, painter, option.widget)
        styled.text = text
        styled.rect = QRect(rect.x() + left, rect.y(), width - left, height)
        plain.draw(painter, styled, (text, False, False), state, features & ~_CHECK_FEATURE)

    def forget(self) -> None:
        """Another font, palette, style or direction: the look is made anew."""
        self._look = None

    def _look_of(self, option: QStyleOptionViewItem) -> _Look:
        """The drawing look of rows of this option's size and colour group (the view's
        font, palette and style otherwise, until `forget`); its text drawer is None when
        the style must draw the rows whole (the view's direction, alignment or elision:
        `PlainText`)."""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        found: PlainText | None = PlainText(style, option)
        if found is not None and not found.plain(0, 0):
            found = None
        styled = QStyleOptionViewItem(option)
        styled.styleObject = None  # type: ignore[assignment]  # as Qt's: no animations
        styled.features |= _SHOWN
        styled.text = ""
        # the room a row's text takes starts here whatever the text (left-aligned)
        left = style.subElementRect(_TEXT_RECT, styled, widget).x() - option.rect.x()
        rect = option.rect
        look = self._look = ((rect.width(), rect.height(), option.state.value & _GROUP), found,
                             left, styled, style)
        return look
