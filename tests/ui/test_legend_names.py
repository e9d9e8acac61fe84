"""Hovering the timeline's key names an entry whole, however short its painted name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from pytestqt.qtbot import QtBot

from tests.ui.conftest import shown_window
from viewer.ui.legend_paint import MARKS, _placed
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner
from viewer.ui.text_widths import text_widths
from viewer.ui.timeline_tips import legend_name


def test_each_key_entry_is_named_whole_where_it_is_drawn(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path) -> None:
    window = shown_window(qtbot, runner, seeds_copy, (900, 600))  # names cut to fit
    timeline = window.timeline
    timeline.viewport().repaint()
    painter = timeline.painter
    rows, entries = painter.legend_rows, painter.legend
    assert rows and entries
    rect = QRectF(timeline.viewport().rect())
    font = timeline.viewport().font()
    names = [label for label, _colour in entries] + [name for name, _shape in MARKS]
    placed = list(_placed(rows, rect, text_widths(font)))
    assert len(placed) == len(names)
    assert any(shown != whole for (_x, _y, (shown, _c, _s)), whole in zip(placed, names,
                                                                         strict=True))
    for (x, y, _key), whole in zip(placed, names, strict=True):
        assert legend_name(rows, entries, rect, QPointF(x + 4, y - 4), font) == whole
    assert legend_name(rows, entries, rect, QPointF(rect.left() + 5, rect.top() + 9),
                       font) is None


def test_a_lane_header_names_its_lane_whole(window: MainWindow, qtbot: QtBot) -> None:
    """Lane headers cut long names ("Nordvale Phar…", "United Arab E…") with no way to read
    them; hovering a header now names its lane whole, with its count."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QToolTip

    from viewer.ui.lane_headers import AXIS_HEIGHT, lane_name_at

    timeline = window.timeline
    scene = timeline.scene
    assert scene is not None and len(scene.lanes) > 2
    lane = scene.lanes[1]
    rect = QRectF(timeline.viewport().rect())
    sy = timeline.verticalScrollBar().value()
    y = AXIS_HEIGHT + lane.y - sy + lane.height / 2
    whole = f"{lane.label} ({lane.count:,} events)"
    assert lane_name_at(rect, sy, scene, QPointF(20, y)) == whole
    assert lane_name_at(rect, sy, scene, QPointF(rect.width() - 5, y)) is None  # not a header
    QTest.mouseMove(timeline.viewport(), QPoint(20, int(y)))  # (through the X server there)
    qtbot.waitUntil(lambda: QToolTip.text() == whole, timeout=5000)
