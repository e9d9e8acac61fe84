"""Label layout in the window: where labels crowd, the selected event's label wins the room."""

from __future__ import annotations

from viewer.core.scene.layout import Item, Scene
from viewer.ui.label_paint import HANDLE_ROOM, LABEL_MIN
from viewer.ui.main_window import MainWindow


def _unlabelled_mark(scene: Scene) -> Item | None:
    """A single event's mark whose label lost the room to a neighbour's, not to a bar or a
    badge just after it (which no label runs over, the selected one's included)."""
    for lane in scene.lanes:
        for n, item in enumerate(lane.items):
            after = next((i for i in lane.items[n + 1:] if i.row == item.row), None)
            if (item.kind == "mark" and not scene.label(item)
                    and (after is None or after.kind == "mark")):
                return item
    return None


def test_selecting_a_crowded_event_gives_it_the_label(window: MainWindow) -> None:
    timeline = window.timeline
    scene = timeline.scene
    assert scene is not None
    item = _unlabelled_mark(scene)
    if item is None:  # none in the fitted view: the crowd of a badge, opened
        window.set_lane_mode("document")
        scene = timeline.scene
        assert scene is not None
        timeline.open_badge(max((i for lane in scene.lanes for i in lane.items
                                 if i.kind == "badge"), key=lambda i: len(i.events)))
        scene = timeline.scene
        assert scene is not None
        item = _unlabelled_mark(scene)
    assert item is not None
    row = item.first
    window.select_rows([row], row)
    scene = timeline.scene
    assert scene is not None and scene.current == row
    mine = [i for lane in scene.lanes for i in lane.items if i.events == (row,)]
    # In a lane's overflow row the event is its own mark, its room only what is left before
    # the next badge: there its bold label would hide the badge, and none is drawn.
    rows = [i for i in mine if i.label_x1 - i.x1 >= 28]  # laid out with room for a label
    assert rows and all(scene.label(i) for i in rows)
    assert not timeline.grab().isNull()  # labels over crowded marks paint on chips
    drawn = [i for i in rows if i.label_x1 - i.x1 - HANDLE_ROOM >= LABEL_MIN]
    assert len(timeline.painter.labels.current_label_boxes) == len(drawn) > 0
