"""Period names on the timeline: one row per overlap so no two overprint, under the last lane.
When the lanes are taller than the view, the names keep a band of their own along its bottom
edge, on the background, and the lanes scroll that much further so none stays under it: a
name printed over the lanes hid their labels and read as one of them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from viewer.core.scene.layout import TimeScale
from viewer.core.store.periods import Period

NAME_HEIGHT = 18.0
NAME_GAP = 2.0  # between the last lane and the first row of names

Shown = list[tuple[float, float, Period]]  # each name's left, width and period


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


def named_at(periods: Sequence[Period], scale: TimeScale, left: float, sx: float
             ) -> list[tuple[float, Period]]:
    """The periods that reach the visible part (from `left`, scrolled to `sx`), each with
    where its name starts: its left edge, or the visible part's when it begins before."""
    return [(max(left, left + scale.x(p.start.toordinal()) - sx), p)
            for p in periods if left + scale.x(p.end.toordinal() + 1) - sx > left]


def name_layout(periods: Sequence[tuple[float, Period]], right: float, font: QFont
                ) -> tuple[Shown, list[int]]:
    """The names that show (from their left edge x, before `right`) and the row of each,
    in the italic of `font` they are drawn in."""
    metrics = QFontMetricsF(_italic(font))
    shown = [(a, min(metrics.horizontalAdvance(period.name) + 8, right - a), period)
             for a, period in sorted(periods, key=lambda pair: pair[0]) if a < right - 12]
    return shown, name_rows([(a, width) for a, width, _p in shown])


def names_height(periods: Sequence[tuple[float, Period]], right: float, font: QFont) -> float:
    """The height the names' rows take under the last lane, the gap above them included
    (none without a name that shows)."""
    rows = name_layout(periods, right, font)[1]
    return NAME_GAP + NAME_HEIGHT * (max(rows) + 1) if rows else 0.0


def paint_period_names(painter: QPainter, periods: Sequence[tuple[float, Period]],
                       band: tuple[float, float], lanes_bottom: float, bottom: float,
                       base: QColor) -> None:
    """Name each period from its left edge (x, period) within `band` (the lanes' left and
    right): under the last lane if it leaves room, else on a band of the background along
    the bottom edge, over whatever lanes reach there (the scroll range leaves room to
    scroll them above it)."""
    font = painter.font()
    shown, rows = name_layout(periods, band[1], font)
    needed = NAME_HEIGHT * (max(rows, default=-1) + 1)
    if not shown:
        return
    top = lanes_bottom + NAME_GAP
    if top + needed > bottom:
        top = bottom - needed
        painter.fillRect(QRectF(band[0], top - NAME_GAP, band[1] - band[0], needed + NAME_GAP),
                         base)
    italic = _italic(font)
    painter.setFont(italic)
    metrics = QFontMetricsF(italic)
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


def _italic(font: QFont) -> QFont:
    italic = QFont(font)
    italic.setItalic(True)
    return italic
