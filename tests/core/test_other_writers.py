"""Two windows on one folder share its store: each sees what the other saved without a
reload (a tester's second window showed a tag only after F5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.core.query import Filter
from viewer.core.session import Session
from viewer.core.store.analyst_store import Store, UserData
from viewer.core.store.edits import CreateTag, SetNote, TagEvents, correct_date
from viewer.core.store.other_writers import changed_ids


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def test_a_second_session_takes_the_first_ones_edits(folder: Path) -> None:
    first, second = Session.open(folder), Session.open(folder)
    assert first.store is not None and second.store is not None
    assert second.others_edits() is None  # nobody wrote yet
    event = first.event(3)
    first.perform(CreateTag("Create tag", "key", "#ff0000"))
    first.perform(TagEvents.make(first.store, "key", [event.id], True), [event])
    assert first.others_edits() is None  # its own edits are no news to it
    change = second.others_edits()
    assert change is not None and change.rows == (3,) and change.tags
    assert "tags" in change.facets and second.event(3).tags == ("key",)
    assert second.tags == {"key": "#ff0000"}
    assert second.index.rows(Filter(tags=frozenset({"key"}))) == [3]
    assert second.others_edits() is None  # told once

    day = dt.date(2020, 5, 1)
    first.perform(correct_date(first.store, event, day, day, "day"), [event])
    first.perform(SetNote.make(first.store, first.event(5).id, "check this"), [first.event(5)])
    change = second.others_edits()
    assert change is not None and change.rows == (3, 5)
    assert second.event(3).start == day and second.event(5).note == "check this"
    first.undo()
    first.undo()
    change = second.others_edits()
    assert change is not None and change.rows == (3, 5)
    assert second.event(3) == first.event(3) and second.event(5).note == ""


def test_nothing_new_costs_one_statement(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked once a second: the store is read whole only when another writer committed."""
    session = Session.open(folder)
    reads = []
    monkeypatch.setattr(Store, "load", lambda self: reads.append(1) or UserData())
    for _ in range(5):
        assert session.others_edits() is None
    assert reads == []


def test_changed_ids_name_exactly_the_events_whose_edits_differ() -> None:
    old = UserData(event_tags={"a": {"x"}, "b": {"y"}}, notes={"c": "n"},
                   corrections={"d": {"start": "2020-01-01"}}, reviews={"e": "accepted"})
    new = UserData(event_tags={"a": {"x"}, "b": {"y", "z"}}, notes={"c": "n"},
                   corrections={"d": {"start": "2020-01-02"}}, reviews={"f": "rejected"})
    assert changed_ids(old, new) == {"b", "d", "e", "f"}
