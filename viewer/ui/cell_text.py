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

A layout shapes its text twice (laying its line out, then drawing it) and the elision once
more, some 60% of a new cell's drawing. Most cells' texts are printable ASCII in a font
that has all of those characters, whose line is the font's own (its height and ascent, the
same for every such text): such a text is drawn by the painter at its baseline, which
shapes it once, and elided only when its characters' advances (kept per font) do not prove
it fits (`PlainText.draw_ascii`; dates, titles and most parties fit). `AsciiLook` is what one
paint of the table draws such cells with, from their texts alone.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from viewer.ui.cell_overflow import WHOLE_ONLY, ascii_head, long_enough_to_cut
from viewer.ui.font_advances import CharAdvances, char_advances

_Feature = QStyleOptionViewItem.ViewItemFeature
_State = QStyle.StateFlag
#: Features that add more than text to a cell's drawing (or wrap its text).
_NOT_PLAIN = (_Feature.WrapText | _Feature.HasCheckIndicator | _Feature.HasDecoration
              | _Feature.Alternate).value
_BUSY = (_State.State_Selected | _State.State_HasFocus | _State.State_Editing
         | _State.State_MouseOver).value
_ENABLED, _ACTIVE = _State.State_Enabled.value, _State.State_Active.value
_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value
_PRINTABLE = "".join(map(chr, range(0x20, 0x7F)))  # the printable ASCII characters
#: A font's line of printable ASCII text: its whole-pixel height, its ascent, the font's
#: metrics and its characters' kept advances.
_Line = tuple[int, float, QFontMetrics, CharAdvances]
#: A cell's place in its view: x, y, width, height.
Place = tuple[int, int, int, int]


class PlainText:
    """Draws plain cells' texts for one batch of one view's cells. Every cell's option comes
    from the view's, so their direction, alignment, elision and background are the view's,
    read from the batch's first option; what differs per cell is passed as plain values
    (reading a state or feature flag from an option made a Python flag object each time,
    more than the text's layout cost), and a font or text colour is read once per batch."""

    __slots__ = ("_fonts", "_lines", "_margin", "_option", "_painter_font", "_pens",
                 "_plain_view")

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
        self._lines: dict[bool, _Line | None] = {}  # by italic: None, no ASCII line
        self._painter_font: tuple[QPainter, bool] | None = None  # the last font it was given

    def draw(self, painter: QPainter, option: QStyleOptionViewItem, found: object,
             state: int, features: int) -> bool:
        """Draw the cell as the style would, if it is plain; False (nothing drawn) for a
        cell the style must draw. `option` is the filled-in option; `found` the cell's
        answer (text, italic, greyed), `state` and `features` its option's before filling
        in (as integers)."""
        if not self.plain(state, features):
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
        fonts = self._font_of(italic, option.font)
        group = colour_group(state)
        pen = self._pens.get((greyed, group))
        if pen is None:
            pen = self._pens[(greyed, group)] = QColor(
                option.palette.color(group, QPalette.ColorRole.Text))
        rect = option.rect
        if self.takes_ascii(text, italic, fonts[0]):
            self.draw_ascii(painter, text, italic, pen,
                            (rect.x(), rect.y(), rect.width(), rect.height()))
            return True
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

    def plain(self, state: int, features: int) -> bool:
        """Whether a cell of this state and these features (as integers) is plain."""
        return self._plain_view and not state & _BUSY and not features & _NOT_PLAIN

    def takes_ascii(self, text: str, italic: bool, font: QFont, key: str | None = None) -> bool:
        """Whether `draw_ascii` draws this text of a plain cell in `font` (the cell's font,
        italic or not: the batch's first of each; `key` names it among kept measures, its
        own key by default): a printable ASCII text, in a font that has every such
        character (another font's glyphs would change the line)."""
        if not (text and text.isascii() and text.isprintable()):
            return False
        line = self._lines.get(italic, False)
        if line is False:
            line = self._lines[italic] = _line_of(self._font_of(italic, font)[0], self._option,
                                                  key)
        return line is not None

    def draw_ascii(self, painter: QPainter, text: str, italic: bool, pen: QColor,
                   place: tuple[int, int, int, int]) -> None:
        """Draw a text `takes_ascii` took in a plain cell at `place` (x, y, width, height)
        in the colour `pen`: elided only when its characters' advances do not prove it fits
        (`elidedText` shapes the whole), and drawn at its baseline by the painter, which
        shapes it once (a text layout shaped it when laid out and again when drawn). The
        line's height and ascent are the font's own, the same for every such text."""
        line = self._lines[italic]
        assert line is not None
        height, ascent, metrics, kept = line
        x, y, width, cell_height = place
        room = width - 2 * self._margin
        if kept.bounds(text)[1] > room:  # may not fit: elided as the style would
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        spare = cell_height - height
        top = y + (spare // 2 if spare >= 0 else -(-spare // 2))  # C's halving
        if self._painter_font != (painter, italic):
            painter.setFont(self._fonts[italic][0])
            self._painter_font = (painter, italic)
        painter.setClipRect(x, y, width, cell_height)
        painter.setPen(pen)
        painter.drawText(QPointF(x + self._margin, top + ascent), text)
        painter.setClipping(False)

    def _font_of(self, italic: bool, font: QFont) -> tuple[QFont, QFontMetrics]:
        """The batch's font of cells italic or not: `font` the first time it is asked."""
        fonts = self._fonts.get(italic)
        if fonts is None:
            font = QFont(font)  # a copy: the option's own goes with the option
            fonts = self._fonts[italic] = (font, QFontMetrics(font))
        return fonts


def colour_group(state: int) -> QPalette.ColorGroup:
    """The palette's group the style draws a cell's text in, for its state (an integer)."""
    return (QPalette.ColorGroup.Disabled if not state & _ENABLED
            else QPalette.ColorGroup.Normal if state & _ACTIVE
            else QPalette.ColorGroup.Inactive)


def _line_of(font: QFont, option: QTextOption, key: str | None) -> _Line | None:
    """The line a printable ASCII text makes in `font` (`key`: its name among kept
    measures, its key when None), or None when the font lacks one of those characters."""
    metrics = QFontMetrics(font)
    if not all(metrics.inFontUcs4(code) for code in range(0x20, 0x7F)):
        return None
    layout = QTextLayout(_PRINTABLE, font)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return int(line.height()), line.ascent(), metrics, char_advances(font, key)


class AsciiLook:
    """What a one-pass paint's plain cells of printable ASCII text are drawn with: the view's
    option, the text drawer, and the fonts by italic and text colours by greyed. Such a cell
    is drawn from its `cell` answer alone: its option would hold only that answer's text,
    font and colour over the view's (as the table's delegate fills one in), and making and
    filling one was a dozen calls into Qt per new cell."""

    __slots__ = ("fonts", "keys", "option", "pens", "plain")

    def __init__(self, option: QStyleOptionViewItem, plain: PlainText,
                 fonts: tuple[QFont, QFont], pens: tuple[QColor, QColor],
                 keys: tuple[str, str]) -> None:
        self.option, self.plain, self.fonts, self.pens = option, plain, fonts, pens
        self.keys = keys  # the fonts' names among kept measures (`font_advances`)

    def takes(self, found: tuple[str | None, bool, bool]) -> bool:
        """Whether the cell of this `cell` answer is drawn by this look."""
        text, italic = found[0], found[1]
        return text is not None and self.plain.takes_ascii(text, italic, self.fonts[italic],
                                                           self.keys[italic])

    def draw(self, painter: QPainter, found: tuple[object, ...], place: Place) -> None:
        """Draw a cell it takes at `place` (x, y, width, height) on `painter`: its text's
        head when long (`cell_overflow.ascii_head`), as the style would."""
        text, italic, greyed = found[0], bool(found[1]), bool(found[2])
        assert isinstance(text, str)
        if long_enough_to_cut(text, place[2]):
            text = ascii_head(text, place[2], self.fonts[italic], self.keys[italic])
        self.plain.draw_ascii(painter, text, italic, self.pens[greyed], place)
