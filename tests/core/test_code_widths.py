"""Code columns read back from a snapshot are held in 1 or 2 bytes a row; a code that does
not fit widens its column first, so no edit wraps a code around."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from bench.synthetic import events as synthetic_events
from tests.conftest import copy_seeds
from viewer.core.query import EventIndex, Filter
from viewer.core.session import Session
from viewer.core.session.column_rows import put
from viewer.core.session.columns import EventColumns


def _columns(count: int) -> tuple[EventColumns, list]:  # type: ignore[type-arg]
    events = synthetic_events(count, seed=3, documents=count)  # text_of: one per document
    texts = {e.document: e.text for e in events}
    return EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]), events


def test_narrow_columns_give_the_same_events_and_widen_for_new_codes() -> None:
    columns, events = _columns(400)
    columns.narrow()
    assert columns.arrays["precision"].dtype == np.int8
    assert columns.arrays["review"].dtype == np.int8
    assert columns.events() == events
    notes = {row: dataclasses.replace(events[row], note=f"note {row}") for row in range(300)}
    columns.set_rows(notes)  # 300 new codes: past what one byte takes
    assert columns.arrays["note"].dtype == np.int16
    assert [columns.event(row).note for row in range(300)] == [f"note {r}" for r in range(300)]
    assert columns.events(range(300, 400)) == events[300:]


def test_put_widens_too() -> None:
    columns, _events = _columns(300)
    columns.narrow()
    put(columns, "speaker", {row: f"speaker {row}" for row in range(250)})
    assert columns.arrays["speaker"].dtype == np.int16
    assert [columns.event(row).speaker for row in (0, 120, 249)] == [
        "speaker 0", "speaker 120", "speaker 249"]


def test_a_warm_open_narrows_and_filters_as_before(tmp_path: Path) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    cold = Session.open(folder, with_store=False)
    warm = Session.open(folder, with_store=False)
    assert warm.loaded.extracted == 0
    assert warm.columns.arrays["precision"].itemsize == 1
    assert warm.events() == cold.events()
    index = EventIndex.build(cold.events())
    for chosen in (Filter(), Filter(review=frozenset({"accepted"})), Filter(search="talks")):
        assert warm.index.rows(chosen) == index.rows(chosen)
        assert warm.index.counts(chosen) == index.counts(chosen)
