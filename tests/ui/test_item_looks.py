"""The items' looks read from a Session's columns at once equal the event-by-event looks, for
every style a mark or bar can take, and follow an edit of the columns."""

from __future__ import annotations

import dataclasses
import random

import pytest
from PySide6.QtGui import QColor

from bench.synthetic import events as synthetic_events
from viewer.core.events.document_events import Event
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents
from viewer.ui.item_looks import Looks, looks, mark_kind

MODALITIES = (None, "actual", "planned", "possible", "claimed", "denied")
PRECISIONS = ("day", "month", "fuzzy", "year", "decade", "century")
SOURCES = ("explicit", "document", "inherited", "relative")


def _varied(count: int) -> list[Event]:
    rnd = random.Random(5)
    found = []
    for event in synthetic_events(count, seed=11):
        found.append(dataclasses.replace(
            event, modality=rnd.choice(MODALITIES), precision=rnd.choice(PRECISIONS),
            date_source=rnd.choice(SOURCES),
            conflict=rnd.choice(((), ("a.txt",))),
            tags=rnd.choice(((), ("watch",), ("later", "watch"))),
            topics=event.topics if rnd.random() < 0.8 else ()))
    return found


def _columns(events: list[Event]) -> RowEvents:
    texts = {e.document: e.text for e in events}
    return RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))


def _colour(key: str) -> QColor:
    return QColor.fromHsv(hash(key) % 360, 200, 200)


def _plain(found: Looks) -> list[tuple[int, str, bool, str | None]]:
    return [(c.rgba(), s, f, t) for c, s, f, t in zip(
        found.colours, found.styles, found.conflicts, found.tags, strict=True)]


@pytest.mark.parametrize("field", ["topics", "parties"])
def test_column_looks_equal_event_looks(field: str) -> None:
    events = _varied(2000)
    columns = _columns(events)
    rows = list(range(0, 2000, 3))[::-1]
    bars = [row % 2 == 0 for row in rows]
    expected = looks(events, rows, bars, _colour, field)
    assert _plain(looks(columns, rows, bars, _colour, field)) == _plain(expected)
    assert len(set(expected.styles)) >= 10  # every kind of mark and bar was compared


def test_styles_as_before() -> None:
    assert mark_kind("bar", "explicit", "fuzzy", None) == "bar-fuzzy"
    assert mark_kind("bar", "document", "day", "actual") == "bar-dashed"
    assert mark_kind("bar", "explicit", "day", "planned") == "bar-ahead"
    assert mark_kind("mark", "inherited", "day", None) == "ring"
    assert mark_kind("mark", "document", "day", "claimed") == "said"


def test_column_looks_follow_an_edit() -> None:
    events = _varied(300)
    columns = _columns(events)
    before = looks(columns, [7], [False], _colour, "topics")
    edited = dataclasses.replace(events[7], topics=("energy",), tags=("fresh",), conflict=(),
                                 modality="planned", date_source="explicit")
    columns.columns.set_rows({7: edited})
    columns[7] = edited
    after = looks(columns, [7], [False], _colour, "topics")
    assert _plain(after) == [(_colour("energy").rgba(), "ahead", False, "fresh")]
    assert _plain(after) != _plain(before)
