"""Defects a tester found in the shown window, each with the check that would have caught it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner


def test_the_selected_event_keeps_its_label_in_every_lane(window: MainWindow) -> None:
    """Lanes by party put one event in several lanes; selecting it drew its bold label in the
    first lane only and left a bare mark in the others."""
    events = window.model.events
    rows = [r for r in window.proxy.rows
            if "Talks between Russia and Ukraine" in events[r].text
            and len(events[r].parties) >= 2]
    assert rows, "the seeds hold the Geneva talks event with several parties"
    window.select_rows([rows[0]], rows[0])
    timeline = window.timeline
    timeline.zoom_to_selection()
    assert not timeline.grab().isNull()
    scene = timeline.scene
    assert scene is not None
    left, right = timeline.painter.labels.visible
    lanes = {i.lane for i in scene.visible(left, right)
             if i.kind != "badge" and rows[0] in i.events}
    assert len(lanes) >= 2, "the event is shown in several lanes"
    assert len(timeline.painter.labels.current_label_boxes) == len(lanes)


def test_the_status_bar_counts_problems_from_the_first_paint(qtbot: QtBot, runner: TaskRunner,
                                                             seeds_copy: Path) -> None:
    """The status line was written by the model's reset before the problems were stored, so
    it named them only after the next filter change."""
    (seeds_copy / "blank.txt").write_text("\n", encoding="utf-8")
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.show()
    open_and_wait(qtbot, win, seeds_copy)
    assert win.problems, "an empty article is a problem"
    assert win.status_label.text().endswith(f"· {len(win.problems)} problem"
                                            + ("s" if len(win.problems) > 1 else ""))
