"""Defects a new user met on a real display (second round), each with the check that
catches it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import copy_seeds
from tests.ui.conftest import open_and_wait
from viewer.ui.filter_panel import NO_DATES
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline_paint import TimelinePainter
from viewer.ui.topics_dialog import TopicsDialog


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


def _tab_stops(start: QWidget) -> list[QWidget]:
    """The widgets Tab visits after `start`, in order (hidden ones too: the tray opens)."""
    stops, widget = [], start.nextInFocusChain()
    while widget is not start and len(stops) < 500:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.focusProxy():
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def test_tab_reaches_the_overview_and_the_tray_and_the_commands_before_the_text(
        qtbot: QtBot, window: MainWindow) -> None:
    """The overview strip and the Undated tray were not Tab stops, and the detail pane's
    article text came before its buttons."""
    stops = _tab_stops(window.overview)
    tray = window.undated_tray
    assert stops[:5] == [window.timeline, tray.toggle, tray.set_dates, tray.tree, window.table]
    detail = [w for w in stops if w is window.detail.text or w is window.detail.note
              or (isinstance(w, QToolButton) and w.parent() is window.detail)]
    assert detail[-2:] == [window.detail.note, window.detail.text]
    assert len(detail) > 2 and window.overview in _tab_stops(window.timeline)
    # The keys move the strip's lens, and the timeline follows.
    window.overview.setFocus()
    before = window.overview.lens
    moved: list[tuple[float, float]] = []
    window.overview.rangeRequested.connect(lambda a, b: moved.append((a, b)))
    qtbot.keyClick(window.overview, Qt.Key.Key_Right)
    assert moved and moved[-1][0] > before[0]
    qtbot.keyClick(window.overview, Qt.Key.Key_Home)
    assert window.overview.span is not None
    assert moved[-1][0] == window.overview.span[0]


def _kind_of(dialog: TopicsDialog, topic_id: str) -> str:
    for k in range(dialog.list.topLevelItemCount()):
        item = dialog.list.topLevelItem(k)
        if item is not None and item.data(0, 256) == topic_id:
            return item.text(2)
    raise AssertionError(f"{topic_id} is not listed")


def test_a_renamed_bundled_topic_is_the_folders_own(qtbot: QtBot, window: MainWindow) -> None:
    """The Topics dialog still called a topic "bundled" after the analyst renamed it."""
    dialog = window.show_topics()
    assert _kind_of(dialog, "negotiations") == "bundled"
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        assert dialog.rename("negotiations", "Peace talks")
    assert _kind_of(dialog, "negotiations") == "this folder's"
    assert _kind_of(dialog, "strikes") == "bundled"


def test_recolouring_to_another_topics_colour_says_so(qtbot: QtBot, window: MainWindow) -> None:
    """Recolouring a topic to another topic's exact colour gave no word of warning."""
    dialog = window.show_topics()
    taken = window.timeline.taxonomy.get("negotiations")
    assert taken is not None
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        assert dialog.recolour("strikes", taken.color.upper())  # allowed: not blocked
    assert taken.label in dialog.message.text() and "too" in dialog.message.text()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        assert dialog.recolour("strikes", "#123456")
    assert taken.label not in dialog.message.text()
