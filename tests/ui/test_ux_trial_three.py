"""Defects a new user met on a real display (third round), each with the check that
catches it."""

from __future__ import annotations

import datetime as dt
import math
import shutil
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.ui.main_window import MainWindow
from viewer.ui.mark_styles import mark_style

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
    events = window.model.events
    early = next(r for r in range(len(events)) if events[r].start == dt.date(2008, 1, 1))
    window.select_rows([early], early)  # selecting a far-off event goes there
    seen = timeline.visible_range()
    assert seen[0] <= dt.date(2008, 1, 1) <= seen[1], seen


def _ring(kind: str) -> tuple[list[bool], bool]:
    """A mark of `kind` drawn as on the timeline (radius 5, blue on white): whether each of
    24 points round its outline is inked, and whether its centre is."""
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen, brush = mark_style(QColor("#1f77b4"), kind, False)
    painter.setPen(pen)
    painter.setBrush(brush)
    painter.drawEllipse(QPointF(12, 12), 5, 5)
    painter.end()

    def inked(x: float, y: float) -> bool:
        return QColor(image.pixel(round(x), round(y))).lightness() < 235

    outline = [any(inked(12 + r * math.cos(n * math.pi / 12), 12 + r * math.sin(n * math.pi / 12))
                   for r in (4.5, 5.0, 5.5)) for n in range(24)]
    return outline, inked(12, 12)


def test_a_publication_date_mark_does_not_look_planned(window: MainWindow) -> None:
    """A publication-dated event's ring was dotted and a planned event's dashed: at ten
    pixels both were a broken ring, and the key showed the publication date as a plain
    ring."""
    document, planned = _ring("document"), _ring("ahead")
    assert all(document[0]), "the publication date's ring is unbroken"
    assert not all(planned[0]), "a planned event's ring is dashed"
    assert document[1] and not planned[1], "and only the publication date's is filled"
    assert not _ring("ring")[1]  # an inherited date's ring stays hollow
    window.timeline.grab()
    shapes = {label: shape for row in window.timeline.painter.legend_rows
              for label, _colour, shape in row}
    assert shapes.get("publication date") == "document" and shapes.get("planned") == "ahead"
