"""A filter change is the proxy's layout change over the same source rows, not a reset: the
views keep their selection, current row, sort order and scroll position through persistent
indexes, and the table's column header, which a filter never changes, is not repainted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from viewer.core.query import Filter
from viewer.ui.main_window import MainWindow


def _largest_party(window: MainWindow) -> str:
    counts = window.proxy.counts["parties"]
    return max((v for v in counts if v), key=lambda v: counts[v])


def _shown_with(window: MainWindow, party: str) -> list[int]:
    return [int(r) for r in window.proxy.rows if party in window.model.events[r].parties]


def _current_source_row(window: MainWindow) -> int | None:
    index = window.table.selectionModel().currentIndex()
    return int(window.proxy.rows[index.row()]) if index.isValid() else None


def test_the_models_pass_the_tester_through_filter_changes(
        window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The tester stays attached: every layout change below is checked (persistent indexes
    of the rows before it must point at the same rows after it)."""
    qtmodeltester.check(window.proxy)
    party = _largest_party(window)
    window.select_rows([int(window.proxy.rows[2])], int(window.proxy.rows[2]))
    for value in (Filter(parties=frozenset({party})), Filter(search="zzzz-nothing"), Filter(),
                  Filter(parties=frozenset({party}))):
        window.proxy.set_filter(value)
    window.proxy.sort(6, Qt.SortOrder.DescendingOrder)
    window.proxy.set_filter(Filter())


def test_a_selected_event_that_stays_shown_stays_selected_and_current(
        window: MainWindow) -> None:
    party = _largest_party(window)
    resets: list[int] = []
    window.proxy.modelReset.connect(lambda: resets.append(1))
    kept = _shown_with(window, party)[-1]  # far down the table
    window.select_rows([kept], kept)
    window.proxy.set_filter(Filter(parties=frozenset({party})))
    assert resets == []
    assert window.selected_source_rows() == [kept]
    assert _current_source_row(window) == kept
    assert window.detail.current_event == window.model.events[kept]
    assert window.timeline.selected == {kept}
    window.proxy.set_filter(Filter())
    assert window.selected_source_rows() == [kept] and _current_source_row(window) == kept
    # The table shows the current row (it scrolled to it, as a restored selection did).
    table = window.table
    row = window.proxy.proxy_row_of_source(kept)
    assert row is not None
    rect = table.visualRect(window.proxy.index(row, 0))
    assert table.viewport().rect().intersects(rect)


def test_a_hidden_current_event_hands_current_to_a_selected_one_still_shown(
        window: MainWindow) -> None:
    party = _largest_party(window)
    shown = [int(r) for r in window.proxy.rows]
    inside = next(r for r in shown if party in window.model.events[r].parties)
    outside = next(r for r in shown if party not in window.model.events[r].parties)
    window.select_rows([inside, outside], outside)
    assert _current_source_row(window) == outside
    window.proxy.set_filter(Filter(parties=frozenset({party})))
    assert window.selected_source_rows() == [inside]
    assert _current_source_row(window) == inside
    assert window.detail.current_event == window.model.events[inside]


def test_hiding_every_selected_event_empties_the_selection(window: MainWindow) -> None:
    first = int(window.proxy.rows[0])
    window.select_rows([first], first)
    window.proxy.set_filter(Filter(search="zzzz-nothing"))
    assert window.proxy.rowCount() == 0
    assert window.selected_source_rows() == []
    assert window.detail.current_event is None
    window.proxy.set_filter(Filter())
    assert window.selected_source_rows() == []  # as with a reset: not selected again


def test_the_sort_order_holds_across_a_filter_change(window: MainWindow) -> None:
    window.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # Document, Z to A
    party = _largest_party(window)
    window.proxy.set_filter(Filter(parties=frozenset({party})))
    keys = [window.proxy.data(window.proxy.index(r, 6)).casefold()
            for r in range(window.proxy.rowCount())]
    assert len(keys) > 1 and keys == sorted(keys, reverse=True)
    header = window.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        6, Qt.SortOrder.DescendingOrder)


def test_a_click_on_the_column_header_still_sorts_the_table(
        window: MainWindow, qtbot: QtBot) -> None:
    """The table's own header class is set up as Qt's (clickable, highlighting)."""
    header = window.table.horizontalHeader()
    assert header.sectionsClickable() and header.highlightSections()
    x = header.sectionViewportPosition(6) + header.sectionSize(6) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, 5))
    assert window.proxy.sort_column == 6
    assert header.sortIndicatorSection() == 6


def test_a_new_folder_still_resets_the_table(window: MainWindow) -> None:
    resets: list[int] = []
    window.proxy.modelReset.connect(lambda: resets.append(1))
    window.model.set_events(list(window.model.events)[:3])
    assert resets == [1] and window.proxy.rowCount() <= 3


class _Paints(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.widget, self.count = widget, 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_filter_change_does_not_repaint_the_column_header(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    party = _largest_party(window)
    app.processEvents()
    paints = _Paints(window.table.horizontalHeader().viewport())
    app.installEventFilter(paints)
    try:
        for value in (Filter(parties=frozenset({party})), Filter()) * 2:
            window.proxy.set_filter(value)
            window.timeline.viewport().repaint()
            app.processEvents()
        assert paints.count == 0
        window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # its sort arrow moves
        window.timeline.viewport().repaint()
        app.processEvents()
        assert paints.count >= 1
    finally:
        app.removeEventFilter(paints)


def test_with_rows_selected_the_header_follows_a_filter_change(window: MainWindow) -> None:
    """Its titles are bold where the selection crosses them: a filter that hides the
    selected rows changes that, so the header lays out and repaints as before."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    party = _largest_party(window)
    outside = next(int(r) for r in window.proxy.rows
                   if party not in window.model.events[r].parties)
    window.select_rows([outside], outside)
    window.timeline.viewport().repaint()
    app.processEvents()
    paints = _Paints(window.table.horizontalHeader().viewport())
    app.installEventFilter(paints)
    try:
        window.proxy.set_filter(Filter(parties=frozenset({party})))  # hides the selection
        window.timeline.viewport().repaint()
        app.processEvents()
        assert window.selected_source_rows() == []
        assert paints.count >= 1
    finally:
        app.removeEventFilter(paints)
