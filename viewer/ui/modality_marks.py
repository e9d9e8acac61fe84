"""Modality as a visual channel, conflicts as a badge, and the reporting lag as a thin line.

Solid marks are things that happened (filled when the sentence dates itself, as before);
planned or possible events are hollow with a dashed outline; claims and denials are hatched.
A cluster whose sources disagree carries a small red "!" badge. With View ▸ Reporting Lag on,
each mark has a thin line back to the day its article reported it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen

from viewer.core.events.document_events import Event
from viewer.core.scene.layout import Item, Scene

AHEAD = frozenset({"planned", "possible"})
SAID = frozenset({"claimed", "denied"})
CONFLICT_RED = QColor("#c62828")
LAG_GREY = QColor(120, 120, 120, 150)


def modal_kind(modality: str, kind: str) -> str:
    """The mark kind for an event's modality: `ahead` and `said` replace the date styles."""
    bar = kind.startswith("bar")
    if modality in AHEAD:
        return "bar-ahead" if bar else "ahead"
    if modality in SAID:
        return "bar-said" if bar else "said"
    return kind


def modal_style(colour: QColor, kind: str) -> tuple[QPen, QBrush] | None:
    """The pen and brush for the modality kinds, None for the others."""
    if kind in ("ahead", "bar-ahead"):
        pen = QPen(colour, 1.6)
        pen.setStyle(Qt.PenStyle.DashLine)
        return pen, QBrush(Qt.BrushStyle.NoBrush)
    if kind in ("said", "bar-said"):
        return QPen(colour.darker(130), 1.2), QBrush(colour, Qt.BrushStyle.BDiagPattern)
    return None


def paint_conflict_badge(painter: QPainter, x: float, y: float) -> None:
    """A red disc with "!" whose centre is (x, y)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(CONFLICT_RED)
    painter.drawEllipse(QPointF(x, y), 5.5, 5.5)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(x - 5.5, y - 6.5, 11, 12), Qt.AlignmentFlag.AlignCenter, "!")
    painter.restore()


def paint_lags(scene: Scene | None, events: Sequence[Event], painter: QPainter,
               items: list[Item], row_height: float) -> None:
    """A thin line from the day each shown mark was reported to the mark, and a tick there."""
    if scene is None:
        return
    painter.setPen(QPen(LAG_GREY, 1))
    for item in items:
        if item.kind == "badge":
            continue
        event = events[item.first]
        if event.reported is None or event.start is None:
            continue
        y = scene.item_y(item) + row_height / 2
        x = scene.scale.x(event.reported.toordinal() + 0.5)
        mark = item.x0 if x < item.x0 else item.x1 if x > item.x1 else x
        if abs(mark - x) < 1:
            continue
        painter.drawLine(QPointF(x, y), QPointF(mark, y))
        painter.drawLine(QPointF(x, y - 4), QPointF(x, y + 4))
