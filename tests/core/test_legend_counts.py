"""The legend's first-value counts over most of the rows, counted as every row's less the
hidden rows', equal the events' own, ties and their first appearance included, and follow an
edit of the field."""

from __future__ import annotations

import dataclasses
import random

import numpy as np

from tests.core.test_column_lanes import _sample
from viewer.core.scene.lanes import first_value_counts
from viewer.core.session.row_array import RowArray


def _with_mask(rows: list[int], size: int) -> RowArray:
    mask = np.zeros(size, dtype=bool)
    mask[rows] = True
    return RowArray(np.asarray(rows, dtype=np.int32), mask)


def test_counts_of_most_rows_equal_the_events_ties_included() -> None:
    events, columns, _rows = _sample(60, seed=4)
    rng = random.Random(4)
    tied = 0
    for _ in range(80):
        rows = rng.sample(range(60), rng.randrange(31, 61))  # over half: the hidden counted
        for name in ("parties", "topics"):
            counts = first_value_counts(columns, _with_mask(rows, 60), name)
            assert counts == first_value_counts(events, rows, name)
            tied += len(counts) - len({n for _v, n in counts})
    assert tied > 20  # the samples did exercise ties


def test_counts_of_most_rows_follow_an_edit_of_the_field() -> None:
    events, columns, _rows = _sample(200, seed=6)
    rows = list(range(0, 200, 3)) + list(range(1, 200, 3))
    first_value_counts(columns, _with_mask(rows, 200), "topics")  # every row's counts made
    row = next(r for r in rows if events[r].topics)
    edited = dataclasses.replace(events[row], topics=("a-new-topic", *events[row].topics))
    columns.columns.set_rows({row: edited})
    events[row] = edited
    assert first_value_counts(columns, _with_mask(rows, 200), "topics") == first_value_counts(
        events, rows, "topics")
