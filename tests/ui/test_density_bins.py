"""A crowded lane at fit is one row of bins in the window too: a click on a bin selects its
events, and a double-click zooms in until that stretch shows marks, bars and badges again."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from bench.synthetic import events as synthetic_events
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents
from viewer.ui.timeline_widget import TimelineWidget


def _fitted_timeline(qtbot: QtBot) -> TimelineWidget:
    """A shown timeline of 30,000 synthetic events at fit (its lanes crowded into
    bins)."""
    events = synthetic_events(30_000, seed=21)
    texts = {e.document: e.text for e in events}
    columns = RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(1200, 700)
    timeline.show()
    timeline.set_events(columns, list(range(len(events))))
    timeline.fit()
    return timeline


def test_a_bin_selects_its_events_and_opens_into_marks(qtbot: QtBot) -> None:
    timeline = _fitted_timeline(qtbot)
    assert timeline.scene is not None
    lane = timeline.scene.lanes[0]
    bins = [i for i in lane.items if i.level >= 0]
    assert bins and len(bins) == len(lane.items)  # the whole lane is bins at fit
    target = max(bins, key=lambda i: len(i.events))
    picked: list[list[int]] = []
    timeline.selectionRequested.connect(lambda rows, _current: picked.append(rows))
    timeline.click_item(target)
    assert picked and sorted(picked[-1]) == sorted(target.events)
    timeline.open_badge(target)
    scene = timeline.scene
    assert scene is not None
    shown = [i for i in scene.lanes[0].items if not set(i.events).isdisjoint(target.events)]
    assert shown and all(i.level < 0 for i in shown)  # marks, bars and badges again
    assert {r for i in shown for r in i.events} >= set(target.events)
    assert scene.visible(-math.inf, math.inf)


def test_a_selected_bin_is_outlined_and_the_other_bins_keep_their_shades_groups(
        qtbot: QtBot) -> None:
    """Bins are batched one group per shade; a selected bin goes to the selected pen's group
    and every other bin stays in its shade's group (each bin drawn once)."""
    timeline = _fitted_timeline(qtbot)
    painter = timeline.painter

    def paint() -> None:  # the widget's painter into an image of its viewport's size
        image = QImage(timeline.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
        on = QPainter(image)
        timeline.paint(on, QRectF(image.rect()))
        on.end()

    def bin_rects() -> list[tuple[bool, tuple[float, float]]]:
        return [(group.pen is painter.selected_pen, (box.x(), box.y()))
                for group in painter.batch.groups if group.shape == "rect"
                for box in group.rects if box.height() == 14]

    paint()
    before = bin_rects()
    assert before and not any(selected for selected, _ in before)
    assert timeline.scene is not None
    target = max((i for i in timeline.scene.lanes[0].items if i.level >= 0),
                 key=lambda i: len(i.events))
    timeline.set_selection(list(target.events), None, reveal=False)
    paint()
    after = bin_rects()
    assert sorted(place for _, place in after) == sorted(place for _, place in before)
    chosen = [place for selected, place in after if selected]  # other lanes share events
    assert (target.x0, timeline.scene.item_y(target) + 9 - 7) in chosen
    assert len(chosen) < len(after)
    fills = {group.brush.color().rgba() for group in painter.batch.groups
             if group.shape == "rect" and group.pen is not painter.selected_pen
             and any(box.height() == 14 for box in group.rects)}
    unselected = [group for group in painter.batch.groups if group.shape == "rect"
                  and group.pen is not painter.selected_pen
                  and any(box.height() == 14 for box in group.rects)]
    assert len(unselected) == len(fills)  # one group per shade
