"""Period names never print over the lanes' labels, even when the lanes are taller than the
view (the names keep a band of the background along its bottom edge, and the lanes scroll
above it) or a picture has several rows of names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from viewer.core.store.periods import Period
from viewer.ui.lane_headers import AXIS_HEIGHT, HEADER_WIDTH
from viewer.ui.main_window import MainWindow
from viewer.ui.period_names import NAME_GAP, NAME_HEIGHT
from viewer.ui.picture import TITLE_HEIGHT, picture_painter, render_picture


def test_period_names_keep_a_band_of_their_own_when_the_lanes_overflow(
        window: MainWindow) -> None:
    window.resize(900, 600)
    QApplication.processEvents()
    timeline = window.timeline
    timeline.periods = (Period("Geneva round", dt.date(2026, 2, 16), dt.date(2026, 2, 19)),)
    scene = timeline.scene
    assert scene is not None
    viewport = timeline.viewport()
    visible = viewport.height() - AXIS_HEIGHT
    assert scene.height > visible, "the lanes are taller than the view"
    bar = timeline.verticalScrollBar()
    # The last lane scrolls clear above the names' row.
    assert bar.maximum() >= scene.height + NAME_HEIGHT - visible - 1
    for value in (0, bar.maximum() // 2):
        bar.setValue(value)
        image = viewport.grab().toImage()
        base = timeline.painter.colours.base.rgb()
        bottom = viewport.height() - 4  # inside the names' row, below any name's baseline
        start = int(HEADER_WIDTH) + 4
        # Left of the period's shading and its name, the row is the background: no label,
        # mark or lane line of a lane scrolled under it shows through.
        shade = HEADER_WIDTH + timeline.scale.x(dt.date(2026, 2, 16).toordinal()) \
            - timeline.horizontalScrollBar().value()
        stop = int(min(shade, viewport.width()) - 4)
        assert stop - start > 100
        for y in (bottom, bottom - int(NAME_HEIGHT) + 6):
            colours = {image.pixel(x, y) & 0xFFFFFF for x in range(start, stop)}
            assert colours == {base & 0xFFFFFF}, f"lanes show under the names' row at y={y}"
    bar.setValue(bar.maximum())  # scrolled down, the last lane ends above the names' row
    last = scene.lanes[-1]
    assert last.y + last.height - bar.value() + NAME_GAP + NAME_HEIGHT <= visible


def test_a_picture_leaves_room_for_every_row_of_names(window: MainWindow,
                                                      tmp_path: Path) -> None:
    """Three overlapping periods take three rows under the last lane; a picture was as
    tall as one row, so the other names were printed over the lanes."""
    events = window.model.events
    days = (dt.date(2026, 2, 10), dt.date(2026, 2, 12), dt.date(2026, 2, 14))
    periods = tuple(Period(f"Round {n}", day, dt.date(2026, 2, 20))
                    for n, day in enumerate(days, 1))
    painter = picture_painter(events, 1200, periods=periods)
    assert painter.scene is not None
    path = tmp_path / "periods.png"
    render_picture(events, "png", path, "Periods", width=1200, periods=periods)
    image = QImage(str(path))
    lanes_bottom = TITLE_HEIGHT + AXIS_HEIGHT + painter.scene.height
    assert image.height() >= lanes_bottom + NAME_GAP + 3 * NAME_HEIGHT
