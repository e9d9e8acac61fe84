"""How many events carry each topic: one count that the Topics dialog and `timeline-viewer
topics` both show, over the events with the analyst's edits merged (a hand-set topic list
counts, not the topics extraction gave the event), boilerplate left out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.core.events.document_events import Event

if TYPE_CHECKING:
    from viewer.core.session.session import Session


@dataclass(frozen=True, slots=True)
class TopicCounts:
    by_topic: Counter[str]  # topic id → events that carry it
    body: int  # events that are not boilerplate
    with_topic: int  # of those, events with at least one topic


def count_topics(events: Iterable[Event]) -> TopicCounts:
    by_topic: Counter[str] = Counter()
    body = with_topic = 0
    for event in events:
        if event.boilerplate:
            continue
        body += 1
        with_topic += bool(event.topics)
        by_topic.update(event.topics)
    return TopicCounts(by_topic, body, with_topic)


def session_topic_counts(session: Session) -> TopicCounts:
    """`count_topics` over an open folder's events as shown (edits merged); their sentences
    are not read."""
    return count_topics(session.columns.events(text=False))
