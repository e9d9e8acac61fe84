"""Zoomed in, the events of one day part: stacked at the day, or side by side across it once
the day is wide enough; a badge of one day's events used to stay a badge at every zoom."""

from __future__ import annotations

import numpy as np

from tests.core.test_label_layout import DAY0, event
from tests.core.workcount import growth, lines_run
from viewer.core.scene.day_parting import PART_PX, STACK_MAX, part_days
from viewer.core.scene.lane_packing import BADGE_MIN
from viewer.core.scene.lane_shapes import Shapes
from viewer.core.scene.layout import Scene, TimeScale
from viewer.core.scene.zoom_targets import badge_px


def _scene(per_day: dict[int, int], px: float) -> Scene:
    events = [event(day, id=f"e{day}-{n}") for day, count in per_day.items()
              for n in range(count)]
    return Scene(events, range(len(events)), "single", TimeScale(DAY0 - 2, px))


def _kinds(scene: Scene) -> list[tuple[str, int, float, int]]:
    return sorted((i.kind, i.row, round((i.x0 + i.x1) / 2), len(i.events))
                  for lane in scene.lanes for i in lane.items)


def test_a_days_events_stay_a_badge_until_the_day_is_as_wide_as_one() -> None:
    assert [k[0] for k in _kinds(_scene({3: 3}, BADGE_MIN - 1))] == ["badge"]


def test_zoomed_in_a_days_few_events_stack_at_the_day() -> None:
    found = _kinds(_scene({3: 3, 9: 1}, 30.0))
    assert [k[0] for k in found] == ["mark"] * 4
    day3 = [k for k in found if k[2] == round((5 + 0.5) * 30)]
    assert sorted(k[1] for k in day3) == [0, 1, 2]  # one row each, at the day's centre


def test_zoomed_further_they_lie_side_by_side_across_the_day() -> None:
    px = 20 * PART_PX
    found = _kinds(_scene({3: 20}, px))
    assert [k[0] for k in found] == ["mark"] * 20
    xs = [k[2] for k in found]
    assert len(set(xs)) == 20
    assert 5 * px <= min(xs) and max(xs) <= 6 * px  # all within their day


def test_a_crowded_day_stays_a_badge_until_its_events_fit_side_by_side() -> None:
    count = STACK_MAX + 4
    assert [k[0] for k in _kinds(_scene({3: count}, 30.0))] == ["badge"]
    assert badge_px([DAY0 + 3] * count, 30.0, 800.0, False) >= count * PART_PX


def test_parting_is_array_work() -> None:
    """The Python lines run do not grow with the clusters."""

    def work(copies: int) -> int:
        n = 2000 * copies
        days = np.arange(n, dtype=np.int64) * 40.0
        starts = np.arange(n, dtype=np.int64) * 3
        shapes = Shapes(days - 13, days + 13, starts, starts + 3, n)
        counter = [0]
        lines_run(lambda: part_days(shapes, 40.0), counter)
        return counter[0]

    assert growth(work) < 1.5
