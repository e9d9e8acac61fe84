"""With nothing selected, each filter change asks the detail pane to show nothing: an
already empty pane must not be emptied again (that repainted it on every filter change)."""

from __future__ import annotations

from typing import Any

from viewer.ui.detail_pane import EMPTY_HEADER, DetailPane


def test_an_empty_detail_pane_is_left_alone(qapp: Any) -> None:
    pane = DetailPane()
    pane.note.setPlainText("a note")
    pane.text.setPlainText("an article")
    pane.show_empty()
    assert pane.note.toPlainText() == "" and pane.text.toPlainText() == ""
    assert not pane.note.isEnabled() and pane.header.text() == EMPTY_HEADER
    changes: list[str] = []
    pane.note.textChanged.connect(lambda: changes.append("note"))
    pane.text.textChanged.connect(lambda: changes.append("text"))
    pane.show_empty()
    pane.show_empty()
    assert changes == []
    assert pane.current_event is None and pane.document_id is None
