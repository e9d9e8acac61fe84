"""The search box's pause after a keystroke grows with what the last filter change took: on a
folder whose changes are slow, a word typed at an ordinary pace is one search, not one per
letter (each a freeze of the window); on a fast one the pause stays 150 ms."""

from __future__ import annotations

import itertools

import pytest
from pytestqt.qtbot import QtBot

from viewer.core.query import Filter
from viewer.ui import typing_pause
from viewer.ui.filter_panel import FilterPanel


def test_the_pause_is_the_shortest_plus_the_last_change_at_most_the_longest() -> None:
    assert typing_pause.pause_ms(0) == typing_pause.SHORTEST_MS == 150
    assert typing_pause.pause_ms(-3) == 150
    assert typing_pause.pause_ms(120.4) == 270
    assert typing_pause.pause_ms(10_000) == typing_pause.LONGEST_MS


def _panel(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
           change_s: float) -> tuple[FilterPanel, list[Filter]]:
    """A panel whose every filter change takes `change_s` seconds of a fake clock."""
    ticks = itertools.count()
    monkeypatch.setattr(typing_pause, "clock", lambda: change_s * next(ticks))
    panel = FilterPanel()
    qtbot.addWidget(panel)
    emitted: list[Filter] = []
    panel.filterChanged.connect(emitted.append)
    return panel, emitted


def test_a_slow_change_lengthens_the_pause_and_a_fast_one_restores_it(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    panel, emitted = _panel(qtbot, monkeypatch, 0.3)
    panel.emit_filter()
    assert panel._timer.interval() == 450
    monkeypatch.setattr(typing_pause, "clock", lambda: 0.0)
    panel.emit_filter()
    assert panel._timer.interval() == 150 and len(emitted) == 2


def test_a_word_typed_while_changes_are_slow_is_one_search(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys 250 ms apart (an ordinary pace): with the pause fixed at 150 ms each key was a
    filter change; after a slow change the pause is 600 ms."""
    panel, emitted = _panel(qtbot, monkeypatch, 2.0)
    panel.emit_filter()  # a slow change: the next pause is the longest
    emitted.clear()
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "minister", delay=250)
    assert len(emitted) <= 1  # none while typing, unless the machine stalled 350 ms
    qtbot.waitUntil(lambda: bool(emitted) and emitted[-1].search == "minister", timeout=3000)
    assert [f.search for f in emitted][-1] == "minister" and len(emitted) <= 2
