"""Events written as JSON from their columns are the text the `json` module writes from
each event's dict, byte for byte: on one line (JSON Lines) and indented inside the export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.core.export.writers import events_json, events_json_parts, events_jsonl
from viewer.core.serialize import event_to_dict
from viewer.core.session import Session
from viewer.core.session.column_json import EVENT_LEVEL, KEYS, SUPPORTED, supported
from viewer.core.store.edits import correct_date, correct_set


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    """The seeds with two edits: rows whose extracted event differs from the columns."""
    folder = copy_seeds(tmp_path_factory.mktemp("column_json") / "seeds")
    session = Session.open(folder)
    assert session.store is not None
    events = session.events()
    day = dt.date(2026, 1, 5)
    session.perform(correct_date(session.store, events[3], day, day, "day"), [events[3]])
    session.perform(correct_set(session.store, events[10], "parties", {"Mars"}), [events[10]])
    return session


def test_the_fields_are_those_the_writer_knows() -> None:
    assert SUPPORTED and supported()
    assert len(KEYS) == len(set(KEYS))


@pytest.mark.parametrize("size", [7, 20_000])
def test_json_lines_as_the_json_module_writes_them(session: Session, size: int) -> None:
    expected = events_jsonl(session.extracted_events())
    found = "".join(t + "\n" for block in session.extracted_texts(None, size) for t in block)
    assert found == expected
    assert any(e.parties == ("Mars",) for e in session.events())  # the edit is on the columns
    assert '"Mars"' not in found  # but the output is the events as extracted


@pytest.mark.parametrize("size", [5, 20_000])
def test_indented_json_as_the_json_module_writes_it(session: Session, size: int) -> None:
    documents = [session.documents[r] for r in session.loaded.order]
    expected = events_json(documents, session.extracted_events())
    found = "".join(events_json_parts(documents, session.extracted_texts(EVENT_LEVEL, size)))
    assert found == expected
    assert json.loads(found)["events"] == [event_to_dict(e) for e in session.extracted_events()]


def test_no_events_at_all(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("Nothing dated here.\n", encoding="utf-8")
    session = Session.open(tmp_path, with_store=False)
    documents = [session.documents[r] for r in session.loaded.order]
    assert "".join(events_json_parts(documents, session.extracted_texts(EVENT_LEVEL))) == (
        events_json(documents, []))
    assert "".join(events_json_parts([], [])) == events_json([], [])
    assert list(session.extracted_texts(None)) == [] or session.size > 0
