"""Defects found by using the app as a new analyst would, each with the check that catches it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices, QFontMetricsF
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import copy_seeds
from tests.ui.conftest import open_and_wait
from viewer.core.events.cues import RANK
from viewer.core.store import edits
from viewer.ui.axis_labels import spaced_labels
from viewer.ui.edit_dialogs import PRECISIONS, DateDialog
from viewer.ui.lane_headers import HEADER_WIDTH
from viewer.ui.legend_paint import DOT_ROOM, GAP
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline_widget import TimelineWidget

D = dt.date


def _mark_start(timeline: TimelineWidget, row: int) -> float:
    """Where the row's mark starts, as a day ordinal at the timeline's scale."""
    scene = timeline.scene
    assert scene is not None
    item = next(i for lane in scene.lanes for i in lane.items if row in i.events)
    return timeline.scale.ordinal(item.x0)


def test_a_corrected_date_moves_the_events_mark(window: MainWindow) -> None:
    """Correcting the earliest event (a bar from 1 January to 22 July 2025) to one day in May
    re-fitted the view to the new extent but drew the old bar: the lanes kept their old
    dates because the rows and the events were the same objects as before the edit."""
    row = next(r for r, e in enumerate(window.model.events)
               if e.text.startswith("Previous direct talks in Istanbul"))
    window.select_rows([row], row)
    store = window.editor.store
    assert store is not None
    event = window.model.events[row]
    assert event.start == D(2025, 1, 1)
    window.editor.perform(edits.correct_date(store, event, D(2025, 5, 16), D(2025, 5, 17), "day"),
                          [event])
    assert abs(_mark_start(window.timeline, row) - D(2025, 5, 16).toordinal()) < 1
    window.editor.stack.undo()
    assert abs(_mark_start(window.timeline, row) - D(2025, 1, 1).toordinal()) < 1


def test_the_date_dialog_keeps_every_precision(window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The date dialog offered seven precisions: a "weekend" or "time" date opened as "day",
    so OK on the date as it was stored a correction that turned the weekend into a day."""
    assert set(RANK) <= set(PRECISIONS)
    row = next(r for r, e in enumerate(window.model.events) if e.precision == "weekend")
    window.select_rows([row], row)
    seen: list[str] = []

    def accept(dialog: DateDialog) -> int:
        seen.append(dialog.precision.currentText())
        return 1

    monkeypatch.setattr(DateDialog, "exec", accept)
    window.editing.correct_date()
    assert seen == ["weekend"]
    assert window.editor.stack.count() == 0  # nothing changed: nothing to undo
    assert window.model.events[row].precision == "weekend"
    assert not window.model.events[row].corrected


def test_opening_another_folder_with_an_event_selected(qtbot: QtBot, window: MainWindow,
                                                        tmp_path: Path) -> None:
    """With an event selected, opening a second folder printed two IndexErrors: the table's
    old selection was read against the new (empty) rows before the filter reset, and the
    timeline's old current row against the new events."""
    last = int(window.proxy.rows[-1])
    window.select_rows([last], last)
    assert window.selected_source_rows() == [last] and window.timeline.current == last
    smaller = tmp_path / "one"
    smaller.mkdir()
    (smaller / "a.txt").write_text("Talks resumed in Geneva on 3 March 2026.\n",
                                   encoding="utf-8")
    open_and_wait(qtbot, window, smaller)
    assert len(window.model.events) < last
    assert window.selected_source_rows() == []
    assert window.timeline.current is None


def test_a_narrow_timelines_key_stays_off_the_lane_names(window: MainWindow) -> None:
    """In a 900-pixel window the timeline is about 300 pixels wide: the marks' four names
    alone ("inherited / document date"…) overran two lines, the key fell back to one line
    and, right-aligned, ran over "Lanes: party" and the lane names."""
    window.resize(900, 600)
    timeline = window.timeline
    timeline.resize(470, timeline.height())
    assert not timeline.grab().isNull()
    rows = timeline.painter.legend_rows
    metrics = QFontMetricsF(timeline.font())
    room = timeline.viewport().width() - HEADER_WIDTH - 18
    assert len(rows) <= 2
    for row in rows:
        assert sum(DOT_ROOM + GAP + metrics.horizontalAdvance(label) for label, _c, _s in row) \
            <= room
    colours = {colour.name() for _label, colour in timeline.legend_entries()}
    assert colours <= {colour.name() for row in rows for _l, colour, shape in row
                       if shape == "dot"}


def test_open_its_folder_says_so_when_nothing_opens_folders(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an export, "Open its folder?" ▸ Yes did nothing on a desktop with no file
    manager (Qt only printed "Unable to detect a launcher" on stderr)."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    target = tmp_path / "out" / "timeline.ics"
    window.exports._exported(target, 3)
    message = window.statusBar().currentMessage()
    assert "timeline.ics" in message and str(target.parent) in message


def test_the_tables_dates_and_precisions_are_not_cut(window: MainWindow) -> None:
    """At their fixed widths the Date column cut every range to "2025-01-01 – 2025-0…" and
    the Precision column every inherited date to "day (docume…": the end of a range could
    only be read by widening the column by hand."""
    table, proxy = window.table, window.proxy
    italic = table.font()
    italic.setItalic(True)
    widest = QFontMetricsF(italic)
    for column in (0, 1):
        texts = {str(proxy.index(row, column).data()) for row in range(proxy.rowCount())}
        needed = max(widest.horizontalAdvance(text) for text in texts)
        assert table.columnWidth(column) >= needed + 8, (column, max(texts, key=len))


def test_an_axis_label_past_the_right_edge_is_left_out() -> None:
    """The year after the last shown one was drawn cut at the view's edge ("20" of 2035)."""
    spans = [(0.0, 30.0, True), (300.0, 30.0, True), (590.0, 30.0, True)]
    assert spaced_labels(spans, limit=600.0) == [0, 1]
    assert spaced_labels(spans) == [0, 1, 2]


def test_event_commands_are_off_with_nothing_selected(window: MainWindow) -> None:
    """With nothing selected the detail pane's Tag, Accept, Date… buttons looked as they do
    with an event, and a click on one did nothing."""
    buttons = {button.text(): button for button in window.detail._buttons}
    assert window.selected_source_rows() == []
    assert not buttons["Tag"].isEnabled() and not buttons["Date"].isEnabled()
    row = int(window.proxy.rows[0])
    window.select_rows([row], row)
    assert buttons["Tag"].isEnabled() and buttons["Date"].isEnabled()
    window.select_rows([], -1)
    assert not buttons["Accept"].isEnabled()


def test_an_empty_view_says_loading_while_a_folder_loads(qtbot: QtBot, window: MainWindow,
                                                         tmp_path: Path) -> None:
    """Opening a 2,000-article folder showed "No events loaded" for the whole half minute it
    took (only the status bar said it was loading)."""
    other = copy_seeds(tmp_path / "other")
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.open_folder(other)
        assert not window.timeline.grab().isNull()
        assert window.timeline.painter.view.empty == "Loading other…"
    assert window.timeline.empty_text == "No events loaded"
