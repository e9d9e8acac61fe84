"""The date filter under real key events: Ctrl+A and a typed date, and a click into the year
and a typed year, give the dates typed (the year used to be refused without a word)."""

from __future__ import annotations

import datetime as dt
import subprocess

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from viewer.ui.date_field import DateField
from viewer.ui.main_window import MainWindow


def keys(*names: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay", "30", *names], check=True)


def click(field: DateField, x: int) -> None:
    """A click `x` pixels into the box's text, through the X server."""
    line = field.lineEdit()
    at = line.mapToGlobal(QPoint(x, line.height() // 2))
    subprocess.run(["xdotool", "mousemove", "--sync", str(at.x()), str(at.y()), "click", "1"],
                   check=True)


def typed(field: DateField) -> dt.date:
    q = field.date()
    return dt.date(q.year(), q.month(), q.day())


def test_typed_dates_go_into_the_date_filter(qtbot: QtBot, live: MainWindow) -> None:
    filters = live.filters
    filters.use_from.setChecked(True)
    field = filters.date_from
    click(field, 8)
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    keys("ctrl+a", "2", "0", "2", "6", "minus", "0", "1", "minus", "0", "1", "Return")
    qtbot.waitUntil(lambda: filters.current().date_from == dt.date(2026, 1, 1), timeout=3000)
    click(field, field.fontMetrics().horizontalAdvance("20"))  # into the year, no selection
    keys("2", "0", "2", "5", "Tab")
    qtbot.waitUntil(lambda: typed(field) == dt.date(2025, 1, 1), timeout=3000)
    assert filters.current().date_from == dt.date(2025, 1, 1)
    filters.use_to.setChecked(True)
    click(filters.date_to, 8)
    qtbot.waitUntil(filters.date_to.hasFocus, timeout=2000)
    keys("ctrl+a", "2", "0", "3", "0", "minus", "1", "2", "minus", "3", "1", "Return")
    qtbot.waitUntil(lambda: typed(filters.date_to) == dt.date(2030, 12, 31), timeout=3000)
    assert filters.current().date_to == dt.date(2030, 12, 31)  # past every event: taken
