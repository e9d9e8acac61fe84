"""The status line's new text after a filter change is laid out before the change's paint:
its relayout, left to the event loop, repainted the status bar, its label and the window
behind them a second time."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.paint_counts import Paints
from viewer.core.query import Filter
from viewer.ui.main_window import MainWindow


def test_the_status_line_is_painted_once_per_filter_change(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.resize(1600, 1000)
    app.processEvents()
    watched = {"status bar": window.statusBar(), "status text": window.status_label,
               "window": window}
    paints = Paints()
    app.installEventFilter(paints)
    try:
        for value in (Filter(search="zzzz-nothing"), Filter(), Filter(search="talks"),
                      Filter()):
            before = window.status_label.text()
            window.proxy.set_filter(value)
            assert window.status_label.text() != before
            window.timeline.viewport().repaint()
            again = paints.on_next_turn(app, watched)
            assert not again, f"painted again on the next turn of the event loop: {again}"
    finally:
        app.removeEventFilter(paints)
