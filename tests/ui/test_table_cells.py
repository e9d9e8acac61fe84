"""The table's cells are drawn by Qt's item drawing from one question per cell: the same
pixels as Qt's own delegate, which asks `data()` for seven roles of every cell."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyledItemDelegate
from pytestqt.qtbot import QtBot

from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents
from viewer.ui.main_window import MainWindow
from viewer.ui.table_cells import CellDelegate


def _grab(window: MainWindow) -> QImage:
    viewport = window.table.viewport()
    viewport.repaint()
    return viewport.grab().toImage()


def _grab_by_qts(window: MainWindow) -> QImage:
    """The table as Qt's own delegate draws it (the window's delegate put back after)."""
    table = window.table
    delegate = table.itemDelegate()
    table.setItemDelegate(QStyledItemDelegate(table))
    try:
        return _grab(window)
    finally:
        table.setItemDelegate(delegate)


def _style_drawings(monkeypatch: Any) -> list[int]:
    """A list that grows by one each time the delegate has the style draw a cell anew."""
    drawn: list[int] = []
    original = CellDelegate._drawn

    def counted(self: CellDelegate, *args: Any) -> Any:
        drawn.append(1)
        return original(self, *args)

    monkeypatch.setattr(CellDelegate, "_drawn", counted)
    return drawn


def test_cells_look_as_qts_own_delegate_draws_them(window: MainWindow, qtbot: QtBot) -> None:
    table, proxy = window.table, window.proxy
    assert isinstance(table.itemDelegate(), CellDelegate)
    events = window.model.events
    rows = list(proxy.rows)
    assert len(rows) > 12
    # greyed rows and both kinds of dates among the rows shown
    # as an edit does: the rows change and are announced (the model keeps drawn cells)
    window.model.replace_many({row: dataclasses.replace(events[row], boilerplate=True)
                               for row in rows[1:4]})
    assert {events[r].date_source == "explicit" for r in rows[:12]} == {True, False}
    for row in rows[2:5]:  # a selection crossing greyed and plain rows
        table.selectionModel().select(
            proxy.index(rows.index(row), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    ours = _grab(window)
    asked: list[int] = []
    data = proxy.data

    def counted(index: object, role: int = 0) -> object:
        asked.append(role)
        return data(index, role)  # type: ignore[arg-type]

    qts = QStyledItemDelegate(table)
    table.setItemDelegate(qts)
    proxy.data = counted  # type: ignore[method-assign]
    try:
        theirs = _grab(window)
    finally:
        del proxy.data
    assert asked  # Qt's delegate asked the model per role
    assert ours == theirs
    asked.clear()
    table.setItemDelegate(CellDelegate(proxy.cell, lambda: qts.parent().palette().text(),
                                       table))
    proxy.data = counted  # type: ignore[method-assign]
    try:
        _grab(window)
    finally:
        del proxy.data
    assert not asked  # ours asked `cell` only


def test_the_rows_in_sight_are_made_at_once_before_their_cells_ask(
        window: MainWindow, monkeypatch: Any) -> None:
    """A table repaint first makes the events of the rows it shows in one `make` (a column
    at a time), so no cell makes its row's event on its own."""
    table, proxy = window.table, window.proxy
    events = window.model.events
    assert isinstance(events, RowEvents)
    asked: list[list[int]] = []
    made_alone: list[int] = []
    make, event = RowEvents.make, EventColumns.event

    def counted_make(self: RowEvents, rows: Any, text: bool = True) -> None:
        asked.append(list(rows))
        make(self, rows, text)

    def counted_event(self: EventColumns, row: int, text: bool = True) -> Any:
        made_alone.append(row)
        return event(self, row, text)

    monkeypatch.setattr(RowEvents, "make", counted_make)
    monkeypatch.setattr(EventColumns, "event", counted_event)
    # A new RowEvents over the same columns: nothing made yet.
    window.model.set_events(RowEvents(events.columns))
    asked.clear()
    made_alone.clear()
    table.viewport().repaint()
    top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    bottom = bottom if bottom >= 0 else proxy.rowCount() - 1
    shown = [proxy.rows[row] for row in range(top, bottom + 1)]
    assert shown and shown == asked[0]
    assert not set(made_alone) & set(shown)


def test_a_rows_cells_are_made_once_and_again_only_after_its_edit(
        window: MainWindow, monkeypatch: Any) -> None:
    """The model keeps each drawn row's cells: a repaint (and a filter change back to the
    same rows) makes no cell text again; an edit's `dataChanged` drops its rows' cells
    only, and the table draws the edited text."""
    from viewer.core.query import Filter
    from viewer.ui.event_model import COLUMNS, EventTableModel

    table, proxy, model = window.table, window.proxy, window.model
    made: list[int] = []
    text = EventTableModel._text

    def counted(self: EventTableModel, event: Any, column: int) -> str:
        made.append(column)
        return text(self, event, column)

    monkeypatch.setattr(EventTableModel, "_text", counted)
    table.viewport().repaint()
    made.clear()
    table.viewport().repaint()
    party = next(v for v in proxy.counts["parties"] if v)
    proxy.set_filter(Filter(parties=frozenset({party})))
    proxy.set_filter(Filter())
    table.viewport().repaint()
    assert made == []
    row = int(proxy.rows[0])
    other = int(proxy.rows[1])
    events = model.events
    model.replace_many({row: dataclasses.replace(events[row], modality="reported")})
    assert not model.has_cells(row) and model.has_cells(other)
    table.viewport().repaint()
    assert len(made) == len(COLUMNS)  # the edited row's cells, and no other's
    assert proxy.cell(0, 7) == ("reported", False, False)
    model.titles = {events[other].document: "A title"}  # new titles: every row again
    assert not model.has_cells(other)
    assert proxy.cell(1, 6) == ("A title", False, bool(events[other].boilerplate
                                                      or events[other].undated))


def test_kept_cell_pictures_show_what_qts_delegate_draws_and_recur_without_the_style(
        window: MainWindow, monkeypatch: Any) -> None:
    """A repaint draws every cell from its kept picture (the style draws none), with the
    pixels Qt's own delegate draws; a selected row, the focused current cell and an edited
    cell are drawn anew where their look changed, and still match Qt's drawing."""
    from PySide6.QtCore import Qt

    from viewer.ui import table_cells

    table, proxy = window.table, window.proxy
    delegate = table.itemDelegate()
    assert isinstance(delegate, CellDelegate)
    drawn = _style_drawings(monkeypatch)

    def matches_qts() -> bool:
        return _grab(window) == _grab_by_qts(window)

    _grab(window)
    drawn.clear()
    assert matches_qts() and not drawn  # every cell from its picture
    table.selectRow(3)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    table.setCurrentIndex(proxy.index(3, 2))
    assert matches_qts()
    events, row = window.model.events, int(proxy.rows[1])
    window.model.replace_many({row: dataclasses.replace(
        events[row], boilerplate=not events[row].boilerplate)})  # greyed or no longer
    drawn.clear()
    assert matches_qts() and drawn  # the edited cell's new look is drawn by the style
    monkeypatch.setattr(table_cells, "KEPT_PIXELS", 0)  # every picture dropped as it comes
    assert matches_qts()


def test_a_paints_shared_look_is_read_once_and_anew_for_the_next_paint(
        window: MainWindow, monkeypatch: Any) -> None:
    """The font's key is read once per paint of the table (from its first cell), not per
    cell; a new font between paints is read by the next paint, whose cells are drawn anew
    by the style in that font and match Qt's own delegate."""
    from PySide6.QtGui import QFont

    table = window.table
    delegate = table.itemDelegate()
    assert isinstance(delegate, CellDelegate)
    _grab(window)
    keys: list[str] = []
    original = QFont.key

    def counted(font: QFont) -> str:
        keys.append(original(font))
        return keys[-1]

    monkeypatch.setattr(QFont, "key", counted)
    drawn = _style_drawings(monkeypatch)
    table.viewport().repaint()
    assert len(keys) == 1 and not drawn  # one read for some hundred cells, none drawn anew
    font = QFont(table.font())
    font.setPointSize(font.pointSize() + 3)
    table.setFont(font)
    keys.clear()
    ours = _grab(window)
    assert len(set(keys)) == 1 and keys[0] == font.key() and drawn
    assert ours == _grab_by_qts(window)


def test_a_paints_new_cells_are_drawn_together_and_look_as_qts_draws_them(
        window: MainWindow, monkeypatch: Any) -> None:
    """Rows not shown before (a filter to another party) bring many cells without a
    picture: the style draws them all in one batch at the paint's end, one sheet for all,
    and the table shows what Qt's own delegate draws; a repaint then needs the style for
    none of them."""
    from viewer.core.query import Filter

    table, proxy = window.table, window.proxy
    _grab(window)
    sheets: list[int] = []
    original = CellDelegate._drawn

    def counted(self: CellDelegate, options: list[Any], *args: Any) -> Any:
        sheets.append(len(options))
        return original(self, options, *args)

    monkeypatch.setattr(CellDelegate, "_drawn", counted)
    parties = [v for v in proxy.counts["parties"] if v]
    for party in parties[1:4]:
        proxy.set_filter(Filter(parties=frozenset({party})))
        sheets.clear()
        ours = _grab(window)
        if not sheets:
            continue  # every cell of these rows was drawn before
        assert len(sheets) == 1 and sheets[0] > 1  # one sheet, several cells
        assert ours == _grab_by_qts(window)
        sheets.clear()
        table.viewport().repaint()
        assert not sheets
        break
    else:
        raise AssertionError("no filter brought cells not drawn before")


def test_a_tall_paints_new_cells_take_sheets_of_bounded_height(
        window: MainWindow, monkeypatch: Any) -> None:
    """However many new cells a paint has, each sheet stays within `SHEET_HEIGHT`: with room
    for three cells a sheet, the new cells of a whole table in sight take a third as many
    sheets as there are cells, each full but the last (counts, not time), and they still
    look as Qt draws them."""
    from viewer.ui import table_cells

    table = window.table
    height = table.rowHeight(0) - 1  # a cell: its row less the grid line
    monkeypatch.setattr(table_cells, "SHEET_HEIGHT", 3 * height)
    delegate = table.itemDelegate()
    assert isinstance(delegate, CellDelegate)
    table.setItemDelegate(CellDelegate(window.proxy.cell, delegate.muted, table))
    sheets: list[int] = []
    original = CellDelegate._drawn

    def counted(self: CellDelegate, cells: list[Any], *args: Any) -> Any:
        assert {place[3] for _, place, _ in cells} == {height}
        sheets.append(len(cells))
        return original(self, cells, *args)

    monkeypatch.setattr(CellDelegate, "_drawn", counted)
    ours = _grab(window)  # a new delegate: every cell in sight is new
    cells = sum(sheets)
    assert cells > 30 and sheets[:-1] == [3] * (len(sheets) - 1) and sheets[-1] <= 3
    assert len(sheets) == (cells + 2) // 3
    assert ours == _grab_by_qts(window)
