"""A lane's colour is kept by the painter like its marks' colours, and worked out again when
the colours (tag colours, taxonomy, palette) or the lane mode change."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette

from viewer.ui.timeline_paint import TimelinePainter
from viewer.ui.timeline_view import TimelineColours, TimelineView


def test_a_lane_colour_follows_the_tag_colours_and_the_lane_mode(qapp: Any) -> None:
    palette = QPalette(qapp.palette())
    red = TimelineColours.of(palette, tags={"urgent": "#ff0000"})
    painter = TimelinePainter(None, TimelineView(mode="tag"), red)
    assert painter.lane_colour("urgent") == QColor("#ff0000")
    assert painter.lane_colour("urgent") == QColor("#ff0000")  # kept
    green = TimelineColours.of(palette, tags={"urgent": "#00ff00"})
    painter.show(None, TimelineView(mode="tag"), green)  # a tag's colour changed
    assert painter.lane_colour("urgent") == QColor("#00ff00")
    painter.show(None, TimelineView(mode="party"), green)  # another lane mode
    assert painter.lane_colour("urgent") == green.party("urgent")
    painter.show(None, TimelineView(mode="topic"), green)
    assert painter.lane_colour("urgent") == green.topic("urgent")
