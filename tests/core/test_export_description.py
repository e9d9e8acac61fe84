"""Report headers say how the events were chosen, in the words the window shows."""

from __future__ import annotations

from viewer.core.export import ExportJob
from viewer.core.query import Filter


def test_topics_are_named_by_their_labels() -> None:
    job = ExportJob((), {}, Filter(topics=frozenset({"company"})),
                    topic_labels={"company": "Company / patients"})
    assert job.description() == "topics: Company / patients"  # it read "topics: company"


def test_a_selection_is_not_called_all_events() -> None:
    """Two events picked by hand were written under "Filter: all events"."""
    assert ExportJob((), {}, selected=True).description() == "selected in the window"
    shown = ExportJob((), {}, Filter(parties=frozenset({"Peru"})), selected=True)
    assert shown.description() == "selected in the window (shown by parties: Peru)"
    assert ExportJob((), {}).description() == "all events"


def test_a_pictures_title_says_how_its_events_were_chosen() -> None:
    assert ExportJob((), {}, title="Timeline: seeds").heading() == "Timeline: seeds"
    one = ExportJob((), {}, Filter(parties=frozenset({"Russia"})), title="Timeline: seeds")
    assert one.heading() == "Timeline: seeds · parties: Russia"
