"""Label painting: labels after their marks, inside the visible part, cut with "…" where the
room ends, and the selected label clear of its own bar and drag handles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPageLayout, QPainter

from viewer.core.scene.layout import ROW_HEIGHT
from viewer.ui.label_paint import HANDLE_ROOM
from viewer.ui.main_window import MainWindow
from viewer.ui.printing import new_printer, paint_timeline_page


def _check_labels(window: MainWindow) -> int:
    timeline = window.timeline
    assert not timeline.grab().isNull()  # a paint sets the visible part
    scene = timeline.scene
    assert scene is not None
    left, right = timeline.painter.labels.visible
    metrics = QFontMetricsF(timeline.font())
    checked = 0
    for item in scene.visible(left, right):
        label = scene.label(item)
        fitted = timeline.painter.labels.fit_label(item, label)
        if fitted is None:
            continue
        x, text = fitted
        full = timeline.label_of(window.model.events[scene.representative(item.events)])
        assert x >= left, "a label starts inside the visible part"
        assert x + metrics.horizontalAdvance(text) <= right + 0.5
        if item.kind == "bar" and item.x1 < right - 24:
            assert x >= item.x1, "a bar's label follows the bar"
        if item.kind != "badge" and text != full:
            assert text.endswith("…"), f"cut without an ellipsis: {text!r}"
        checked += 1
    return checked


def test_labels_stay_visible_and_say_where_they_are_cut(window: MainWindow) -> None:
    assert _check_labels(window) > 5
    window.timeline.zoom(4.0)  # zoomed in: marks start off the left edge
    assert _check_labels(window) > 0
    window.timeline.zoom(1 / 16)  # zoomed out: crowded, labels cut
    assert _check_labels(window) > 0


def test_the_selected_label_leaves_its_bar_and_handles_visible(window: MainWindow) -> None:
    for start, zoom in (("The Turkish government", True), ("Previous direct talks", True),
                        ("Previous direct talks", False)):
        rows = [r for r in window.proxy.rows if window.model.events[r].text.startswith(start)]
        window.select_rows([rows[0]], rows[0])
        timeline = window.timeline
        if zoom:
            timeline.zoom_to_selection()
        else:
            timeline.fit()  # the fitted view: its label crowds the next mark
        assert not timeline.grab().isNull()
        scene = timeline.scene
        assert scene is not None
        bar = next(i for lane in scene.lanes for i in lane.items if rows[0] in i.events)
        box = timeline.painter.labels.current_label_box
        assert box is not None
        y = scene.item_y(bar)
        handles = QRectF(bar.x0 - HANDLE_ROOM / 2, y, bar.x1 - bar.x0 + HANDLE_ROOM, ROW_HEIGHT)
        assert not box.intersects(handles), f"{start}: the label covers its bar"
        after = [i for lane in scene.lanes for i in lane.items
                 if i.lane == bar.lane and i.row == bar.row and i.x0 > bar.x1]
        if after:
            nearest = min(after, key=lambda i: i.x0)
            assert box.right() <= max(nearest.x0, bar.label_x1) + 2, "over the next mark"


def test_the_printed_timeline_page_has_a_title_and_margins(window: MainWindow,
                                                           tmp_path: Path) -> None:
    printer = new_printer()
    margins = printer.pageLayout().margins(QPageLayout.Unit.Millimeter)
    assert min(margins.left(), margins.right(), margins.top(), margins.bottom()) >= 10
    page = QImage(1400, 1000, QImage.Format.Format_ARGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    title_height = paint_timeline_page(window, painter, QRectF(0, 0, 1400, 1000))
    painter.end()
    page.save(str(tmp_path / "page.png"))
    assert title_height > 10
    inked = [x for x in range(0, 400) for y in range(0, int(title_height))
             if page.pixelColor(x, y).lightness() < 128]
    assert inked, "the title line is drawn above the timeline"


def test_a_bar_starting_far_off_the_left_edge_is_still_drawn(window: MainWindow) -> None:
    window.filters.apply(dataclasses.replace(window.filters.current(), min_sources=2))
    timeline = window.timeline
    timeline.zoom(6.0)  # inside the Geneva week: its bars start far left of the view
    assert not timeline.grab().isNull()
    scene = timeline.scene
    assert scene is not None
    left, right = timeline.painter.labels.visible
    crossing = [i for lane in scene.lanes for i in lane.items
                if i.kind == "bar" and i.x0 < left - 500 and i.x1 > right]
    assert crossing, "the view lies inside a long bar"
    shown = scene.visible(left, right)
    assert all(item in shown for item in crossing)
    assert _check_labels(window) > 0


def test_a_label_cut_at_the_edge_is_fitted_as_from_the_scenes_cut(
        window: MainWindow) -> None:
    """Where the visible part cuts a label well before its room ends, the painter fits the
    whole label without the scene's cut to words: the same text at the same place, at
    every zoom and scroll tried, and that shortcut is taken."""
    timeline = window.timeline
    labels = timeline.painter.labels
    taken = []
    cut_before_room = labels._cut_before_room

    def counted(*args: object) -> bool:
        found = cut_before_room(*args)  # type: ignore[arg-type]
        taken.append(found)
        return found

    labels._cut_before_room = counted  # type: ignore[method-assign]
    compared = 0
    for zoom in (1.0, 2.0, 2.0, 2.0, 1 / 16, 1.5):
        timeline.zoom(zoom)
        for step in range(9):
            bar = timeline.horizontalScrollBar()
            bar.setValue(bar.minimum() + step * (bar.maximum() - bar.minimum()) // 8)
            assert not timeline.grab().isNull()  # a paint sets the visible part
            scene = timeline.scene
            assert scene is not None
            for item in scene.visible(*labels.visible):
                if item.level >= 0 or item.label_x1 - item.x1 - 4 < 8:
                    continue
                assert labels.fit_scene_label(scene, item) == labels.fit_label(
                    item, scene.label(item))
                compared += 1
    assert compared > 50 and any(taken) and not all(taken)
