"""`Scene.visible` hands over the items whose mark, bar or label room reaches the window: the
same items, in the same order, as testing every item of each lane's reach one by one, with
only the items that start before the window tested (the rest start inside it)."""

from __future__ import annotations

import bisect
import random

from tests.core.test_overflow_badges import event, scene_of
from viewer.core.scene.label_room import MAX_LABEL_PX
from viewer.core.scene.layout import Item, Scene


def _one_by_one(scene: Scene, x0: float, x1: float) -> list[Item]:
    out: list[Item] = []
    for lane in scene.lanes:
        back = MAX_LABEL_PX + 20 + (lane.longest_span + 1) * scene.scale.px_per_day
        first = bisect.bisect_left(lane.starts, x0 - back)
        out.extend(item for item in lane.items[first:bisect.bisect_right(lane.starts, x1)]
                   if max(item.x1, item.label_x1) >= x0)
    return out


def test_the_window_s_items_equal_those_tested_one_by_one() -> None:
    rng = random.Random(5)
    events = []
    for _ in range(500):
        first = rng.randrange(0, 500)
        events.append(event(first, first + rng.choice([0, 0, 0, 1, 5, 40, 200])))
    for px in (0.5, 3.0, 12.0, 60.0):
        scene = scene_of(events, px)
        for _ in range(40):
            x0 = rng.uniform(-500.0, 500 * px)
            x1 = x0 + rng.choice((0.0, 6.0, 300.0, 3000.0))
            assert scene.visible(x0, x1) == _one_by_one(scene, x0, x1), (px, x0, x1)
    for lane in scene.lanes:
        assert all(item.x1 >= item.x0 for item in lane.items)  # what the shortcut rests on
