"""An inferred publication date is confirmed from its problem: the double-click opens the
article's date dialog with the date and its evidence, and OK on it saves it to the sidecar."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import shown_window
from viewer.core.ingest.sidecar import read_sidecar
from viewer.core.model import DateSource
from viewer.ui.edit_dialogs import DocumentDateDialog
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

KENYA = Path(__file__).resolve().parents[1] / "data" / "unseen" / "kenya_election"
PETITION = "04_petition_filed.txt"


@pytest.fixture()
def kenya(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> MainWindow:
    folder = tmp_path / "kenya"
    shutil.copytree(KENYA, folder)
    return shown_window(qtbot, runner, folder, (1400, 900))


def accept_next_dialog(seen: list[DocumentDateDialog]) -> None:
    """Note the next date dialog and press OK on it as it stands."""

    def press_ok() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, DocumentDateDialog):
            seen.append(widget)
            widget.accept()
        else:
            QTimer.singleShot(20, press_ok)

    QTimer.singleShot(20, press_ok)


def test_double_click_confirms_an_inferred_date(qtbot: QtBot, kenya: MainWindow) -> None:
    window = kenya
    assert window.folder is not None
    document = window.documents[PETITION]
    assert document.date_source == DateSource.INFERRED
    inferred = document.date
    assert inferred == dt.date(2026, 8, 22)
    panel = window.problem_list
    lines = [i for i, p in enumerate(panel.problems) if p.kind == "inferred-date"]
    assert len(lines) == 1
    item = panel.topLevelItem(0)
    assert item is not None and item.child(0) is not None
    seen: list[DocumentDateDialog] = []
    accept_next_dialog(seen)
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        panel.itemActivated.emit(item.child(0), 0)
    assert len(seen) == 1
    dialog = seen[0]
    assert dialog.value() == inferred  # the inferred date filled in, not today
    label = dialog.findChild(QLabel, "date-evidence")
    assert label is not None
    said = label.text()
    assert "inferred" in said and "dateline 'NAIROBI, August 22" in said  # and from what
    assert read_sidecar(window.folder)[PETITION]["date"] == "2026-08-22"
    assert window.documents[PETITION].date_source == DateSource.SIDECAR
    assert not [p for p in panel.problems if p.kind == "inferred-date"]
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.editor.stack.undo()  # undoable like any other date set
    assert "date" not in read_sidecar(window.folder).get(PETITION, {})
    assert window.documents[PETITION].date_source == DateSource.INFERRED


def test_ok_on_a_date_already_stored_changes_nothing(qtbot: QtBot, kenya: MainWindow) -> None:
    window = kenya
    dated = next(rel for rel, doc in window.documents.items()
                 if doc.date_source == DateSource.SIDECAR)
    seen: list[DocumentDateDialog] = []
    accept_next_dialog(seen)
    window.editing.document_date(dated)
    assert len(seen) == 1 and window.editor.stack.count() == 0
