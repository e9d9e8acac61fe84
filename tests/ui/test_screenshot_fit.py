"""`--screenshot` shows the window as it opens: the fitted view, not a far-off background
event the table lists first (the Kenya story's 2008 sentence scrolled the picture to 2008)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QPixmap

from viewer.core.events.document_events import Event
from viewer.ui.app import screenshot
from viewer.ui.main_window import MainWindow

KENYA = Path(__file__).resolve().parents[1] / "data" / "unseen" / "kenya_election"


def test_the_screenshot_keeps_the_fitted_view(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "kenya"
    shutil.copytree(KENYA, folder)
    seen: list[tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date], Event | None, bool]] = []
    grab = MainWindow.grab

    def noted_grab(window: MainWindow) -> QPixmap:
        timeline = window.timeline
        fitted = timeline.fitted_days()
        assert fitted is not None
        seen.append(((dt.date.fromordinal(fitted[0]), dt.date.fromordinal(fitted[1])),
                     timeline.visible_range(), window.detail.current_event,
                     timeline.user_zoomed))
        return grab(window)

    monkeypatch.setattr(MainWindow, "grab", noted_grab)
    assert screenshot(folder, tmp_path / "kenya.png", (1400, 900)) == 0
    [((first, last), (shown_first, shown_last), current, zoomed)] = seen
    assert first.year == 2026 and shown_first.year == 2026  # the story, not 2008
    assert shown_first <= first and last <= shown_last + dt.timedelta(days=1)
    assert not zoomed
    # an event of the picture fills the detail pane
    assert current is not None and current.start is not None
    assert first <= current.start <= last
