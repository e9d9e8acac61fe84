"""A plain table cell's text, laid out once and drawn as the style draws it.

The style's item drawing lays a cell's text out three times (its size, its elision, its
drawing), each shaping it anew: most of a new cell's cost, and a change to a value not shown
before draws some fifty new cells. For a cell the table draws plainly (no selection, focus,
editor, check, icon, background, alternate colour or word wrap; left and vertically centred
text in a left-to-right view) what the style draws is only its text: elided at the right to
the cell less the focus frame's margin on each side, laid out on one line, centred
vertically by the line's whole-pixel height, drawn in the text colour of the state's colour
group and clipped to the cell. That is drawn here from one elision and one layout, the
same pixels (a test draws cells of many texts, widths, fonts and states both ways). A text
of more than one line or with right-to-left characters, and any other cell, is left to the
style (`PlainText.draw` answers False).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from viewer.ui.cell_overflow import WHOLE_ONLY  # what a text's cut must leave whole

_Feature = QStyleOptionViewItem.ViewItemFeature
_State = QStyle.StateFlag
#: Features that add more than text to a cell's drawing (or wrap its text).
_NOT_PLAIN = (_Feature.WrapText | _Feature.HasCheckIndicator | _Feature.HasDecoration
              | _Feature.Alternate).value
_BUSY = (_State.State_Selected | _State.State_HasFocus | _State.State_Editing
         | _State.State_MouseOver).value
_ENABLED, _ACTIVE = _State.State_Enabled.value, _State.State_Active.value
_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value


class PlainText:
    """Draws plain cells' texts for one batch of one view's cells. Every cell's option comes
    from the view's, so their direction, alignment, elision and background are the view's,
    read from the batch's first option; what differs per cell is passed as plain values
    (reading a state or feature flag from an option made a Python flag object each time,
    more than the text's layout cost), and a font or text colour is read once per batch."""

    __slots__ = ("_fonts", "_margin", "_option", "_pens", "_plain_view")

    def __init__(self, style: QStyle, first: QStyleOptionViewItem) -> None:
        self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                         first.widget) + 1
        self._plain_view = (first.direction == Qt.LayoutDirection.LeftToRight
                            and first.displayAlignment.value == _LEFT
                            and first.textElideMode == Qt.TextElideMode.ElideRight
                            and first.backgroundBrush.style() == Qt.BrushStyle.NoBrush)
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.ManualWrap)
        self._option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        self._option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._fonts: dict[bool, tuple[QFont, QFontMetrics]] = {}  # by italic
        self._pens: dict[tuple[bool, QPalette.ColorGroup], QColor] = {}  # by greyed, group

    def draw(self, painter: QPainter, option: QStyleOptionViewItem, found: object,
             state: int, features: int) -> bool:
        """Draw the cell as the style would, if it is plain; False (nothing drawn) for a
        cell the style must draw. `option` is the filled-in option; `found` the cell's
        answer (text, italic, greyed), `state` and `features` its option's before filling
        in (as integers)."""
        if not self._plain_view or state & _BUSY or features & _NOT_PLAIN:
            return False
        if not isinstance(found, tuple) or len(found) != 3 or found[0] is None:
            return True  # the style draws nothing for a plain cell without text
        text = option.text  # the text as filled in: its head, or its lines joined
        if not text:
            return True
        if text.isascii():
            if "\n" in text or "\r" in text:
                return False
        elif WHOLE_ONLY.search(text) is not None:
            return False
        italic, greyed = bool(found[1]), bool(found[2])
        fonts = self._fonts.get(italic)
        if fonts is None:
            font = QFont(option.font)  # a copy: the option's own goes with the option
            fonts = self._fonts[italic] = (font, QFontMetrics(font))
        group = (QPalette.ColorGroup.Disabled if not state & _ENABLED
                 else QPalette.ColorGroup.Normal if state & _ACTIVE
                 else QPalette.ColorGroup.Inactive)
        pen = self._pens.get((greyed, group))
        if pen is None:
            pen = self._pens[(greyed, group)] = QColor(
                option.palette.color(group, QPalette.ColorRole.Text))
        rect = option.rect
        room = rect.width() - 2 * self._margin
        shown = fonts[1].elidedText(text, Qt.TextElideMode.ElideRight, room)
        layout = QTextLayout(shown, fonts[0])
        layout.setTextOption(self._option)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(room)
        layout.endLayout()
        spare = rect.height() - int(line.height())
        top = rect.y() + (spare // 2 if spare >= 0 else -(-spare // 2))  # C's halving
        painter.setClipRect(rect)
        painter.setPen(pen)
        layout.draw(painter, QPointF(rect.x() + self._margin, top))
        painter.setClipping(False)
        return True
