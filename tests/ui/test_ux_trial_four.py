"""Defects found trying the window on a real display (fourth round), each with its check."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.core.events.document_events import Event
from viewer.core.session.row_events import RowEvents
from viewer.core.store import edits
from viewer.ui.export_dialog import ExportDialog
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

UNSEEN = Path(__file__).resolve().parents[1] / "data" / "unseen"


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
    texts: list[str] = []

    def shown(dialog: ExportDialog) -> int:
        seen.append(dict(dialog.counts))
        texts.append(dialog.scope.button(2).text())
        return 0

    monkeypatch.setattr(ExportDialog, "exec", shown)
    window.exports.export()
    assert made == []
    assert seen and seen[0]["filtered"] == window.proxy.rowCount()
    assert seen[0]["all"] == len(window.exports.export_events("all", False))
    assert texts == [f"All ({seen[0]['all']:,})"]


class _Children(QObject):
    """Counts objects given to a widget as children, and layout requests a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.added = 0
        self.layouts = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildAdded:
            self.added += 1
        elif event.type() == QEvent.Type.LayoutRequest:
            self.layouts += 1
        return False


def test_a_new_status_text_lays_out_neither_the_window_nor_the_splitter(
        qtbot: QtBot, window: MainWindow) -> None:
    """Each filter change's new count in the status bar laid out the main window, which made
    (and threw away) a zero-length geometry animation of the central splitter."""
    splitter, window_watch = _Children(), _Children()
    window.splitter.installEventFilter(splitter)
    window.installEventFilter(window_watch)
    base = window.proxy.filter
    for needle in ("russia", "", "ukraine", ""):
        window.proxy.set_filter(dataclasses.replace(base, search=needle))
        qtbot.wait(20)
    assert "of" in window.status_label.text()
    assert splitter.added == 0
    assert window_watch.layouts == 0
    label = window.status_label
    assert label.isVisible() and label.width() > label.fontMetrics().horizontalAdvance(
        label.text())  # the count still has the room it needs


def test_a_small_window_gives_panels_what_their_lines_need(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    """At 900×600 the Problems panel took room for six lines to show two, and the detail
    header, squeezed by it, lost its last line (the article's file)."""
    folder = shutil.copytree(UNSEEN / "kenya_election", tmp_path / "kenya")
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    open_and_wait(qtbot, window, folder)
    window.problem_dock.show()
    window.select_rows([0], 0)
    qtbot.wait(100)
    panel = window.problem_list
    lines = panel.topLevelItemCount() + sum(
        item.childCount() for item in (panel.topLevelItem(g) for g in range(
            panel.topLevelItemCount())) if item is not None and item.isExpanded())
    assert 0 < lines <= 3
    row = max(panel.sizeHintForRow(0), 18, panel.fontMetrics().height() + 4)
    assert panel.height() <= lines * row + 2 * panel.frameWidth() + 4
    assert panel.viewport().height() >= lines * row  # and none of them cut
    header = window.detail.header
    assert header.height() >= header.heightForWidth(header.width())


LEAVE_ABRUPTLY = """
import multiprocessing, os, sys
from viewer.ui.app import release_semaphores
queue = multiprocessing.get_context("forkserver").Queue()
queue.put(1)
if sys.argv[1] == "release":
    release_semaphores()
sys.stderr.flush()
os._exit(0)
"""


@pytest.mark.parametrize("release", [True, False])
def test_a_quit_that_leaves_abruptly_leaks_no_semaphore(release: bool) -> None:
    """A quit during a load leaves by `os._exit`, which skips the exit handlers that remove
    the worker queues' named semaphores: the resource tracker printed "leaked semaphore
    objects". Without the release the warning shows (so the check can see it)."""
    done = subprocess.run(
        [sys.executable, "-c", LEAVE_ABRUPTLY, "release" if release else "keep"],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=60,
        check=True)
    assert ("leaked" in done.stderr) is not release, done.stderr


def test_an_export_makes_its_events_in_one_pass_and_the_same_ones(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exporting made its events one by one on the window's thread (about 2 s of CPU at
    48,000 events before the task began); a column at a time makes the same events."""
    events = window.model.events
    assert isinstance(events, RowEvents)
    one_by_one = [events[r] for r in window.exports.export_rows("filtered", False)]
    window.editing.add_tag("checked", one_by_one[:2])  # an edit the columns must hold
    one_by_one = [window.model.events[r] for r in window.exports.export_rows("filtered", False)]
    made = []
    original: Any = RowEvents.__getitem__

    def counted(self: object, key: object) -> object:
        made.append(key)
        return original(self, key)

    monkeypatch.setattr(RowEvents, "__getitem__", counted)
    assert window.exports.export_events("filtered", False) == one_by_one
    assert made == []
