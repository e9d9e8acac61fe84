"""The panels' rows act under real mouse clicks: an undated article's row opens the Article
Date dialog, an orphaned edit's row its dialog, a row of the Undated tray selects its event."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from tests.conftest import copy_seeds
from tests.display.conftest import Modals
from tests.display.test_screenshots import UNDATED, make_window
from viewer.ui.tasks import TaskRunner


def double_click(tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    """Through the X server, at the item's place on the screen."""
    tree.scrollToItem(item)
    centre = tree.viewport().mapToGlobal(tree.visualItemRect(item).center())
    subprocess.run(["xdotool", "mousemove", "--sync", str(centre.x()), str(centre.y()),
                    "click", "--repeat", "2", "--delay", "80", "1"], check=True)


def test_problem_rows_and_the_tray_open_their_dialogs(qtbot: QtBot, runner: TaskRunner,
                                                     tmp_path: Path, modals: Modals) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    (folder / "exchange.txt").write_text(UNDATED, encoding="utf-8")
    win = make_window(qtbot, runner, folder)
    vowed = next(e for e in win.model.events if "He vowed" in e.text)
    win.editing.set_note(vowed, "check")
    article = folder / vowed.document
    article.write_text(article.read_text(encoding="utf-8").replace(vowed.text, "He spoke."),
                       encoding="utf-8")
    with qtbot.waitSignal(win.loaded, timeout=60_000):
        win.reload()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    panel = win.problem_list
    qtbot.waitUntil(panel.isVisible)
    groups = {panel.topLevelItem(i).text(0).split(" (")[0]: panel.topLevelItem(i)
              for i in range(panel.topLevelItemCount())}
    for kind, dialog in (("undated", "DocumentDateDialog"), ("orphaned edit", "OrphanDialog")):
        group = groups[kind]
        group.setExpanded(True)
        before = len(modals.names)
        double_click(panel, group.child(0))
        qtbot.waitUntil(lambda b=before: len(modals.names) > b, timeout=5000)
        assert modals.names[-1] == dialog
    tray = win.undated_tray
    tray.set_open(True)
    tray.tree.expandAll()
    qtbot.wait(100)
    row_item = tray.tree.topLevelItem(0).child(0)
    double_click(tray.tree, row_item)  # a click on an undated sentence selects its event
    qtbot.waitUntil(lambda: win.detail.current_event is not None
                    and win.detail.current_event.start is None, timeout=5000)
    shown = win.detail.current_event
    assert shown is not None and shown.document == "exchange.txt"
