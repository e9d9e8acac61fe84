"""A frozen copy of the columns reads the events as they were when it was taken, whatever
edits the columns get afterwards (an export made in the background from such a copy)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bench.synthetic import events as synthetic_events
from viewer.core.session.columns import EventColumns


def test_edits_after_the_copy_do_not_reach_it() -> None:
    events = synthetic_events(300, seed=5, documents=300)
    texts = {e.document: e.text for e in events}
    columns = EventColumns.build(events, lambda doc, a, b: texts[doc][a:b])
    columns.narrow()
    copy = columns.frozen()
    late = dt.date(2031, 5, 6)
    updates = {
        row: dataclasses.replace(events[row], start=late, end=late, precision="day",
                                 tags=("checked", f"new-tag-{row}"), parties=("Narnia",),
                                 not_event=not events[row].not_event,
                                 note=f"a note {row}", id=f"edited-{row}")
        for row in (0, 7, 150, 299)}
    columns.set_rows(updates)
    assert columns.events([0, 7, 150, 299]) == list(updates.values())
    assert copy.events() == events
    assert len(copy.events()) == copy.size == columns.size
