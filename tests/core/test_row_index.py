"""Readers of the shown rows index with the filter's own 32-bit array (no 64-bit copy per
reader), and the extent asked twice for the same rows is worked out once, until an edit."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from tests.core.test_column_lanes import _sample
from viewer.core.scene import shown_days
from viewer.core.scene.density import histogram
from viewer.core.scene.lanes import extent, first_value_counts
from viewer.core.scene.row_group import row_index
from viewer.core.session.row_array import RowArray


def test_a_row_array_is_its_own_index() -> None:
    array = np.array([5, 1, 3], dtype=np.int32)
    assert row_index(RowArray(array)) is array
    assert row_index([5, 1, 3]).dtype == np.int64


def test_readers_give_the_same_answers_for_32_bit_rows() -> None:
    events, columns, rows = _sample(2000)
    narrow = RowArray(np.asarray(rows, dtype=np.int32))
    assert extent(columns, narrow) == extent(events, rows)
    span = extent(events, rows)
    assert span is not None
    assert histogram(columns, narrow, span[0], span[1], 41) == histogram(
        events, rows, span[0], span[1], 41)
    assert first_value_counts(columns, narrow, "topics") == first_value_counts(
        events, rows, "topics")


def test_the_extent_of_the_same_rows_is_kept_until_an_edit_moves_a_date() -> None:
    events, columns, rows = _sample(500)
    shown = RowArray(np.asarray(rows, dtype=np.int32))
    first = extent(columns, shown)
    assert shown_days._SHOWN[0][1]() is shown.array  # kept for the same array: no gather again
    assert first is not None
    row = next(r for r in rows if events[r].start is not None)
    late = dt.date.fromordinal(first[1] + 30)
    edited = dataclasses.replace(events[row], start=late, end=late)
    columns.columns.set_rows({row: edited})
    assert extent(columns, shown) == (first[0], first[1] + 30)


def test_the_days_of_the_rows_before_are_kept_too_until_an_edit_moves_a_date() -> None:
    """A change back to every event hands back the filter before's rows: their days are
    kept with the last rows' (two sets), and an edit of a date finds them again."""
    events, columns, rows = _sample(500)
    every = RowArray(np.asarray(rows, dtype=np.int32))
    some = RowArray(np.asarray(rows[::7], dtype=np.int32))
    first = extent(columns, every)
    assert extent(columns, some) is not None
    kept = shown_days._SHOWN[1][3]
    assert shown_days._SHOWN[1][1]() is every.array
    assert extent(columns, every) == first
    assert shown_days._SHOWN[0][3] is kept  # the same days, not gathered again
    assert len(shown_days._SHOWN) == shown_days.KEPT_SHOWN
    row = next(r for r in rows if events[r].start is not None)
    late = dt.date.fromordinal(first[1] + 30)
    columns.columns.set_rows({row: dataclasses.replace(events[row], start=late, end=late)})
    assert extent(columns, some) is not None
    assert extent(columns, every) == (first[0], first[1] + 30)
