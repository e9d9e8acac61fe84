"""Defects found trying the window on a real display (fourth round), each with its check."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from viewer.core.events.document_events import Event
from viewer.core.store import edits
from viewer.ui.export_dialog import ExportDialog
from viewer.ui.main_window import MainWindow


def _export(qtbot: QtBot, window: MainWindow, target: Path, fmt: str) -> None:
    task = window.exports.export_to(target, fmt, "filtered")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass


def test_a_corrected_date_reads_corrected_in_the_table_and_both_exports(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """The Precision column kept saying where the date had been found ("month
    (inherited)") after the date was set by hand, while the detail pane said "corrected"."""
    store = window.editor.store
    assert store is not None
    event = next(e for e in window.model.events if e.date_source != "explicit")
    window.editor.perform(edits.correct_date(store, event, dt.date(2026, 1, 27),
                                             dt.date(2026, 1, 28), "day"), [event])
    row = window.model.row_of[event.id]
    now: Event = window.model.events[row]
    assert "date" in now.corrected
    text = window.model.index(row, 1).data()
    assert text == "day (corrected)", text
    window.select_rows([row], row)
    assert "corrected by hand" in window.detail.header.text()
    _export(qtbot, window, tmp_path / "out.csv", "csv")
    _export(qtbot, window, tmp_path / "out.json", "json")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    records = {e["id"]: e for e in json.loads((tmp_path / "out.json").read_text())["events"]}
    assert "date" in rows[now.id]["corrected"]
    assert "date" in records[now.id]["corrected"]
    assert rows[now.id]["start"] == records[now.id]["start"] == "2026-01-27"


def test_opening_the_export_dialog_makes_no_events(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening Export… built every event three times over just to count them: some 5 s of
    CPU at 48,000 events before the dialog showed. Counting needs rows only."""
    made = []
    events = type(window.model.events)
    original: Any = events.__getitem__

    def counted(self: object, key: object) -> object:
        made.append(key)
        return original(self, key)

    monkeypatch.setattr(events, "__getitem__", counted)
    seen: list[dict[str, int]] = []

    def shown(dialog: ExportDialog) -> int:
        seen.append(dict(dialog.counts))
        return 0

    monkeypatch.setattr(ExportDialog, "exec", shown)
    window.exports.export()
    assert made == []
    assert seen and seen[0]["filtered"] == window.proxy.rowCount()
    assert seen[0]["all"] == len(window.exports.export_events("all", False))
