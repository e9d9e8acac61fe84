"""A lane's badges hold their rows as one range each, made from the badges' own ranges: the
single events' shapes (most of a lane's) get no range of their own, made and freed unread on
every new scene."""

from __future__ import annotations

import random

import numpy as np

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
                  if isinstance(item.events, RowGroup) and len(item.events._starts) == 1
                  and not len(item.events._extra)]
        assert all(type(item) is Item for item in lane.items)  # made as `Item._make` makes them
        for item in lane.items:
            if not isinstance(item.events, RowGroup):
                assert len(item.events) == 1 and item.kind != "badge"
        for item in placed:
            group = item.events
            assert group.array().tolist() == list(lane.events)[
                int(group._starts[0]):int(group._stops[0])]
            # the range's array is a view into the badges' ranges alone, not every shape's
            owner = group._starts.base
            assert isinstance(owner, np.ndarray) and len(owner) <= len(placed)
            seen += 1
    assert seen > 20
