"""An opened folder without events says why: no articles, or none that could be read."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import shown_window
from viewer.ui.tasks import TaskRunner
from viewer.ui.timeline_view import NO_EVENTS


def test_an_empty_folder_says_it_holds_no_articles(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("not an article\n")
    window = shown_window(qtbot, runner, tmp_path, (1200, 800))
    assert window.timeline.empty_text.startswith("No articles in this folder")
    assert ".txt" in window.timeline.empty_text


def test_a_folder_of_unreadable_files_says_they_were_skipped(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    window = shown_window(qtbot, runner, tmp_path, (1200, 800))
    assert window.timeline.empty_text.startswith("No article could be read: 1 file skipped")


def test_a_folder_with_articles_keeps_the_usual_text(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path) -> None:
    window = shown_window(qtbot, runner, seeds_copy, (1200, 800))
    assert window.timeline.empty_text == NO_EVENTS
