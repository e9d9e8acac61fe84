"""Real-display fixtures: the window shown and active under a window manager, keys sent
through the X server, and modal dialogs closed (and recorded) as they open."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from tests.conftest import PLATFORM
from tests.qt_guard import qt_guard, slot_errors  # noqa: F401  (autouse: fails on slot errors)
from tests.ui.conftest import open_and_wait, runner, seeds_copy  # noqa: F401
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

if PLATFORM != "xcb" or not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
    pytest.skip("real-display tests need an X display and xdotool: run `python -m tests.display`",
                allow_module_level=True)


def press(keys: str) -> None:
    """Send keys the way a user does: through the X server to the focused window."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay", "20", keys], check=True)


class Modals:
    """Closes each modal dialog or message box as it opens, remembering which it was."""

    def __init__(self) -> None:
        self.seen: list[QWidget] = []
        self.names: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(40)
        self.timer.timeout.connect(self._poll)
        self.inspect: list[object] = []  # callbacks run on each dialog before it is closed

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            return
        self.seen.append(widget)
        self.names.append(type(widget).__name__)
        for callback in self.inspect:
            callback(widget)  # type: ignore[operator]
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def expect(self, qtbot: QtBot, keys: str, timeout: int = 15_000) -> str:
        """Press keys, wait for a modal to open (and be closed), return its class name."""
        before = len(self.names)
        press(keys)
        try:
            qtbot.waitUntil(lambda: len(self.names) > before, timeout=timeout)
        except WaitTimeout:
            pytest.fail(f"no dialog opened within {timeout} ms of pressing {keys}")
        return self.names[-1]


@pytest.fixture()
def modals(qtbot: QtBot) -> Iterator[Modals]:
    closer = Modals()
    closer.timer.start()
    yield closer
    closer.timer.stop()


@pytest.fixture()
def live(qtbot: QtBot, runner: TaskRunner, seeds_copy: Path,  # noqa: F811
         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window on a copy of seeds, shown, active and focused on the timeline."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    open_and_wait(qtbot, win, seeds_copy)
    win.activateWindow()
    win.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    win.timeline.setFocus()
    qtbot.waitUntil(win.timeline.hasFocus, timeout=2000)
    return win
