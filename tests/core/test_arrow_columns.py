"""A dataset's event columns built straight from Arrow hold what `Event` objects give."""

from __future__ import annotations

import dataclasses

import pytest

pytest.importorskip("pyarrow")

from bench.synthetic import events as synthetic_events
from viewer.core.dataset.tables import events_table
from viewer.core.session.arrow_columns import columns_from_table
from viewer.core.session.columns import EventColumns


def _no_text(_document: str, _start: int, _end: int) -> str:
    return ""


def test_columns_from_arrow_equal_columns_from_events() -> None:
    events = [dataclasses.replace(e, text="", tags=("a", "b") if k % 3 else (),
                                  timex=None if k % 2 else "x", conflict=("date",) * (k % 2),
                                  not_event=k % 5 == 0)
              for k, e in enumerate(synthetic_events(2000))]
    table = events_table(events).drop_columns(["text"])
    table = table.slice(7)  # a slice: offsets that do not start at zero
    built = columns_from_table(table, _no_text)
    assert built.events() == EventColumns.build(events[7:], _no_text).events()
    assert built.events() == events[7:]
