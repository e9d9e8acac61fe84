"""The guard every UI test runs under catches what Qt would only print."""

from __future__ import annotations

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from tests.qt_guard import SlotErrors


def test_an_exception_in_a_slot_is_recorded(qtbot: QtBot, slot_errors: SlotErrors) -> None:
    action = QAction("boom")

    def explode() -> None:
        raise TypeError("raised in a slot")

    action.triggered.connect(explode)
    action.trigger()
    errors = slot_errors.take()  # taken here so that this test itself passes
    assert len(errors) == 1 and "raised in a slot" in errors[0]
