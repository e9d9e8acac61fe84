"""The overview strip above the timeline: how many events fall where over the whole span of
the shown events (a histogram), with the visible window as a lens that can be dragged to pan
and resized by its edges to zoom. Press outside the lens to centre it there."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.core.events.document_events import Event
from viewer.core.scene.density import histogram
from viewer.core.scene.layout import extent
from viewer.core.words import plural

EDGE = 5.0  # pixels either side of a lens edge that grab the edge instead of the lens
MIN_LENS_DAYS = 0.5


class OverviewStrip(QWidget):
    """Emits the day range (first, last ordinal, fractional) the user moved the lens to."""

    rangeRequested = Signal(float, float)

    def __init__(self, left: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.left = left  # aligns the strip's days with the timeline's content area
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.counts: list[int] = []
        self.span: tuple[int, int] | None = None
        self.lens: tuple[float, float] = (0.0, 0.0)
        self._events: Sequence[Event] = ()
        self._rows: Sequence[int] = ()
        self._drag: tuple[str, float, tuple[float, float]] | None = None
        self._bars: list[QRectF] = []  # the histogram's rectangles, set anew at each paint
        # A Tab stop, so the keyboard can move the lens too (← →, Home, End, + −).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("Event density over the whole span. Drag the lens to move, its "
                        "edges to zoom; click elsewhere to jump there. With the keyboard: "
                        "← → move the lens, Home and End go to the ends, + and − zoom.")

    def sizeHint(self) -> QSize:
        return QSize(600, 44)

    # -- data ------------------------------------------------------------------------------
    def set_events(self, events: Sequence[Event], rows: Sequence[int],
                   span: tuple[int, int] | None = None) -> None:
        """`span`: the rows' first and last day when the caller knows it already."""
        self._events, self._rows = events, rows
        found = span if span is not None else extent(events, rows)
        self.span = (found[0], found[1] + 1) if found else None  # end exclusive
        self._bin()
        self.update()

    def set_lens(self, first: float, last: float) -> None:
        self.lens = (first, last)
        self.update()

    def _bin(self) -> None:
        width = int(self._width())
        if self.span is None or width <= 0:
            self.counts = []
            return
        bins = max(1, width // 5)
        self.counts = histogram(self._events, self._rows, self.span[0], self.span[1] - 1, bins)

    # -- geometry --------------------------------------------------------------------------
    def _width(self) -> float:
        return max(0.0, self.width() - self.left - 8)

    def x_of(self, ordinal: float) -> float:
        if self.span is None:
            return self.left
        first, last = self.span
        return self.left + (ordinal - first) / max(1, last - first) * self._width()

    def ordinal_at(self, x: float) -> float:
        if self.span is None:
            return 0.0
        first, last = self.span
        return first + (x - self.left) / max(1.0, self._width()) * (last - first)

    def resizeEvent(self, event: object) -> None:
        self._bin()

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        area = QRectF(self.left, 3, self._width(), self.height() - 6)
        painter.fillRect(area, base)
        if self.hasFocus():  # where the keys go, shown as the lens's colour round the strip
            painter.setPen(QPen(highlight, 1.5))
            painter.drawRect(area.adjusted(-1, -1, 1, 1))
        painter.setPen(text if self.hasFocus() else muted)  # and its title in the text colour
        painter.drawText(QRectF(8, 0, self.left - 12, self.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         f"Overview\n{plural(sum(self.counts), 'dated event')}")
        if self.span is None or not self.counts:
            return
        peak = max(self.counts) or 1
        step = area.width() / len(self.counts)
        bar = QColor(muted)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar)
        # One call for all the bars (a call per bar was most of the strip's paint); the
        # same rectangles, drawn in the same order.
        left, bottom, tall, wide = area.left(), area.bottom(), area.height() - 4, max(1.0, step - 1)
        # The bars' places and heights as array work, set on the kept rectangles by one `map`
        # (a Python expression per bar was 0.1 ms of a filter change's repaint; a rectangle
        # made and freed per bar and paint cost twice one set anew).
        counts = np.asarray(self.counts, dtype=np.float64)
        index = np.flatnonzero(counts)
        heights = np.maximum(2.0, (counts[index] / peak) ** 0.5 * tall)
        bars, shown = self._bars, len(index)
        if len(bars) < shown:
            bars += [QRectF() for _ in range(shown - len(bars))]
        del bars[shown:]
        deque(map(QRectF.setRect, bars, (left + index * step).tolist(),
                  (bottom - heights).tolist(), itertools.repeat(wide), heights.tolist()),
              maxlen=0)
        painter.drawRects(bars)
        a = max(area.left(), self.x_of(self.lens[0]))
        b = min(area.right(), self.x_of(self.lens[1]))
        if b < a + 3:
            a, b = a - 1.5, a + 1.5
        fill = QColor(highlight)
        fill.setAlpha(50)
        painter.setBrush(fill)
        painter.setPen(QPen(highlight, 1.5))
        painter.drawRect(QRectF(a, area.top(), b - a, area.height()))
        painter.setPen(QPen(text, 2))
        for x in (a, b):
            painter.drawLine(QPointF(x, area.top() + 8), QPointF(x, area.bottom() - 8))
        painter.end()

    # -- input -----------------------------------------------------------------------------
    def _part_at(self, x: float) -> str:
        a, b = self.x_of(self.lens[0]), self.x_of(self.lens[1])
        if abs(x - a) <= EDGE:
            return "left"
        if abs(x - b) <= EDGE:
            return "right"
        return "lens" if a < x < b else "outside"

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.span is None or event.button() != Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        part = self._part_at(x)
        if part == "outside":  # jump: centre the lens here, then drag it from there
            half = (self.lens[1] - self.lens[0]) / 2
            centre = self.ordinal_at(x)
            self.lens = (centre - half, centre + half)
            self.rangeRequested.emit(*self.lens)
            part = "lens"
        self._drag = (part, x, self.lens)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._drag is None:
            part = self._part_at(x)
            self.setCursor(Qt.CursorShape.SizeHorCursor if part in ("left", "right") else
                           Qt.CursorShape.OpenHandCursor if part == "lens" else
                           Qt.CursorShape.PointingHandCursor)
            return
        self._move_to(x)

    def _move_to(self, x: float) -> None:
        assert self._drag is not None
        part, start_x, (first, last) = self._drag
        delta = self.ordinal_at(x) - self.ordinal_at(start_x)
        if part == "lens":
            first, last = first + delta, last + delta
        elif part == "left":
            first = min(first + delta, last - MIN_LENS_DAYS)
        else:
            last = max(last + delta, first + MIN_LENS_DAYS)
        self.lens = (first, last)
        self.update()
        self.rangeRequested.emit(first, last)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Move the lens by a quarter of its width, to an end, or zoom it about its centre."""
        if self.span is None:
            super().keyPressEvent(event)
            return
        first, last = self.lens
        width = max(MIN_LENS_DAYS, last - first)
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = width / 4 * (-1 if key == Qt.Key.Key_Left else 1)
            first, last = first + step, last + step
        elif key == Qt.Key.Key_Home:
            first, last = self.span[0], self.span[0] + width
        elif key == Qt.Key.Key_End:
            first, last = self.span[1] - width, self.span[1]
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            centre = (first + last) / 2
            half = width / 2 * (0.5 if key != Qt.Key.Key_Minus else 2.0)
            half = max(MIN_LENS_DAYS / 2, half)
            first, last = centre - half, centre + half
        else:
            super().keyPressEvent(event)
            return
        self.lens = (first, last)
        self.update()
        self.rangeRequested.emit(first, last)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None

    def drag(self, part: str, from_x: float, to_x: float) -> None:
        """Drag a part of the lens ("lens", "left", "right") programmatically (tests)."""
        self._drag = (part, from_x, self.lens)
        self._move_to(to_x)
        self._drag = None
