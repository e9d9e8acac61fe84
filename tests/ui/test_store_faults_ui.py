"""The window with a store that cannot be written: a banner says so and edits are refused; a
save that fails leaves Undo and says why; a failed load never blocks a headless screenshot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from tests.ui.test_editing import find, select
from viewer.core.store.analyst_store import Store
from viewer.ui import window_loading
from viewer.ui.app import screenshot
from viewer.ui.main_window import MainWindow
from viewer.ui.tag_dialogs import TagPicker
from viewer.ui.tasks import TaskRunner


class _FullDisk:
    """Writes fail as on a full disk; reads pass through."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def execute(self, sql: str, *args: object) -> object:
        if sql.startswith(("INSERT", "DELETE", "UPDATE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self.db.execute(sql, *args)  # type: ignore[arg-type]

    def executemany(self, sql: str, *args: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")


def test_a_failed_save_leaves_undo_and_says_why(window: MainWindow) -> None:
    events = select(window, "On Wednesday, Russian forces launched")
    window.editing.add_tag("saved", events)
    assert window.editor.stack.count() == 2
    store = window.editor.store
    assert store is not None
    real = store.db
    store.db = _FullDisk(real)  # type: ignore[assignment]
    window.editing.add_tag("lost", events)
    assert window.editor.stack.count() == 2  # neither the tag nor the tagging stayed
    assert "lost" not in find(window, "On Wednesday, Russian forces launched").tags
    assert any("Not saved" in p.message and "disk is full" in p.message
               for p in window.problems)
    window.editor.stack.undo()  # undoing the earlier edit also fails: it leaves the stack
    assert window.editor.stack.count() == 1
    store.db = real
    assert "saved" in find(window, "On Wednesday, Russian forces launched").tags


def _read_only_window(qtbot: QtBot, runner: TaskRunner, folder: Path,
                      monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window on `folder` whose store (it exists) can only be read: every write refused."""
    def refuse(self: Store, busy: float) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "_connect", refuse)
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.show()
    open_and_wait(qtbot, win, folder)
    return win


def test_read_only_store_shows_a_banner_and_refuses_edits(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    Store.for_folder(seeds_copy).close()
    win = _read_only_window(qtbot, runner, seeds_copy, monkeypatch)
    assert win.store_banner.isVisible()
    assert any(p.kind == "store" and "Read-only" in p.message for p in win.problems)
    events = select(win, "On Wednesday, Russian forces launched")
    win.editing.add_tag("refused", events)
    assert win.editor.stack.count() == 0
    assert "refused" not in find(win, "On Wednesday, Russian forces launched").tags


def test_the_tag_picker_shows_what_a_read_only_store_keeps(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused tag stayed ticked in the picker, and a new one refused said so twice."""
    store = Store.for_folder(seeds_copy)
    store.set_tag("kept", "#336699")
    store.close()
    win = _read_only_window(qtbot, runner, seeds_copy, monkeypatch)
    select(win, "On Wednesday, Russian forces launched")
    said: list[str] = []
    win.editor.problem.connect(said.append)
    seen: list[tuple[Qt.CheckState, int]] = []

    def use_picker() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, TagPicker)
        item = picker.list.item(0)
        item.setCheckState(Qt.CheckState.Checked)  # refused: back to unticked
        picker.filter.setText("brand new")
        picker.enter()  # refused: no new item
        seen.append((item.checkState(), picker.list.count()))
        picker.reject()

    QTimer.singleShot(0, use_picker)
    win.editing.tag()
    assert seen == [(Qt.CheckState.Unchecked, 1)]
    assert len(said) == 2 and all(s.startswith("Not saved") for s in said)  # one per click
    assert win.editor.stack.count() == 0


def test_calendar_end_dates_load_and_a_failed_load_never_blocks_a_screenshot(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("date 9999-12-31 Talks resumed on Monday in Geneva.\n")
    (folder / "b.txt").write_text("Talks resumed on Monday, officials said.\n")
    (folder / "timeline-viewer.ini").write_text("[b.txt]\ndate = 9999-12-31\n")
    assert screenshot(folder, tmp_path / "ok.png", (800, 600)) == 0
    assert (tmp_path / "ok.png").stat().st_size > 0

    def broken(_folder: Path, _ctx: object) -> object:
        raise RuntimeError("loading broke")

    monkeypatch.setattr(window_loading, "load_folder", broken)
    assert screenshot(folder, tmp_path / "failed.png", (800, 600), timeout_ms=20_000) == 0


def test_a_newer_store_is_refused_with_the_banner(qtbot: QtBot, runner: TaskRunner,
                                                  seeds_copy: Path) -> None:
    from viewer.core.store.analyst_store import store_path

    Store.for_folder(seeds_copy).close()
    db = sqlite3.connect(store_path(seeds_copy))
    db.execute("UPDATE meta SET value = '2.0' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.show()
    open_and_wait(qtbot, win, seeds_copy)
    assert win.store_banner.isVisible() and win.proxy.rowCount() > 50
    assert any(p.kind == "store" and "newer Timeline Viewer" in p.message for p in win.problems)
    assert store_path(seeds_copy).exists()
