"""The timeline: paints the visible part of a core `Scene` and forwards input.

Layout, clustering and hit-testing live in `viewer.core.scene.layout`; this widget keeps the zoom
(a `TimeScale`), the scroll position and the selection, and redraws only what is visible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from viewer.core.events.document_events import Event
from viewer.core.events.topics import Taxonomy, load_taxonomy
from viewer.core.scene.kept_scenes import KeptScenes
from viewer.core.scene.lane_names import lane_namer
from viewer.core.scene.layout import (
    ROW_HEIGHT,
    Item,
    Scene,
    TimeScale,
    extent,
    fit_scale,
)
from viewer.core.scene.shown_days import shown_dated_days
from viewer.core.scene.time_step import step_row
from viewer.core.scene.zoom_targets import clamp_px, fit_sorted_days
from viewer.core.session.row_array import RowArray
from viewer.core.store.periods import Period
from viewer.ui.lane_headers import AXIS_HEIGHT, HEADER_WIDTH
from viewer.ui.redate_drag import RedateDrag
from viewer.ui.timeline_input import TimelineInput
from viewer.ui.timeline_moves import open_badge, reveal_row, zoom_to_selection
from viewer.ui.timeline_paint import TimelinePainter
from viewer.ui.timeline_scenes import scene_for
from viewer.ui.timeline_scrolling import (
    connect_scroll_bars,
    install_scroll_bars,
    layout_window,
    scroll_bounds,
    set_scroll,
    set_scroll_ranges,
    set_vertical_range,
)
from viewer.ui.timeline_tips import FitHint, item_tooltip
from viewer.ui.timeline_view import NO_EVENTS, TimelineColours, TimelineView, short_label

LEGEND_PAD = 8.0


class TimelineWidget(QAbstractScrollArea):
    """Handed events and the rows to show; emits what the user selects (source rows)."""

    selectionRequested = Signal(list, int)  # source rows, current source row
    firstPainted = Signal()  # the first paint that showed events (for start-up timing)
    zoomChanged = Signal(float)
    redateRequested = Signal(int, object, object)  # source row, new start, new end (dates)
    viewChanged = Signal(float, float)  # the visible days (first, last ordinal) after a move

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_scroll_bars(self)
        self.painter = TimelinePainter(None, TimelineView(), TimelineColours.of(self.palette()))
        self._colours: tuple[tuple[int, ...], TimelineColours] | None = None
        self.events: Sequence[Event] = ()
        self.rows: Sequence[int] = RowArray()
        self.mode = "party"
        self.taxonomy: Taxonomy = load_taxonomy()
        self.scale = TimeScale(dt.date(2025, 1, 1).toordinal(), 4.0)
        self.scene: Scene | None = None
        self.kept = KeptScenes()  # the last scenes made: a filter turned off shows its own
        self.selected: set[int] = set()
        self.current: int | None = None
        self.doc_dates: Sequence[tuple[dt.date, str]] = ()
        self.doc_titles: dict[str, str] = {}  # relpath → title, for document lanes
        self._periods: tuple[Period, ...] = ()  # the folder's named spans, shaded
        self._fitted = False
        self._painted = False
        self.show_lag = False  # View ▸ Reporting Lag: a line from each report to its happening
        self.user_zoomed = False  # zoomed or panned by the user since the last fit
        self._span: tuple[int, int] | None = None  # all shown events' days: the scroll range
        self._fit_span: tuple[tuple[object, ...], tuple[int, int] | None] | None = None
        self.redate = RedateDrag(self)
        self.input = TimelineInput(self)
        self.fit_hint = FitHint(self.viewport())
        self.fit_hint.clicked.connect(self.fit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setMinimumHeight(160)
        self._scene_key: tuple[int, int, str] = (0, 0, "")
        self._tag_colours: dict[str, str] = {}
        self.edits = 0  # counts in-place edits of the events, for the painter's batches
        self.empty_text = NO_EVENTS  # said while there are no events (a load says "Loading")
        self.render_width: float | None = None  # set when painting offscreen for a picture
        connect_scroll_bars(self)

    # -- data ------------------------------------------------------------------------------
    def set_events(self, events: Sequence[Event], rows: Sequence[int],
                   doc_dates: Sequence[tuple[dt.date, str]] = ()) -> None:
        if events is not self.events:
            self.kept.clear()  # another folder: its scenes would keep the old one alive
        self.events = events
        self.rows = RowArray.of(rows)  # the filter's array itself: no copy per filter change
        # New events or rows, or the same ones edited in time or between lanes: the lanes
        # are indexed again even when the arrays are the same objects as before.
        self._scene_key = (0, 0, "")
        # A tuple is kept as it is: the painter keeps its triangles while it stays the same.
        self.doc_dates = doc_dates if isinstance(doc_dates, tuple) else tuple(doc_dates)
        if self.selected:  # keep the selected rows still shown, without a set of every row
            chosen = np.fromiter(self.selected, dtype=np.int64, count=len(self.selected))
            self.selected = set(chosen[np.isin(chosen, np.asarray(self.rows))].tolist())
        before, self._span = self._span, extent(events, self.rows)
        changed = self._span != before and self._span is not None
        if self.rows and (not self._fitted or (changed and not self.user_zoomed)):
            self._fit(self._span)  # a filter or a reload changed what is shown: show it all
        else:
            self._rebuild()
            if changed:
                self.fit_hint.offer()  # the user zoomed or panned: the view stays

    def events_changed(self, *_: object) -> None:
        """Some shown events were edited in place (same rows, same lanes): what the painter
        built from them is stale."""
        self.edits += 1
        self.viewport().update()

    @property
    def periods(self) -> tuple[Period, ...]:
        """The folder's named spans, shaded and named under the lanes."""
        return self._periods

    @periods.setter
    def periods(self, periods: tuple[Period, ...]) -> None:
        self._periods = periods
        set_vertical_range(self)  # their names' rows take room under the lanes

    @property
    def tag_colours(self) -> dict[str, str]:
        return self._tag_colours

    @tag_colours.setter
    def tag_colours(self, colours: dict[str, str]) -> None:
        self._tag_colours = colours
        self._colours = None

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._rebuild()

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._colours = None
        self._sync()
        self.painter.refresh_legend()
        self.viewport().update()

    def set_selection(self, rows: Sequence[int], current: int | None,
                      reveal: bool = True) -> None:
        self.selected = set(rows)
        self.current = current
        if self.scene is not None:
            self.scene.set_current(current)  # its label wins where labels crowd
        if reveal and current is not None:
            self.reveal(current)
        self.viewport().update()

    def shown_span(self) -> tuple[int, int] | None:
        """First and last day of the shown events (ordinals), or None if none is dated."""
        return self._span

    def lane_label(self, key: str) -> str:
        """What a person reads for a lane: a topic's label, an article's title."""
        return lane_namer(self.mode, self.taxonomy, self.doc_titles)(key)

    label_of = short_label  # a `TextLabel`: the label room reads the sentence alone

    # -- painting (by the TimelinePainter) --------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        viewport = self.viewport()
        painter = QPainter(viewport)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._sync()
        self.painter.paint(painter, QRectF(viewport.rect()), overlay=self.redate.paint,
                           kept=True)
        if self.hasFocus():  # where the keys go: the highlight round the view, as on the strip
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(viewport.rect()).adjusted(1, 1, -1, -1))
        painter.end()
        if self.rows and not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def paint(self, painter: QPainter, rect: QRectF, scroll: tuple[int, int] | None = None,
              legend: bool = True) -> None:
        """Draw the visible part into `rect` (printing uses this)."""
        self._sync(scroll)
        self.painter.paint(painter, rect, legend)

    def view_colours(self) -> TimelineColours:
        """The colours the painter uses: palette, taxonomy and tags, remade when one changes."""
        palette = self.palette()
        key = (id(self.taxonomy), id(self._tag_colours), palette.base().color().rgba(),
               palette.text().color().rgba(), palette.placeholderText().color().rgba())
        if self._colours is None or self._colours[0] != key:
            self._colours = (key, TimelineColours.of(palette, self.taxonomy, self._tag_colours))
        return self._colours[1]

    def view_state(self, scroll: tuple[int, int] | None = None) -> TimelineView:
        """What the painter reads: the widget's zoom, scroll, selection, periods."""
        sx, sy = scroll if scroll is not None else (self.horizontalScrollBar().value(),
                                                    self.verticalScrollBar().value())
        return TimelineView(self.events, self.rows, self.scale, (float(sx), float(sy)),
                            self.mode, self.selected, self.current, self.periods,
                            self.doc_dates, self.show_lag, self.label_of, self.edits,
                            self.empty_text)

    def _sync(self, scroll: tuple[int, int] | None = None) -> None:
        self.painter.show(self.scene, self.view_state(scroll), self.view_colours())

    def colour_of_nothing(self) -> QColor:
        return self.painter.colour_of_nothing()

    def legend_entries(self) -> list[tuple[str, QColor]]:
        return self.painter.legend

    def _window(self) -> tuple[float, float]:
        return layout_window(self)

    def _rebuild(self) -> None:
        """Re-index the lanes (new rows or lane mode) and lay out around the viewport; the
        scene made last time for the same rows and settings, when it is still as made."""
        self.scene = scene_for(self, self._window())
        self._scene_key = (id(self.events), id(self.rows), self.mode)
        self._sync()
        self.painter.refresh_legend()
        self._update_scrollbars()
        self.viewport().update()

    def _stale(self) -> bool:
        return self.scene is None or self._scene_key != (id(self.events), id(self.rows),
                                                         self.mode)

    def _relayout(self) -> None:
        """Same lanes, new zoom: only the layout changes."""
        if self._stale() or self.scene is None:
            self._rebuild()
            return
        self.scene.set_scale(self.scale, self._window())
        self._update_scrollbars()
        self.viewport().update()

    def _scrolled(self) -> None:
        self._emit_view()
        if self.scene is not None:
            start = self.horizontalScrollBar().value()
            if not self.scene.covers(start, start + self.content_width()):
                self.scene.layout(*self._window())
                self._update_scrollbars()
            elif self.periods:  # the names shown, and the rows they take, follow the scroll
                set_vertical_range(self)
        self.viewport().update()

    # -- geometry ---------------------------------------------------------------------------
    def content_width(self) -> float:
        width = self.render_width or self.viewport().width()
        return max(0.0, width - HEADER_WIDTH)

    def scroll_bounds(self) -> tuple[float, float]:
        return scroll_bounds(self)

    def _update_scrollbars(self) -> None:
        set_scroll_ranges(self)

    def _to_content(self, pos: QPointF) -> tuple[float, float]:
        x = pos.x() - HEADER_WIDTH + self.horizontalScrollBar().value()
        y = pos.y() - AXIS_HEIGHT + self.verticalScrollBar().value()
        return x, y

    # -- zoom and navigation ------------------------------------------------------------------
    def fit(self) -> None:
        self._fit(extent(self.events, self.rows))

    def forget_fit(self) -> None:
        """The next events handed in are fitted, whatever the user did to the last ones (a
        new folder opens)."""
        self._fitted = False

    def fitted_days(self) -> tuple[int, int] | None:
        """The days a fit shows: the shown events' less a few far-off ones (`fit_days`),
        measured once per set of rows, edit and span (a resize fits again, and again)."""
        key = (id(self.events), id(self.rows), self.edits, self._span)
        if self._fit_span is None or self._fit_span[0] != key:
            self._fit_span = (key, fit_sorted_days(*shown_dated_days(self.events, self.rows)))
        return self._fit_span[1]

    def _fit(self, span: tuple[int, int] | None) -> None:
        """Fit the shown events, whose extent `span` (`set_events` has just measured it: a
        filter change measured the same rows twice) stays the scroll range, so what the fit
        leaves out is still reachable."""
        self._span = span
        shown = self.fitted_days() if span is not None else None
        if shown is None:
            self._rebuild()
            return
        self._fitted = True
        self.user_zoomed = False
        self.fit_hint.hide()
        width = max(200.0, self.content_width())
        self.scale = fit_scale(shown[0], shown[1], width, right=min(260.0, width / 3))
        scroll_to = int(self.scale.x(shown[0]) - 30)
        if self._stale():  # new rows: index the lanes and lay them out once, at the new scale
            self._set_scroll(scroll_to)
            self._rebuild()
            self._emit_view()
        else:
            self._apply_scale(scroll_to)
        self.zoomChanged.emit(self.scale.px_per_day)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by `factor` keeping the date under `anchor_x` (viewport x) in place."""
        anchor_x = self.content_width() / 2 if anchor_x is None else anchor_x - HEADER_WIDTH
        content_x = anchor_x + self.horizontalScrollBar().value()
        ordinal = self.scale.ordinal(content_x)
        px = clamp_px(self.scale.px_per_day * factor)
        self.zoom_to(px, lambda scale: scale.x(ordinal) - anchor_x)

    def zoom_to(self, px: float, scroll_to: Callable[[TimeScale], float]) -> None:
        """The user's zoom to `px` a day, scrolled to `scroll_to` of the new scale."""
        self.scale = TimeScale(self.scale.origin, px)
        self.user_zoomed = True
        self._apply_scale(int(scroll_to(self.scale)))
        self.zoomChanged.emit(px)

    def _set_scroll(self, scroll_to: int) -> None:
        set_scroll(self, scroll_to)

    def _apply_scale(self, scroll_to: int) -> None:
        """Lay out at the current scale around `scroll_to`, then scroll there."""
        self._set_scroll(scroll_to)
        self._relayout()
        self.viewport().update()
        self._emit_view()

    def _emit_view(self) -> None:
        x = self.horizontalScrollBar().value()
        self.viewChanged.emit(self.scale.ordinal(x), self.scale.ordinal(x + self.content_width()))

    def show_range(self, first: float, last: float) -> None:
        """Show the days first..last (ordinals) across the width: the overview's lens."""
        width = max(200.0, self.content_width())
        self.zoom_to(clamp_px(width / max(1e-3, last - first)), lambda scale: scale.x(first))

    def zoom_to_selection(self) -> None:
        zoom_to_selection(self)

    def reveal(self, row: int) -> None:
        reveal_row(self, row)

    def step(self, direction: int) -> None:
        """Select the previous (-1) or next (+1) event in time."""
        row = step_row(self.events, self.rows, self.current, direction)
        if row is not None:
            self.selectionRequested.emit([row], row)

    # -- input -----------------------------------------------------------------------------
    def item_at(self, pos: QPointF) -> Item | None:
        if self.scene is None or pos.y() < AXIS_HEIGHT or pos.x() < HEADER_WIDTH:
            return None
        x, y = self._to_content(pos)
        return self.scene.item_at(x, y)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.input.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.input.move(event)

    def tooltip(self, item: Item) -> str:
        return item_tooltip(self.events, item)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.input.release(event):
            super().mouseReleaseEvent(event)

    def click_item(self, item: Item, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
                   ) -> None:
        """Click an item programmatically (tests, keyboard)."""
        assert self.scene is not None
        x = (item.x0 + item.x1) / 2 + HEADER_WIDTH - self.horizontalScrollBar().value()
        y = (self.scene.item_y(item) + ROW_HEIGHT / 2 + AXIS_HEIGHT
             - self.verticalScrollBar().value())
        self.input.click(QPointF(x, y), modifiers)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.input.double_click(event)

    def open_badge(self, item: Item) -> None:
        open_badge(self, item)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.input.wheel(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.input.key(event):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus frame (Qt repaints the frame, not the viewport)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.rows and not self.user_zoomed:
            self.fit()  # until the user zooms, the timeline keeps fitting its width
        else:
            self._update_scrollbars()

    def visible_range(self) -> tuple[dt.date, dt.date]:
        sx = self.horizontalScrollBar().value()
        return self.scale.date(sx), self.scale.date(sx + self.content_width())

