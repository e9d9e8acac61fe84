"""The folder-wide steps over event columns: people, the folder's topics, clusters, the
near-date join, disputes and the reporting marks, each as array operations or a loop over
plain values, never over event objects.

Why: the folder stage walked every `Event` of the folder several times and copied each one it
changed; at a million events the objects alone took gigabytes and the main process's CPU
bounded what more worker processes could gain. The workers summarise each document
(`document_summary`) so no step here reads the text, except topics the folder discovers
(a small folder's case). The answers are those of `folder_extraction.folder_stage`, event for
event (`tests/core/test_column_stage.py` compares them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from viewer.core.events.topics import Taxonomy, deleted_ids, load_taxonomy
from viewer.core.model import Document
from viewer.core.pipeline.array_links import (
    LinkInput,
    Sets,
    cluster_pairs,
    components,
    distinct_per_group,
    group_first,
    near_pairs,
    span_ok,
)
from viewer.core.pipeline.conflicts import load_rules
from viewer.core.pipeline.document_summary import (
    DAY_PRECISIONS,
    DocumentSummary,
    EventNotes,
    written,
)
from viewer.core.pipeline.folder_extraction import with_topics
from viewer.core.pipeline.folder_topics import (
    add_counts,
    body_units,
    counted_taxonomy,
    discover,
    load_settings,
)
from viewer.core.pipeline.people_codes import resolve_mentions
from viewer.core.pipeline.people_reduce import with_people
from viewer.core.session.column_rows import put
from viewer.core.session.columns import NO_DAY, EventColumns, Ragged
from viewer.core.session.stage_marks import code_of, disputes, reports

Rows = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Extracted:
    """A folder's documents in folder order, with their events' columns (as extracted) and
    notes; the rows of each document follow each other, in document order."""

    summaries: list[DocumentSummary]
    columns: EventColumns
    notes: EventNotes

    def document_rows(self) -> npt.NDArray[np.int32]:
        counts = np.fromiter((s.events for s in self.summaries), dtype=np.int64,
                             count=len(self.summaries))
        return np.repeat(np.arange(len(self.summaries), dtype=np.int32), counts)


@dataclass(frozen=True, slots=True)
class Staged:
    columns: EventColumns
    people: dict[str, str | None]
    taxonomy: Taxonomy


def stage_columns(folder: str | Path, extracted: Extracted,
                  documents: Callable[[], Sequence[Document]]) -> Staged:
    """Every folder-wide step; `extracted.columns` is updated in place and returned.
    `documents()` gives the folder's documents, read only if topics must be discovered."""
    columns, notes = extracted.columns, extracted.notes
    document = extracted.document_rows()
    people = _people(folder, columns, extracted)
    taxonomy = _topics(folder, columns, extracted.summaries, documents)
    label = _clusters(columns, notes, document)
    disputes(columns, notes, label)
    reports(columns, extracted.summaries, document, label)
    return Staged(columns, people, taxonomy)


def _people(folder: str | Path, columns: EventColumns, extracted: Extracted
            ) -> dict[str, str | None]:
    mentions = extracted.notes.mentions
    answers, table = resolve_mentions(folder, [s.learned for s in extracted.summaries],
                                      mentions)
    rows = np.flatnonzero(mentions.lengths())
    parties = columns.values("parties", rows)
    why = columns.values("why", rows)
    speaker = columns.values("speaker", rows)
    as_written = [written(key) for key in mentions.strings]
    codes: list[int] = mentions.codes.tolist()
    offsets: list[int] = mentions.offsets.tolist()
    changed: dict[str, dict[int, object]] = {"people": {}, "parties": {}, "speaker": {},
                                             "why": {}}
    for k, row in enumerate(rows.tolist()):
        found = [(answers[at], as_written[codes[at]])
                 for at in range(offsets[row], offsets[row + 1])]
        new = with_people(parties[k], why[k], speaker[k], found)
        if new is not None:
            for name, value in zip(("people", "parties", "speaker", "why"), new, strict=True):
                changed[name][row] = value
    for name, values in changed.items():
        put(columns, name, values)
    return table


def _topics(folder: str | Path, columns: EventColumns, summaries: list[DocumentSummary],
            documents: Callable[[], Sequence[Document]]) -> Taxonomy:
    base = load_taxonomy(folder)
    settings = load_settings(folder)
    taxonomy = counted_taxonomy(
        lambda fitted: discover(body_units(documents()), fitted, settings), base,
        add_counts(s.fit for s in summaries), settings, deleted_ids(folder))
    if taxonomy.ids() == base.ids():
        return taxonomy
    if not any(t.origin == "discovered" for t in taxonomy.topics):
        _kept_topics(columns, taxonomy)
        return taxonomy
    # Cues of the folder's own topics are looked for in the text: event by event (a folder
    # that discovers its topics is a small one).
    rows = np.arange(columns.size, dtype=np.int64)
    before = columns.events(rows)
    after = with_topics(before, base, taxonomy, tuple(documents()))
    topics: dict[int, object] = {}
    why: dict[int, object] = {}
    for row, old, new in zip(rows.tolist(), before, after, strict=True):
        if new is not old:
            topics[row], why[row] = new.topics, new.why
    put(columns, "topics", topics)
    put(columns, "why", why)
    return taxonomy


def _kept_topics(columns: EventColumns, taxonomy: Taxonomy) -> None:
    """`folder_extraction.with_topics` when the folder only drops topics: each event keeps
    the reasons naming a kept topic, moved after its other reasons in taxonomy order, and
    its topics are those reasons' topics. One sort of every reason, no loop over events."""
    why, strings = columns.ragged["why"], columns.vocab["why"].strings
    rank = {topic_id: k for k, topic_id in enumerate(taxonomy.ids())}
    named = [text.split(":", 2)[1] if text.startswith("topic:") else None for text in strings]
    is_topic = np.array([t is not None for t in named] + [False], dtype=bool)
    kept = np.array([t in rank for t in named] + [False], dtype=bool)
    order_of = np.array([rank.get(t, -1) if t is not None else -1 for t in named] + [-1],
                        dtype=np.int64)
    vocab = columns.vocab["topics"]
    topic_code = np.array([vocab.code(t) if t in rank else -1 for t in named] + [-1],
                          dtype=np.int32)
    codes, rows = why.codes, why.rows
    stays = ~is_topic[codes] | kept[codes]
    place = np.flatnonzero(stays)
    group = is_topic[codes[place]]
    # by row, then other reasons before topics, then topics in taxonomy order, then as they were
    ordered = place[np.lexsort((place, np.where(group, order_of[codes[place]], 0), group,
                                rows[place]))]
    new_why = codes[ordered]
    picked = ordered[is_topic[new_why]]
    columns.ragged["why"] = Ragged(new_why.astype(np.int32), _offsets(rows[ordered],
                                                                     columns.size))
    columns.ragged["topics"] = Ragged(topic_code[codes[picked]], _offsets(rows[picked],
                                                                         columns.size))


def _offsets(rows: npt.NDArray[np.int32], size: int) -> npt.NDArray[np.int64]:
    offsets = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=size), out=offsets[1:])
    return offsets


def _clusters(columns: EventColumns, notes: EventNotes, document: npt.NDArray[np.int32]
              ) -> Rows:
    """Cluster ids and source counts; returns each row's cluster as its smallest row."""
    start, end = columns.arrays["start"], columns.arrays["end"]
    boilerplate = columns.flag("boilerplate")
    source = columns.arrays["date_source"]
    data = LinkInput(start, end, document,
                     Sets(columns.ragged["topics"].codes,
                          columns.ragged["topics"].offsets.astype(np.int64, copy=False)),
                     Sets(columns.ragged["parties"].codes,
                          columns.ragged["parties"].offsets.astype(np.int64, copy=False)),
                     Sets(notes.words.codes, notes.words.offsets))
    candidate = ~boilerplate & span_ok(start, end) & (source != code_of(columns, "date_source",
                                                                     "document"))
    pairs = cluster_pairs(data, candidate)
    first = components(columns.size, [pairs])
    eligible = (start != NO_DAY) & (source == code_of(columns, "date_source", "explicit")) & (
        ~boilerplate)
    day_dated = np.isin(columns.arrays["precision"],
                        np.array([code_of(columns, "precision", p) for p in DAY_PRECISIONS]))
    near = near_pairs(data, eligible, day_dated, first, load_rules())
    label = components(columns.size, [pairs, near]) if len(near) else first
    if columns.size:
        columns.arrays["cluster"] = group_first(label, columns.arrays["id"])
        columns.arrays["sources"] = distinct_per_group(label, document)
    return label
