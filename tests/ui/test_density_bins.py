"""A crowded lane at fit is one row of bins in the window too: a click on a bin selects its
events, and a double-click zooms in until that stretch shows marks, bars and badges again."""

from __future__ import annotations

import math

from pytestqt.qtbot import QtBot

from bench.synthetic import events as synthetic_events
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents
from viewer.ui.timeline_widget import TimelineWidget


def test_a_bin_selects_its_events_and_opens_into_marks(qtbot: QtBot) -> None:
    events = synthetic_events(30_000, seed=21)
    texts = {e.document: e.text for e in events}
    columns = RowEvents(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(1200, 700)
    timeline.show()
    timeline.set_events(columns, list(range(len(events))))
    timeline.fit()
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
