"""Bugs a user met on a real display, each pinned by the test that would have caught it."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.edit_dialogs import DocumentDateDialog
from viewer.ui.main_window import MainWindow


def reject_next_dialog(seen: list[str]) -> None:
    """Close the next modal dialog as soon as it is shown, noting its class."""

    def close() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            seen.append(type(widget).__name__)
            widget.reject()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def test_article_date_dialog_builds(qtbot: QtBot) -> None:
    dialog = DocumentDateDialog("Geneva round", dt.date(2026, 2, 17))
    qtbot.addWidget(dialog)
    assert dialog.value() == dt.date(2026, 2, 17)
    dialog.undated.setChecked(True)
    assert dialog.value() is None


def test_article_date_action_opens_the_dialog(window: MainWindow) -> None:
    row = window.first_event_row()
    assert row is not None
    window.select_rows([row], row)
    seen: list[str] = []
    reject_next_dialog(seen)
    window.editing.actions["doc_date"].trigger()
    assert seen == ["DocumentDateDialog"]


def test_no_key_is_bound_twice(window: MainWindow) -> None:
    keys: Counter[str] = Counter(
        sequence.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction) for sequence in action.shortcuts())
    assert {k: n for k, n in keys.items() if n > 1} == {}
    redo = {s.toString() for s in window.editing.redo.shortcuts()}
    assert redo == {"Ctrl+Shift+Z", "Ctrl+Y"}
