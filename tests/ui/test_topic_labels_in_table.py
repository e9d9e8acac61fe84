"""The table's Topics column shows each topic's label, as the facets, the key and the
detail pane do: after a rename it showed the bare ids (`pens, company`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import shown_window
from viewer.cli import main
from viewer.ui.event_model import TOPICS_COLUMN
from viewer.ui.tasks import TaskRunner


def test_the_topics_column_shows_and_sorts_by_labels(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path) -> None:
    assert main(["topics", str(seeds_copy), "--rename", "negotiations", "Peace talks"]) == 0
    window = shown_window(qtbot, runner, seeds_copy, (1400, 900))
    model = window.model
    row = next(r for r in range(len(model.events)) if model.events[r].topics == ("negotiations",))
    assert model.answer(row, TOPICS_COLUMN, Qt.ItemDataRole.DisplayRole) == "Peace talks"
    window.proxy.sort(TOPICS_COLUMN, Qt.SortOrder.AscendingOrder)
    shown = [window.proxy.event_at(i) for i in range(window.proxy.rowCount())]
    texts = [", ".join(model.topic_labels.get(t, t) for t in e.topics).casefold()
             for e in shown]
    assert texts == sorted(texts)  # by the labels shown, not the ids
