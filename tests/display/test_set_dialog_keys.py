"""The parties dialog under real keys: Enter in its "Add another" field adds the value and
keeps the dialog open (it also pressed OK and closed the dialog); Enter with the field empty
is OK."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from viewer.ui.edit_dialogs import SetDialog
from viewer.ui.main_window import MainWindow


def keys(*names: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay", "30", *names], check=True)


def test_enter_adds_a_party_and_keeps_the_dialog(qtbot: QtBot, live: MainWindow) -> None:
    dialog = SetDialog("Parties", ["Russia", "Ukraine"], ["Russia"], parent=live)
    results: list[int] = []
    dialog.finished.connect(results.append)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    dialog.activateWindow()
    dialog.new.setFocus()
    qtbot.waitUntil(dialog.new.hasFocus, timeout=3000)
    keys("N", "o", "r", "d", "v", "a", "l", "e", "Return")
    qtbot.waitUntil(lambda: "Nordvale" in dialog.values(), timeout=3000)
    qtbot.wait(200)
    assert dialog.isVisible() and results == []  # still open: the new party can be checked
    keys("Return")  # the field is empty now: OK
    qtbot.waitUntil(lambda: results != [], timeout=3000)
    assert results == [1] and dialog.values() == {"Russia", "Nordvale"}
    QTimer.singleShot(0, dialog.deleteLater)
