"""The timeline's items are drawn from batches built once per layout and view: a repaint of
the same view reuses them, an edit, a zoom or a new selection builds them anew, and an SVG
picture still holds every item (its shape, its count, its label)."""

from __future__ import annotations

import collections
import html
import math
import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from pytestqt.qtbot import QtBot

from viewer.core.scene.row_group import RowGroup
from viewer.ui import item_batch
from viewer.ui.main_window import MainWindow
from viewer.ui.picture import picture_painter
from viewer.ui.timeline_paint import TimelinePainter


def _builds(window: MainWindow, action: object) -> int:
    made = [0]
    original = item_batch.BatchBuilder.build

    def counted(self: item_batch.BatchBuilder, *args: object) -> item_batch.ItemBatch:
        made[0] += 1
        return original(self, *args)  # type: ignore[arg-type]

    item_batch.BatchBuilder.build = counted  # type: ignore[method-assign]
    try:
        assert callable(action)
        action()
        window.timeline.viewport().repaint()
    finally:
        item_batch.BatchBuilder.build = original  # type: ignore[method-assign]
    return made[0]


def test_a_repaint_reuses_the_batch_and_an_edit_a_zoom_or_a_selection_rebuild_it(
        window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    viewport = timeline.viewport()
    viewport.repaint()
    assert _builds(window, viewport.repaint) == 0
    assert _builds(window, lambda: timeline.zoom(1.25)) == 1
    assert _builds(window, lambda: timeline.zoom(0.8)) == 1
    scene = timeline.scene
    assert scene is not None
    marks = [i for i in scene.visible(-math.inf, math.inf) if i.kind == "mark"]
    untagged = next(i for i in marks if not window.model.events[i.first].tags)
    assert not any(box for _colour, boxes in timeline.painter.batch.tags.values()
                   for box in boxes if abs(box.x() - (untagged.x1 - 1)) < 0.01)
    event = window.model.events[untagged.first]
    other = next(window.model.events[i.first] for i in marks if i is not untagged)
    window.editing.add_tag("seen", [other])  # the tag exists: its colours stay as they are
    viewport.repaint()
    assert _builds(window, lambda: window.editing.add_tag("seen", [event])) == 1
    tagged = [box for _colour, boxes in timeline.painter.batch.tags.values() for box in boxes]
    assert any(abs(box.x() - (untagged.x1 - 1)) < 0.01 for box in tagged)  # drawn at once
    assert _builds(window, timeline.events_changed) == 1  # the model's dataChanged calls it
    row = untagged.first
    assert _builds(window, lambda: timeline.set_selection([row], row, reveal=False)) == 1
    assert timeline.painter.batch.rings  # the selected mark's ring
    badge = next(i for i in scene.visible(-math.inf, math.inf)
                 if i.kind == "badge" and isinstance(i.events, RowGroup))
    inside = list(badge.events)[-1]
    timeline.set_selection([inside], inside, reveal=False)
    viewport.repaint()
    painter = timeline.painter
    assert any(group.pen is painter.selected_pen and group.rects
               for group in painter.batch.groups)  # the badge holding it is outlined


def _svg(painter: TimelinePainter, width: int, height: int) -> str:
    """The painter's picture as SVG text, drawn by this painter (so its batch is the one)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setOutputDevice(buffer)
    qpainter = QPainter(generator)
    painter.paint(qpainter, QRectF(0, 0, width, height))
    qpainter.end()
    buffer.close()
    return bytes(data.data()).decode("utf-8")


def test_an_svg_picture_holds_every_item(window: MainWindow) -> None:
    events = list(window.model.events)
    painter = picture_painter(events, 1400)
    svg = _svg(painter, 1400, 900)
    assert painter.scene is not None
    items = painter.scene.visible(-math.inf, math.inf)
    kinds = collections.Counter(i.kind for i in items)
    assert kinds["badge"] and kinds["bar"] and kinds["mark"]
    shapes = sum(len(re.findall(rf"<{tag}\b", svg)) for tag in ("rect", "path", "circle",
                                                                  "ellipse", "polygon"))
    assert shapes >= len(items)
    texts = collections.Counter(re.findall(r">([^<>]+)</text>", svg))
    counts = collections.Counter(str(len(i.events)) for i in items if i.kind == "badge")
    assert not counts - texts, counts - texts  # every badge's count is written
    batch = painter.batch
    drawn = [t.text() for _at, t in batch.labels + batch.badge_labels]
    drawn += [label for _at, label, _badge, _under in batch.chips]
    written = {html.unescape(text) for text in texts}
    assert drawn and set(drawn) <= written, set(drawn) - written


def test_a_batch_makes_its_marks_looks_at_once(window: MainWindow, qtbot: QtBot) -> None:
    """The looks of the events a batch draws are made a column at a time, not one event
    per mark (about 30 µs each: a filter to a value not shown before spent more than 10 ms
    on them at 100,000 events)."""
    from viewer.core.session.columns import EventColumns
    from viewer.core.session.row_events import RowEvents

    events = window.model.events
    assert isinstance(events, RowEvents)
    events._styled.clear()
    events._cache.clear()
    one_by_one: list[int] = []
    event = EventColumns.event

    def counted(self: EventColumns, row: int, text: bool = True) -> object:
        if not text:
            one_by_one.append(row)
        return event(self, row, text)

    EventColumns.event = counted  # type: ignore[method-assign]
    try:
        assert _builds(window, lambda: window.timeline.zoom(1.25)) == 1
    finally:
        EventColumns.event = event  # type: ignore[method-assign]
    marks = [i for i in window.timeline.painter.batch.groups if i.centres or i.rects]
    assert marks and not one_by_one


def test_colours_of_one_value_share_a_group_whatever_their_objects(window: MainWindow) -> None:
    """A batch keys its groups by each colour object once, then by the colour's value: two
    values whose colours are equal but separate objects still share one pen and brush (a
    group per object would draw the same colour in several calls)."""
    from PySide6.QtGui import QColor

    timeline = window.timeline
    painter = timeline.painter
    made: list[QColor] = []

    def fresh(_key: str) -> QColor:
        made.append(QColor("#336699"))  # a new object each time, one value
        return made[-1]

    painter.colour_of_first = fresh  # type: ignore[method-assign]
    try:
        assert _builds(window, lambda: timeline.zoom(1.25)) == 1
    finally:
        del painter.colour_of_first
    groups = painter.batch.groups
    assert len({id(colour) for colour in made}) > 1  # several objects were handed out
    shapes = [(id(g.pen), id(g.brush), g.shape) for g in groups if g.rects or g.centres]
    assert shapes and len(shapes) == len(set(shapes))  # one group per pen, brush and shape


def test_bars_are_cut_at_the_visible_edges_and_share_a_group_per_look(
        window: MainWindow) -> None:
    """Zoomed in until bars run past both edges: each bar's box is cut a little past the
    visible part (never narrower than 2 px), and the bars of one colour, style and
    selection are one group."""
    timeline = window.timeline
    painter = timeline.painter
    assert timeline.scene is not None
    found = [i for lane in timeline.scene.lanes for i in lane.items if i.kind == "bar"]
    assert found
    event = timeline.events[found[0].events[0]]
    assert event.start is not None and event.end is not None
    first, last = event.start.toordinal(), event.end.toordinal()
    assert last > first
    timeline.show_range(first + 0.4, first + 0.6)  # the bar runs past both edges
    timeline.viewport().repaint()
    left, right = painter.labels.visible
    bars = [g for g in painter.batch.groups if g.radius == 3 and g.rects]
    assert bars
    for group in bars:
        for box in group.rects:
            assert box.left() >= left - item_batch.OFF_EDGE
            assert box.right() <= max(right + item_batch.OFF_EDGE, box.left() + 2.0)
            assert box.width() >= 2.0
    looks = [(g.pen.color().rgba(), g.pen.style(), g.brush.color().rgba(), g.shape)
             for g in bars]
    assert len(looks) == len(set(looks))
