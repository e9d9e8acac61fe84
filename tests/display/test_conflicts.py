"""Conflicts, modality and coverage on the real display: keys through the X server, the
Conflicts facet, the detail pane's side-by-side disagreement, the reporting lag, and the
README's picture of a conflict (`TIMELINE_SCREENSHOTS=docs python -m tests.display
tests/display/test_conflicts.py` writes docs/conflict.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.display.conftest import Modals, press
from tests.display.test_screenshots import make_window, save
from viewer.ui.coverage_dialog import CoverageDialog
from viewer.ui.main_window import MainWindow
from viewer.ui.modality_dialog import ModalityDialog
from viewer.ui.tasks import TaskRunner

FIRST = """title: UAE-brokered swap returns 150 prisoners to each side
date: 2026-03-06

On March 5, Russia and Ukraine exchanged 150 prisoners of war in a swap brokered by the \
United Arab Emirates at the Belarus border.

The next round of talks is set to begin on March 20 in Abu Dhabi, officials said.
"""
SECOND = """title: Prisoner exchange at Belarus border
date: 2026-03-09

On March 7, Russia and Ukraine exchanged 120 prisoners of war in a swap brokered by the \
United Arab Emirates at the Belarus border.

The Kremlin denied that its forces had shelled Kherson on March 8.
"""


@pytest.fixture()
def disputed(qtbot: QtBot, runner: TaskRunner, tmp_path: Path,
             monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = tmp_path / "exchange"
    folder.mkdir()
    (folder / "uae-swap.txt").write_text(FIRST, encoding="utf-8")
    (folder / "border-exchange.txt").write_text(SECOND, encoding="utf-8")
    win = make_window(qtbot, runner, folder)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    return win


def _focus(win: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    win.timeline.setFocus()
    qtbot.waitUntil(win.timeline.hasFocus, timeout=2000)


def test_one_conflict_shown_side_by_side(disputed: MainWindow, qtbot: QtBot,
                                         tmp_path: Path) -> None:
    win = disputed
    facet = win.filters.facets["conflict"]
    values = {facet.model().index(i, 0).data(Qt.ItemDataRole.ToolTipRole)
              for i in range(facet.count())}
    assert {"date", "figure:prisoners"} <= values
    flagged = [r for r, e in enumerate(win.model.events) if e.conflict]
    assert len({win.model.events[r].cluster for r in flagged}) == 1 and len(flagged) == 2
    win.select_rows(flagged, flagged[0])
    win.timeline.zoom_to_selection()
    win.timeline.zoom(0.7)
    win.select_rows([flagged[0]], flagged[0])
    header = win.detail.header.text()
    assert "Sources disagree" in header and "number of prisoners" in header
    assert "150" in header and "120" in header and "2026-03-05" in header
    assert "UAE-brokered swap" in header and "Prisoner exchange at Belarus border" in header
    _focus(win, qtbot)
    press("ctrl+shift+l")
    qtbot.waitUntil(lambda: win.timeline.show_lag)
    qtbot.wait(100)
    out = tmp_path / "shots"
    out.mkdir()
    save(win, "conflict.png", out)
    press("ctrl+shift+l")
    qtbot.waitUntil(lambda: not win.timeline.show_lag)


def test_modality_and_coverage_keys(disputed: MainWindow, qtbot: QtBot,
                                    modals: Modals) -> None:
    win = disputed
    row = next(r for r, e in enumerate(win.model.events) if e.modality == "planned")
    win.select_rows([row], row)
    seen: list[object] = []
    modals.inspect.append(seen.append)
    _focus(win, qtbot)
    assert modals.expect(qtbot, "m") == "ModalityDialog"
    assert isinstance(seen[-1], ModalityDialog)
    _focus(win, qtbot)
    assert modals.expect(qtbot, "ctrl+shift+c") == "CoverageDialog"
    dialog = seen[-1]
    assert isinstance(dialog, CoverageDialog)
    assert "Russia" in dialog.data.lanes and dialog.table.rowCount() == len(dialog.data.lanes)
