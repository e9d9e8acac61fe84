"""UI fixtures: a task runner that must end idle, and a window loaded with a copy of seeds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import copy_seeds
from tests.qt_guard import qt_guard, slot_errors  # noqa: F401  (autouse: fails on slot errors)
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner


@pytest.fixture()
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.cancel_all()
    assert task_runner.wait(10_000), "a background task was still running after the test"


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def open_and_wait(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.open_folder(folder)


def shown_window(qtbot: QtBot, runner: TaskRunner, folder: Path,
                 size: tuple[int, int] = (1500, 950)) -> MainWindow:
    """A main window of `size`, shown, with `folder` opened and loaded."""
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    open_and_wait(qtbot, win, folder)
    return win


@pytest.fixture()
def window(qtbot: QtBot, runner: TaskRunner, seeds_copy: Path) -> MainWindow:
    return shown_window(qtbot, runner, seeds_copy)
