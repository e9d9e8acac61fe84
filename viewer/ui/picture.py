"""Pictures of the timeline (PNG, SVG, PDF, and the HTML report's SVG), offscreen.

Nothing is screenshotted and no timeline is made: the events are laid out in a core `Scene` for
the requested width and range, and the window's own `TimelinePainter` draws that scene into an
image, an SVG generator or a PDF writer, under a title line, in the folder's taxonomy and tag
colours. A fitted picture ends at its last label: no empty axis after it.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator

from viewer.core.events.document_events import Event
from viewer.core.events.topics import Taxonomy
from viewer.core.scene.lane_names import lane_namer
from viewer.core.scene.layout import Scene, TimeScale, extent, fit_scale
from viewer.core.store.atomic_write import create_temporary
from viewer.core.store.periods import Period
from viewer.ui.lane_headers import AXIS_HEIGHT, HEADER_WIDTH
from viewer.ui.period_names import named_at, names_height
from viewer.ui.timeline_paint import TimelinePainter
from viewer.ui.timeline_view import TimelineColours, TimelineView, short_label

TITLE_HEIGHT = 34.0
LABEL_PAD = 12.0  # after the last label, so its final letter does not touch the edge


def _scene(events: Sequence[Event], rows: Sequence[int], mode: str, scale: TimeScale,
           sx: float, width: float, lane_label: Callable[[str], str]) -> Scene:
    metrics = QFontMetricsF(QGuiApplication.font())
    return Scene(events, rows, mode, scale, measure=metrics.horizontalAdvance,
                 label_of=short_label, window=(sx - width, sx + 2 * width),
                 lane_label=lane_label)


def last_label_end(scene: Scene) -> float:
    """Content x where the rightmost mark or label ends."""
    end = -math.inf
    for item in scene.visible(-math.inf, math.inf):
        label = scene.label(item)
        end = max(end, item.x1 + (4 + scene.measure(label) if label else 0.0))
    return end


def picture_painter(events: Sequence[Event], width: int, mode: str = "party",
                    taxonomy: Taxonomy | None = None, tags: Mapping[str, str] | None = None,
                    visible: tuple[dt.date, dt.date] | None = None,
                    periods: tuple[Period, ...] = (),
                    titles: Mapping[str, str] | None = None) -> TimelinePainter:
    """The window's painter, set up for a picture `width` pixels wide: fitted to the events
    and ending at the last label, or showing the days of `visible`. Lanes are named as the
    window names them (`titles`: each article's title, for document lanes)."""
    colours = TimelineColours.of(QGuiApplication.palette(), taxonomy, tags)
    names = lane_namer(mode, colours.taxonomy, titles)
    rows = list(range(len(events)))
    content = max(200.0, width - HEADER_WIDTH)
    span = extent(events, rows)
    if visible is not None:
        first, last = visible
        scale = fit_scale(first.toordinal(), last.toordinal(), content, margin=0, right=0)
        sx = scale.x(first.toordinal())
        scene = _scene(events, rows, mode, scale, sx, content, names)
    elif span is not None:
        right = min(260.0, content / 3)
        scale = fit_scale(span[0], span[1], content, right=right)
        sx = float(int(scale.x(span[0]) - 30))
        scene = _scene(events, rows, mode, scale, sx, content, names)
        # Fit again with just the room the last labels take, so the picture ends there.
        needed = last_label_end(scene) - scale.x(span[1] + 1) + LABEL_PAD
        right = min(max(LABEL_PAD, needed), content / 2)
        scale = fit_scale(span[0], span[1], content, right=right)
        sx = float(int(scale.x(span[0]) - 30))
        scene = _scene(events, rows, mode, scale, sx, content, names)
    else:
        scale, sx = TimelineView().scale, 0.0
        scene = _scene(events, rows, mode, scale, sx, content, names)
    view = TimelineView(events, rows, scale, (sx, 0.0), mode, periods=periods)
    painter = TimelinePainter(scene, view, colours)
    painter.refresh_legend()
    return painter


def _height(painter: TimelinePainter, width: int) -> int:
    """The picture's height: the title, the axis, the lanes, and the period names' rows
    under the last lane (at least a margin): a picture never needs their band."""
    scene_height = painter.scene.height if painter.scene is not None else 100.0
    view = painter.view
    names = (names_height(named_at(view.periods, view.scale, HEADER_WIDTH, view.scroll[0]),
                          width, QGuiApplication.font())
             if painter.scene is not None else 0.0)
    return int(TITLE_HEIGHT + AXIS_HEIGHT + scene_height + max(20.0, names))


def _paint(timeline: TimelinePainter, painter: QPainter, width: int, height: int,
           title: str) -> None:
    painter.fillRect(QRectF(0, 0, width, height), timeline.colours.base)
    font = QFont(painter.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(timeline.colours.text))
    shown = QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, width - 20)
    painter.drawText(QRectF(10, 4, width - 20, TITLE_HEIGHT - 6),
                     Qt.AlignmentFlag.AlignVCenter, shown)  # a long filter is cut, not lost
    painter.restore()
    timeline.paint(painter, QRectF(0, TITLE_HEIGHT, width, height - TITLE_HEIGHT))


def _svg_generator(width: int, height: int, title: str) -> QSvgGenerator:
    """An SVG canvas at the screen's resolution: the labels were measured with the screen's
    font metrics, and at the generator's default 72 dpi their text came out a quarter
    smaller than the room it was fitted to, leaving a gap after every label."""
    generator = QSvgGenerator()
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(round(QFontMetricsF(QGuiApplication.font()).fontDpi()))
    generator.setTitle(title)
    return generator


def picture_svg(events: Sequence[Event], title: str, width: int = 1200, mode: str = "party",
                taxonomy: Taxonomy | None = None, tags: Mapping[str, str] | None = None,
                periods: tuple[Period, ...] = (),
                titles: Mapping[str, str] | None = None) -> str:
    """The timeline as SVG text, for the HTML report: the same drawing as an SVG export."""
    timeline = picture_painter(events, width, mode, taxonomy, tags, None, periods, titles)
    height = _height(timeline, width)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = _svg_generator(width, height, title)
    generator.setOutputDevice(buffer)
    painter = QPainter(generator)
    _paint(timeline, painter, width, height, title)
    painter.end()
    buffer.close()
    text = bytes(data.data()).decode("utf-8")
    return text[text.index("<svg"):]  # inline in HTML: no XML declaration or doctype


def render_picture(events: Sequence[Event], fmt: str, path: str | Path, title: str,
                   width: int = 1600, scale: float = 1.0, mode: str = "party",
                   taxonomy: Taxonomy | None = None,
                   visible: tuple[dt.date, dt.date] | None = None,
                   periods: tuple[Period, ...] = (),
                   tags: Mapping[str, str] | None = None,
                   titles: Mapping[str, str] | None = None) -> None:
    """Write the timeline of `events` as PNG, SVG or PDF to `path`, atomically."""
    timeline = picture_painter(events, width, mode, taxonomy, tags, visible, periods, titles)
    height = _height(timeline, width)
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
            _paint(timeline, painter, width, height, title)
            painter.end()
            # PySide6's stubs type `format` as bytes, but at run time it accepts only str.
            if not image.save(tmp, "PNG"):  # type: ignore[call-overload]
                raise OSError(f"could not write {path}")
        elif fmt == "svg":
            generator = _svg_generator(width, height, title)
            generator.setFileName(tmp)
            painter = QPainter(generator)
            _paint(timeline, painter, width, height, title)
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
            _paint(timeline, painter, width, height, title)
            painter.end()
        else:
            raise ValueError(f"not a picture format: {fmt}")
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
