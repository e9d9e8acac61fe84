"""A zoom step lays out what the window's pixels can show, whatever the number of events:
clusters follow the greedy chain of the one-by-one original, badges hold ranges of rows
instead of copies, and the Python work of a re-layout does not grow with the events
(counted, never timed)."""

from __future__ import annotations

import bisect
import functools
import gc
import random
import weakref

import numpy as np
import pytest

from bench.synthetic import events as synthetic_events
from tests.core.workcount import growth, lines_run
from viewer.core.scene import lanes as lanes_module
from viewer.core.scene.lane_shapes import cluster_ranges
from viewer.core.scene.layout import Scene, extent, fit_scale
from viewer.core.scene.row_group import RowGroup, rows_array
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents


def _chain(days: list[int], lo: int, hi: int, reach: float) -> list[tuple[int, int]]:
    """The original: from each cluster's first day, bisect to the first day beyond reach."""
    out = []
    index = lo
    while index < hi:
        stop = bisect.bisect_right(days, days[index] + reach, index, hi)
        out.append((index, stop))
        index = stop
    return out


@pytest.mark.parametrize("reach", [0.2, 0.999, 1.0, 2.5, 33.0, 400.0])
def test_clusters_equal_the_one_by_one_chain(reach: float) -> None:
    rng = random.Random(int(reach * 10))
    for _ in range(20):
        days = sorted(rng.randrange(0, 300) for _ in range(rng.randrange(0, 400)))
        lo = rng.randrange(0, len(days) + 1)
        hi = rng.randrange(lo, len(days) + 1)
        starts, stops = cluster_ranges(np.asarray(days, dtype=np.int64), lo, hi, reach)
        assert list(zip(starts.tolist(), stops.tolist(), strict=True)) == _chain(
            days, lo, hi, reach)


def test_a_row_group_reads_as_the_tuple_of_its_rows() -> None:
    base = np.arange(100, 200, dtype=np.int64)
    group = RowGroup(base, np.array([5, 40, 41]), np.array([8, 41, 44]))
    rows = (105, 106, 107, 140, 141, 142, 143)
    assert len(group) == 7 and tuple(group) == rows and group == rows and rows == group
    assert group[0] == 105 and group[-1] == 143 and group[3] == 140 and group[:3] == rows[:3]
    assert 141 in group and 108 not in group and "x" not in group
    assert hash(group) == hash(rows)
    assert rows_array(group).tolist() == list(rows) and rows_array(rows).tolist() == list(rows)
    with pytest.raises(IndexError):
        group[7]
    empty = RowGroup(base, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    assert len(empty) == 0 and tuple(empty) == ()
    with pytest.raises(IndexError):
        empty[0]


def test_a_row_group_s_first_row_is_the_same_given_or_read() -> None:
    """A badge made with its first row (the label room knows it) reads as one that finds
    it, and one that found it keeps giving the same row."""
    base = np.arange(300, 100, -1, dtype=np.int64)
    starts, stops = np.array([7, 50]), np.array([9, 60])
    given = RowGroup(base, starts, stops, 12, first=int(base[7]))
    read = RowGroup(base, starts, stops)
    assert given[0] == read[0] == read[0] == 293 and given == read
    assert tuple(given) == tuple(read) and given[:2] == read[:2] == (293, 292)


def test_every_badge_of_a_column_scene_names_its_first_row() -> None:
    """The first row a badge was made with is the first of its rows, in every lane of a
    scene over columns, at fit and zoomed in."""
    events = _columns()
    rows = list(range(0, len(events), 3))
    scene = Scene(events, rows, "party", fit_scale(*extent(events, rows) or (0, 1), 1200.0))
    badges = [item for lane in scene.lanes for item in lane.items
              if isinstance(item.events, RowGroup)]
    first = (extent(events, rows) or (0, 1))[0]
    scene.set_scale(fit_scale(first, first + 90, 1200.0), (0.0, 1200.0))
    badges += [item for lane in scene.lanes for item in lane.items
               if isinstance(item.events, RowGroup)]
    assert badges
    for item in badges:
        assert item.events[0] == item.first == int(rows_array(item.events)[0])


@functools.cache
def _columns() -> RowEvents:
    events = synthetic_events(64_000, seed=5)  # ten years; any prefix spreads over all of them
    texts = {e.document: e.text for e in events}
    return RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))


def _scene(count: int, dense: bool = False) -> tuple[Scene, float, float]:
    """At fit, packed into rows (`dense=False`: no lane is shown as bins), so that the
    packing path is what is counted."""
    columns = _columns()
    rows = list(range(count))
    span = extent(columns, rows)
    assert span is not None
    scale = fit_scale(span[0], span[1], 400.0, right=100.0)
    width = (scale.x(span[1]) - scale.x(span[0])) * 1.1
    return Scene(columns, rows, "single", scale, window=(-2 * width, 3 * width),
                 dense=dense), width, scale.px_per_day


def test_a_zoom_step_at_fit_costs_the_same_python_work_at_four_times_the_events() -> None:
    made = [0]
    original = lanes_module.Item.__new__  # an item is a named tuple: made by __new__

    def counted(cls: type[lanes_module.Item], *args: object, **kwargs: object
                ) -> lanes_module.Item:
        made[0] += 1
        return original(cls, *args, **kwargs)  # type: ignore[arg-type]

    items: list[int] = []

    def work(copies: int) -> int:
        scene, width, px = _scene(16_000 * copies)
        counter = [0]
        made[0] = 0
        lanes_module.Item.__new__ = counted  # type: ignore[method-assign, assignment]
        try:
            for factor in (1.25, 0.8):
                scale = type(scene.scale)(scene.scale.origin, px * factor)
                lines_run(lambda scale=scale: (  # every lane read: all its items made
                    scene.set_scale(scale, (-2 * width, 3 * width)),
                    [lane.items for lane in scene.lanes]), counter)
        finally:
            lanes_module.Item.__new__ = original  # type: ignore[method-assign]
        items.append(made[0])
        # Rows held as Python objects: one per mark or bar, none for a badge's range.
        held.append(sum(len(i.events) for lane in scene.lanes for i in lane.items
                        if not isinstance(i.events, RowGroup)))
        badged.append(sum(len(i.events) for lane in scene.lanes for i in lane.items
                          if isinstance(i.events, RowGroup)))
        return counter[0]

    held: list[int] = []
    badged: list[int] = []
    assert growth(work) < 1.2  # runs 16,000 events, then 64,000, then 16,000 again
    small, large = 2, 1
    assert items[large] < 1.2 * items[small]  # items made: what pixels show, not the events
    assert held[large] < 1.2 * held[small]
    assert badged[large] > 3.5 * badged[small]  # the badges hold the rest, 4x as many


def test_a_lane_out_of_sight_is_packed_but_its_items_are_made_only_when_read() -> None:
    scene, width, px = _scene(16_000)
    lane = scene.lanes[0]
    assert lane.items  # read: made
    scene.set_scale(type(scene.scale)(scene.scale.origin, px * 2), (-2 * width, 3 * width))
    assert lane.pending is not None and lane.height > 0  # packed: its height is known
    items = lane.items
    assert lane.pending is None and lane.items is items and lane.starts == [i.x0 for i in items]
    assert max(i.row for i in items) + 1 == lane.max_rows


def test_a_replaced_scene_is_freed_at_once_not_at_the_next_full_collection() -> None:
    """Lanes waiting to make their items held their scene: every scene a filter replaced
    stayed in memory (its lanes' row lists: tens of MB) until a full garbage collection."""
    scene, _width, _px = _scene(2_000)
    gone = weakref.ref(scene)
    lane = scene.lanes[0]
    assert lane.pending is not None
    enabled = gc.isenabled()
    gc.disable()
    try:
        del scene
        assert gone() is None  # freed by reference counting alone
    finally:
        if enabled:
            gc.enable()
    assert lane.items  # the lane makes its items all the same: it holds what it needs
