"""`evolve` must copy events exactly as `dataclasses.replace` does, only cheaper."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from viewer.core.events.document_events import Event, evolve


def _event() -> Event:
    return Event("e1", "a.txt", "Talks ended.", 0, 12, dt.date(2024, 1, 2), dt.date(2024, 1, 2),
                 "day", "explicit", "Tuesday", "2024-01-02", ("Russia",), (), ("talks",), False,
                 3, why=("party:Russia:Moscow",))


def test_evolve_matches_replace_for_every_field() -> None:
    event = _event()
    assert evolve(event) == event
    for field in dataclasses.fields(Event):
        value = getattr(event, field.name)
        changed: object = ((*value, "x") if isinstance(value, tuple) else
                           not value if isinstance(value, bool) else
                           value + 1 if isinstance(value, int) else
                           dt.date(2020, 1, 1) if isinstance(value, dt.date) or value is None
                           else f"{value}!")
        copy = evolve(event, **{field.name: changed})
        assert copy == dataclasses.replace(event, **{field.name: changed})
        assert getattr(copy, field.name) == changed
    assert event == _event()  # the original is untouched


def test_evolve_rejects_unknown_fields() -> None:
    with pytest.raises(KeyError):
        evolve(_event(), colour="red")
