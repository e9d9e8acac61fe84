"""A filter change re-fits the timeline to the shown events: their extent is measured once
per change (it was measured again by `fit`), and the fit is the one `fit()` gives."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from bench.synthetic import events as synthetic_events
from viewer.ui import timeline_widget
from viewer.ui.timeline_widget import TimelineWidget


def test_a_filter_change_measures_the_shown_extent_once(qtbot: QtBot,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    events = synthetic_events(400, seed=3)
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(1000, 600)
    timeline.show()
    timeline.set_events(events, list(range(len(events))))
    calls: list[int] = []
    measured = timeline_widget.extent

    def counting(*args: Any) -> Any:
        calls.append(1)
        return measured(*args)

    monkeypatch.setattr(timeline_widget, "extent", counting)
    before = timeline.shown_span()
    assert before is not None
    first = min(e.start for e in events if e.start is not None)
    shown = [row for row, e in enumerate(events) if e.start is not None and e.start > first]
    timeline.set_events(events, shown)
    assert len(calls) == 1
    assert timeline.shown_span() != before  # the extent changed, so the view was re-fitted
    fitted = (timeline.scale.origin, timeline.scale.px_per_day, timeline.shown_span())
    timeline.fit()
    assert (timeline.scale.origin, timeline.scale.px_per_day, timeline.shown_span()) == fitted
