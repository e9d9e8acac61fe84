"""Keyboard only: Tab, pressed through the X server, visits every pane and comes back."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.display.conftest import press
from viewer.ui.main_window import MainWindow


def _focus_after(qtbot: QtBot, key: str) -> QWidget | None:
    before = QApplication.focusWidget()
    press(key)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not before, timeout=2000)
    return QApplication.focusWidget()


def test_tab_leaves_the_table_and_comes_round(live: MainWindow, qtbot: QtBot) -> None:
    """The table walked its cells on Tab and Shift+Tab, so a keyboard user who tabbed into
    it could never leave; the filter pane's scroll area was a stop that showed no focus."""
    stops: list[QWidget] = []
    for _ in range(60):
        widget = _focus_after(qtbot, "Tab")
        assert widget is not None and widget.isVisible(), "focus went nowhere visible"
        if widget is live.timeline:
            break
        stops.append(widget)
    else:
        raise AssertionError(f"Tab never came back to the timeline: {stops[-5:]}")
    assert stops and stops[0] is live.table, "the table follows the timeline"
    assert live.filters.search in stops and live.filters.reset_button in stops
    assert any(w.parent() is live.detail for w in stops), "the detail pane's commands"
    assert live.filter_scroll not in stops
    live.table.setFocus()
    qtbot.waitUntil(live.table.hasFocus, timeout=2000)
    assert _focus_after(qtbot, "shift+Tab") is live.timeline


def test_tab_leaves_the_note_box_and_saves_the_note(live: MainWindow, qtbot: QtBot) -> None:
    """"Saved when you leave the box", says the note box, but Tab typed a tab into it: the
    note was saved with a trailing tab, and the keyboard could not leave the box."""
    row = live.first_event_row()
    assert row is not None
    live.select_rows([row], row)
    note = live.detail.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus, timeout=2000)
    for key in "Check":
        press(key)
    qtbot.waitUntil(lambda: note.toPlainText() == "Check", timeout=2000)
    assert _focus_after(qtbot, "Tab") is not note
    assert live.model.events[row].note == "Check"


def test_enter_in_the_search_goes_to_its_results(live: MainWindow, qtbot: QtBot) -> None:
    """After Ctrl+F and a search, neither Enter nor Escape left the search box: the keyboard
    reached the matches only by tabbing through every filter."""
    press("ctrl+f")
    qtbot.waitUntil(live.filters.search.hasFocus, timeout=2000)
    for key in "talks":
        press(key)
    assert _focus_after(qtbot, "Return") is live.timeline
    shown = [int(r) for r in live.proxy.rows]
    assert live.filters.search.text() == "talks" and len(shown) < len(live.model.events)
    first = live.selected_source_rows()
    assert first and first[0] in shown and "talk" in live.model.events[first[0]].text.lower()
    press("Right")
    qtbot.waitUntil(lambda: live.selected_source_rows() != first, timeout=2000)
    assert live.selected_source_rows()[0] in shown
