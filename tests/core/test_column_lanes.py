"""Lanes, extent and density over a Session's columns equal the event-by-event results, and
cost Python work per lane, not per event (counted, never timed)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bench.synthetic import events as synthetic_events
from tests.core.workcount import growth, lines_run
from viewer.core.events.document_events import Event
from viewer.core.scene.density import histogram
from viewer.core.scene.lanes import build_lanes, extent, first_value_counts, first_values
from viewer.core.scene.layout import LANE_MODES, Scene, TimeScale
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_array import RowArray
from viewer.core.session.row_events import RowEvents


def _columns(events: list[Event]) -> RowEvents:
    texts = {e.document: e.text for e in events}
    return RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))


def _sample(count: int, seed: int = 3) -> tuple[list[Event], RowEvents, list[int]]:
    events = synthetic_events(count, seed=seed)
    undated = {i for i in range(0, count, 17)}
    events = [e if i not in undated else Event(**{**_fields(e), "start": None, "end": None})
              for i, e in enumerate(events)]
    rows = [i for i in range(count) if i % 5]
    random.Random(seed).shuffle(rows)  # the table's order, not the rows'
    return events, _columns(events), rows


def _fields(event: Event) -> dict[str, object]:
    return {name: getattr(event, name) for name in Event.__dataclass_fields__}


@pytest.mark.parametrize("mode", LANE_MODES)
def test_column_lanes_equal_event_lanes(mode: str) -> None:
    events, columns, rows = _sample(3000)
    expected = build_lanes(events, rows, mode, str.upper)
    found = build_lanes(columns, rows, mode, str.upper)
    # rows that bring the filter's mask along (the window's): the mask is read, the same lanes
    mask = np.zeros(len(events), dtype=bool)
    mask[rows] = True
    masked = build_lanes(columns, RowArray(np.asarray(rows), mask), mode, str.upper)
    assert [lane.key for lane in found] == [lane.key for lane in expected]
    assert [lane.key for lane in masked] == [lane.key for lane in expected]
    assert all(a.events == b.events and a.undated == b.undated
               for a, b in zip(masked, expected, strict=True))
    for a, b in zip(found, expected, strict=True):
        assert (a.label, a.count, a.events, a.undated) == (b.label, b.count, b.events, b.undated)
        assert (a.point_days, a.point_rows) == (b.point_days, b.point_rows)
        assert (a.span_starts, a.span_ends, a.span_rows) == (
            b.span_starts, b.span_ends, b.span_rows)
        assert a.longest_span == b.longest_span


def test_column_extent_density_and_representative_equal_the_events() -> None:
    events, columns, rows = _sample(2000)
    assert extent(columns, rows) == extent(events, rows)
    span = extent(events, rows)
    assert span is not None
    assert histogram(columns, rows, span[0], span[1], 37) == histogram(
        events, rows, span[0], span[1], 37)
    scale = TimeScale(span[0], 0.05)
    by_objects = Scene(events, rows, "party", scale)
    by_columns = Scene(columns, rows, "party", scale)
    group = rows[:500]
    assert by_columns.representative(group) == by_objects.representative(group)


def test_column_lanes_make_no_events_and_run_python_per_lane_not_per_event() -> None:
    made = [0]

    def work(copies: int) -> int:
        _, columns, rows = _sample(1000 * copies)
        make = columns.columns.event

        def counted(row: int) -> Event:
            made[0] += 1
            return make(row)

        columns.columns.event = counted  # type: ignore[method-assign]
        counter = [0]
        lines_run(lambda: (build_lanes(columns, rows, "party"), extent(columns, rows)), counter)
        return counter[0]

    assert growth(work) < 1.5  # four times the events: about the same Python work
    assert made[0] == 0


def test_first_values_over_columns_equal_the_events() -> None:
    events, columns, rows = _sample(1500)
    for name in ("parties", "topics"):
        assert first_values(columns, rows, name) == first_values(events, rows, name)


def test_first_value_counts_are_largest_first_and_agree_over_columns() -> None:
    events, columns, rows = _sample(1500)
    for name in ("parties", "topics"):
        counts = first_value_counts(columns, rows, name)
        assert counts == first_value_counts(events, rows, name)
        assert [n for _v, n in counts] == sorted((n for _v, n in counts), reverse=True)
        assert {v for v, _n in counts} == set(first_values(events, rows, name))
        assert sum(n for _v, n in counts) == sum(1 for r in rows if getattr(events[r], name))


def test_first_value_counts_over_columns_run_python_per_value_not_per_event() -> None:
    """The legend's counts run on every rows change: numpy over the shown rows, no loop."""

    def work(copies: int) -> int:
        _, columns, rows = _sample(1000 * copies)
        counter = [0]
        lines_run(lambda: first_value_counts(columns, rows, "topics"), counter)
        return counter[0]

    assert growth(work) < 1.5


def test_first_value_counts_break_ties_by_first_appearance_over_columns() -> None:
    """Only tied values are looked up for where they first appear: the order must still be
    the events' own, ties included (many small samples, so that ties occur)."""
    events, columns, _rows = _sample(400, seed=8)
    rng = random.Random(8)
    tied = 0
    for _ in range(60):
        rows = rng.sample(range(400), rng.randrange(1, 40))
        for name in ("parties", "topics"):
            counts = first_value_counts(columns, rows, name)
            assert counts == first_value_counts(events, rows, name)
            tied += len(counts) - len({n for _v, n in counts})
    assert tied > 20  # the samples did exercise ties


def test_the_legend_counts_follow_an_edit_of_the_field() -> None:
    """Each row's first value is kept between filter changes: an edit of the field must
    make it again."""
    events, columns, rows = _sample(300, seed=4)
    before = first_value_counts(columns, rows, "parties")
    row = next(r for r in rows if events[r].parties)
    edited = Event(**{**_fields(events[row]), "parties": ("Nowhere Party",)})
    columns.columns.set_rows({row: edited})
    events[row] = edited
    after = first_value_counts(columns, rows, "parties")
    assert after != before and ("Nowhere Party", 1) in after
    assert after == first_value_counts(events, rows, "parties")
