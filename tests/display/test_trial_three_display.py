"""Third round of trying the window as a new user on a real display: what the keyboard and
the pointer showed, checked with keys sent through the X server."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.display.conftest import press
from viewer.ui.main_window import MainWindow


def _edge_colours(window: MainWindow) -> set[str]:
    """The colours on the viewport's left and bottom edges, midway along them."""
    image: QImage = window.timeline.viewport().grab().toImage()
    w, h = image.width(), image.height()
    return {QColor(image.pixel(x, y)).name() for x, y in ((0, h // 2), (1, h // 2),
                                                         (w // 2, h - 1), (w // 2, h - 2))}


def test_the_timeline_shows_when_it_has_the_keys(live: MainWindow, qtbot: QtBot) -> None:
    """Nothing showed that the timeline had keyboard focus (the overview strip, the table and
    the boxes all do), so a keyboard user could not tell where ← → and + − would go."""
    highlight = live.timeline.palette().color(QPalette.ColorRole.Highlight).name()
    assert live.timeline.hasFocus()
    qtbot.waitUntil(lambda: _edge_colours(live) == {highlight}, timeout=2000)
    press("Tab")
    qtbot.waitUntil(lambda: not live.timeline.hasFocus(), timeout=2000)
    assert highlight not in _edge_colours(live)
    press("shift+Tab")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is live.timeline, timeout=2000)
    qtbot.waitUntil(lambda: _edge_colours(live) == {highlight}, timeout=2000)
