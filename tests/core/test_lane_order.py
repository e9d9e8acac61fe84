"""Each lane mode's order of every event is sorted once and only picked from by a filter; an
edit of a date or of the lane's field sorts again, and the lanes then follow the edit."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from bench.synthetic import events as synthetic_events
from tests.core.workcount import count_sorts, growth, lines_run
from viewer.core.events.document_events import Event
from viewer.core.scene import lane_order as lane_order_module
from viewer.core.scene.lane_order import lane_order
from viewer.core.scene.lanes import build_lanes, extent
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_array import RowArray
from viewer.core.session.row_events import RowEvents


def _columns(events: list[Event]) -> RowEvents:
    texts = {e.document: e.text for e in events}
    return RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))


def test_a_filter_change_sorts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    columns = _columns(synthetic_events(2000, seed=5))
    build_lanes(columns, range(0, 2000, 2), "party")  # the mode's order, sorted once
    sorts = count_sorts(monkeypatch)
    for step in (3, 5, 7):
        build_lanes(columns, RowArray(np.arange(0, 2000, step)), "party")
    assert sorts[0] == 0


def test_a_filter_change_runs_python_per_lane_not_per_event() -> None:
    def work(copies: int) -> int:
        columns = _columns(synthetic_events(1000 * copies, seed=2))
        rows = RowArray(np.arange(0, 1000 * copies, 3))
        build_lanes(columns, rows, "topic")
        counter = [0]
        lines_run(lambda: build_lanes(columns, rows[::2], "topic"), counter)
        return counter[0]

    assert growth(work) < 1.3


def test_an_edit_of_the_dates_or_the_lane_field_sorts_again_and_the_lanes_follow() -> None:
    events = synthetic_events(600, seed=9)
    columns = _columns(events)
    rows = list(range(600))
    first = lane_order(columns.columns, "party")
    columns.columns.set_rows({5: dataclasses.replace(events[5], tags=("checked",))})
    assert lane_order(columns.columns, "party") is first  # tags are not the party lanes
    day = dt.date(2001, 3, 4)
    moved = dataclasses.replace(events[5], parties=("Nobody before",), start=day, end=day)
    columns.columns.set_rows({5: moved})
    assert lane_order(columns.columns, "party") is not first
    expected = build_lanes([*events[:5], moved, *events[6:]], rows, "party")
    found = build_lanes(columns, rows, "party")
    assert [(lane.key, lane.count) for lane in found] == [
        (lane.key, lane.count) for lane in expected]
    for a, b in zip(found, expected, strict=True):
        assert (a.events, a.undated, a.point_days, a.span_starts) == (
            b.events, b.undated, b.point_days, b.span_starts)


def test_lanes_over_columns_hold_arrays_that_read_as_ints() -> None:
    columns = _columns(synthetic_events(300, seed=4))
    lanes = build_lanes(columns, range(300), "topic")
    lane = lanes[0]
    assert isinstance(lane.point_rows, RowArray)
    assert all(type(r) is int for r in lane.point_rows[:5])
    assert np.asarray(lane.point_rows) is lane.point_rows.array  # read without a copy
    assert sum(lane.count for lane in lanes) >= 300
    assert lane_order_module.lane_order(columns.columns, "topic").points.rows.dtype == np.int32


def test_row_array_is_a_sequence_of_ints() -> None:
    rows = RowArray(np.array([4, 8, 15], dtype=np.int32))
    assert list(rows) == [4, 8, 15] and rows[1] == 8 and type(rows[1]) is int
    assert rows[1:] == [8, 15] and rows == RowArray.of([4, 8, 15])
    assert 15 in rows and 16 not in rows and bool(rows) and not RowArray()
    assert RowArray.of(rows) is rows and rows.tolist() == [4, 8, 15]


def test_extent_of_the_same_rows_follows_a_date_edit() -> None:
    events = synthetic_events(200, seed=6)
    columns = _columns(events)
    rows = RowArray(np.arange(200, dtype=np.int64))
    before = extent(columns, rows)
    assert before == extent(events, list(range(200))) and extent(columns, rows) == before
    late = dt.date(2031, 1, 1)
    columns.columns.set_rows({3: dataclasses.replace(events[3], start=late, end=late)})
    after = extent(columns, rows)
    assert after is not None and before is not None and after == (before[0], late.toordinal())


@pytest.mark.parametrize("spans", [(20, 4000, 10**6), (20, 4000), (3, 70_000, 50),
                                   (2**40, 2**30, 5), (7,)])
def test_argsort_keys_is_a_stable_lexsort(spans: tuple[int, ...]) -> None:
    """Whichever way the keys are sorted (16-bit passes, one packed key, a lexsort), the
    order is the lexsort's, with negative keys and an already ordered last key too."""
    from viewer.core.scene.lane_order import argsort_keys

    rng = np.random.default_rng(len(spans))
    for size in (0, 1, 5000):
        keys = [rng.integers(-span // 3, span, size).astype(np.int64) for span in spans]
        expected = np.lexsort(tuple(reversed(keys))) if size else np.zeros(0, dtype=np.int64)
        assert argsort_keys(keys).tolist() == expected.tolist()
        ordered = [*keys, np.arange(size, dtype=np.int64)]  # a last key already in order
        assert argsort_keys(ordered).tolist() == expected.tolist()
