"""Label painting: labels after their marks, inside the visible part, cut with "…" where the
room ends, and the selected label clear of its own bar and drag handles."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from viewer.core.scene import ROW_HEIGHT
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline_paint import HANDLE_ROOM


def _check_labels(window: MainWindow) -> int:
    timeline = window.timeline
    assert not timeline.grab().isNull()  # a paint sets the visible part
    scene = timeline.scene
    assert scene is not None
    left, right = timeline._visible
    metrics = QFontMetricsF(timeline.font())
    checked = 0
    for item in scene.visible(left, right):
        label = scene.label(item)
        fitted = timeline._fit_label(item, label)
        if fitted is None:
            continue
        x, text = fitted
        full = timeline._label_of(window.model.events[scene.representative(item.events)])
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
    for start in ("The Turkish government", "Previous direct talks"):
        rows = [r for r in window.proxy.rows if window.model.events[r].text.startswith(start)]
        window.select_rows([rows[0]], rows[0])
        timeline = window.timeline
        timeline.zoom_to_selection()
        assert not timeline.grab().isNull()
        scene = timeline.scene
        assert scene is not None
        bar = next(i for lane in scene.lanes for i in lane.items if rows[0] in i.events)
        box = timeline.current_label_box
        assert box is not None
        y = scene.item_y(bar)
        handles = QRectF(bar.x0 - HANDLE_ROOM / 2, y, bar.x1 - bar.x0 + HANDLE_ROOM, ROW_HEIGHT)
        assert not box.intersects(handles), f"{start}: the label covers its bar"
