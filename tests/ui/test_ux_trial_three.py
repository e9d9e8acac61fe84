"""Defects a new user met on a real display (third round), each with the check that
catches it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.ui.main_window import MainWindow

UNSEEN = Path(__file__).resolve().parents[1] / "data" / "unseen"


def copy_story(name: str, target: Path) -> Path:
    """A private copy of one story folder's articles and sidecar."""
    shutil.copytree(UNSEEN / name, target, ignore=shutil.ignore_patterns(".timeline-viewer"))
    return target


def test_fit_shows_where_the_events_are_and_outliers_stay_reachable(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """On the Kenyan election (August–November 2026) a fit spanned 2008–2035: two background
    years and a plan a year on squeezed the story into a sliver at the right."""
    open_and_wait(qtbot, window, copy_story("kenya_election", tmp_path / "kenya"))
    timeline = window.timeline
    first, last = timeline.visible_range()
    assert dt.date(2026, 3, 1) <= first <= dt.date(2026, 8, 1), (first, last)
    assert dt.date(2026, 10, 1) <= last <= dt.date(2027, 6, 1), (first, last)
    span = timeline.shown_span()
    assert span is not None and dt.date.fromordinal(span[0]) == dt.date(2008, 1, 1)
    bar = timeline.horizontalScrollBar()
    bar.setValue(bar.minimum())  # the far-off years are still there to scroll to
    assert timeline.visible_range()[0] <= dt.date(2008, 1, 1)
    window.timeline.zoom(1.5)
    timeline.fit()  # Ctrl+0 / Home fits the same way
    assert timeline.visible_range() == (first, last)
