"""A data export makes its events in its background task, from a copy of the columns taken
when it began: the window is not held while 48,000 events are made, and an edit made while
the task runs does not reach the file."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.core.events.document_events import Event
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents
from viewer.core.store import edits
from viewer.ui.main_window import MainWindow


def _wait(qtbot: QtBot, window: MainWindow, target: Path, start_edit: bool = False) -> str:
    task = window.exports.export_to(target, "csv", "filtered")
    assert task is not None
    if start_edit:  # an edit right after the export began, before its task made its events
        store = window.editor.store
        assert store is not None
        event = window.model.events[0]
        window.editor.perform(edits.correct_date(store, event, dt.date(2031, 1, 27),
                                                 dt.date(2031, 1, 28), "day"), [event])
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    return target.read_text(encoding="utf-8")


def test_an_export_writes_the_events_as_they_were_when_it_began(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert isinstance(window.model.events, RowEvents)
    before = _wait(qtbot, window, tmp_path / "before.csv")
    assert "2031-01-27" not in before
    during = _wait(qtbot, window, tmp_path / "during.csv", start_edit=True)
    assert during == before
    after = _wait(qtbot, window, tmp_path / "after.csv")
    assert "2031-01-27" in after


def test_an_export_makes_no_event_on_the_window_thread(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = window.model.events
    assert isinstance(source, RowEvents)
    on_main: list[bool] = []
    kind = type(source.columns)
    real = kind.events

    def counted(self: EventColumns, rows: Iterable[int] | None = None,
                text: bool = True) -> list[Event]:
        on_main.append(threading.current_thread() is threading.main_thread())
        return real(self, rows, text)

    monkeypatch.setattr(kind, "events", counted)
    task = window.exports.export_to(tmp_path / "x.csv", "csv", "filtered")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert on_main and not any(on_main)
