"""The plain table's grid is filled where Qt's table paint strokes it, without Qt's walk over
the cells: short and narrow tables, scrolled or not, look as Qt's paint draws them."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.test_plain_cells import _by_qts_paint, _taken, plain  # noqa: F401
from tests.ui.test_table_cells import _grab
from viewer.core.query import Filter
from viewer.ui.main_window import MainWindow


def test_the_grid_looks_as_qts_table_paint_draws_it(
        plain: MainWindow, qtbot: QtBot, monkeypatch: Any) -> None:  # noqa: F811
    window = plain
    table = window.table
    taken = _taken(monkeypatch)
    header = table.horizontalHeader()
    parties = [p for p in window.proxy.counts.get("parties", {}) if p]
    for step in ("as shown", "few rows", "columns short of the width", "narrow", "scrolled"):
        if step == "few rows":  # the rows end above the viewport's bottom
            window.proxy.set_filter(Filter(parties=frozenset({parties[-1]})))
            assert 0 < window.proxy.rowCount() < 20
        elif step == "columns short of the width":
            header.setStretchLastSection(False)
            for column in range(header.count()):
                table.setColumnWidth(column, 40)
        elif step == "narrow":
            window.proxy.set_filter(Filter())
            table.setColumnWidth(0, 400)
        elif step == "scrolled":
            table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
            table.verticalScrollBar().setValue(5)
        window.table.selectionModel().clear()
        taken.clear()
        ours = _grab(window)
        assert taken and all(taken), step
        assert ours == _by_qts_paint(window, monkeypatch), step


def test_a_plain_paint_asks_the_proxy_for_no_index(
        plain: MainWindow, monkeypatch: Any) -> None:  # noqa: F811
    """Qt's table paint walked every visible cell, asking the proxy for its index (answered
    with none), only to stroke the grid; a plain paint asks for none."""
    window = plain
    taken = _taken(monkeypatch)
    _grab(window)  # the cells' pictures made
    asked: list[int] = []
    proxy = window.proxy
    index = proxy.index

    def counted(*args: Any) -> Any:
        asked.append(1)
        return index(*args)

    monkeypatch.setattr(proxy, "index", counted)
    taken.clear()
    _grab(window)
    assert taken and all(taken)
    assert asked == []
