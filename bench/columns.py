"""The column store at scale, in a process of its own: `python -m bench.columns N`.

Builds N synthetic events in batches of documents (each sentence is a slice of its document's
text, as in a real folder), joins the batches, then measures resident memory beyond the
document texts, filter changes, facet counts and an edit. Prints one JSON line.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import sys
import time
from typing import Any

from bench.scale import rss_bytes
from bench.synthetic import events as synthetic_events
from viewer.core.events.document_events import Event
from viewer.core.query import Filter
from viewer.core.session.columns import EventColumns
from viewer.core.session.filtering import ColumnIndex

BATCH = 50_000
PER_DOCUMENT = 20


def _documents(batch: list[Event], first: int, texts: dict[str, str]) -> list[Event]:
    """Give a batch's events documents whose text holds their sentences."""
    out: list[Event] = []
    for start in range(0, len(batch), PER_DOCUMENT):
        name = f"doc{(first + start) // PER_DOCUMENT:07d}.txt"
        parts: list[str] = []
        at = 0
        for event in batch[start : start + PER_DOCUMENT]:
            out.append(dataclasses.replace(event, document=name, char_start=at,
                                           char_end=at + len(event.text)))
            parts.append(event.text)
            at += len(event.text) + 1
        texts[name] = " ".join(parts)
    return out


def _ms(action: Any) -> float:
    """The best of three runs, in milliseconds of CPU time."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best * 1000


def main() -> None:
    count = int(sys.argv[1])
    texts: dict[str, str] = {}

    def text_of(document: str, start: int, end: int) -> str:
        return texts[document][start:end]

    gc.collect()
    before = rss_bytes()
    parts = []
    built = time.process_time()
    for first in range(0, count, BATCH):
        batch = synthetic_events(min(BATCH, count - first), seed=first)
        batch = [dataclasses.replace(e, id=f"{first + i:012x}") for i, e in enumerate(batch)]
        parts.append(EventColumns.build(_documents(batch, first, texts), text_of))
        del batch
    columns = EventColumns.concat(parts, text_of)
    del parts
    built = time.process_time() - built
    index = ColumnIndex(columns)
    index.counts(Filter())  # the facet entries every filter uses, built once
    gc.collect()
    text_bytes = sum(sys.getsizeof(t) for t in texts.values())
    held = rss_bytes() - before
    figures: dict[str, Any] = {
        "events": count, "build_cpu_s": built, "column_bytes_per_event": columns.nbytes / count,
        "text_mb": text_bytes / 1e6,
        "rss_per_event_beyond_text_bytes": (held - text_bytes) / count,
        "filter_party_ms": _ms(lambda: index.rows(Filter(parties=frozenset({"Russia"})))),
        "filter_topic_ms": _ms(lambda: index.rows(Filter(topics=frozenset({"energy"})))),
        "filter_dates_ms": _ms(lambda: index.rows(Filter(
            date_from=columns.event(0).start, min_sources=2))),
        "counts_ms": _ms(lambda: index.counts(Filter(parties=frozenset({"Ukraine"})))),
    }
    figures["filter_text_first_ms"] = _ms(lambda: index.rows(Filter(search="geneva")))
    row = count // 2
    event = columns.event(row)

    def edit() -> None:
        tagged = dataclasses.replace(event, tags=("key",) if not columns.value(
            "tags", row) else ())
        index.edit({row: tagged})
        index.rows(Filter(tags=frozenset({"key"})))

    figures["edit_and_refilter_ms"] = _ms(edit)
    figures["filter_text_ms"] = _ms(lambda: index.rows(Filter(search="geneva")))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
