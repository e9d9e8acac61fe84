"""Defects a new user met on a real display (second round), each with the check that
catches it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import copy_seeds
from tests.ui.conftest import open_and_wait
from viewer.ui.filter_panel import NO_DATES
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline_paint import TimelinePainter


def test_an_empty_folder_shows_neither_the_last_folders_dates_nor_its_axis(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The From/To boxes kept the previous folder's range while a folder loaded and for a
    folder without a dated event, and an empty folder kept the previous folder's axis."""
    bands: list[int] = []
    paint_bands = TimelinePainter._paint_bands

    def counted(self: TimelinePainter, *args: object) -> None:
        bands.append(1)
        paint_bands(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(TimelinePainter, "_paint_bands", counted)
    window.timeline.grab()
    assert bands, "the seeds' timeline has an axis"
    assert window.filters.date_from.text() != NO_DATES
    empty = tmp_path / "empty"
    empty.mkdir()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.open_folder(empty)
        assert window.filters.date_from.text() == NO_DATES  # while it loads
        assert window.filters.date_to.text() == NO_DATES
    assert window.filters.date_from.text() == NO_DATES
    assert window.filters.date_to.text() == NO_DATES
    assert window.filters.current().date_from is None
    bands.clear()
    window.timeline.grab()
    assert not bands


def test_the_timeline_has_the_keys_after_a_folder_opens(qtbot: QtBot, window: MainWindow,
                                                        tmp_path: Path) -> None:
    """Focus started in the search box, so ← → and the timeline's keys did nothing until
    the timeline was clicked; a search typed while a folder loads keeps its focus."""
    assert window.focusWidget() is window.timeline
    window.focus_search()
    assert window.focusWidget() is window.filters.search  # Ctrl+F still reaches it
    other = copy_seeds(tmp_path / "other")
    open_and_wait(qtbot, window, other)
    assert window.focusWidget() is window.timeline
    window.focus_search()
    window.filters.search.setText("elect")
    open_and_wait(qtbot, window, copy_seeds(tmp_path / "third"))
    assert window.focusWidget() is window.filters.search
