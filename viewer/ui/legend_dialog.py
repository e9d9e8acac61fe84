"""Help ▸ Legend: every mark the timeline draws, drawn by the timeline's own styles, with
what it means: colours, dot styles, bars, badges, selection, triangles, periods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout

from viewer.ui.item_batch import DARK_COUNT, bin_shade
from viewer.ui.modality_marks import LAG_GREY, paint_conflict_badge

if TYPE_CHECKING:
    from viewer.ui.timeline_widget import TimelineWidget

ROW = 24
SAMPLE = 60


def legend_rows(timeline: TimelineWidget) -> list[tuple[str, str, QColor]]:
    """(shape, meaning, colour) for each line of the legend."""
    palette = timeline.palette()
    text = palette.color(QPalette.ColorRole.Text)
    colour_of = "party (first named)" if timeline.mode == "topic" else "topic (first found)"
    rows = [("dot", f"{label} — colour of the {colour_of}", colour)
            for label, colour in timeline.legend_entries()]
    grey = QColor("#607d8b")
    none = timeline.colour_of_nothing()
    rows += [
        ("dot", f"grey (dot, bar or badge): no {colour_of.split(' ')[0]} to colour it by", none),
        ("explicit", "a day the sentence itself names", grey),
        ("ring", "a day inherited from the story's focus", grey),
        ("document", "the article's publication date (nothing more precise found)", grey),
        ("bar", "a span: week, month, quarter… the sentence names", grey),
        ("bar-dashed", "a span inherited or taken from the publication date", grey),
        ("bar-fuzzy", "a vague span (a year, 'recently'): the paler, the vaguer", grey),
        ("ahead", "planned or possible: not yet happened when reported (hollow, dashed)", grey),
        ("said", "claimed or denied by one side (hatched)", grey),
        ("conflict", "sources disagree on its date, a figure or who took part", grey),
        ("lag", "reporting lag: from the day it was reported (View ▸ Reporting Lag)", grey),
        ("badge", "events too close to tell apart: hover to count, double-click to zoom", grey),
        ("badge-label", "grey text: a badge's first sentence, standing for all its events", grey),
        ("bin", "a crowded lane: events per stretch of days, darker where more", grey),
        ("tag", "a small square: the event is tagged (its first tag's colour)", QColor("#d32f2f")),
        ("selected", "selected event(s); drag the current one's ends to change its dates", text),
        ("triangle", "publication date of an article (on the axis)", text),
        ("period", "a period you named (View ▸ Periods…)", QColor("#b39ddb")),
        ("bands", "grey bands: every other month (zoomed in) or year (zoomed out)", text),
    ]
    return rows


def legend_pixmap(timeline: TimelineWidget, width: int = 640) -> QPixmap:
    rows = legend_rows(timeline)
    pixmap = QPixmap(width, ROW * len(rows) + 12)
    palette = timeline.palette()
    pixmap.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = palette.color(QPalette.ColorRole.Text)
    for index, (shape, meaning, colour) in enumerate(rows):
        y = 6 + index * ROW + ROW / 2
        _sample(timeline, painter, shape, colour, y)
        painter.setPen(text)
        painter.drawText(QRectF(SAMPLE + 16, y - ROW / 2, width - SAMPLE - 20, ROW),
                         Qt.AlignmentFlag.AlignVCenter, meaning)
    painter.end()
    return pixmap


def _sample(timeline: TimelineWidget, painter: QPainter, shape: str, colour: QColor,
            y: float) -> None:
    centre = QPointF(SAMPLE / 2 + 8, y)
    if shape == "conflict":
        paint_conflict_badge(painter, centre.x(), y)
    elif shape == "lag":
        painter.setPen(QPen(LAG_GREY, 1))
        painter.drawLine(QPointF(12, y), QPointF(SAMPLE - 2, y))
        painter.drawLine(QPointF(12, y - 4), QPointF(12, y + 4))
        pen, brush = timeline.painter.style(colour, "explicit")
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.drawEllipse(QPointF(SAMPLE + 1, y), 5.0, 5.0)
    elif shape in ("dot", "explicit", "ring", "document", "ahead", "said"):
        kind = "explicit" if shape == "dot" else shape
        pen, brush = timeline.painter.style(colour, kind)
        painter.setPen(pen)
        painter.setBrush(brush)
        radius = 5.0 if kind == "explicit" else 4.5
        painter.drawEllipse(centre, radius, radius)
    elif shape.startswith("bar"):
        pen, brush = timeline.painter.style(colour, shape)
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.drawRoundedRect(QRectF(12, y - 5, SAMPLE - 8, 10), 3, 3)
    elif shape == "badge":
        pen, brush = timeline.painter.style(colour, "badge")
        box = QRectF(centre.x() - 11, y - 7, 22, 14)
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.drawRoundedRect(box, 7, 7)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "7")
    elif shape == "bin":
        base = timeline.palette().color(QPalette.ColorRole.Base)
        for n, level in enumerate((1, 3)):
            fill, dark = bin_shade(colour, base, level)
            box = QRectF(centre.x() - 24 + n * 25, y - 7, 24, 14)
            painter.fillRect(box, fill)
            painter.setPen(QColor(DARK_COUNT if dark else "white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, ("12", "85")[n])
    elif shape == "selected":
        pen, brush = timeline.painter.style(QColor("#607d8b"), "bar")
        painter.setPen(QPen(colour, 2))
        painter.setBrush(brush)
        painter.drawRoundedRect(QRectF(12, y - 5, SAMPLE - 8, 10), 3, 3)
    elif shape == "triangle":
        path = QPainterPath()
        path.moveTo(centre.x(), y + 4)
        path.lineTo(centre.x() - 4, y - 3)
        path.lineTo(centre.x() + 4, y - 3)
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
    elif shape == "badge-label":
        painter.setPen(timeline.painter.badge_text)
        painter.drawText(QRectF(4, y - ROW / 2, SAMPLE + 8, ROW), Qt.AlignmentFlag.AlignVCenter,
                         "Talks…")
    elif shape == "tag":
        painter.setPen(QPen(colour.darker(140), 1))
        painter.setBrush(QColor("#607d8b"))
        painter.drawEllipse(centre, 5.0, 5.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(centre.x() + 4, y - 9, 5, 5))
    elif shape == "bands":
        band = QColor(timeline.palette().color(QPalette.ColorRole.PlaceholderText))
        band.setAlpha(22)
        for step in (0, 2):
            painter.fillRect(QRectF(12 + step * (SAMPLE - 8) / 4, y - ROW / 2 + 2,
                                    (SAMPLE - 8) / 4, ROW - 4), band)
    elif shape == "period":
        fill = QColor(colour)
        fill.setAlpha(70)
        painter.fillRect(QRectF(12, y - ROW / 2 + 2, SAMPLE - 8, ROW - 4), fill)


class LegendDialog(QDialog):
    def __init__(self, timeline: TimelineWidget) -> None:
        super().__init__(timeline.window())
        self.setWindowTitle("Legend")
        image = QLabel()
        image.setPixmap(legend_pixmap(timeline))
        scroll = QScrollArea()
        scroll.setWidget(image)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(690, min(620, image.pixmap().height() + 80))
