"""Discovered topics reach every view with their labels and colours: lanes, filters, the
colour key, the detail pane and exports read the folder's full taxonomy, the one
`timeline-viewer topics FOLDER` lists (an election folder: "court", "police"…)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

ELECTION = Path(__file__).resolve().parents[1] / "data" / "unseen" / "kenya_election"
STEEL = Path(__file__).resolve().parents[1] / "data" / "steel_dispute"


def test_discovered_topics_have_labels_and_colours_everywhere(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    folder = shutil.copytree(ELECTION, tmp_path / "election")
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    open_and_wait(qtbot, window, folder)
    assert window.session is not None
    discovered = [t for t in window.session.loaded.topics.topics if t.origin == "discovered"]
    assert discovered, "the election folder should yield discovered topics"
    topic = max(discovered, key=lambda t: sum(t.id in e.topics for e in window.model.events))
    assert topic.label != topic.id

    timeline = window.timeline
    assert timeline.taxonomy.get(topic.id) == topic
    assert window.filters.facets["topics"].labels[topic.id] == topic.label
    timeline.set_mode("topic")
    assert timeline.lane_label(topic.id) == topic.label
    timeline.set_mode("party")
    key = {label: colour.name() for label, colour in timeline.legend_entries()}
    first = [e for e in window.model.events if e.topics and e.topics[0] == topic.id]
    if first:  # the key lists topics by the first one an event has
        assert key.get(topic.label) == QColor(topic.color).name()

    row = next(r for r, e in enumerate(window.model.events) if topic.id in e.topics)
    window.select_rows([row], row)
    assert topic.label in window.detail.topic_labels.values()

    out = tmp_path / "out.md"
    task = window.exports.export_to(out, "md", "all")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert topic.label in out.read_text(encoding="utf-8")


def test_a_recoloured_topic_the_folder_no_longer_has_is_in_the_problems_panel(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    """It used to stop applying without a word once an added article changed discovery."""
    from tests.core.test_topic_identity import PRICES
    from viewer.core.session import Session
    from viewer.core.store import topic_changes

    folder = shutil.copytree(STEEL, tmp_path / "steel")
    first = Session.open(folder, workers=1)  # remembers the folder's topics
    first.close()
    edit = topic_changes.recolour(folder, first.loaded.topics, "dumping-investigation", "#c000c0")
    edit.apply_to(None)
    (folder / "04_prices.txt").write_text(PRICES)
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    open_and_wait(qtbot, window, folder)
    lines = [line for line in window.problem_list.lines() if "orphaned topic edit" in line]
    assert len(lines) == 1 and "dumping-investigation" in lines[0]
    assert window.problem_dock.isVisible()
