"""Provisional events for a viewer while a folder is being extracted, in batches.

A cold open of a large folder takes minutes; the window can show each file's events as they
arrive, before the folder-wide steps (people, folder topics, clusters, conflicts) that the
final Session holds. Batches double in size (16 documents, then 32, 64, …) so a viewer that
joins every batch to what it holds still copies each event a bounded number of times: the
whole open stays linear in the number of documents.
"""

from __future__ import annotations

from collections.abc import Callable

from viewer.core.session.columns import EventColumns

Partial = Callable[[EventColumns], None]
Join = Callable[[list[EventColumns], Callable[[str, int, int], str]], EventColumns]
FIRST_BATCH = 16  # documents in the first batch


class PartialBatches:
    """Collects the column parts of newly extracted documents and hands them over joined,
    batch by batch (a batch closes once it holds at least its number of documents)."""

    def __init__(self, deliver: Partial, join: Join | None = None,
                 first: int = FIRST_BATCH) -> None:
        self.deliver = deliver
        self.join = join or EventColumns.concat
        self.limit = first
        self.waiting = 0  # documents not yet handed over
        self.parts: list[EventColumns] = []
        self.delivered = 0  # batches handed over

    def add(self, part: EventColumns, documents: int) -> None:
        self.parts.append(part)
        self.waiting += documents
        if self.waiting >= self.limit:
            self.flush()
            self.limit *= 2

    def flush(self) -> None:
        if not self.waiting:
            return
        parts, self.parts, self.waiting = self.parts, [], 0
        batch = parts[0] if len(parts) == 1 else self.join(parts, parts[0].text_of)
        self.delivered += 1
        self.deliver(batch)
