"""The window loads a folder off the UI thread and shows documents and problems."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskContext, TaskRunner


def open_and_wait(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.open_folder(folder)


def test_opening_seeds_lists_documents_and_shows_text(qtbot: QtBot, runner: TaskRunner,
                                                      seeds_dir: Path) -> None:
    window = MainWindow(runner)
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, seeds_dir)
    assert window.doc_list.count() == 5
    assert window.doc_list.item(1).text().startswith("2025-07-22  Ukraine and Russia Prepare")
    assert window.text.toPlainText().startswith("As negotiators plan")
    window.doc_list.setCurrentRow(3)
    assert "Related Articles" in window.text.toPlainText()
    assert window.status_label.text() == "5 documents, 0 problems"
    assert window.problem_list.count() == 0


def test_problems_panel_lists_bad_files(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("date 2026-02-17 Talks resumed in Geneva.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    (tmp_path / "undated.txt").write_text("Talks resumed on Tuesday.")
    window = MainWindow(runner)
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, tmp_path)
    assert window.doc_list.count() == 2
    rows = sorted(window.problem_list.item(i).text() for i in range(window.problem_list.count()))
    assert rows[0].startswith("bad.txt: binary")
    assert rows[1].startswith("undated.txt: undated")


def test_load_can_be_cancelled(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    for index in range(60):
        (tmp_path / f"{index:03}.txt").write_text("Talks resumed on Tuesday. " * 50)
    window = MainWindow(runner)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.open_folder(tmp_path)
        window.cancel_load()
    assert window.doc_list.count() < 60
    assert window.status_label.text().endswith("(cancelled)")


def test_task_runner_reports_failures(qtbot: QtBot, runner: TaskRunner) -> None:
    def boom(ctx: TaskContext) -> None:
        raise RuntimeError("disk on fire")

    task = runner.submit("Boom", boom)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        pass
    assert "disk on fire" in blocker.args[0]
