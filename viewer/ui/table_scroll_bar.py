"""A scroll bar that keeps its last few pictures and draws one again while the bar looks
the same as when it was drawn (the events table's vertical bar, the timeline's two bars).

Every filter change lays the table out again, and Qt's scroll area then raises both scroll
bars' containers, which repaints the vertical bar whole even when nothing on it moved
(about 1 ms of a filter change at 1600×1000, with the flush after it). At thousands of
rows a page of 13 rows is far below the smallest handle, so the handle stays the smallest
size at the top of the groove and the repaint drew the same pixels. This bar keeps the
picture the style drew and what it was drawn from (the style's rectangle for each of the
bar's parts, its state, palette and style, and whether it is at either end); a paint with
all of that unchanged draws the kept picture. The bar fills its own background with the
colour that was behind it, so the kept picture is opaque and its pixels exact. Any change
of look (a moved or resized handle, size, palette, style) is drawn by the style again, and
so is the bar while the pointer is over it or a mouse button is down (which part is
hovered or pressed is not in the style option).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QStyleOptionSlider, QWidget

KEPT_LOOKS = 4  # pictures kept per bar (a few bars' worth of pixels each)
_PARTS = (QStyle.SubControl.SC_ScrollBarSlider, QStyle.SubControl.SC_ScrollBarGroove,
          QStyle.SubControl.SC_ScrollBarSubLine, QStyle.SubControl.SC_ScrollBarAddLine,
          QStyle.SubControl.SC_ScrollBarSubPage, QStyle.SubControl.SC_ScrollBarAddPage)


class SteadyScrollBar(QScrollBar):
    """A scroll bar that draws its last picture again while its look is unchanged."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        # The kept picture is opaque, drawn over the bar's background colour: Qt fills the
        # bar with that colour first, so drawing the picture leaves what the style drew.
        self.setAutoFillBackground(True)
        # the last few looks' pictures, newest last: a filter toggled on and off again
        # alternates between two looks of the timeline's bars, each drawn once
        self._pictures: dict[tuple[object, ...], QPixmap] = {}

    def _look(self) -> tuple[object, ...]:
        """What the style draws the bar from when no part is hovered or pressed: its parts'
        rectangles, its state (enabled, active window), palette, style, and whether the
        value is at either end."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        control = QStyle.ComplexControl.CC_ScrollBar
        parts = tuple(style.subControlRect(control, option, part, self) for part in _PARTS)
        # The option's rectangle is copied: the option and what it holds go with this call.
        return (*parts, QRect(option.rect), option.state, option.activeSubControls,
                option.orientation, option.direction, option.upsideDown,
                option.sliderValue == option.minimum, option.sliderValue == option.maximum,
                option.minimum == option.maximum, option.palette.cacheKey(),
                style.objectName(), id(style), self.devicePixelRatioF(), self.isEnabled())

    def _handled(self) -> bool:
        """Whether the pointer is over the bar or a button is down: then which part is
        hovered or pressed shows, which the style option does not say."""
        return (self.underMouse() or self.isSliderDown()
                or QApplication.mouseButtons() != Qt.MouseButton.NoButton)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._handled() or self.width() <= 0 or self.height() <= 0:
            super().paintEvent(event)
            return
        look = self._look()
        picture = self._pictures.pop(look, None)
        if picture is None:
            picture = self._drawn()
            if len(self._pictures) >= KEPT_LOOKS:
                del self._pictures[next(iter(self._pictures))]
        self._pictures[look] = picture
        painter = QPainter(self)
        painter.drawPixmap(0, 0, picture)
        painter.end()

    def _drawn(self) -> QPixmap:
        """The bar as Qt's own paint event draws it with no part hovered or pressed."""
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.palette().color(self.backgroundRole()))
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        option.subControls = QStyle.SubControl.SC_All
        option.activeSubControls = QStyle.SubControl.SC_None
        painter = QPainter(picture)
        painter.setPen(QPen(self.palette().brush(self.foregroundRole()), 1))
        painter.setFont(self.font())
        self.style().drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter,
                                        self)
        painter.end()
        return picture
