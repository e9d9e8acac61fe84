"""What the rest of the app reads of one document's events: the record, its copies and the
event's id, without the rules that find them (`document_extraction`).

Kept apart so that opening a folder from its snapshot, and the window showing it, load no
extraction rules: importing the tagger, the cue sets and the people rules cost about a third
of a second of CPU before the first paint, for a folder that nothing had to extract.
"""

from __future__ import annotations

from viewer.core.events.event_record import DocumentEvents, Event, evolve, new_event
from viewer.core.events.reported_sentences import event_id, reports_something

__all__ = [
    "DocumentEvents",
    "Event",
    "event_id",
    "evolve",
    "new_event",
    "reports_something",
]
