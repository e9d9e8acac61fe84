"""Painting the timeline: bands and ticks, lanes, items, headers, the key.

A drawer over a view state: it reads a core `Scene`, a `TimelineView` (zoom, scroll,
selection, periods) and `TimelineColours`, never a widget, so the window, printing, every
picture and the HTML report call this one painter.
"""

from __future__ import annotations

import bisect
import datetime as dt
import weakref
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
)

from viewer.core.events.document_events import Event
from viewer.core.scene.lanes import first_value_counts
from viewer.core.scene.layout import ROW_HEIGHT, Item, Scene, ticks
from viewer.ui.axis_labels import spaced_labels
from viewer.ui.batch_spares import Spares
from viewer.ui.font_advances import char_advances
from viewer.ui.item_batch import BatchBuilder, ItemBatch, paint_batch
from viewer.ui.kept_decorations import KeptDecorations
from viewer.ui.kept_pictures import keeps_pictures
from viewer.ui.label_paint import LabelPainter
from viewer.ui.lane_headers import AXIS_HEIGHT, HEADER_WIDTH, paint_lane_headers
from viewer.ui.legend_paint import Key, paint_legend
from viewer.ui.mark_styles import mark_style
from viewer.ui.modality_marks import paint_lags
from viewer.ui.palette import over, party_colour
from viewer.ui.period_names import named_at, paint_period_names
from viewer.ui.publication_marks import strip_path
from viewer.ui.text_widths import text_widths
from viewer.ui.timeline_view import TimelineColours, TimelineView

TRIANGLE_STRIP = 9.0
KEPT_BATCHES = 2  # as many as the widget keeps scenes (`KeptScenes`)

#: Something drawn over the lanes after the items (the widget's re-date preview): it gets
#: the painter, the lanes' left and top, and the scroll.
Overlay = Callable[[QPainter, float, float, float, float], None]


class TimelinePainter:
    """Paints a scene as a view state and a set of colours say, and keeps the pens, brushes
    and colours it makes so that a paint of thousands of items does not build thousands of
    Qt objects. The owner hands it a new view (and scene, colours) with `show` per paint."""

    def __init__(self, scene: Scene | None, view: TimelineView,
                 colours: TimelineColours) -> None:
        self.scene = scene
        self.view = view
        self.colours = colours
        self.labels = LabelPainter(self)
        self.cache: dict[tuple[str, str], QColor] = {}
        self.legend: list[tuple[str, QColor]] = []
        self.legend_rows: list[list[Key]] = []  # the key's lines as last painted
        self._styles: dict[tuple[int, str, bool], tuple[QPen, QBrush]] = {}
        self.quick_dashes = False  # on a screen or an image at its own scale: hairline dashes
        self.selected_pen = QPen()
        self._white = QColor("white")
        self.badge_text = QColor("gray")
        empty: list[tuple[dt.date, str]] = []
        self._doc_days: tuple[object, npt.NDArray[np.float64]] = (empty, np.zeros(0))
        self._strip: tuple[tuple[float, ...], QPainterPath] = ((), QPainterPath())
        self.batches = BatchBuilder(self)
        self.pictures = KeptDecorations(self)
        # the batches of the last scenes painted, newest first, each with a weak reference
        # to its scene (matched by identity, so an id reused by a later scene never finds
        # it, and a scene dropped by the widget is not kept alive here): a filter turned
        # off again shows a kept scene (`KeptScenes`), and its batch with it
        self._built: list[tuple[tuple[object, ...], ItemBatch, Callable[[], Scene | None]]] = [
            ((), ItemBatch(), _no_scene)]

    def show(self, scene: Scene | None, view: TimelineView,
             colours: TimelineColours) -> None:
        """What to paint next; the colour cache goes when the colours or the lane mode do."""
        if colours is not self.colours or view.mode != self.view.mode:
            self.cache.clear()
        self.scene, self.view, self.colours = scene, view, colours

    def paint(self, painter: QPainter, rect: QRectF, legend: bool = True,
              overlay: Overlay | None = None, kept: bool = False) -> None:
        """Draw the view's visible part into `rect`, for a window, a page or a picture.
        With `kept` (the window), the axis and the lane headers come from kept pictures
        where the painter allows (`keeps_pictures`)."""
        base, text, muted = self.colours.base, self.colours.text, self.colours.muted
        sx, sy = self.view.scroll
        width = rect.width() - HEADER_WIDTH
        x0, x1 = sx, sx + width
        shows = self.scene is not None and any(lane.events for lane in self.scene.lanes)
        layered = (kept and shows and base.alpha() == 255 and rect.x() == 0 and rect.y() == 0
                   and keeps_pictures(painter))
        if layered:
            legend = self.pictures.paint_axis(painter, rect, legend) and legend
        else:
            painter.fillRect(rect, base)
            if self.view.events:  # an empty folder (or one loading) has no axis of its own
                self._paint_bands(painter, rect, sx, x0, x1, muted, text)
        if self.scene is None or not shows:
            painter.setPen(muted)
            undated = sum(self.view.events[r].start is None for r in self.view.rows)
            message = (self.view.empty if not self.view.events else
                       "No events match the filters" if not self.view.rows else
                       f"All {undated} shown events are undated: they are listed in the "
                       "Undated tray below, where you can set their articles' dates")
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             message)
            return
        painter.save()
        painter.setClipRect(QRectF(rect.left() + HEADER_WIDTH, rect.top() + AXIS_HEIGHT,
                                   width, rect.height() - AXIS_HEIGHT))
        painter.translate(rect.left() + HEADER_WIDTH - sx, rect.top() + AXIS_HEIGHT - sy)
        visible_h = rect.height() - AXIS_HEIGHT
        for lane in self.scene.lanes:
            if lane.y > sy + visible_h or lane.y + lane.height < sy:
                continue
            painter.setPen(QPen(muted, 0.5))
            painter.drawLine(QPointF(x0, lane.y + lane.height), QPointF(x1, lane.y + lane.height))
        items = self.scene.visible(x0, x1, sy, sy + visible_h)
        self.selected_pen = QPen(text, 2)
        self._white = QColor("white")
        self.badge_text = QColor(muted).darker(130)
        fast = len(items) > 400  # dense views: square badges draw several times faster
        self.quick_dashes = (painter.paintEngine().type() == QPaintEngine.Type.Raster
                             and not painter.deviceTransform().isScaling())
        if self.view.show_lag:
            paint_lags(self.scene, self.view.events, painter, items, ROW_HEIGHT)
        self.labels.visible = (x0, x1)  # content x of the visible part: labels stay inside it
        self.labels.metrics = QFontMetricsF(painter.font())
        self.labels.width_of = text_widths(painter.font())
        self.labels.chars = char_advances(painter.font())
        batch = self._batch(painter, items, fast, (x0, x1, sy, visible_h))
        # Labels' chips under the marks, their text over them: a label that runs over
        # crowded dots never hides one.
        self.labels.paint_grounds(painter, batch.chips, base)
        self.labels.place_current_label(painter, items, base, x1)
        paint_batch(painter, batch, text, self.badge_text, self.selected_pen)
        self.labels.chips = batch.chips
        self.labels.paint_chips(painter, text, base, self.badge_text)
        self.labels.paint_current_label(painter, text)
        painter.restore()
        if overlay is not None:
            overlay(painter, rect.left() + HEADER_WIDTH, rect.top() + AXIS_HEIGHT, sx, sy)
        self._paint_period_names(painter, rect, sx, sy, base)
        if layered:
            self.pictures.paint_headers(painter, rect, sy)
        else:
            paint_lane_headers(painter, rect, sy, self.scene, self.view, self.lane_colour,
                               (text, muted, base))
        if legend:
            self._paint_legend(painter, rect, text, base)

    @property
    def batch(self) -> ItemBatch:
        """What the last paint drew of the items (for tests and checks)."""
        return self._built[0][1]

    def _batch(self, painter: QPainter, items: list[Item], fast: bool,
               place: tuple[float, float, float, float]) -> ItemBatch:
        """The visible items' draw calls, built again only when the layout, the place, the
        selection, the colours, the font or the events (an edit) changed."""
        assert self.scene is not None
        view, events = self.view, self.view.events
        font = painter.font()
        # an empty selection is the same whatever set holds it (a filter change hands the
        # view a new one, which made a kept scene's batch be built again)
        key = (id(self.scene), self.scene.version, place, fast, self.quick_dashes,
               id(self.colours), view.mode,
               id(view.selected) if view.selected else 0, len(view.selected), view.current,
               font.key(), id(events),
               _identity(view.label_of), self.selected_pen.color().rgba(), self.badge_text.rgba(),
               view.edits)
        for index, (built_key, built, scene) in enumerate(self._built):
            if scene() is self.scene and built_key == key:
                if index:
                    self._built.insert(0, self._built.pop(index))
                return built
        metrics = QFontMetricsF(font)

        def size_of(text: QStaticText) -> tuple[float, float]:
            return metrics.horizontalAdvance(text.text()), metrics.height()

        # the batch the new one pushes out of the kept ones hands it its boxes and places
        spares = Spares(self._built.pop()[1]) if len(self._built) >= KEPT_BATCHES else None
        built = self.batches.build(items, fast, metrics.ascent(), size_of, font.key(), spares)
        self._built.insert(0, (key, built, weakref.ref(self.scene)))
        del self._built[KEPT_BATCHES:]
        return built

    def _paint_bands(self, painter: QPainter, rect: QRectF, sx: float, x0: float, x1: float,
                     muted: QColor, text: QColor) -> None:
        left = rect.left() + HEADER_WIDTH
        scale = self.view.scale
        unit, marks = ticks(scale.ordinal(x0), scale.ordinal(x1), scale.px_per_day)
        band = QColor(muted)
        band.setAlpha(22)
        base = self.colours.base
        flat = base.alpha() == 255  # the rect was filled with it: draw opaque equivalents
        if flat:
            band = over(band, base)
        shaded: list[float] = []  # the shaded bands' edges, in order
        # Alternate shading by month (fine zoom) or by year (coarse zoom).
        by_month = unit in ("hour", "6 hours", "day", "week", "month")
        first = self.view.scale.date(x0)
        current = dt.date(first.year, first.month if by_month else 1, 1)
        while self.view.scale.x(current.toordinal()) < x1 and current.year < 9999:
            nxt = (dt.date(current.year + (current.month // 12), current.month % 12 + 1, 1)
                   if by_month else dt.date(current.year + 1, 1, 1))
            if (current.month if by_month else current.year) % 2 == 0:
                a = left + self.view.scale.x(current.toordinal()) - sx
                b = left + self.view.scale.x(nxt.toordinal()) - sx
                painter.fillRect(QRectF(a, rect.top(), b - a, rect.height()), band)
                shaded += (a, b)
            current = nxt
        if self._paint_periods(painter, rect, left, sx, x1):
            flat = False  # tinted periods under the ticks: their colour is not known here
        line_colours = (over(muted, base), over(muted, band)) if flat else (muted, muted)
        painter.setPen(QPen(muted, 0.6))
        width_of = text_widths(painter.font())
        shown = [(left + self.view.scale.x(tick.ordinal) - sx, tick) for tick in marks]
        shown = [(x, tick) for x, tick in shown if x >= left - 1]
        spans = [(x + 3, width_of(tick.label), tick.major) for x, tick in shown]
        labelled = set(spaced_labels(spans, limit=rect.right()))
        for index, (x, tick) in enumerate(shown):
            under = bisect.bisect_right(shaded, x) % 2  # 1: inside a shaded band
            pen = QPen(line_colours[under], 1.0 if tick.major else 0.4)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, rect.top() + AXIS_HEIGHT - (14 if tick.major else 7)),
                             QPointF(x, rect.bottom()))
            if index in labelled:
                painter.setPen(text if tick.major else muted)
                # Labels sit above the strip where publication triangles are drawn.
                painter.drawText(QPointF(x + 3, rect.top() + AXIS_HEIGHT - TRIANGLE_STRIP - 4),
                                 tick.label)
        # Publication dates of the documents, as small triangles in a strip of their own
        # just above the axis line, clear of the tick labels.
        painter.setBrush(QBrush(muted))
        painter.setPen(Qt.PenStyle.NoPen)
        path = self._publication_strip(left, sx, rect.right(), rect.top() + AXIS_HEIGHT - 1)
        if not path.isEmpty():  # an empty path is an invalid `d=""` in an SVG picture
            painter.drawPath(path)
        painter.setPen(QPen(muted, 0.8))
        painter.drawLine(QPointF(rect.left(), rect.top() + AXIS_HEIGHT),
                         QPointF(rect.right(), rect.top() + AXIS_HEIGHT))

    def _publication_strip(self, left: float, sx: float, right: float,
                           base: float) -> QPainterPath:
        """The visible articles' publication triangles, one per whole pixel, as one path;
        kept while the documents, the scale and the place do not change."""
        dates = self.view.doc_dates
        if self._doc_days[0] is not dates:
            days = np.sort(np.fromiter((d.toordinal() for d, _ in dates), dtype=np.float64,
                                       count=len(dates)))
            self._doc_days = (dates, days)
        scale = self.view.scale
        key = (id(dates), scale.origin, scale.px_per_day, left, sx, right, base)
        if self._strip[0] != key:
            xs = left + (self._doc_days[1] + 0.5 - scale.origin) * scale.px_per_day - sx
            self._strip = (key, strip_path(xs[(xs >= left) & (xs <= right)], base))
        return self._strip[1]

    def _paint_periods(self, painter: QPainter, rect: QRectF, left: float, sx: float,
                       x1: float) -> bool:
        """The analyst's periods: a tinted band each (named later, over the lanes). Whether
        any was drawn."""
        drawn = False
        for period in self.view.periods:
            a = left + self.view.scale.x(period.start.toordinal()) - sx
            b = left + self.view.scale.x(period.end.toordinal() + 1) - sx
            if b < left or a > left + x1 - sx:
                continue
            a = max(a, left)
            fill = QColor(period.colour)
            fill.setAlpha(45)
            painter.fillRect(QRectF(a, rect.top() + AXIS_HEIGHT, b - a,
                                    rect.height() - AXIS_HEIGHT), fill)
            drawn = True
        return drawn

    def _paint_period_names(self, painter: QPainter, rect: QRectF, sx: float, sy: float,
                            base: QColor) -> None:
        if not self.view.periods or self.scene is None:
            return
        left = rect.left() + HEADER_WIDTH
        lanes = self.scene.lanes
        lanes_bottom = rect.top() + AXIS_HEIGHT - sy + (lanes[-1].y + lanes[-1].height
                                                        if lanes else 0.0)
        paint_period_names(painter, named_at(self.view.periods, self.view.scale, left, sx),
                           (left, rect.right()),
                           lanes_bottom, rect.bottom(), base)

    def colour_of(self, event: Event) -> QColor:
        values = event.parties if self.view.mode == "topic" else event.topics
        return self.colour_of_first(values[0] if values else "")

    def colour_of_first(self, key: str) -> QColor:
        """A mark's colour from its first topic (in topic lanes: its first party), "" for
        none; kept per value."""
        if self.view.mode == "topic":
            cached = self.cache.get(("party", key))
            if cached is None:
                cached = self.cache[("party", key)] = self.colours.party(key)
            return cached
        cached = self.cache.get(("topic", key))
        if cached is None:
            cached = self.colours.topic(key) if key else party_colour("")
            self.cache[("topic", key)] = cached
        return cached

    @property
    def colour_field(self) -> str:
        """The field whose first value colours a mark in the view's mode."""
        return "parties" if self.view.mode == "topic" else "topics"

    def lane_colour(self, key: str) -> QColor:
        """A lane's colour in the view's mode (`TimelineColours.lane`), kept like the marks'
        colours: worked out anew it read the application's palette each time, for every
        lane header and every shade of a crowded lane's bins on each paint."""
        cached = self.cache.get(("lane", key))
        if cached is None:
            cached = self.cache[("lane", key)] = self.colours.lane(self.view.mode, key)
        return cached

    def colour_of_nothing(self) -> QColor:
        """The grey an event gets when it has no topic (or, in topic lanes, no party)."""
        return party_colour("")

    def style(self, colour: QColor, kind: str) -> tuple[QPen, QBrush]:
        """Pens and brushes per colour and kind, made once: painting thousands of items
        must not build thousands of Qt objects."""
        key = (colour.rgba(), kind, self.quick_dashes)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = mark_style(colour, kind, self.quick_dashes)
        return style

    def refresh_legend(self) -> None:
        """The key's entries for the rows shown, kept until the rows or the lanes change."""
        self.legend = self._legend_entries()

    def _legend_entries(self) -> list[tuple[str, QColor]]:
        """Every colour the marks use (a mark takes its first topic's, or in topic lanes its
        first party's), largest first."""
        # The colours as the marks take them (`colour_of_first`, kept per value): worked
        # out anew, each read the application's palette, about 25 µs a colour on each
        # filter change.
        view, colours = self.view, self.colours
        if view.mode == "topic":
            parties = first_value_counts(view.events, view.rows, "parties")
            return [(p, self.colour_of_first(p)) for p, _n in parties[:10]]
        entries = []
        for topic_id, _n in first_value_counts(view.events, view.rows, "topics"):
            topic = colours.taxonomy.get(topic_id)
            colour = self.colour_of_first(topic_id) if topic_id else colours.topic(topic_id)
            entries.append((topic.label if topic else topic_id, colour))
        return entries

    def _paint_legend(self, painter: QPainter, rect: QRectF, text: QColor,
                      base: QColor) -> list[list[Key]]:
        """The key across the top of the axis, right-aligned: colours, then marks."""
        self.legend_rows = paint_legend(painter, rect, rect.left() + HEADER_WIDTH + 10,
                                        self.legend, text)
        return self.legend_rows


def _no_scene() -> Scene | None:
    """No scene: what the first, empty batch was built for."""
    return None


def _identity(function: Callable[..., object]) -> tuple[int, int]:
    """What a callable is, the same for every bound method object of one method."""
    return id(getattr(function, "__self__", None)), id(getattr(function, "__func__", function))
