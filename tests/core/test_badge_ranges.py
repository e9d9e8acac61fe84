"""A lane's badges hold their rows as one range each, given as two ints (no one-item array of
the starts and of the stops per badge): the single events' shapes (most of a lane's) get no
range of their own, made and freed unread on every new scene."""

from __future__ import annotations

import random

from tests.core.test_overflow_badges import event, scene_of
from viewer.core.scene.lanes import Item
from viewer.core.scene.row_group import RowGroup


def test_only_badges_hold_ranges_and_they_hold_their_rows() -> None:
    rng = random.Random(7)
    events = []
    for _ in range(600):
        first = rng.randrange(0, 400)
        events.append(event(first, first + rng.choice([0, 0, 0, 1, 5, 40])))
    seen = 0
    for px in (0.5, 2.0, 12.0, 60.0):
        scene = scene_of(events, px)
        (lane,) = scene.lanes
        placed = [item for item in lane.items
                  if isinstance(item.events, RowGroup) and isinstance(item.events._starts, int)
                  and not len(item.events._extra)]
        assert all(type(item) is Item for item in lane.items)  # made as `Item._make` makes them
        for item in lane.items:
            if not isinstance(item.events, RowGroup):
                assert len(item.events) == 1 and item.kind != "badge"
        for item in placed:
            group = item.events
            start, stop = group._starts, group._stops
            assert isinstance(stop, int)
            assert group.array().tolist() == list(lane.events)[start:stop]
            assert group[0] == list(lane.events)[start] and len(group) == stop - start
            seen += 1
    assert seen > 20
