"""Label layout in the window: where labels crowd, the selected event's label wins the room."""

from __future__ import annotations

from viewer.core.scene.layout import Item, Scene
from viewer.ui.main_window import MainWindow


def _unlabelled_mark(scene: Scene) -> Item | None:
    """A single event's mark whose label lost the room to a neighbour."""
    for lane in scene.lanes:
        for item in lane.items:
            if item.kind != "badge" and len(item.events) == 1 and not scene.label(item):
                return item
    return None


def test_selecting_a_crowded_event_gives_it_the_label(window: MainWindow) -> None:
    timeline = window.timeline
    scene = timeline.scene
    assert scene is not None
    item = _unlabelled_mark(scene)
    if item is None:  # the fitted view may have room for all: zoom out until it crowds
        timeline.zoom(0.5)
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
    # the next badge; the painter gives it the bold label there as everywhere else.
    rows = [i for i in mine if i.label_x1 - i.x1 >= 28]  # laid out with room for a label
    assert mine and all(scene.label(i) for i in rows)
    assert not timeline.grab().isNull()  # labels over crowded marks paint on chips
    assert len(timeline.painter.labels.current_label_boxes) == len(mine)
