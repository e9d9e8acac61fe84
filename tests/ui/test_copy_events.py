"""Edit ▸ Copy Events writes what the table shows, in its order: a span's dates whole (only
its first day was copied) and the rows as sorted (they came in folder order)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from viewer.ui.event_model import date_text
from viewer.ui.main_window import MainWindow
from viewer.ui.window_menus import copy_events


def test_copied_events_keep_their_spans_and_the_tables_order(window: MainWindow) -> None:
    proxy, model = window.proxy, window.model
    span = next(proxy.rows[i] for i in range(proxy.rowCount())
                if (e := model.events[proxy.rows[i]]).start and e.end and e.end > e.start)
    late, early = proxy.rows[proxy.rowCount() - 1], proxy.rows[0]
    chosen = sorted({late, span, early}, reverse=True)  # selected against the table's order
    window.select_rows(chosen, chosen[0])
    copy_events(window)
    lines = QApplication.clipboard().text().splitlines()
    shown = sorted(chosen, key=lambda r: int(proxy.proxy_of[r]))
    assert [line.split("\t")[0] for line in lines] == [
        date_text(model.events[r]) for r in shown]
    assert " – " in lines[shown.index(span)].split("\t")[0]


def test_clearing_the_selection_keeps_a_note_being_typed(window: MainWindow) -> None:
    """Escape (Clear Selection) from the note box: the note typed is saved, not dropped."""
    row = window.proxy.rows[3]
    window.select_rows([row], row)
    window.detail.note.setPlainText("ask the ministry")
    window.table.clearSelection()
    assert window.detail.current_event is None
    assert window.model.events[row].note == "ask the ministry"
