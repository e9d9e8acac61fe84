"""Provisional events for a viewer while a folder is being extracted, in batches.

A cold open of a large folder takes minutes; the window can show each file's events as they
arrive, before the folder-wide steps (people, folder topics, clusters, conflicts) that the
final Session holds. Batches double in size (16 documents, then 32, 64, …) so a viewer that
joins every batch to what it holds still copies each event a bounded number of times: the
whole open stays linear in the number of documents.
"""

from __future__ import annotations

from collections.abc import Callable

from viewer.core.events.document_events import DocumentEvents, Event
from viewer.core.model import Document
from viewer.core.session.columns import EventColumns

Partial = Callable[[EventColumns], None]
FIRST_BATCH = 16  # documents in the first batch


class PartialBatches:
    """Collects extractions and hands their events over as columns, batch by batch."""

    def __init__(self, deliver: Partial, first: int = FIRST_BATCH) -> None:
        self.deliver = deliver
        self.limit = first
        self.known: dict[str, Document] = {}  # every document so far: batches share it
        self.waiting = 0  # documents not yet handed over
        self.events: list[Event] = []
        self.delivered = 0  # batches handed over

    def add(self, extraction: DocumentEvents) -> None:
        self.known[extraction.document.relpath] = extraction.document
        self.waiting += 1
        self.events.extend(extraction.events)
        if self.waiting >= self.limit:
            self.flush()
            self.limit *= 2

    def text_of(self, relpath: str, start: int, end: int) -> str:
        """Any delivered event's sentence (so batches joined with `EventColumns.concat`
        read their text through any one of them)."""
        return self.known[relpath].text[start:end]

    def flush(self) -> None:
        if not self.waiting:
            return
        batch = EventColumns.build(self.events, self.text_of)
        self.events, self.waiting = [], 0
        self.delivered += 1
        self.deliver(batch)
