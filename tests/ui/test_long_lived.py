"""An open folder's objects are taken out of the garbage collector's walks once its first
picture is up, and given back before the next open and when the window closes: a full
collection at a million events walked them for 140 ms, inside whatever step triggered it."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from viewer.ui.main_window import MainWindow
from viewer.ui.window_loading import FREE_AFTER_MS, settle


def _held(thing: object) -> bool:
    """Whether the collector no longer walks `thing` (frozen objects are in no generation)."""
    return all(o is not thing for o in gc.get_objects())


def test_an_open_folder_is_held_until_the_next_open_and_the_close(
        qtbot: QtBot, window: MainWindow, seeds_copy: Path, tmp_path: Path) -> None:
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=FREE_AFTER_MS + 5_000)
    session = window.session
    assert session is not None and _held(session) and _held(session.columns)
    other = tmp_path / "other"
    shutil.copytree(seeds_copy, other, ignore=shutil.ignore_patterns(".timeline-viewer"))
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.open_folder(other)
        assert gc.get_freeze_count() == 0  # the last folder may be dropped now
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=FREE_AFTER_MS + 5_000)
    window.close()
    assert gc.get_freeze_count() == 0


def test_a_settle_after_another_open_or_the_close_holds_nothing(
        qtbot: QtBot, window: MainWindow, seeds_copy: Path) -> None:
    first = window.task
    assert first is not None
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.open_folder(seeds_copy)  # before the first open's settle
        gc.unfreeze()
        settle(window, first)
        assert gc.get_freeze_count() == 0
    second = window.task
    assert second is not None
    window.close()
    settle(window, second)
    assert gc.get_freeze_count() == 0
