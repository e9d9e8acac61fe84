"""A kept scene is given back only for the same key and rows and while it is as it was made;
an edit of the columns changes the events' stamp, and plain event lists carry none."""

from __future__ import annotations

import datetime as dt

import numpy as np

from bench.synthetic import events as synthetic_events
from viewer.core.scene.kept_scenes import KeptScenes, events_stamp
from viewer.core.scene.layout import Scene, TimeScale
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents

STAMP = ("columns", 1)


def _row_events(count: int) -> RowEvents:
    events = synthetic_events(count, seed=5)
    texts = {e.document: e.text for e in events}
    return RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))


def _scene(events: RowEvents, rows: list[int]) -> Scene:
    return Scene(events, rows, "party", TimeScale(dt.date(2024, 1, 1).toordinal(), 3.0),
                 window=(0.0, 2000.0))


def test_a_kept_scene_is_found_by_key_and_rows_until_it_is_laid_out_again() -> None:
    events = _row_events(400)
    rows = np.arange(0, 400, 2, dtype=np.int32)
    kept = KeptScenes(size=2)
    scene = _scene(events, rows.tolist())
    kept.keep(STAMP, ("a",), rows, scene)
    assert kept.find(STAMP, ("a",), rows.astype(np.int64)) is scene  # the rows' values, not dtype
    assert kept.find(STAMP, ("b",), rows) is None
    assert kept.find(STAMP, ("a",), rows[:-1]) is None
    other = rows.copy()
    other[3] += 1
    assert kept.find(STAMP, ("a",), other) is None
    scene.layout(100.0, 2100.0)  # scrolled: no longer as made
    assert kept.find(STAMP, ("a",), rows) is None
    assert len(kept) == 0  # dropped, not held until pushed out


def test_the_oldest_kept_scene_goes_and_a_found_one_becomes_the_newest() -> None:
    events = _row_events(200)
    kept = KeptScenes(size=2)
    made = {}
    for name in ("a", "b"):
        rows = np.arange(len(name), 200, 3, dtype=np.int64)
        made[name] = (rows, _scene(events, rows.tolist()))
        kept.keep(STAMP, (name,), *made[name])
    assert kept.find(STAMP, ("a",), made["a"][0]) is made["a"][1]  # now the newest
    rows = np.arange(5, 200, 7, dtype=np.int64)
    kept.keep(STAMP, ("c",), rows, _scene(events, rows.tolist()))
    assert len(kept) == 2
    assert kept.find(STAMP, ("b",), made["b"][0]) is None  # the oldest went
    assert kept.find(STAMP, ("a",), made["a"][0]) is made["a"][1]
    kept.clear()
    assert len(kept) == 0


def test_an_edit_of_the_columns_changes_the_stamp_and_plain_events_have_none() -> None:
    events = _row_events(50)
    before = events_stamp(events)
    assert before is not None and before == events_stamp(events)
    event = events[3]
    changed = events.columns.set_rows({3: type(event)(**{
        **{name: getattr(event, name) for name in type(event).__dataclass_fields__},
        "tags": (*event.tags, "kept-scene test")})})
    assert changed == {"tags"}
    assert events_stamp(events) != before
    assert events_stamp(list(events)) is None


def test_finding_a_kept_scene_behind_another_of_other_rows_moves_it_forward() -> None:
    events = _row_events(300)
    kept = KeptScenes(size=2)
    many, few = np.arange(0, 300, dtype=np.int64), np.arange(0, 300, 9, dtype=np.int64)
    first = _scene(events, many.tolist())
    kept.keep(STAMP, ("k",), many, first)
    kept.keep(STAMP, ("k",), few, _scene(events, few.tolist()))
    # the entry in front holds rows of another length: passing it must not compare arrays
    assert kept.find(STAMP, ("k",), many) is first
    assert kept.find(STAMP, ("k",), many) is first


def test_events_of_another_stamp_drop_every_kept_scene() -> None:
    events = _row_events(100)
    kept = KeptScenes(size=2)
    rows = np.arange(0, 100, 2, dtype=np.int64)
    kept.keep(STAMP, ("a",), rows, _scene(events, rows.tolist()))
    assert kept.find(("columns", 2), ("a",), rows) is None  # edited since
    assert len(kept) == 0
