"""The Export dialog keeps the user's choices when an existing file is not to be replaced
(No closed the whole dialog), and counts what a picture of the visible range draws (it said
"66 events will be written" with "only the time range now visible" ticked)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from viewer.core.export import PICTURE_FORMATS
from viewer.ui.export_dialog import ExportDialog
from viewer.ui.main_window import MainWindow


def test_no_to_replacing_keeps_the_dialog(qtbot: QtBot, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ExportDialog({"filtered": 5, "all": 9}, tmp_path)
    qtbot.addWidget(dialog)  # closed and deleted with the test, not by a later collection
    (tmp_path / "timeline.csv").write_text("old")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    dialog.open()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0  # still open, nothing chosen yet
    dialog.accept()
    assert not dialog.isVisible() and dialog.result() == 1


def test_a_picture_of_the_visible_range_says_how_many_it_draws(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[ExportDialog] = []

    def shown(dialog: ExportDialog) -> int:
        made.append(dialog)
        return 0

    monkeypatch.setattr(ExportDialog, "exec", shown)
    monkeypatch.setattr(window.timeline, "visible_range",
                        lambda: (dt.date(2025, 7, 1), dt.date(2025, 7, 31)))
    window.exports.export()
    dialog = made[0]
    july = [e for e in window.exports.export_events("filtered", False)
            if e.start is not None and e.end is not None
            and e.start <= dt.date(2025, 7, 31) and e.end >= dt.date(2025, 7, 1)]
    assert 0 < len(july) < dialog.counts["filtered"]
    dialog.format.setCurrentIndex(dialog.format.findData(PICTURE_FORMATS[0]))
    dialog.visible_only.setChecked(True)
    assert dialog.preview.text().startswith(f"{len(july)} events of ")
    dialog.visible_only.setChecked(False)
    assert dialog.preview.text().endswith("will be written.")


def test_an_export_in_progress_says_so(window: MainWindow) -> None:
    """While an export ran, the bar showed the last load's "3012 / 3012 documents"."""
    window._set_busy(True, "Exporting report.html…")
    assert window.progress.format() == "Exporting report.html…"
    assert window.progress.maximum() == 0  # busy, no count
    window._set_busy(False)
    window._set_busy(True)
    assert window.progress.format() == "%v / %m documents"
