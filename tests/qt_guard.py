"""Failures Qt would otherwise only print: an exception raised in a slot (PySide prints it
through sys.excepthook and carries on) and an "Ambiguous shortcut" warning (a key bound twice
does nothing at all). Used as an autouse fixture by the UI and real-display tests."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from types import TracebackType

import pytest


class SlotErrors:
    """Records what reaches sys.excepthook while installed."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def hook(self, kind: type[BaseException], value: BaseException,
             tb: TracebackType | None) -> None:
        self.errors.append("".join(traceback.format_exception(kind, value, tb)))

    def take(self) -> list[str]:
        errors, self.errors = self.errors, []
        return errors


@pytest.fixture()
def slot_errors() -> Iterator[SlotErrors]:
    recorder = SlotErrors()
    previous = sys.excepthook
    sys.excepthook = recorder.hook
    try:
        yield recorder
    finally:
        sys.excepthook = previous


@pytest.fixture(autouse=True)
def qt_guard(slot_errors: SlotErrors, qtlog: object) -> Iterator[None]:
    yield
    errors = slot_errors.take()
    if errors:
        pytest.fail("exception raised in a Qt slot:\n" + "\n".join(errors), pytrace=False)
    ambiguous = [record.message for record in qtlog.records  # type: ignore[attr-defined]
                 if "Ambiguous shortcut" in record.message]
    if ambiguous:
        pytest.fail("Qt warned: " + "; ".join(ambiguous), pytrace=False)
