"""The shown days picked from the dated rows sorted once equal the events' own days sorted,
for any filter, with or without the filter's mask; the fit and the histogram read from them
equal the partial-sort and the counting versions; a filter change costs Python work that does
not grow with the events (counted, never timed)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from tests.core.test_column_lanes import _sample
from tests.core.workcount import growth, lines_run
from viewer.core.scene.density import histogram
from viewer.core.scene.shown_days import LAST_ENDS, extent, shown_dated_days, start_histogram
from viewer.core.scene.zoom_targets import OUTLIER_CAP, fit_days, fit_sorted_days
from viewer.core.session.row_array import RowArray


def _filters(count: int) -> list[list[int]]:
    rng = np.random.default_rng(5)
    picks = [rng.random(count) < share for share in (0.0, 0.002, 0.1, 0.5, 0.97, 1.0)]
    return [np.flatnonzero(pick).tolist() for pick in picks]


def test_the_shown_days_are_the_events_days_sorted() -> None:
    """The first days all; the last days only the latest (a fit reads no more), found from
    the end in growing blocks, so a filter of a few rows still finds all of its own."""
    events, columns, _rows = _sample(1200)
    for rows in _filters(1200):
        mask = np.zeros(1200, dtype=bool)
        mask[rows] = True
        expected = [(e.start.toordinal(), e.end.toordinal()) for e in map(events.__getitem__, rows)
                    if e.start is not None and e.end is not None]
        for given in (rows, RowArray(np.asarray(rows, dtype=np.int32), mask)):
            starts, ends = shown_dated_days(columns, given)
            assert starts.tolist() == sorted(s for s, _ in expected)
            assert ends.tolist() == sorted(e for _, e in expected)[-LAST_ENDS:]  # the last
            assert extent(columns, given) == extent(events, rows)


def test_the_last_days_kept_are_as_many_as_a_fit_reads() -> None:
    assert LAST_ENDS == OUTLIER_CAP + 1


def test_the_histogram_of_sorted_days_counts_as_the_pass_over_the_events() -> None:
    events, columns, _rows = _sample(1500)
    for rows in _filters(1500)[1:]:
        span = extent(events, rows)
        assert span is not None
        for first, last in (span, (span[0] + 40, span[1] - 40), (span[0] - 9, span[0] + 3)):
            for bins in (1, 7, 300):
                assert histogram(columns, rows, first, last, bins) == histogram(
                    events, rows, first, last, bins)


def test_slices_begin_where_the_days_fall_by_offset_times_bins() -> None:
    rng = np.random.default_rng(2)
    for days in (1, 3, 97, 1000):
        starts = np.sort(rng.integers(100, 100 + days + 20, 400)).astype(np.int32)
        for bins in (1, 2, 5, 300):
            counts = [0] * bins
            for day in starts.tolist():
                if 0 <= day - 100 < days:
                    counts[(day - 100) * bins // days] += 1
            assert start_histogram(starts, 100, 100 + days - 1, bins) == counts


def test_a_fit_of_sorted_days_equals_the_fit_of_any_order() -> None:
    rng = np.random.default_rng(11)
    for size in (1, 2, 3, 40, 5000):
        for spread in (1, 60, 40_000):
            starts = rng.integers(730_000, 730_000 + spread, size).astype(np.int32)
            ends = starts + rng.integers(0, 9, size).astype(np.int32)
            starts[: max(1, size // 50)] -= 9000  # a few far-off ones
            assert fit_sorted_days(np.sort(starts), np.sort(ends)) == fit_days(starts, ends)
    assert fit_sorted_days(np.zeros(0, np.int32), np.zeros(0, np.int32)) is None


def test_the_shown_days_follow_an_edit_of_a_date() -> None:
    events, columns, rows = _sample(300)
    shown = RowArray(np.asarray(rows, dtype=np.int32))
    first = extent(columns, shown)
    assert first is not None
    row = next(r for r in rows if events[r].start is not None)
    early = dt.date.fromordinal(first[0] - 12)
    columns.columns.set_rows({row: dataclasses.replace(events[row], start=early, end=early)})
    assert shown_dated_days(columns, shown)[0][0] == first[0] - 12


def test_the_shown_days_cost_no_python_work_per_event() -> None:
    def work(copies: int) -> int:  # past OUTLIER_CAP: the fit reads at most that many days
        _, columns, rows = _sample(8000 * copies)
        counter = [0]
        span = extent(columns, rows)
        assert span is not None

        def change() -> None:
            shown = RowArray(np.asarray(rows, dtype=np.int32))
            fit_sorted_days(*shown_dated_days(columns, shown))
            histogram(columns, shown, span[0], span[1], 300)

        lines_run(change, counter)
        return counter[0]

    assert growth(work) < 1.5  # four times the events: about the same Python work


def test_the_day_order_is_a_stable_sort_whatever_the_days_span() -> None:
    from viewer.core.scene.shown_days import _by_day

    rng = np.random.default_rng(13)
    for spread in (1, 3000, 65_535, 65_536, 2_000_000):
        days = rng.integers(700_000, 700_000 + spread, 5000).astype(np.int32)
        assert _by_day(days).tolist() == np.argsort(days, kind="stable").tolist()
    assert _by_day(np.zeros(0, dtype=np.int32)).tolist() == []


def test_a_filter_showing_few_rows_sorts_their_own_first_days(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With its mask, a filter showing at most one dated row in FEW_SHOWN has its first days
    gathered by its rows and sorted, never a pass over every dated row's place in the mask
    (work in proportion to the rows shown); the same days as that pass, whatever the days
    span (a radix sort of 16-bit offsets, or a plain sort past 65,536 days)."""
    from viewer.core.scene import shown_days

    events, columns, _rows = _sample(2400)
    span = {"narrow": 0, "wide": 70_000}
    picked = shown_days._picked
    calls: list[int] = []

    def counted(*args: object) -> object:
        calls.append(1)
        return picked(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(shown_days, "_picked", counted)
    for name, shift in span.items():
        if shift:  # a few events pushed ~190 years on: the days span more than 16 bits
            moved = {r: dataclasses.replace(events[r], start=dt.date.fromordinal(
                events[r].start.toordinal() + shift), end=dt.date.fromordinal(
                events[r].end.toordinal() + shift)) for r in range(1, 2400, 97)
                if events[r].start is not None and events[r].end is not None}
            columns.columns.set_rows(moved)
            events = [moved.get(r, e) for r, e in enumerate(events)]
        for rows in _filters(2400):
            mask = np.zeros(2400, dtype=bool)
            mask[rows] = True
            dated = len(shown_days.day_order(columns.columns).by_start)
            few = len(rows) * shown_days.FEW_SHOWN <= dated
            calls.clear()
            starts, _ends = shown_dated_days(columns, RowArray(np.asarray(rows, np.int32), mask))
            assert starts.tolist() == sorted(e.start.toordinal() for e in map(
                events.__getitem__, rows) if e.start is not None), name
            assert starts.dtype == columns.columns.arrays["start"].dtype
            assert bool(calls) != few, (name, len(rows))
