"""Pictures of the timeline (PNG, SVG, PDF), drawn by the timeline widget itself, offscreen.

The widget is not screenshotted: a fresh one is handed the events, laid out for the
requested width and range, and painted into an image, an SVG generator or a PDF writer, with
a title line above it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from viewer.core.atomic import create_temporary
from viewer.core.events import Event
from viewer.core.periods import Period
from viewer.core.topics import Taxonomy
from viewer.ui.timeline_paint import AXIS_HEIGHT
from viewer.ui.timeline_widget import TimelineWidget

TITLE_HEIGHT = 34.0


def _widget(events: Sequence[Event], width: int, mode: str, taxonomy: Taxonomy | None,
            visible: tuple[dt.date, dt.date] | None,
            periods: tuple[Period, ...] = ()) -> TimelineWidget:
    widget = TimelineWidget()
    widget.periods = periods
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(width, 400)
    widget.render_width = float(width)
    if taxonomy is not None:
        widget.set_taxonomy(taxonomy)
    widget.mode = mode
    rows = list(range(len(events)))
    widget.set_events(events, rows)
    widget.fit()
    if visible is not None:
        first, last = visible
        from viewer.core.scene import fit_scale

        widget.scale = fit_scale(first.toordinal(), last.toordinal(), widget.content_width(),
                                 margin=0, right=0)
        widget._user_zoomed = True
        widget._apply_scale(int(widget.scale.x(first.toordinal())))
    return widget


def _height(widget: TimelineWidget) -> int:
    scene_height = widget.scene.height if widget.scene is not None else 100.0
    return int(TITLE_HEIGHT + AXIS_HEIGHT + scene_height + 20)


def _paint(widget: TimelineWidget, painter: QPainter, width: int, height: int,
           title: str) -> None:
    painter.fillRect(QRectF(0, 0, width, height), widget.palette().base())
    font = QFont(painter.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(widget.palette().text().color()))
    painter.drawText(QRectF(10, 4, width - 20, TITLE_HEIGHT - 6),
                     Qt.AlignmentFlag.AlignVCenter, title)
    painter.restore()
    scroll = (widget.horizontalScrollBar().value(), 0)
    widget.paint(painter, QRectF(0, TITLE_HEIGHT, width, height - TITLE_HEIGHT), scroll)


def render_picture(events: Sequence[Event], fmt: str, path: str | Path, title: str,
                   width: int = 1600, scale: float = 1.0, mode: str = "party",
                   taxonomy: Taxonomy | None = None,
                   visible: tuple[dt.date, dt.date] | None = None,
                   periods: tuple[Period, ...] = ()) -> None:
    """Write the timeline of `events` as PNG, SVG or PDF to `path`, atomically."""
    widget = _widget(events, width, mode, taxonomy, visible, periods)
    height = _height(widget)
    path = Path(path)
    fd, tmp_path = create_temporary(path, f".part.{fmt}")
    os.close(fd)
    tmp = str(tmp_path)
    try:
        if fmt == "png":
            image = QImage(int(width * scale), int(height * scale),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(scale)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _paint(widget, painter, width, height, title)
            painter.end()
            # PySide6's stubs type `format` as bytes, but at run time it accepts only str.
            if not image.save(tmp, "PNG"):  # type: ignore[call-overload]
                raise OSError(f"could not write {path}")
        elif fmt == "svg":
            generator = QSvgGenerator()
            generator.setFileName(tmp)
            generator.setSize(QSize(width, height))
            generator.setViewBox(QRectF(0, 0, width, height))
            generator.setTitle(title)
            painter = QPainter(generator)
            _paint(widget, painter, width, height, title)
            painter.end()
        elif fmt == "pdf":
            writer = QPdfWriter(tmp)
            writer.setTitle(title)
            writer.setResolution(96)
            points = QSizeF(width * 0.75, height * 0.75)  # 96 dpi pixels to points
            writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Unit.Point, "Timeline",
                                                       QPageSize.SizeMatchPolicy.ExactMatch),
                                             QPageLayout.Orientation.Portrait,
                                             QMarginsF(0, 0, 0, 0)))
            painter = QPainter(writer)
            _paint(widget, painter, width, height, title)
            painter.end()
        else:
            raise ValueError(f"not a picture format: {fmt}")
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
        widget.deleteLater()
