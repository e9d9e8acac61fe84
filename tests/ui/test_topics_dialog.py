"""Topics ▸ editing the folder's taxonomy in the app: each edit is saved to the folder's
topics.toml, the counts follow at once (the folder reloads), and Edit ▸ Undo takes it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from viewer.core.store.topic_edits import topics_path
from viewer.ui.main_window import MainWindow
from viewer.ui.topics_dialog import TopicsDialog


def _reloads(qtbot: QtBot, window: MainWindow, step: Callable[[], object]) -> None:
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        assert step() is not False


def _count(dialog: TopicsDialog, topic_id: str) -> int:
    for k in range(dialog.list.topLevelItemCount()):
        item = dialog.list.topLevelItem(k)
        if item is not None and item.data(0, 256) == topic_id:
            return int(item.text(1))
    return 0


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    _reloads(qtbot, window, window.editor.stack.undo)


def test_rename_is_saved_and_undone(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_topics()
    before = _count(dialog, "negotiations")
    assert before > 0
    _reloads(qtbot, window, lambda: dialog.rename("negotiations", "Peace talks"))
    assert window.topic_labels()["negotiations"] == "Peace talks"
    assert 'label = "Peace talks"' in topics_path(window.folder or "").read_text("utf-8")
    assert _count(dialog, "negotiations") == before
    _undo(qtbot, window)
    assert window.topic_labels()["negotiations"] == "Negotiations"
    assert not topics_path(window.folder or "").exists()  # the folder had no file before


def test_recolour_reaches_the_timeline(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_topics()
    _reloads(qtbot, window, lambda: dialog.recolour("strikes", "#123456"))
    topic = window.timeline.taxonomy.get("strikes")
    assert topic is not None and topic.color == "#123456"
    _undo(qtbot, window)
    topic = window.timeline.taxonomy.get("strikes")
    assert topic is not None and topic.color != "#123456"


def test_delete_takes_the_topic_off_every_event(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_topics()
    before = _count(dialog, "strikes")
    assert before > 0
    _reloads(qtbot, window, lambda: dialog.delete("strikes"))
    assert window.timeline.taxonomy.get("strikes") is None
    assert not any("strikes" in e.topics for e in window.model.events)
    assert _count(dialog, "strikes") == 0
    _undo(qtbot, window)
    assert _count(dialog, "strikes") == before


def test_merge_counts_follow(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_topics()
    union = sum(1 for e in window.model.events if not e.boilerplate
                and {"ceasefire", "negotiations"} & set(e.topics))
    before = _count(dialog, "negotiations")
    _reloads(qtbot, window, lambda: dialog.merge(["ceasefire"], "negotiations"))
    assert window.timeline.taxonomy.get("ceasefire") is None
    assert _count(dialog, "negotiations") >= union > before
    _undo(qtbot, window)
    assert _count(dialog, "negotiations") == before
    assert window.timeline.taxonomy.get("ceasefire") is not None


def test_edit_cues_adds_events(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_topics()
    before = _count(dialog, "energy")
    with_word = sum(1 for e in window.model.events if not e.boilerplate
                    and "energy" not in e.topics and "residential" in e.text.lower())
    assert with_word > 0
    _reloads(qtbot, window, lambda: dialog.edit_cues("energy", ["residential"], []))
    assert _count(dialog, "energy") == before + with_word
    _undo(qtbot, window)
    assert _count(dialog, "energy") == before


def test_create_from_selected_events(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_topics()
    rows = [r for r, e in enumerate(window.model.events)
            if "prisoner" in e.text.lower() and not e.boilerplate][:3]
    assert rows
    window.select_rows(rows, rows[0])
    cues = dialog.cues_from_selection()
    assert cues
    _reloads(qtbot, window, lambda: dialog.create_topic("captives", "Captives", "#aa5500",
                                                        cues))
    topic = window.timeline.taxonomy.get("captives")
    assert topic is not None and topic.origin == "folder"
    assert _count(dialog, "captives") >= 1
    assert '[topic."captives"]' in topics_path(window.folder or "").read_text("utf-8")
    _undo(qtbot, window)
    assert window.timeline.taxonomy.get("captives") is None


def test_a_bad_edit_says_why_and_changes_nothing(window: MainWindow) -> None:
    dialog = window.show_topics()
    assert not dialog.recolour("strikes", "red")
    assert "Not changed" in dialog.message.text()
    assert window.editor.stack.count() == 0


def test_words_selected_in_the_article_are_the_cue(window: MainWindow) -> None:
    dialog = window.show_topics()
    window.select_rows([0], 0)
    text = window.detail.text
    at = text.toPlainText().find("talks")
    assert at >= 0
    cursor = QTextCursor(text.document())
    cursor.setPosition(at)
    cursor.setPosition(at + len("talks"), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    assert dialog.cues_from_selection() == ["talks"]


def test_merged_cues_show_in_the_list(qtbot: QtBot, window: MainWindow) -> None:
    """Merging Casualties into Strikes and attacks added sixteen cues, but the Cues column
    showed the first eight only, with no sign of the rest: the merge looked as if it had
    added none."""
    dialog = window.show_topics()

    def cues(topic_id: str) -> str:
        for k in range(dialog.list.topLevelItemCount()):
            item = dialog.list.topLevelItem(k)
            if item is not None and item.data(0, 256) == topic_id:
                return item.text(3)
        return ""

    _reloads(qtbot, window, lambda: dialog.merge(["casualties"], "strikes"))
    topic = window.timeline.taxonomy.get("strikes")
    assert topic is not None and len(topic.cues) > 8
    assert cues("strikes").endswith(f"(+{len(topic.cues) - 8} more)")
