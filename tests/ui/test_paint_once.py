"""A filter change is painted once: the table's and the facet lists' layouts and their scroll
areas' relayouts run before the window paints, so the event loop has nothing left to draw
(they used to repaint the table, the lists and four scroll bars a second time)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from viewer.core.query import Filter
from viewer.ui.main_window import MainWindow


class _Paints(QObject):
    """Counts the paint events each widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[QWidget] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.seen[watched] += 1
        return False


def _watched(window: MainWindow) -> dict[str, QWidget]:
    table, timeline = window.table, window.timeline
    widgets = {"table": table.viewport(), "table's vertical bar": table.verticalScrollBar(),
               "table's horizontal bar": table.horizontalScrollBar(),
               "timeline's vertical bar": timeline.verticalScrollBar(),
               "timeline's horizontal bar": timeline.horizontalScrollBar()}
    widgets.update({f"{facet} list": facet_list.viewport()
                    for facet, facet_list in window.filters.facets.items()})
    return widgets


def test_a_filter_change_leaves_nothing_to_paint_after_its_paint(
        window: MainWindow, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.resize(1200, 700)  # the table scrolls both ways
    app.processEvents()
    proxy = window.proxy
    party = max((v for v in proxy.counts["parties"] if v), key=proxy.counts["parties"].get)
    watched = _watched(window)
    paints = _Paints()
    app.installEventFilter(paints)
    try:
        for value in (Filter(parties=frozenset({party})), Filter()) * 2:
            shown = len(proxy.rows)
            proxy.set_filter(value)
            assert len(proxy.rows) != shown  # the table's rows and scroll range change
            paints.seen.clear()
            window.timeline.viewport().repaint()  # paints everything the change made dirty
            assert paints.seen[watched["table"]] == 1
            paints.seen.clear()
            app.processEvents()
            again = {name for name, widget in watched.items() if paints.seen[widget]}
            assert not again, f"painted again on the next turn of the event loop: {again}"
    finally:
        app.removeEventFilter(paints)
