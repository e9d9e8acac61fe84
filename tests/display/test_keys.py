"""The window driven through the X server: every README shortcut and every menu action,
with a window manager deciding focus. A slot that raises or a key bound twice fails here."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT
from tests.display.conftest import Modals, press
from viewer.ui.main_window import MainWindow

# Keys the README names, as xdotool spells them, and what each should do.
README_KEYS = {
    "Ctrl+O": "ctrl+o", "F5": "F5", "Ctrl+F": "ctrl+f", "+": "plus", "−": "minus",
    "Ctrl+0": "ctrl+0", "Z": "z", "←": "Left", "→": "Right", "T": "t", "D": "d", "P": "p",
    "O": "o", "X": "x", "A": "a", "R": "r", "N": "n", "Ctrl+D": "ctrl+d", "Ctrl+Z": "ctrl+z",
    "Ctrl+Shift+Z": "ctrl+shift+z", "Ctrl+Y": "ctrl+y", "F1": "F1", "Ctrl+E": "ctrl+e",
    "Ctrl+P": "ctrl+p", "M": "m", "Ctrl+Shift+L": "ctrl+shift+l", "Ctrl+Shift+C": "ctrl+shift+c",
    "Ctrl+Shift+T": "ctrl+shift+t", "L": "l", "Shift+L": "shift+l", "Ctrl+1": "ctrl+1",
    "Ctrl+2": "ctrl+2", "Ctrl+3": "ctrl+3",
}
KEY = re.compile(r"^(?:Ctrl\+)?(?:Shift\+)?(?:\w|F\d+|[+−←→])$")


def all_actions(window: MainWindow) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if not a.isSeparator()]


def menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_actions(action.menu())  # type: ignore[arg-type]
        elif not action.isSeparator():
            found.append(action)
    return found


def select_first(window: MainWindow, qtbot: QtBot) -> int:
    row = window.first_event_row()
    assert row is not None
    window.select_rows([row], row)
    window.timeline.setFocus()
    qtbot.waitUntil(window.timeline.hasFocus, timeout=2000)
    return row


def test_the_readme_names_no_key_this_layer_does_not_press() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    app_section = readme.split("## The app", 1)[1].split("## Command line", 1)[0]
    named = set()
    for chunk in re.findall(r"`([^`]+)`", app_section):
        named.update(part.strip() for part in chunk.split("/") if KEY.match(part.strip()))
    named.update(re.findall(r"\b(?:Ctrl\+(?:Shift\+)?\w|F\d+)\b", app_section))
    assert named <= set(README_KEYS), sorted(named - set(README_KEYS))


def test_no_two_actions_share_a_key(live: MainWindow) -> None:
    keys: Counter[str] = Counter()
    for action in all_actions(live):
        for sequence in action.shortcuts():
            keys[sequence.toString(QKeySequence.SequenceFormat.PortableText)] += 1
    assert {k: n for k, n in keys.items() if n > 1} == {}


def test_dialog_keys_open_their_dialogs(live: MainWindow, qtbot: QtBot, modals: Modals) -> None:
    select_first(live, qtbot)
    expected = {"t": "TagPicker", "d": "DateDialog", "p": "SetDialog", "o": "SetDialog",
                "ctrl+d": "DocumentDateDialog", "ctrl+e": "ExportDialog", "F1": "QMessageBox",
                "ctrl+o": "QFileDialog", "ctrl+p": "QPrintPreviewDialog", "m": "ModalityDialog",
                "ctrl+shift+c": "CoverageDialog", "ctrl+shift+t": "TopicsDialog"}
    for keys, name in expected.items():
        # The window manager gives focus back after each dialog; keys wait for it.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is live, timeout=5000)
        live.timeline.setFocus()
        qtbot.waitUntil(live.timeline.hasFocus, timeout=2000)
        assert modals.expect(qtbot, keys) == name, keys


def test_review_keys_and_undo_redo(live: MainWindow, qtbot: QtBot) -> None:
    row = select_first(live, qtbot)
    event_id = live.model.events[row].id

    def review() -> str:
        return live.model.events[live.model.row_of[event_id]].review

    press("a")
    qtbot.waitUntil(lambda: review() == "accepted")
    press("r")
    qtbot.waitUntil(lambda: review() == "rejected")
    press("ctrl+z")
    qtbot.waitUntil(lambda: review() == "accepted")
    press("ctrl+shift+z")
    qtbot.waitUntil(lambda: review() == "rejected")
    press("ctrl+z")
    qtbot.waitUntil(lambda: review() == "accepted")
    press("ctrl+y")
    qtbot.waitUntil(lambda: review() == "rejected")
    press("u")
    qtbot.waitUntil(lambda: review() == "unreviewed")
    press("n")
    qtbot.waitUntil(lambda: live.detail.current_event is not None)
    press("x")
    qtbot.waitUntil(lambda: live.editor.stack.count() == 4)


def test_link_keys_and_their_undo(live: MainWindow, qtbot: QtBot) -> None:
    events = list(live.model.events)
    talks = next(e for e in events if "did not go to Istanbul" in e.text)
    earlier = next(e for e in events if e.text.startswith("Previous direct talks in Istanbul"))
    rows = [live.model.row_of[talks.id], live.model.row_of[earlier.id]]

    def sources() -> tuple[int, int]:
        found = [live.model.events[r] for r in rows]
        return found[0].sources, found[1].sources

    live.select_rows(rows, rows[0])
    live.timeline.setFocus()
    qtbot.waitUntil(live.timeline.hasFocus, timeout=2000)
    press("l")
    qtbot.waitUntil(lambda: sources() == (2, 2))
    press("ctrl+z")
    qtbot.waitUntil(lambda: sources() == (1, 1))
    press("ctrl+y")
    qtbot.waitUntil(lambda: sources() == (2, 2))
    live.select_rows([rows[1]], rows[1])
    live.timeline.setFocus()
    qtbot.waitUntil(live.timeline.hasFocus, timeout=2000)
    press("shift+l")
    qtbot.waitUntil(lambda: sources() == (1, 1))
    assert live.editor.stack.count() == 2


def test_view_keys_zoom_pan_and_step(live: MainWindow, qtbot: QtBot) -> None:
    select_first(live, qtbot)

    def px() -> float:
        return live.timeline.scale.px_per_day

    start = px()
    press("plus")
    qtbot.waitUntil(lambda: px() > start)
    zoomed = px()
    press("minus")
    qtbot.waitUntil(lambda: px() < zoomed)
    press("ctrl+0")
    qtbot.waitUntil(lambda: abs(px() - start) < 1e-9)
    press("z")
    qtbot.waitUntil(lambda: px() > start)
    current = live.timeline.current
    press("Right")
    qtbot.waitUntil(lambda: live.timeline.current != current)
    stepped = live.timeline.current
    press("Left")
    qtbot.waitUntil(lambda: live.timeline.current != stepped)
    press("ctrl+f")
    qtbot.waitUntil(live.filters.search.hasFocus)
    # Back to each pane from anywhere (from the filters it took some 15 Tabs).
    press("ctrl+3")
    qtbot.waitUntil(live.filters.facets["parties"].hasFocus)
    press("ctrl+2")
    qtbot.waitUntil(live.table.hasFocus)
    press("ctrl+1")
    qtbot.waitUntil(live.timeline.hasFocus)
    press("Escape")  # clears the selection, in every view
    qtbot.waitUntil(lambda: not live.selected_source_rows())
    qtbot.waitUntil(lambda: live.detail.current_event is None)
    live.timeline.setFocus()
    with qtbot.waitSignal(live.loaded, timeout=30_000):
        press("F5")


def test_every_menu_action_runs(live: MainWindow, qtbot: QtBot, modals: Modals) -> None:
    select_first(live, qtbot)
    actions = [a for top in live.menuBar().actions() if top.menu() is not None
               for a in menu_actions(top.menu())]  # type: ignore[arg-type]
    quit_action = next(a for a in actions if a.text().replace("&", "") == "Quit")
    ran = []
    for action in actions:
        if action is quit_action or not action.isEnabled():
            continue
        select_first(live, qtbot)
        action.trigger()
        qtbot.wait(30)
        if live.task is not None and not live.task.done:
            qtbot.waitUntil(lambda: live.task is None or live.task.done, timeout=30_000)
        ran.append(action.text())
    assert len(ran) >= 25, ran
    assert {"ExportDialog", "TagManager", "QMessageBox", "PeriodsDialog", "LegendDialog",
            "QPrintPreviewDialog", "ModalityDialog", "CoverageDialog", "TopicsDialog"} <= set(
                modals.names), \
        modals.names
    live.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is live, timeout=5000)
    press("ctrl+q")
    qtbot.waitUntil(lambda: not live.isVisible())
    assert QApplication.activeModalWidget() is None
