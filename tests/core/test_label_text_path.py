"""The label room reads a `TextLabel`'s sentence from the text column: the same label
lengths and widths as through whole events, with no event made for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_seeds
from viewer.core.scene.label_room import LabelRoom
from viewer.core.scene.text_label import TextLabel
from viewer.core.session import Session
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents


def _first_words(text: str) -> str:
    return " ".join(text.split()[:5])


def test_a_text_label_is_read_from_the_text_column(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    cold = Session.open(folder, with_store=False).events()
    columns = Session.open(folder, with_store=False).columns

    def measure(text: str) -> float:
        return 7.0 * len(text) + 1.0

    by_events = LabelRoom(cold, measure, lambda e: _first_words(e.text), None)
    made: list[Any] = []
    event, events = EventColumns.event, EventColumns.events

    def one(self: EventColumns, *args: Any, **kwargs: Any) -> Any:
        made.append(args)
        return event(self, *args, **kwargs)

    def many(self: EventColumns, *args: Any, **kwargs: Any) -> Any:
        made.append(args)
        return events(self, *args, **kwargs)

    monkeypatch.setattr(EventColumns, "event", one)
    monkeypatch.setattr(EventColumns, "events", many)
    by_text = LabelRoom(RowEvents(columns), measure, TextLabel(_first_words), None)
    rows = range(len(cold))
    wants = [by_text._want("mark", row) for row in rows]
    widths = [by_text.width(row) for row in rows]
    assert not made
    assert wants == [by_events._want("mark", row) for row in rows]
    assert widths == [by_events.width(row) for row in rows]
    assert by_text._lows == by_events._lows and by_text._widths == by_events._widths
    assert TextLabel(_first_words)(cold[0]) == _first_words(cold[0].text)


def test_prepared_labels_are_the_labels_and_make_no_event(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`prepare` reads many rows' labels at once: those `label` gives row by row; over
    other events (or another label) it says no, and the caller makes the events."""
    folder = copy_seeds(tmp_path / "seeds")
    cold = Session.open(folder, with_store=False).events()
    columns = Session.open(folder, with_store=False).columns
    made: list[Any] = []
    event = EventColumns.event

    def one(self: EventColumns, *args: Any, **kwargs: Any) -> Any:
        made.append(args)
        return event(self, *args, **kwargs)

    monkeypatch.setattr(EventColumns, "event", one)
    room = LabelRoom(RowEvents(columns), len, TextLabel(_first_words), None)
    rows = [*range(len(cold) - 1, -1, -2), 0, 0]
    assert room.prepare(rows)
    assert room._labels == {row: _first_words(cold[row].text) for row in rows}
    assert [room.label(row) for row in range(len(cold))] == [
        _first_words(e.text) for e in cold]
    assert not made
    assert not LabelRoom(cold, len, TextLabel(_first_words), None).prepare(rows)
    assert not LabelRoom(RowEvents(columns), len, lambda e: e.text, None).prepare(rows)
