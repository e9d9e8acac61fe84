"""Link as One Happening (`L`) and Unlink from Its Happening (`Shift+L`), driven by mouse
clicks in the table and key presses, with undo and redo by key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.core.events.document_events import Event
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

TALKS = "did not go to Istanbul"  # article 003, dated by its article
EARLIER = "Previous direct talks in Istanbul"  # article 001, "earlier this year"


def _event(window: MainWindow, fragment: str) -> Event:
    return next(e for e in window.model.events if fragment in e.text)


def _click_row(qtbot: QtBot, window: MainWindow, fragment: str,
               modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    row = window.model.row_of[_event(window, fragment).id]
    position = window.proxy.proxy_row_of_source(row)
    assert position is not None
    index = window.proxy.index(position, 2)
    window.table.scrollTo(index)
    QTest.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     window.table.visualRect(index).center())


def _key(qtbot: QtBot, window: MainWindow, key: Qt.Key,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus, timeout=2000)
    qtbot.keyClick(window.table, key, modifier)


def test_link_and_unlink_by_mouse_and_keys(qtbot: QtBot, window: MainWindow) -> None:
    talks, earlier = _event(window, TALKS), _event(window, EARLIER)
    assert talks.cluster != earlier.cluster
    _click_row(qtbot, window, TALKS)
    _click_row(qtbot, window, EARLIER, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_source_rows()) == 2
    _key(qtbot, window, Qt.Key.Key_L)

    def same() -> bool:
        a, b = _event(window, TALKS), _event(window, EARLIER)
        return a.cluster == b.cluster and a.sources == b.sources == 2

    qtbot.waitUntil(same, timeout=3000)
    assert window.editor.stack.undoText() == "Link 2 events as one happening"
    assert len(window.selected_source_rows()) == 2, "the selection stays"
    header = window.detail.header.text()
    assert "Also reported by 1 other source" in header and "linked by hand" in header
    assert "2025-06-05" in header and "2025-07-22" in header, "first and last report"
    _key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not same(), timeout=3000)
    _key(qtbot, window, Qt.Key.Key_Z,
         Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(same, timeout=3000)
    _click_row(qtbot, window, EARLIER)
    _key(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _event(window, EARLIER).sources == 1, timeout=3000)
    assert _event(window, TALKS).sources == 1
    assert window.editor.stack.undoText() == "Unlink an event from its happening"
    assert "taken out of its happening by hand" in window.detail.header.text()


def test_linking_one_event_says_why_nothing_happened(qtbot: QtBot, window: MainWindow) -> None:
    _click_row(qtbot, window, TALKS)
    _key(qtbot, window, Qt.Key.Key_L)
    assert window.editor.stack.count() == 0
    assert "two or more" in window.statusBar().currentMessage()
    _key(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.stack.count() == 0
    assert "not linked" in window.statusBar().currentMessage()


def test_the_context_menu_offers_both(window: MainWindow) -> None:
    texts = [a.text() for a in window.editing.context_menu().actions()]
    assert "&Link as One Happening" in texts and "Unlin&k from Its Happening" in texts


def test_a_link_is_there_after_reopening(qtbot: QtBot, runner: TaskRunner, window: MainWindow,
                                         seeds_copy: Path) -> None:
    talks, earlier = _event(window, TALKS), _event(window, EARLIER)
    rows = [window.model.row_of[talks.id], window.model.row_of[earlier.id]]
    window.select_rows(rows, rows[0])
    window.editing.links.link.trigger()
    window.close()
    again = MainWindow(runner)
    qtbot.addWidget(again)
    open_and_wait(qtbot, again, seeds_copy)
    assert _event(again, TALKS).cluster == _event(again, EARLIER).cluster
    assert _event(again, TALKS).sources == 2
