"""A filter change is painted once: the table's and the facet lists' layouts and their scroll
areas' relayouts run before the window paints, so the event loop has nothing left to draw
(they used to repaint the table, the lists and four scroll bars a second time)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.paint_counts import Paints
from viewer.core.query import Filter
from viewer.ui.main_window import MainWindow


def _watched(window: MainWindow) -> dict[str, QWidget]:
    table, timeline = window.table, window.timeline
    widgets = {"table": table.viewport(), "table's vertical bar": table.verticalScrollBar(),
               "table's horizontal bar": table.horizontalScrollBar(),
               "timeline's vertical bar": timeline.verticalScrollBar(),
               "timeline's horizontal bar": timeline.horizontalScrollBar()}
    widgets.update({f"{facet} list": facet_list.viewport()
                    for facet, facet_list in window.filters.facets.items()})
    widgets.update({"status bar": window.statusBar(), "status text": window.status_label,
                    "window": window})
    return widgets


def _sized_with_largest_party(window: MainWindow) -> tuple[QApplication, str]:
    """The window at a size where the table scrolls both ways, and its most named party."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.resize(1200, 700)
    app.processEvents()
    counts = window.proxy.counts["parties"]
    return app, max((v for v in counts if v), key=lambda v: counts[v])


def _bar_states(bars: dict[str, QWidget]) -> dict[str, tuple[int, int, int, bool]]:
    return {name: (bar.minimum(), bar.maximum(), bar.value(), bar.isVisible())
            for name, bar in bars.items() if isinstance(bar, QScrollBar)}


def test_a_filter_change_leaves_nothing_to_paint_after_its_paint(
        window: MainWindow, qtbot: QtBot) -> None:
    app, party = _sized_with_largest_party(window)
    proxy = window.proxy
    watched = _watched(window)
    paints = Paints()
    app.installEventFilter(paints)
    try:
        for value in (Filter(parties=frozenset({party})), Filter()) * 2:
            shown = len(proxy.rows)
            proxy.set_filter(value)
            assert len(proxy.rows) != shown  # the table's rows and scroll range change
            paints.seen.clear()
            window.timeline.viewport().repaint()  # paints everything the change made dirty
            assert paints.seen[watched["table"]] == 1
            again = paints.on_next_turn(app, watched)
            assert not again, f"painted again on the next turn of the event loop: {again}"
    finally:
        app.removeEventFilter(paints)


def test_a_scroll_bar_whose_range_did_not_move_is_not_painted_again(
        window: MainWindow, qtbot: QtBot) -> None:
    """The scroll areas' relayout raised both bars, repainting also a bar whose range had not
    moved; a relayout that moves nothing is dropped, so only a moved bar paints."""
    app, party = _sized_with_largest_party(window)
    proxy = window.proxy
    bars = {name: widget for name, widget in _watched(window).items() if "bar" in name}
    paints = Paints()
    app.installEventFilter(paints)
    unmoved_seen = 0
    try:
        for value in (Filter(parties=frozenset({party})), Filter()) * 2:
            before = _bar_states(bars)
            proxy.set_filter(value)
            paints.seen.clear()
            window.timeline.viewport().repaint()
            after = _bar_states(bars)
            unmoved = {name for name in before if before[name] == after[name] and after[name][3]}
            unmoved_seen += len(unmoved)
            painted = {name for name in unmoved if paints.seen[bars[name]]}
            assert not painted, f"bars painted though nothing in them moved: {painted}"
            app.processEvents()
    finally:
        app.removeEventFilter(paints)
    assert unmoved_seen  # the table's horizontal bar, at least, stays as it was


def test_a_filter_change_with_nothing_selected_leaves_the_detail_header_alone(
        window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The detail pane shows its empty header again after every filter change with no event
    selected: the same text is neither measured, set nor painted again (it was emptied and
    set anew, which painted the header and laid it out once more on the next turn)."""
    from viewer.ui import detail_header

    app, party = _sized_with_largest_party(window)
    assert not window.selected_source_rows()
    measured: list[str] = []
    least_width = detail_header.least_width

    def counted(html: str, font: QFont) -> int:
        measured.append(html)
        return least_width(html, font)

    monkeypatch.setattr(detail_header, "least_width", counted)
    header = window.detail.header
    text = header.text()
    paints = Paints()
    app.installEventFilter(paints)
    try:
        for value in (Filter(parties=frozenset({party})), Filter()) * 2:
            window.proxy.set_filter(value)
            window.timeline.viewport().repaint()
            app.processEvents()
    finally:
        app.removeEventFilter(paints)
    assert measured == []
    assert paints.seen[header] == 0
    assert header.text() == text
