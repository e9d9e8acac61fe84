"""Opening a folder in the window walks it once: the watcher takes the load's fingerprint and
folders (a second walk cost about 0.3 s of CPU at 50,000 articles before the first paint),
and its later checks still see a file changed on disk."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.core.ingest import folder_scan
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner


def test_the_window_walks_the_folder_once_and_still_sees_a_change(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[str] = []
    real = os.scandir

    def scandir(path: Any) -> Any:
        listed.append(os.fspath(path))
        return real(path)

    monkeypatch.setattr(folder_scan.os, "scandir", scandir)
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    open_and_wait(qtbot, window, seeds_copy)
    assert listed.count(str(seeds_copy)) == 1
    watch = window.folder_watch
    assert watch.fingerprint() == watch.snapshot  # nothing changed: no reload
    assert str(seeds_copy) in watch.watcher.directories()
    path = seeds_copy / window.session.loaded.order[0] if window.session else seeds_copy
    path.write_text(path.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert watch.fingerprint() != watch.snapshot
