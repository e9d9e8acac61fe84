"""The filter pane's eliding texts, and the dragged-panes flag kept across runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from viewer.ui.eliding_text import ElidingCheckBox, ElidingLabel
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

TEXT = "Show events marked “not an event”"


def test_a_narrow_check_box_and_label_elide_with_their_whole_text_as_tooltip(
        qtbot: QtBot) -> None:
    for widget in (ElidingCheckBox(TEXT), ElidingLabel(TEXT)):
        qtbot.addWidget(widget)
        widget.show()  # a hidden widget hears of its resizes only when shown
        wide = widget.sizeHint()
        assert widget.minimumSizeHint().width() < wide.width() // 2  # it may shrink
        widget.resize(wide)
        assert widget.text() == TEXT and widget.toolTip() == ""
        widget.resize(wide.width() // 2, wide.height())
        assert widget.text().endswith("…") and widget.toolTip() == TEXT
        assert widget.full_text() == TEXT
        assert widget.sizeHint() == wide  # its preferred width stays the whole text's
        widget.resize(wide)
        assert widget.text() == TEXT and widget.toolTip() == ""


def test_panes_the_user_dragged_stay_dragged_in_the_next_run(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "viewer.ini"), QSettings.Format.IniFormat)
    first = MainWindow(runner, settings)
    qtbot.addWidget(first)
    assert not first.panes_dragged
    first.splitter.splitterMoved.emit(300, 1)  # what a drag of a handle emits
    assert first.panes_dragged
    first.window_settings.save()
    again = MainWindow(runner, settings)
    qtbot.addWidget(again)
    assert again.panes_dragged
    settings.setValue("window/panes_dragged", False)
    fitted = MainWindow(runner, settings)
    qtbot.addWidget(fitted)
    assert not fitted.panes_dragged
