"""A lane with more events than pixels is shown as counted bins: every event of the window
is in exactly one bin, a bin's rows are its events, hit-testing finds the bin under the
pointer, zooming in turns the bins back into marks, and a zoom step's work does not grow
with the events (counted, never timed)."""

from __future__ import annotations

import functools
import itertools

import numpy as np

from bench.synthetic import events as synthetic_events
from tests.core.workcount import growth, lines_run
from viewer.core.scene import lanes as lanes_module
from viewer.core.scene.lane_density import bin_days, count_in, is_dense
from viewer.core.scene.lane_shapes import LaneArrays
from viewer.core.scene.layout import ROW_HEIGHT, Scene, TimeScale, extent, fit_scale
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents


@functools.cache
def _columns() -> RowEvents:
    events = synthetic_events(64_000, seed=11)
    texts = {e.document: e.text for e in events}
    return RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))


def _fit(count: int, mode: str = "party") -> tuple[Scene, float]:
    columns = _columns()
    rows = list(range(count))
    span = extent(columns, rows)
    assert span is not None
    scale = fit_scale(span[0], span[1], 900.0, right=200.0)
    width = scale.x(span[1] + 1) - scale.x(span[0])
    return Scene(columns, rows, mode, scale, window=(-2 * width, 3 * width)), width


def test_at_fit_a_crowded_lane_is_one_row_of_bins_holding_each_event_once() -> None:
    scene, _width = _fit(64_000)
    columns = _columns().columns
    for lane in scene.lanes:
        items = lane.items
        assert items and all(i.kind == "badge" and i.level >= 0 and i.row == 0 for i in items)
        assert lane.height == ROW_HEIGHT + 12  # one row
        rows = np.concatenate([np.asarray(list(i.events), dtype=np.int64) for i in items])
        dated = np.asarray(list(lane.events), dtype=np.int64)
        assert sorted(rows.tolist()) == sorted(dated.tolist())  # each event once
        step = bin_days(scene.scale.px_per_day)
        for item in items:  # a bin's events start within its days, under its pixels
            starts = columns.arrays["start"][np.asarray(list(item.events), dtype=np.int64)]
            assert len(set((starts // step).tolist())) == 1
            first = scene.scale.x(int(starts.min() // step * step))
            assert abs(item.x0 - first) <= 1
        assert all(a.x1 <= b.x0 for a, b in itertools.pairwise(items))


def test_the_bin_under_the_pointer_is_hit_and_zooming_in_shows_marks_again() -> None:
    scene, _width = _fit(64_000)
    lane = scene.lanes[0]
    target = lane.items[len(lane.items) // 2]
    y = scene.item_y(target) + ROW_HEIGHT / 2
    assert scene.item_at((target.x0 + target.x1) / 2, y) is target
    # Zoomed in until the bin's days span the screen: its events are marks, bars, badges.
    days = _columns().columns.arrays["start"][np.asarray(list(target.events), dtype=np.int64)]
    px = 900.0 / max(1, int(days.max()) - int(days.min()) + 1)
    scale = TimeScale(scene.scale.origin, px)
    scene.set_scale(scale, (scale.x(int(days.min())), scale.x(int(days.max()) + 1)))
    assert all(i.level < 0 for i in scene.lanes[0].items)


def test_a_sparse_lane_is_never_binned() -> None:
    scene, _width = _fit(2_000)
    assert all(i.level < 0 for lane in scene.lanes for i in lane.items)
    arrays = LaneArrays.of(scene.lanes[0])
    found = count_in(arrays, -10**9, 10**9)
    assert not is_dense(arrays, found, scene.scale.px_per_day)


def test_a_zoom_step_over_binned_lanes_costs_the_same_at_four_times_the_events() -> None:
    made: list[int] = []
    original = lanes_module.Item.__new__  # an item is a named tuple: made by __new__

    def work(copies: int) -> int:
        scene, width = _fit(16_000 * copies, "single")
        counter, count = [0], [0]

        def counted(cls: type[lanes_module.Item], *args: object, **kwargs: object
                    ) -> lanes_module.Item:
            count[0] += 1
            return original(cls, *args, **kwargs)  # type: ignore[arg-type]

        lanes_module.Item.__new__ = counted  # type: ignore[method-assign, assignment]
        try:
            for factor in (1.25, 0.8):
                scale = TimeScale(scene.scale.origin, scene.scale.px_per_day * factor)
                lines_run(lambda scale=scale: (
                    scene.set_scale(scale, (-2 * width, 3 * width)),
                    [lane.items for lane in scene.lanes]), counter)
        finally:
            lanes_module.Item.__new__ = original  # type: ignore[method-assign]
        assert all(i.level >= 0 for i in scene.lanes[0].items)
        made.append(count[0])
        return counter[0]

    assert growth(work) < 1.1  # 16,000 events, then 64,000, then 16,000 again
    assert made[1] <= made[2] + 2  # bins: what pixels show, not the events
