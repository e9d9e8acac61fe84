"""Period names on the timeline: one row per overlap so no two overprint, placed under the
last lane when there is room there (the window and pictures share this)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from viewer.core.store.periods import Period

NAME_HEIGHT = 18.0


def name_rows(spans: Sequence[tuple[float, float]], gap: float = 4.0) -> list[int]:
    """The row of each name (left, width), given in left order: the first row it fits in."""
    row_ends: list[float] = []
    rows: list[int] = []
    for left, width in spans:
        row = next((i for i, end in enumerate(row_ends) if end <= left), len(row_ends))
        if row == len(row_ends):
            row_ends.append(0.0)
        row_ends[row] = left + width + gap
        rows.append(row)
    return rows


def paint_period_names(painter: QPainter, periods: Sequence[tuple[float, Period]],
                       right: float, lanes_bottom: float, bottom: float, base: QColor) -> None:
    """Name each period from its left edge (x, period); below the lanes if they leave room,
    else along the bottom edge on a chip of the background so the name stays legible."""
    font = painter.font()
    italic = QFont(font)
    italic.setItalic(True)
    painter.setFont(italic)
    metrics = QFontMetricsF(italic)
    shown = [(a, min(metrics.horizontalAdvance(period.name) + 8, right - a), period)
             for a, period in sorted(periods, key=lambda pair: pair[0]) if a < right - 12]
    rows = name_rows([(a, width) for a, width, _p in shown])
    needed = NAME_HEIGHT * (max(rows, default=-1) + 1)
    top = lanes_bottom + 2 if lanes_bottom + 2 + needed <= bottom else bottom - needed
    chip = QColor(base)
    chip.setAlpha(225)
    for (a, width, period), row in zip(shown, rows, strict=True):
        box = QRectF(a, top + row * NAME_HEIGHT, width, NAME_HEIGHT - 1)
        painter.fillRect(box, chip)
        painter.setPen(QColor(period.colour).darker(160))
        text = metrics.elidedText(period.name, Qt.TextElideMode.ElideRight, width - 6)
        painter.drawText(box.adjusted(3, 0, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.setFont(font)
