"""Bugs a user met on a real display, each pinned by the test that would have caught it."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from viewer.ui.edit_dialogs import DocumentDateDialog
from viewer.ui.export_dialog import default_export_dir
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


def test_export_dialog_defaults_outside_the_folder(window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.folder is not None
    monkeypatch.setenv("HOME", str(window.folder))  # even a home inside the folder is passed
    chosen = default_export_dir(window.folder, str(window.folder))
    assert window.folder.resolve() not in (chosen.resolve(), *chosen.resolve().parents)
    seen: list[str] = []
    paths: list[str] = []

    def close() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            paths.append(widget.findChild(QLineEdit, "export-path").text())
            seen.append(type(widget).__name__)
            widget.reject()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)
    window.exports.export()
    assert seen == ["ExportDialog"]
    target = Path(paths[0]).resolve()
    assert window.folder.resolve() not in target.parents


def test_picture_exports_follow_the_umask(window: MainWindow, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        window.exports.export_to(tmp_path / "t.png", "png")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "t.png").stat().st_mode) == 0o644
