"""Topic edits in the window as a new user met them: undo takes back one edit and nothing
another writer saved since, a merge takes hand-set topics along (no ghost topic in the
facets or the detail pane), the dialog counts what the command line counts, and New from
Selection works on a searched event, in a colour of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_topics_dialog import _count, _reloads
from viewer.cli import main
from viewer.core.events.document_events import Event
from viewer.core.store.edits import correct_set
from viewer.ui import topics_dialog
from viewer.ui.main_window import MainWindow


def _hand_set(window: MainWindow, event: Event, topics: set[str]) -> None:
    """What ticking topics in Edit ▸ Topics… (O) saves."""
    store = window.editor.store
    assert store is not None
    assert window.editor.perform(correct_set(store, event, "topics", topics), [event])


def _event(window: MainWindow, topic: str, without: str) -> tuple[int, Event]:
    return next((r, e) for r, e in enumerate(window.model.events)
                if topic in e.topics and without not in e.topics and not e.boilerplate)


def _now(window: MainWindow, event_id: str) -> Event:
    return next(e for e in window.model.events if e.id == event_id)


def test_undo_keeps_a_rename_made_on_the_command_line_since(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    """Undo of a recolour put back the whole topics.toml of before it: a topic renamed on
    the command line in the meantime got its old label back."""
    folder = window.folder or Path()
    dialog = window.show_topics()
    colour = window.timeline.taxonomy.get("strikes").color  # type: ignore[union-attr]
    _reloads(qtbot, window, lambda: dialog.recolour("strikes", "#008080"))
    assert main(["topics", str(folder), "--rename", "negotiations", "Peace talks"]) == 0
    assert window.editor.stack.undoText() == "Recolour topic"
    _reloads(qtbot, window, window.editor.stack.undo)
    assert window.topic_labels()["negotiations"] == "Peace talks"
    assert window.timeline.taxonomy.get("strikes").color == colour  # type: ignore[union-attr]
    _reloads(qtbot, window, window.editor.stack.redo)
    assert window.timeline.taxonomy.get("strikes").color == "#008080"  # type: ignore[union-attr]
    assert window.topic_labels()["negotiations"] == "Peace talks"


def test_merge_takes_a_hand_set_topic_along(qtbot: QtBot, window: MainWindow) -> None:
    """A hand-set topic merged away stayed on its event as a ghost: a lower-case raw id in
    the Topics facet and in the detail pane."""
    row, event = _event(window, "negotiations", without="ceasefire")
    _hand_set(window, event, {"ceasefire"})
    dialog = window.show_topics()
    _reloads(qtbot, window, lambda: dialog.merge(["ceasefire"], "negotiations"))
    assert "hand-set topics of 1 event follow" in dialog.message.text()
    assert _now(window, event.id).topics == ("negotiations",)
    assert "ceasefire" not in window.filters.facets["topics"].rows.values
    window.select_rows([row], row)
    shown = window.detail.header.text()
    assert "<b>Topics:</b> Negotiations" in shown and "ceasefire" not in shown.lower()
    _reloads(qtbot, window, window.editor.stack.undo)
    assert _now(window, event.id).topics == ("ceasefire",)
    assert "ceasefire" in window.filters.facets["topics"].rows.values


def test_delete_takes_a_hand_set_topic_off(qtbot: QtBot, window: MainWindow) -> None:
    _, event = _event(window, "negotiations", without="ceasefire")
    _hand_set(window, event, {"ceasefire", "negotiations"})
    dialog = window.show_topics()
    _reloads(qtbot, window, lambda: dialog.delete("ceasefire"))
    assert _now(window, event.id).topics == ("negotiations",)
    assert "ceasefire" not in window.filters.facets["topics"].rows.values
    _reloads(qtbot, window, window.editor.stack.undo)
    assert _now(window, event.id).topics == ("ceasefire", "negotiations")


def test_the_dialog_counts_what_the_command_line_counts(
        qtbot: QtBot, window: MainWindow, capsys: pytest.CaptureFixture[str]) -> None:
    _, event = _event(window, "negotiations", without="ceasefire")
    _hand_set(window, event, {"ceasefire"})
    dialog = window.show_topics()
    capsys.readouterr()
    assert main(["topics", str(window.folder)]) == 0
    listed = {line.split()[0]: int(line.split()[2])
              for line in capsys.readouterr().out.splitlines()[:-1]}
    assert listed == {t.id: _count(dialog, t.id) for t in window.timeline.taxonomy.topics}


def test_the_status_line_follows_undo(qtbot: QtBot, window: MainWindow) -> None:
    """After Edit ▸ Undo of a merge the dialog still said "Merge topics: saved…"."""
    dialog = window.show_topics()
    _reloads(qtbot, window, lambda: dialog.merge(["ceasefire"], "negotiations"))
    assert dialog.message.text().startswith("Merge topics: saved")
    _reloads(qtbot, window, window.editor.stack.undo)
    assert "saved" not in dialog.message.text() and "undone" in dialog.message.text()
    _reloads(qtbot, window, window.editor.stack.redo)
    assert dialog.message.text().startswith("Merge topics: saved")


def test_new_from_selection_on_a_searched_event(qtbot: QtBot, window: MainWindow,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Search, Enter: the event is selected, yet New from Selection said "Select words in
    the article or some events first." (no phrase of its sentence stands out, and the
    message blamed the selection). The topic made from it, a hand-set event, counted 0;
    and every new topic was #6a5acd."""
    window.filters.search.setText("made no comments")
    window.filters.emit_filter()
    window.filters.search.returnPressed.emit()
    rows = window.selected_source_rows()
    assert len(rows) == 1
    event = window.model.events[rows[0]]
    _hand_set(window, event, {"negotiations"})
    dialog = window.show_topics()
    assert dialog.cues_from_selection() == []  # the cause: nothing stands out in it
    answers = iter([("Silence", True), ("comments", True), ("Quiet", True), ("quiet", True)])
    monkeypatch.setattr(topics_dialog.QInputDialog, "getText",
                        lambda *_a, **_k: next(answers))
    _reloads(qtbot, window, dialog.ask_create)
    assert "Select words" not in dialog.message.text()
    assert _count(dialog, "silence") >= 1
    assert "silence" in _now(window, event.id).topics
    _reloads(qtbot, window, dialog.ask_create)
    colours = [t.color for t in window.timeline.taxonomy.topics]
    assert len(set(colours)) == len(colours)


def test_undo_says_what_it_left_as_another_writer_changed_it(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    folder = window.folder or Path()
    dialog = window.show_topics()
    _reloads(qtbot, window, lambda: dialog.rename("negotiations", "Peace talks"))
    assert main(["topics", str(folder), "--rename", "negotiations", "Talks"]) == 0
    _reloads(qtbot, window, window.editor.stack.undo)
    assert window.topic_labels()["negotiations"] == "Talks"  # the later rename stays
    assert "undone" in dialog.message.text()
    assert "1 field changed since by another window" in dialog.message.text()
