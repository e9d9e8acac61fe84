"""The timeline's header column: each lane's colour, name and count, and over the axis band
the lane mode and how many events are shown. Also the geometry the painter and the widget
share: the header column's width and the axis band's height."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from viewer.core.scene.layout import LANE_PAD, Scene
from viewer.core.words import plural
from viewer.ui.palette import over
from viewer.ui.text_widths import text_widths
from viewer.ui.timeline_view import TimelineView

AXIS_HEIGHT = 54.0
HEADER_WIDTH = 150.0
MODE_NAMES = {"party": "Lanes: party", "topic": "Lanes: topic", "document": "Lanes: document",
              "tag": "Lanes: tag", "single": "One lane"}


def paint_header_rule(painter: QPainter, rect: QRectF, muted: QColor, base: QColor) -> QColor:
    """The line between the header column and the lanes; returns its colour. It straddles
    the column's edge: a kept picture of the column holds its inner half, and the window
    draws it again clipped to the lanes' side for the outer half."""
    rule = over(muted, base) if base.alpha() == 255 else muted  # over the header's fill
    painter.setPen(QPen(rule, 0.8))
    painter.drawLine(QPointF(rect.left() + HEADER_WIDTH, rect.top()),
                     QPointF(rect.left() + HEADER_WIDTH, rect.bottom()))
    return rule


def header_key(rect: QRectF, sy: float, scene: Scene, view: TimelineView,
               lane_colour: Callable[[str], QColor],
               inks: tuple[QColor, QColor, QColor]) -> tuple[object, ...]:
    """Everything `paint_lane_headers` shows, by value: the lanes in view (name, count,
    place, colour), the lane mode, the number of events, the inks and the size."""
    lanes = tuple((lane.key, lane.label, lane.count, lane.y, lane.height,
                   lane_colour(lane.key).rgba())
                  for lane in scene.lanes
                  if not (rect.top() + AXIS_HEIGHT + lane.y - sy > rect.bottom()
                          or rect.top() + AXIS_HEIGHT + lane.y - sy + lane.height
                          < rect.top() + AXIS_HEIGHT))
    return ("headers", rect.getRect(), sy, lanes, view.mode, len(view.rows),
            *(ink.rgba() for ink in inks))


def lane_name_at(rect: QRectF, sy: float, scene: Scene, pos: QPointF) -> str | None:
    """The whole name and count of the lane whose header is at `pos` (the header cuts a long
    name: "Nordvale Phar…"), or None off the headers."""
    left, below_axis = rect.left(), rect.top() + AXIS_HEIGHT
    if not left <= pos.x() < left + HEADER_WIDTH or pos.y() < below_axis:
        return None
    for lane in scene.lanes:
        top = below_axis + lane.y - sy
        if top <= pos.y() < top + lane.height:
            return f"{lane.label} ({lane.count:,} events)"
    return None


def paint_lane_headers(painter: QPainter, rect: QRectF, sy: float, scene: Scene,
                       view: TimelineView, lane_colour: Callable[[str], QColor],
                       inks: tuple[QColor, QColor, QColor]) -> None:
    """The header column of `rect` scrolled down by `sy`, in the inks (text, muted, base)."""
    text, muted, base = inks
    painter.fillRect(QRectF(rect.left(), rect.top(), HEADER_WIDTH, rect.height()), base)
    rule = paint_header_rule(painter, rect, muted, base)
    cut = text_widths(painter.font())  # each lane's name cut to its header once per font
    painter.save()
    painter.setClipRect(QRectF(rect.left(), rect.top() + AXIS_HEIGHT, HEADER_WIDTH,
                               rect.height() - AXIS_HEIGHT))
    for lane in scene.lanes:
        top = rect.top() + AXIS_HEIGHT + lane.y - sy
        if top > rect.bottom() or top + lane.height < rect.top() + AXIS_HEIGHT:
            continue
        label = cut.elided(lane.label, HEADER_WIDTH - 44)
        painter.fillRect(QRectF(rect.left() + 4, top + LANE_PAD, 3, lane.height - 12),
                         lane_colour(lane.key))
        painter.setPen(text)
        painter.drawText(QPointF(rect.left() + 12, top + LANE_PAD + 13), label)
        painter.setPen(muted)
        painter.drawText(QRectF(rect.left(), top + LANE_PAD, HEADER_WIDTH - 6, 16),
                         Qt.AlignmentFlag.AlignRight, str(lane.count))
        painter.setPen(QPen(rule, 0.5))
        painter.drawLine(QPointF(rect.left(), top + lane.height),
                         QPointF(rect.left() + HEADER_WIDTH, top + lane.height))
    painter.restore()
    painter.setPen(muted)
    painter.drawText(QRectF(rect.left() + 8, rect.top() + 4, HEADER_WIDTH - 12, 18),
                     Qt.AlignmentFlag.AlignLeft, MODE_NAMES[view.mode])
    painter.drawText(QRectF(rect.left() + 8, rect.top() + 22, HEADER_WIDTH - 12, 18),
                     Qt.AlignmentFlag.AlignLeft, plural(len(view.rows), "event"))
