"""The date filter takes the date typed into it, and its boxes start at the span of the
events the other filters show (not of hidden boilerplate)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.date_field import DateField
from viewer.ui.main_window import MainWindow


def select_all(field: DateField) -> None:
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def click_into(position: int) -> Callable[[DateField], None]:
    def place(field: DateField) -> None:
        field.lineEdit().setCursorPosition(position)
    return place


def select_backwards(field: DateField) -> None:
    field.lineEdit().setSelection(len(field.text()), -len(field.text()))


@pytest.mark.parametrize(("shown", "before", "keys", "typed"), [
    ("2023-10-01", select_all, "2026-01-01", "2026-01-01"),  # the tester's keys
    ("2023-10-31", select_all, "2026-02-28", "2026-02-28"),  # through a day Feb lacks
    ("2023-10-01", select_all, "2030-05-17", "2030-05-17"),  # past every event: taken
    ("2023-10-01", select_all, "20260105", "2026-01-05"),
    ("2023-10-01", select_all, "2026/1/5", "2026-01-05"),
    ("2023-10-01", select_backwards, "2026-10-05", "2026-10-05"),
    ("2023-10-01", click_into(2), "2026", "2026-10-01"),  # a click into the year
    ("2023-10-01", click_into(9), "15", "2023-10-15"),  # into the day, first
    ("2023-10-01", click_into(6), "03", "2023-03-01"),  # into the month
])
def test_a_typed_date_is_the_date(qtbot: QtBot, shown: str, before: Callable[[DateField], None],
                                  keys: str, typed: str) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setDate(QDate.fromString(shown, Qt.DateFormat.ISODate))
    field.show()
    field.setFocus()
    before(field)
    QTest.keyClicks(field, keys)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.date().toString(Qt.DateFormat.ISODate) == typed


def box_date(window: MainWindow, which: str) -> dt.date:
    q = (window.filters.date_from if which == "from" else window.filters.date_to).date()
    return dt.date(q.year(), q.month(), q.day())


def shown_span(window: MainWindow) -> tuple[dt.date, dt.date]:
    events = window.model.events
    dated = [events[r] for r in window.proxy.rows if events[r].start is not None]
    return (min(e.start for e in dated if e.start is not None),
            max(max(e.start, e.end or e.start) for e in dated if e.start is not None))


def test_the_date_filter_takes_typed_keys(qtbot: QtBot, window: MainWindow) -> None:
    filters = window.filters
    filters.use_from.setChecked(True)
    filters.date_from.setFocus()
    select_all(filters.date_from)
    QTest.keyClicks(filters.date_from, "2026-01-01")
    assert filters.current().date_from == dt.date(2026, 1, 1)
    assert all(window.model.events[r].end >= dt.date(2026, 1, 1)  # type: ignore[operator]
               for r in window.proxy.rows if window.model.events[r].start is not None)


def test_the_boxes_start_at_the_shown_events(qtbot: QtBot, window: MainWindow) -> None:
    filters = window.filters
    assert (box_date(window, "from"), box_date(window, "to")) == shown_span(window)
    boilerplate = [e.start for e in window.model.events if e.boilerplate and e.start]
    assert boilerplate and min(boilerplate) < box_date(window, "from")  # hidden: not a bound
    filters.boilerplate.setChecked(True)  # shown now: the boxes follow
    assert box_date(window, "from") == min(boilerplate) == shown_span(window)[0]
    filters.boilerplate.setChecked(False)
    filters.use_from.setChecked(True)
    filters.date_from.setDate(QDate(2026, 1, 1))  # a bound in use keeps the user's date
    filters.boilerplate.setChecked(True)
    assert box_date(window, "from") == dt.date(2026, 1, 1)
    assert box_date(window, "to") == shown_span(window)[1]
