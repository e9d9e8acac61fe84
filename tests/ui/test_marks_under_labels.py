"""A label that wins room over crowded dots runs over them on a chip, and the dots stay in
sight: the chip goes under the marks, the text over them (a tester found five events of a
day hidden under a neighbour's label, even zoomed in, and counted 2 marks in a lane of 3)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage

from viewer.core.scene.layout import Item, Scene
from viewer.ui.lane_headers import AXIS_HEIGHT, HEADER_WIDTH
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline_widget import TimelineWidget


def _covered(scene: Scene, items: list[Item]) -> list[Item]:
    """The dots that a neighbour's label runs over, in the visible items."""
    found = []
    for owner in items:
        if not owner.over or not scene.label(owner):
            continue
        found += [i for i in items if i.lane == owner.lane and i.row == owner.row
                  and i.kind == "mark" and owner.x1 < i.x0 and i.x1 < owner.label_x1]
    return found


def _shows(image: QImage, at: QPointF, colour: QColor) -> bool:
    """Whether the dot's own colour shows near its centre (a chip over it pales it)."""
    want = colour.rgb() & 0xFFFFFF
    x, y = round(at.x()), round(at.y())
    return any(image.pixel(x + dx, y + dy) & 0xFFFFFF == want
               for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def _check(timeline: TimelineWidget) -> int:
    """Each covered dot in view filled with an opaque colour shows that colour; how many
    were looked at."""
    image = timeline.viewport().grab().toImage()
    scene = timeline.scene
    assert scene is not None
    sx, sy = timeline.horizontalScrollBar().value(), timeline.verticalScrollBar().value()
    left, right = timeline.painter.labels.visible
    items = scene.visible(left, right, sy, sy + image.height() - AXIS_HEIGHT)
    filled = {(round(c.x()), round(c.y())): g.brush.color()
              for g in timeline.painter.batch.groups
              if g.shape == "ellipse" and g.brush.style() == Qt.BrushStyle.SolidPattern
              and g.brush.color().alpha() == 255
              for c in g.centres}
    checked = 0
    for dot in _covered(scene, items):
        centre = QPointF((dot.x0 + dot.x1) / 2, scene.item_y(dot) + 9)
        colour = filled.get((round(centre.x()), round(centre.y())))
        at = QPointF(centre.x() - sx + HEADER_WIDTH, centre.y() - sy + AXIS_HEIGHT)
        if colour is None or not HEADER_WIDTH < at.x() < image.width() - 2 \
                or not AXIS_HEIGHT < at.y() < image.height() - 2:
            continue  # a ring, or out of view
        assert _shows(image, at, colour), "a dot under a neighbour's label is hidden"
        checked += 1
    return checked


def test_dots_a_label_runs_over_stay_in_sight(window: MainWindow) -> None:
    """Document lanes, the badge of the most events opened (zoomed until they lie apart),
    then zoomed in further: the steps where the tester counted hidden events."""
    window.set_lane_mode("document")
    timeline = window.timeline
    scene = timeline.scene
    assert scene is not None
    left, right = timeline.painter.labels.visible
    badge = max((i for i in scene.visible(left, right) if i.kind == "badge"),
                key=lambda i: len(i.events))
    timeline.open_badge(badge)
    checked = 0
    for _step in range(4):
        checked += _check(timeline)
        timeline.zoom(1.5)
    assert checked >= 3, "the seeds crowd some dots under a label once a badge opens"


def test_the_selected_label_stays_in_the_room_the_layout_gave_it(window: MainWindow) -> None:
    """Where the layout left the selected event too little room before a bar, a badge or
    a labelled mark, its bold label was drawn 60 px long anyway, over them (the tester's
    Yemen bar: "Just tw…lay…", the next mark and half its label hidden)."""
    timeline = window.timeline
    checked = 0
    for row in list(window.proxy.rows)[:40]:
        window.select_rows([row], row)
        assert not timeline.grab().isNull()
        scene = timeline.scene
        assert scene is not None
        left, right = timeline.painter.labels.visible
        items = scene.visible(left, right)
        mine = [i for i in items if i.kind != "badge" and row in i.events]
        for box, item in zip(timeline.painter.labels.current_label_boxes, mine, strict=False):
            if box.top() > scene.item_y(item) + 9:
                continue  # a bar past the right edge: its label goes on the line below
            for other in items:
                if other.lane != item.lane or other.row != item.row or other is item:
                    continue
                solid = other.kind != "mark" or bool(scene.label(other))
                if solid and other.x0 < box.right() and other.x1 > box.left():
                    raise AssertionError("the selected label covers a bar, a badge or a "
                                         "labelled mark")
            checked += 1
    assert checked > 20
