"""The arrow keys' neighbour in time over a Session's columns is the event-by-event one, and
finding it makes no event object (a million shown rows once made a million)."""

from __future__ import annotations

import random

import numpy as np

from bench.synthetic import events as synthetic_events
from tests.core.workcount import growth, lines_run
from viewer.core.events.document_events import Event
from viewer.core.scene.row_group import RowGroup
from viewer.core.scene.time_step import start_days, step_row
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents


def _columns(events: list[Event]) -> RowEvents:
    texts = {e.document: e.text for e in events}
    return RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))


def test_the_column_step_equals_the_event_step() -> None:
    events = synthetic_events(600, seed=12)
    events = [e if i % 13 else Event(**{**{n: getattr(e, n) for n in Event.__dataclass_fields__},
                                        "start": None, "end": None})
              for i, e in enumerate(events)]
    columns = _columns(events)
    rng = random.Random(12)
    for _ in range(200):
        rows = rng.sample(range(600), rng.randrange(0, 60))
        current = rng.choice([None, rng.randrange(600), *(rows[:3])])
        for direction in (-1, 1):
            assert step_row(columns, rows, current, direction) == step_row(
                events, rows, current, direction), (rows, current, direction)


def test_a_step_over_columns_makes_no_event() -> None:
    columns = _columns(synthetic_events(2000, seed=3))
    made = [0]
    original = columns.columns.event

    def counted(row: int) -> Event:
        made[0] += 1
        return original(row)

    columns.columns.event = counted  # type: ignore[method-assign]
    rows = list(range(0, 2000, 2))
    row = step_row(columns, rows, None, 1)
    for _ in range(50):
        row = step_row(columns, rows, row, 1)
    assert row is not None and made[0] == 0


def test_a_step_costs_the_same_python_work_at_four_times_the_rows() -> None:
    events = synthetic_events(8000, seed=4)
    columns = _columns(events)

    def work(copies: int) -> int:
        rows = list(range(2000 * copies))
        counter = [0]
        lines_run(lambda: step_row(columns, rows, rows[len(rows) // 2], 1), counter)
        return counter[0]

    assert growth(work) < 1.1


def test_start_days_over_columns_equal_the_events_and_read_a_bin_without_events() -> None:
    events = synthetic_events(500, seed=6)
    events = [e if i % 7 else Event(**{**{n: getattr(e, n) for n in Event.__dataclass_fields__},
                                       "start": None, "end": None})
              for i, e in enumerate(events)]
    columns = _columns(events)
    base = np.arange(500, dtype=np.int64)[::-1].copy()
    group = RowGroup(base, np.array([3, 100]), np.array([40, 180]))
    assert start_days(columns, group) == start_days(events, list(group))
    made = [0]
    original = columns.columns.event

    def counted(row: int) -> Event:
        made[0] += 1
        return original(row)

    columns.columns.event = counted  # type: ignore[method-assign]
    assert len(start_days(columns, group)) > 0 and made[0] == 0
