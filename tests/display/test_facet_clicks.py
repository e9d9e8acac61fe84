"""A facet list keeps its checked values between filter changes: on a real display, checks
clicked by the pointer, a search typed and cleared, and the counts re-sorting the list
must leave the kept values equal to the boxes the user sees ticked, and the table filtered
by them."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.display.conftest import press
from viewer.ui.filter_panel import FacetList
from viewer.ui.main_window import MainWindow


def _ticked(facet: FacetList) -> frozenset[str]:
    """The values whose boxes show a tick, read from each row (not the kept set)."""
    model = facet.model()
    return frozenset(model.index(i, 0).data(Qt.ItemDataRole.ToolTipRole)
                     for i in range(facet.count())
                     if model.index(i, 0).data(Qt.ItemDataRole.CheckStateRole)
                     == Qt.CheckState.Checked)


def _click_box(facet: FacetList, value: str) -> None:
    """Click the check box of `value`'s row through the X server, as a user does."""
    index = facet.model().index(facet.rows.values.index(value), 0)
    facet.scrollTo(index)
    rect = facet.visualRect(index)
    where = facet.viewport().mapToGlobal(QPoint(rect.left() + 9, rect.center().y()))
    subprocess.run(["xdotool", "mousemove", str(where.x()), str(where.y()), "click", "1"],
                   check=True)


def test_clicked_checks_stay_what_the_boxes_show(live: MainWindow, qtbot: QtBot) -> None:
    parties = live.filters.facets["parties"]
    shown = live.proxy.rowCount()
    value = parties.rows.values[-1]  # the smallest: the list re-sorts
    _click_box(parties, value)
    qtbot.waitUntil(lambda: live.proxy.filter.parties == frozenset({value}), timeout=5000)
    assert parties.checked() == _ticked(parties) == frozenset({value})
    narrowed = live.proxy.rowCount()
    assert narrowed < shown
    live.filters.search.setFocus()
    qtbot.waitUntil(live.filters.search.hasFocus, timeout=2000)
    subprocess.run(["xdotool", "type", "--delay", "30", "the"], check=True)
    qtbot.waitUntil(lambda: live.proxy.filter.search == "the", timeout=5000)
    assert parties.checked() == _ticked(parties) == frozenset({value})
    # a second press within the double-click time is a double click, which Qt's check box
    # in a list ignores: a user's second click comes later
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    _click_box(parties, value)  # unticked where the re-sorted list now shows it
    qtbot.waitUntil(lambda: not live.proxy.filter.parties, timeout=5000)
    assert parties.checked() == _ticked(parties) == frozenset()
    live.filters.search.setFocus()
    qtbot.waitUntil(live.filters.search.hasFocus, timeout=2000)
    press("ctrl+a")
    press("BackSpace")
    qtbot.waitUntil(lambda: live.proxy.filter.search == "", timeout=5000)
    qtbot.waitUntil(lambda: live.proxy.rowCount() == shown, timeout=5000)
    assert parties.checked() == _ticked(parties) == frozenset()
