"""The table's plain cells drawn in one pass: the pixels of Qt's own table paint, the cells
kept from it drawn again without the style, and Qt's paint whenever a cell is not plain."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.ui.test_table_cells import _grab, _grab_by_qts
from viewer.ui import event_table, plain_cells
from viewer.ui.event_proxy import EventFilterProxy
from viewer.ui.main_window import MainWindow
from viewer.ui.table_cells import CellDelegate


def _by_qts_paint(window: MainWindow, monkeypatch: Any) -> QImage:
    """The table as Qt's own table paint draws it, with the table's delegate."""
    with monkeypatch.context() as patch:
        patch.setattr(event_table, "paint_plain_cells", lambda *_args: False)
        return _grab(window)


@pytest.fixture()
def plain(window: MainWindow) -> MainWindow:
    """The window with greyed rows and both kinds of dates in sight, nothing selected and no
    current cell: the table's cells are plain."""
    events, rows = window.model.events, list(window.proxy.rows)
    window.model.replace_many({row: dataclasses.replace(events[row], boilerplate=True)
                               for row in rows[1:4]})
    assert {events[r].date_source == "explicit" for r in rows[:12]} == {True, False}
    window.table.selectionModel().clear()
    window.table.setCurrentIndex(QModelIndex())
    return window


def _taken(monkeypatch: Any) -> list[bool]:
    """A list of whether each of the table's paints drew its cells in one pass."""
    taken: list[bool] = []
    original = plain_cells.paint_plain_cells

    def counted(*args: Any) -> bool:
        taken.append(original(*args))
        return taken[-1]

    monkeypatch.setattr(event_table, "paint_plain_cells", counted)
    return taken


def test_plain_cells_look_as_qts_table_paint_draws_them(
        plain: MainWindow, qtbot: QtBot, monkeypatch: Any) -> None:
    window = plain
    taken = _taken(monkeypatch)
    new = _grab(window)  # every cell new: drawn at the paint's end
    kept = _grab(window)  # every cell kept
    assert taken and all(taken)
    theirs = _by_qts_paint(window, monkeypatch)
    assert new == kept == theirs == _grab_by_qts(window)
    # scrolled both ways: cells cut at the edges, other rows
    window.table.horizontalScrollBar().setValue(137)
    window.table.verticalScrollBar().setValue(3)
    taken.clear()
    ours = _grab(window)
    assert taken and all(taken)
    assert ours == _by_qts_paint(window, monkeypatch) == _grab_by_qts(window)


def test_cells_drawn_by_qts_paint_are_drawn_again_without_the_style(
        plain: MainWindow, monkeypatch: Any) -> None:
    """The one pass finds the pictures Qt's paint kept (the same keys): no style drawing, no
    per-cell call of the delegate's `paint` or the proxy's `flags`."""
    window = plain
    theirs = _by_qts_paint(window, monkeypatch)
    drawn: list[int] = []
    asked: list[int] = []
    original = CellDelegate._drawn
    monkeypatch.setattr(CellDelegate, "_drawn",
                        lambda self, *args: drawn.append(1) or original(self, *args))
    paint, flags = CellDelegate.paint, EventFilterProxy.flags
    monkeypatch.setattr(CellDelegate, "paint",
                        lambda self, *args: asked.append(1) or paint(self, *args))
    monkeypatch.setattr(EventFilterProxy, "flags",
                        lambda self, *args: asked.append(2) or flags(self, *args))
    taken = _taken(monkeypatch)
    assert _grab(window) == theirs
    assert taken and all(taken) and drawn == [] and asked == []


def test_a_selection_or_a_current_cell_is_drawn_by_qts_paint(
        plain: MainWindow, monkeypatch: Any) -> None:
    window = plain
    table, proxy = window.table, window.proxy
    taken = _taken(monkeypatch)
    table.selectionModel().select(
        proxy.index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    _grab(window)
    table.selectionModel().clear()
    table.setFocus()
    table.setCurrentIndex(proxy.index(1, 1))
    focused = table.hasFocus() or table.viewport().hasFocus()
    _grab(window)
    assert taken[0] is False and taken[1] is (not focused)
    assert proxy.index(1, 1).isValid()  # the proxy answers every cell after the paints
