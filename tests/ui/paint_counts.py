"""Counting the paint events widgets receive, for the tests that a change paints once."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class Paints(QObject):
    """An application-wide event filter: `seen[widget]` paints since it was installed."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[QWidget] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.seen[watched] += 1
        return False

    def on_next_turn(self, app: QApplication, watched: dict[str, QWidget]) -> set[str]:
        """The names of the `watched` widgets painted on the event loop's next turn."""
        self.seen.clear()
        app.processEvents()
        return {name for name, widget in watched.items() if self.seen[widget]}
