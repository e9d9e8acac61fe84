"""Coverage per lane: counts by month, gaps, outlets."""

from __future__ import annotations

import dataclasses
import datetime as dt

from viewer.core.events.document_events import Event
from viewer.core.pipeline.coverage import coverage

_BASE = Event(id="x", document="a.txt", text="", char_start=0, char_end=0, start=None,
              end=None, precision="day", date_source="explicit", timex=None,
              timex_value=None, parties=(), people=(), topics=(), boilerplate=False,
              sentence=0)


def _event(day: dt.date, topics: tuple[str, ...], document: str = "a.txt") -> Event:
    return dataclasses.replace(_BASE, start=day, end=day, topics=topics, document=document)


def test_gap_in_a_topic_is_named() -> None:
    events = [_event(dt.date(2025, 2, 10), ("prisoners",)),
              _event(dt.date(2025, 7, 1), ("prisoners",), "b.txt"),
              _event(dt.date(2025, 4, 3), ("strikes",))]
    found = coverage(events, "topic", {"a.txt": "Reuters", "b.txt": "AP"})
    assert found.months[0] == dt.date(2025, 2, 1) and len(found.months) == 6
    assert found.counts[found.lanes.index("prisoners")] == (1, 0, 0, 0, 0, 1)
    (gap,) = found.gaps
    assert gap.sentence("prisoner exchanges") == (
        "no reporting on prisoner exchanges between March 2025 and June 2025")
    assert dict(found.outlets)["prisoners"] == (("AP", 1), ("Reuters", 1))


def test_a_single_quiet_month_is_no_gap() -> None:
    events = [_event(dt.date(2025, 1, 5), ("x",)), _event(dt.date(2025, 3, 5), ("x",))]
    assert coverage(events, "topic").gaps == ()


def test_empty() -> None:
    assert coverage([], "party").lanes == ()


def test_vague_spans_do_not_count_in_their_first_month() -> None:
    """'Earlier this year' (1 January to the report) made January look reported."""
    vague = dataclasses.replace(_event(dt.date(2025, 1, 1), ("x",)), precision="year",
                                end=dt.date(2025, 7, 22))
    found = coverage([vague, _event(dt.date(2025, 7, 1), ("x",))], "topic")
    assert found.months == (dt.date(2025, 7, 1),) and found.gaps == ()


def test_the_events_left_out_of_the_months_are_counted() -> None:
    """Year-only and undated events count in no month; the dialog says how many, where a
    lane's total used to fall short of the filter's count with no reason given."""
    events = [_event(dt.date(2025, 2, 10), ("x",)),
              dataclasses.replace(_event(dt.date(2025, 1, 1), ("x",)), precision="year"),
              dataclasses.replace(_BASE, topics=("x",)),
              dataclasses.replace(_event(dt.date(2025, 3, 1), ("x",)), boilerplate=True)]
    found = coverage(events, "topic")
    assert (found.vague, found.undated) == (1, 1)
    assert found.left_out() == ("Not counted in any month: 1 dated only to a year or vaguer "
                                "and 1 undated.")
    assert coverage(events[:1], "topic").left_out() == ""
    assert coverage(events[1:3], "topic").left_out().endswith("1 undated.")
