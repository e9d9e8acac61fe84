"""The table's kept pictures (each cell's, the vertical scroll bar's) on a real display: the
window losing and regaining activation under a window manager, and the pointer passing over
rows and over the bar, must show what Qt's own drawing shows at that moment."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot

from viewer.ui.main_window import MainWindow
from viewer.ui.table_cells import CellDelegate
from viewer.ui.table_scroll_bar import SteadyScrollBar


def _point_at(widget: QWidget, point: QPoint) -> None:
    """Move the pointer there through the X server, as a user's mouse does."""
    where = widget.mapToGlobal(point)
    subprocess.run(["xdotool", "mousemove", str(where.x()), str(where.y())], check=True)


def _cells_match_qts(window: MainWindow) -> bool:
    table = window.table
    ours_delegate = table.itemDelegate()
    assert isinstance(ours_delegate, CellDelegate)
    viewport = table.viewport()
    viewport.repaint()
    ours = viewport.grab().toImage()
    table.setItemDelegate(QStyledItemDelegate(table))
    try:
        viewport.repaint()
        theirs = viewport.grab().toImage()
    finally:
        table.setItemDelegate(ours_delegate)
    return ours == theirs


def _bar_matches_styles(bar: SteadyScrollBar, monkeypatch: pytest.MonkeyPatch) -> bool:
    """The bar as drawn now (a kept picture or the style) against the style's own paint."""
    ours = _grabbed(bar)
    with monkeypatch.context() as patched:
        patched.setattr(SteadyScrollBar, "_handled", lambda _self: True)
        theirs = _grabbed(bar)
    return ours == theirs


def _selected(live: MainWindow, qtbot: QtBot) -> None:
    table = live.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    table.selectRow(2)
    table.setCurrentIndex(live.proxy.index(2, 1))
    bar = table.verticalScrollBar()
    bar.setValue(bar.minimum() + 1)  # off the top: the handle away from the end


def test_an_inactive_window_shows_inactive_cells_and_bar(
        live: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another window over ours: cells and bar drawn while active must not be shown again
    as they were, and coming back must not show the inactive ones."""
    _selected(live, qtbot)
    bar = live.table.verticalScrollBar()
    assert isinstance(bar, SteadyScrollBar)
    _point_at(live, QPoint(-20, -20))  # the pointer off the window
    assert _cells_match_qts(live) and _bar_matches_styles(bar, monkeypatch)
    other = QLabel("another window")
    qtbot.addWidget(other)
    other.resize(300, 200)
    other.show()
    other.activateWindow()
    other.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=5000)
    assert not live.isActiveWindow()
    assert _cells_match_qts(live), "cells drawn while active shown in an inactive window"
    assert _bar_matches_styles(bar, monkeypatch), "the active bar kept in an inactive window"
    other.close()
    live.activateWindow()
    live.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is live, timeout=5000)
    assert _cells_match_qts(live), "inactive cells shown again once active"
    assert _bar_matches_styles(bar, monkeypatch), "the inactive bar shown again once active"


def test_the_pointer_over_rows_and_the_bar_shows_what_qt_shows(
        live: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hovered cells and the hovered bar are drawn as Qt draws them, and once the pointer
    has left, the bar shows its plain look again (not the hovered one)."""
    _selected(live, qtbot)
    table = live.table
    bar = table.verticalScrollBar()
    assert isinstance(bar, SteadyScrollBar)
    height = table.rowHeight(0)
    for row in (1, 4, 2):  # over a plain row, another, the selected one
        _point_at(table.viewport(), QPoint(60, height * row + height // 2))
        qtbot.waitUntil(lambda: table.viewport().underMouse(), timeout=2000)
        qtbot.wait(50)
        assert _cells_match_qts(live), f"hovering row {row}"
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    handle = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                        QStyle.SubControl.SC_ScrollBarSlider, bar)
    _point_at(table.viewport(), QPoint(60, height // 2))
    qtbot.waitUntil(lambda: not bar.underMouse(), timeout=2000)
    plain = _grabbed(bar)
    _point_at(bar, handle.center())
    qtbot.waitUntil(bar.underMouse, timeout=2000)
    qtbot.wait(50)
    hovered = _grabbed(bar)
    subprocess.run(["xdotool", "mousedown", "1"], check=True)
    try:
        qtbot.waitUntil(bar.isSliderDown, timeout=2000)
        pressed = _grabbed(bar)
    finally:
        subprocess.run(["xdotool", "mouseup", "1"], check=True)
    qtbot.waitUntil(lambda: not bar.isSliderDown(), timeout=2000)
    _point_at(table.viewport(), QPoint(60, height // 2))
    qtbot.waitUntil(lambda: not bar.underMouse(), timeout=2000)
    qtbot.wait(50)
    assert _grabbed(bar) == plain, "the bar after the pointer left it"
    assert _bar_matches_styles(bar, monkeypatch)
    assert hovered != plain and pressed != hovered, "hover and press show on the bar"
    assert _cells_match_qts(live)


def _grabbed(widget: QWidget) -> QImage:
    widget.repaint()
    return widget.grab().toImage()
