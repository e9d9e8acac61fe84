"""Linking two reports of one happening on the real display, by key, and the README's picture
of it (`TIMELINE_SCREENSHOTS=docs python -m tests.display tests/display/test_link_picture.py`
writes docs/link-happening.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import copy_seeds
from tests.display.conftest import press
from tests.display.test_screenshots import make_window, save
from viewer.ui.tasks import TaskRunner


def test_two_reports_linked_by_key(qtbot: QtBot, runner: TaskRunner, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    win = make_window(qtbot, runner, copy_seeds(tmp_path / "seeds"))
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    events = list(win.model.events)
    talks = next(e for e in events if "did not go to Istanbul" in e.text)
    earlier = next(e for e in events if e.text.startswith("Previous direct talks in Istanbul"))
    rows = [win.model.row_of[talks.id], win.model.row_of[earlier.id]]
    win.select_rows(rows, rows[0])
    win.timeline.setFocus()
    qtbot.waitUntil(win.timeline.hasFocus, timeout=2000)
    press("l")
    qtbot.waitUntil(lambda: win.model.events[rows[0]].sources == 2)
    assert win.model.events[rows[1]].cluster == win.model.events[rows[0]].cluster
    win.timeline.zoom_to_selection()
    qtbot.wait(150)
    header = win.detail.header.text()
    assert "Also reported by 1 other source" in header and "linked by hand" in header
    out = tmp_path / "shots"
    out.mkdir()
    save(win, "link-happening.png", out)
