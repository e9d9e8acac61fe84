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

import datetime as dt
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
from viewer.core.pipeline.conflicts import find_conflicts, load_rules
from viewer.core.pipeline.document_summary import (
    DAY_PRECISIONS,
    DocumentSummary,
    EventNotes,
    figure_counts,
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
from viewer.core.pipeline.reporting import FORWARD, outcomes
from viewer.core.session.column_rows import events_without_text, put
from viewer.core.session.columns import NO_DAY, EventColumns

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
    _disputes(columns, notes)
    _reports(columns, extracted.summaries, document, label)
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


def _topic_rows(columns: EventColumns) -> Rows:
    """Rows that carry a topic, or a reason naming one: the only rows fitting can change
    when the folder discovers no topic of its own."""
    has = np.diff(columns.ragged["topics"].offsets) > 0
    why = columns.ragged["why"]
    cues = [code for code, text in enumerate(columns.vocab["why"].strings)
            if text.startswith("topic:")]
    if cues:
        has[why.rows[np.isin(why.codes, np.array(cues, dtype=np.int32))]] = True
    return np.flatnonzero(has)


def _topics(folder: str | Path, columns: EventColumns, summaries: list[DocumentSummary],
            documents: Callable[[], Sequence[Document]]) -> Taxonomy:
    base = load_taxonomy(folder)
    settings = load_settings(folder)
    taxonomy = counted_taxonomy(
        lambda fitted: discover(body_units(documents()), fitted, settings), base,
        add_counts(s.fit for s in summaries), settings, deleted_ids(folder))
    if taxonomy.ids() == base.ids():
        return taxonomy
    if any(t.origin == "discovered" for t in taxonomy.topics):  # cues to look for in the text
        rows = np.arange(columns.size, dtype=np.int64)
        before = columns.events(rows)
        docs: tuple[Document, ...] = tuple(documents())
    else:
        rows = _topic_rows(columns)
        before, docs = events_without_text(columns, rows), ()
    after = with_topics(before, base, taxonomy, docs)
    topics: dict[int, object] = {}
    why: dict[int, object] = {}
    for row, old, new in zip(rows.tolist(), before, after, strict=True):
        if new is not old:
            topics[row], why[row] = new.topics, new.why
    put(columns, "topics", topics)
    put(columns, "why", why)
    return taxonomy


def _code(columns: EventColumns, name: str, value: str) -> int:
    return columns.vocab[name].codes.get(value, -2)  # -2: no row holds it


def _clusters(columns: EventColumns, notes: EventNotes, document: npt.NDArray[np.int32]
              ) -> Rows:
    """Cluster ids and source counts; returns each row's cluster as its smallest row."""
    start, end = columns.arrays["start"], columns.arrays["end"]
    boilerplate = columns.flag("boilerplate")
    source = columns.arrays["date_source"]
    data = LinkInput(start, end, document,
                     Sets(columns.ragged["topics"].codes, columns.ragged["topics"].offsets),
                     Sets(columns.ragged["parties"].codes, columns.ragged["parties"].offsets),
                     Sets(notes.words.codes, notes.words.offsets))
    candidate = ~boilerplate & span_ok(start, end) & (source != _code(columns, "date_source",
                                                                     "document"))
    pairs = cluster_pairs(data, candidate)
    first = components(columns.size, [pairs])
    eligible = (start != NO_DAY) & (source == _code(columns, "date_source", "explicit")) & (
        ~boilerplate)
    day_dated = np.isin(columns.arrays["precision"],
                        np.array([_code(columns, "precision", p) for p in DAY_PRECISIONS]))
    near = near_pairs(data, eligible, day_dated, first, load_rules())
    label = components(columns.size, [pairs, near]) if len(near) else first
    if columns.size:
        columns.arrays["cluster"] = group_first(label, columns.arrays["id"])
        columns.arrays["sources"] = distinct_per_group(label, document)
    return label


def _disputes(columns: EventColumns, notes: EventNotes) -> None:
    """Conflict flags of the clusters two or more sources report (members read without
    their text: the notes hold what the text says)."""
    rows = np.flatnonzero((columns.arrays["sources"] >= 2) & ~columns.flag("not_event"))
    members = events_without_text(columns, rows)
    row_of = {id(e): row for e, row in zip(members, rows.tolist(), strict=True)}
    takes_part: list[bool] = notes.takes_part.tolist()

    def said(event: object) -> tuple[dict[str, int], bool]:
        row = row_of[id(event)]
        return figure_counts(notes.figures.row(row)), takes_part[row]

    conflicts = find_conflicts(members, load_rules(), said)
    flags: dict[int, object] = {}
    for event, row in zip(members, rows.tolist(), strict=True):
        found = conflicts.get(event.cluster)
        new = found.flags if found else ()
        if new != event.conflict:
            flags[row] = new
    others = np.diff(columns.ragged["conflict"].offsets) > 0
    others[rows] = False
    flags.update(dict.fromkeys(np.flatnonzero(others).tolist(), ()))
    put(columns, "conflict", flags)


def _reports(columns: EventColumns, summaries: list[DocumentSummary],
             document: npt.NDArray[np.int32], label: Rows) -> None:
    """`reporting.with_reports`: each event's report date, its cluster's first and last,
    and what a later report says became of a planned event."""
    size = columns.size
    published = np.fromiter((s.published.toordinal() if s.published else NO_DAY
                             for s in summaries), dtype=np.int32, count=len(summaries))
    day = published[document] if size else np.zeros(0, dtype=np.int32)
    dated = day != NO_DAY
    low = np.full(size, np.iinfo(np.int32).max, dtype=np.int32)
    high = np.zeros(size, dtype=np.int32)
    np.minimum.at(low, label[dated], day[dated])
    np.maximum.at(high, label[dated], day[dated])
    spanned = np.zeros(size, dtype=bool)
    spanned[label[dated]] = True
    inside = spanned[label]
    columns.arrays["reported"] = day.copy()
    columns.arrays["first_reported"] = np.where(inside, low[label], day).astype(np.int32)
    columns.arrays["last_reported"] = np.where(inside, high[label], day).astype(np.int32)
    _outcomes(columns, document, label, day)


def _outcomes(columns: EventColumns, document: npt.NDArray[np.int32], label: Rows,
              day: npt.NDArray[np.int32]) -> None:
    named = outcomes()
    modality = columns.arrays["modality"]
    strings = columns.vocab["modality"].strings
    settles = np.array([_code(columns, "modality", m) for m in named], dtype=np.int32)
    forward = np.array([_code(columns, "modality", m) for m in FORWARD], dtype=np.int32)
    # Per cluster, the latest-reported event saying what became of it (the first on a tie).
    rows = np.flatnonzero((day != NO_DAY) & np.isin(modality, settles)
                          & ~columns.flag("not_event"))
    order = rows[np.lexsort((rows, -day[rows].astype(np.int64), label[rows]))]
    first = np.ones(len(order), dtype=bool)
    first[1:] = label[order[1:]] != label[order[:-1]]
    settled = np.full(columns.size, -1, dtype=np.int64)
    settled[label[order[first]]] = order[first]
    later = settled[label] if columns.size else settled
    waiting = np.flatnonzero(np.isin(modality, forward) & (day != NO_DAY) & (later >= 0))
    waiting = waiting[(day[later[waiting]] >= day[waiting])
                      & (document[later[waiting]] != document[waiting])]
    text: dict[int, object] = {}
    starts = columns.arrays["start"]
    for row, report in zip(waiting.tolist(), later[waiting].tolist(), strict=True):
        what = named[strings[modality[report]]]
        if what == "happened":
            when = dt.date.fromordinal(int(starts[report])).isoformat() if (
                starts[report] != NO_DAY) else ""
        else:
            when = f"(reported {dt.date.fromordinal(int(day[report])).isoformat()})"
        text[row] = " ".join(x for x in (what, when) if x)
    vocab = columns.vocab["outcome"]
    columns.arrays["outcome"] = np.full(columns.size, vocab.code(""), dtype=np.int32)
    put(columns, "outcome", text)
