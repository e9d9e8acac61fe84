"""A second window on the same folder shows the first one's edits without a reload (a
tester tagged an event in one window and saw the tag in the other only after F5)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import shown_window
from viewer.core.store import edits
from viewer.ui.tasks import TaskRunner


def test_a_tag_made_in_one_window_shows_in_the_other(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path) -> None:
    first = shown_window(qtbot, runner, seeds_copy, (1200, 800))
    second = shown_window(qtbot, runner, seeds_copy, (1200, 800))
    event = first.model.events[2]
    store = first.editor.require()
    first.editor.perform(edits.CreateTag("Create tag", "follow-up", "#3cb44b"))
    first.editor.perform(edits.TagEvents.make(store, "follow-up", [event.id], True), [event])
    row = second.model.row_of[event.id]
    changes = []
    second.editor.changed.connect(changes.append)
    qtbot.waitUntil(lambda: second.model.events[row].tags == ("follow-up",), timeout=5000)
    assert len(changes) == 1 and changes[0].rows == (row,)  # only the tagged row
    assert second.timeline.tag_colours.get("follow-up") == "#3cb44b"
    assert "follow-up" in second.filters.facets["tags"].rows.values  # its count is listed
