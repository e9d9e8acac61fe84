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
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.events.people import PeopleRegistry
from viewer.core.events.topics import Taxonomy, discovered_edits, load_taxonomy
from viewer.core.model import Document
from viewer.core.pipeline.array_links import (
    Spread,
    distinct_per_group,
    group_first,
    in_process,
)
from viewer.core.pipeline.conflicts import load_rules
from viewer.core.pipeline.document_summary import (
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
from viewer.core.pipeline.nearest_topics import nearest_topics
from viewer.core.pipeline.people_codes import Resolved, resolve_mentions
from viewer.core.pipeline.people_reduce import People, with_people
from viewer.core.pipeline.reporting import outcomes
from viewer.core.pipeline.topic_identity import TopicMemory
from viewer.core.session.column_rows import put
from viewer.core.session.columns import EventColumns
from viewer.core.session.free_memory import release
from viewer.core.session.stage_links import Change, Links, link, regrouped
from viewer.core.session.stage_marks import disputes, reports
from viewer.core.session.vocabulary import Ragged

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
    resolved: Resolved  # what each mention named (kept for the next open)
    links: Links


@dataclass(frozen=True, slots=True)
class Previous:
    """The last open's stage, when this open keeps most of its documents: `extracted.columns`
    then hold the last open's final values in the rows of unchanged documents."""

    pre: EventColumns  # the last open's rows as extracted
    new_of_old: Rows  # the row each old row became, -1 if its document changed or left
    answers: npt.NDArray[np.int32]  # each old mention occurrence's answer, codes into `found`
    found: list[str]  # `Resolved.keys()` of the last open
    mention_offsets: npt.NDArray[np.int64]  # old rows' mention offsets
    links: Links
    final_label: Rows  # each old row's cluster (after the near-date join), as a row


def fitted_taxonomy(folder: str | Path, summaries: Sequence[DocumentSummary],
                    documents: Callable[[], Sequence[Document]],
                    remember: bool = False) -> Taxonomy:
    """The topics that fit the folder, from the documents' counts (`documents()` is read
    only when the folder's own topics must be discovered; `remember`: the folder's memory
    of them may be updated)."""
    base = load_taxonomy(folder)
    settings = load_settings(folder)
    return counted_taxonomy(
        lambda fitted: discover(body_units(documents()), fitted, settings), base,
        add_counts(s.fit for s in summaries), settings, discovered_edits(folder),
        TopicMemory.of(folder, remember))


def warm(folder: str | Path) -> None:
    """Build what the stage reads besides the columns (title and leader lists, dispute
    rules, NumPy's lazily imported set operations) while the workers extract, so that it is
    not built after their last result with one core idle (0.1-0.2 s of CPU at first use)."""
    PeopleRegistry(folder)
    load_rules()
    outcomes()
    np.unique(np.zeros(2, dtype=np.int64))


def discovers(taxonomy: Taxonomy) -> bool:
    return any(t.origin == "discovered" for t in taxonomy.topics)


def stage_columns(folder: str | Path, extracted: Extracted, taxonomy: Taxonomy,
                  documents: Callable[[], Sequence[Document]],
                  previous: Previous | None = None, spread: Spread = in_process,
                  pieces: int = 1, lean: bool = False) -> Staged:
    """Every folder-wide step; `extracted.columns` is updated in place and returned.
    With `previous` (same taxonomy, none discovered), only what the change touched is done
    again. Linking runs in `pieces` stretches through `spread` (e.g. worker processes).
    `lean`: once people are resolved, `extracted.summaries` (the list itself) are replaced
    by their `lean()` copies, when nothing after the stage reads the rest."""
    columns, notes = extracted.columns, extracted.notes
    document = extracted.document_rows()
    resolved, touched = _people(folder, columns, extracted, previous)
    if lean:
        extracted.summaries[:] = [s.lean() for s in extracted.summaries]
    release()  # each step's temporaries, freed between live arrays (`free_memory`)
    _topics(folder, columns, taxonomy, documents)
    if previous is None:
        links = link(columns, notes, document, None, spread, pieces)
        scope = None
    else:
        old_start = previous.pre.arrays["start"]
        links = link(columns, notes, document,
                     Change(previous.new_of_old, touched, old_start, previous.links), spread,
                     pieces)
        old_of_new = _old_of_new(previous.new_of_old, columns.size)
        scope = regrouped(links.label, previous.final_label, old_of_new) | np.isin(
            links.label, links.label[touched])
    release()
    if columns.size:
        columns.arrays["cluster"] = group_first(links.label, columns.arrays["id"])
        columns.arrays["sources"] = distinct_per_group(links.label, document)
    disputes(columns, notes, links.label, scope, spread, pieces)
    release()
    reports(columns, extracted.summaries, document, links.label)
    return Staged(columns, resolved.people, taxonomy, resolved, links)


def _old_of_new(new_of_old: Rows, size: int) -> Rows:
    out = np.full(size, -1, dtype=np.int64)
    kept = np.flatnonzero(new_of_old >= 0)
    out[new_of_old[kept]] = kept
    return out


_PEOPLE_FIELDS = ("people", "parties", "speaker", "why")
PEOPLE_CHUNK = 100_000  # events whose people are resolved together (bounds their objects)


def _people(folder: str | Path, columns: EventColumns, extracted: Extracted,
            previous: Previous | None) -> tuple[Resolved, npt.NDArray[np.bool_]]:
    """People, their parties and the speaker's full name for the events that mention
    someone. Returns what each mention named, and the rows to link again: after a change,
    the added rows and those whose parties changed (only rows whose mentions now name
    someone else, or no longer the same party, are done again)."""
    mentions = extracted.notes.mentions
    resolved = resolve_mentions(folder, [s.learned for s in extracted.summaries], mentions)
    lengths = mentions.lengths()
    touched = np.zeros(columns.size, dtype=bool)
    if previous is None:
        rows = np.flatnonzero(lengths)
    else:
        old_of_new = _old_of_new(previous.new_of_old, columns.size)
        fresh = old_of_new < 0
        touched |= fresh
        owner = np.repeat(np.arange(columns.size, dtype=np.int64), lengths)
        kept = ~fresh[owner]
        index = {key: code for code, key in enumerate(resolved.keys())}
        translate = np.array([index.get(key, -1) for key in previous.found] + [-1],
                             dtype=np.int64)
        within = np.arange(len(owner), dtype=np.int64) - mentions.offsets[owner]
        old_at = previous.mention_offsets[old_of_new[owner[kept]]] + within[kept]
        differs = translate[previous.answers[old_at]] != resolved.answers[kept]
        again = np.zeros(columns.size, dtype=bool)
        again[owner[kept][differs]] = True
        redo = np.flatnonzero(again)  # unchanged documents whose mentions resolve anew
        before = columns.values("parties", redo)
        for name in _PEOPLE_FIELDS:  # back to the values as extracted, then resolved again
            put(columns, name, dict(zip(redo.tolist(), previous.pre.values(
                name, old_of_new[redo]), strict=True)))
        rows = np.flatnonzero((fresh | again) & (lengths > 0))
    rows = rows[_may_change(columns, resolved.answers, lengths)[rows]]
    as_written = [written(key) for key in mentions.strings]
    found, answers = resolved.found, resolved.answers.tolist()
    codes: list[int] = mentions.codes.tolist()
    offsets: list[int] = mentions.offsets.tolist()
    # `with_people` is a function of its values alone, and rows repeat them (14,805 rows
    # gave 4,126 distinct calls at 2,000 articles): each is worked out once.
    settled: dict[tuple[Any, ...], People | None] = {}
    for first in range(0, len(rows), PEOPLE_CHUNK):  # Python values for a chunk at a time
        chunk = rows[first:first + PEOPLE_CHUNK]
        parties = columns.values("parties", chunk)
        why = columns.values("why", chunk)
        speaker = columns.values("speaker", chunk)
        changed: dict[str, dict[int, object]] = {name: {} for name in _PEOPLE_FIELDS}
        for k, row in enumerate(chunk.tolist()):
            named = tuple([(found[answers[at]], as_written[codes[at]])
                           for at in range(offsets[row], offsets[row + 1])])
            key = (parties[k], why[k], speaker[k], named)
            if key in settled:
                new = settled[key]
            else:
                new = settled[key] = with_people(*key)
            if new is not None:
                for name, value in zip(_PEOPLE_FIELDS, new, strict=True):
                    changed[name][row] = value
        for name, values in changed.items():
            put(columns, name, values)
    if previous is not None:
        after = columns.values("parties", redo)
        touched[redo[[old != new for old, new in zip(before, after, strict=True)]]] = True
    return resolved, touched


def _may_change(columns: EventColumns, answers: npt.NDArray[np.int32],
                lengths: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Rows `with_people` can change: one of its mentions names someone (code 0 is nobody),
    or its parties repeat one (which it drops). About half the rows that mention someone
    name nobody the folder knows; their values are neither converted nor looked at."""
    size = columns.size
    out = np.zeros(size, dtype=bool)
    owner = np.repeat(np.arange(size, dtype=np.int64), lengths)
    out[owner[answers != 0]] = True
    parties = columns.ragged["parties"]
    counts = np.diff(parties.offsets)
    if len(parties.codes) and (counts >= 2).any():
        width = int(parties.codes.max()) + 1
        row = np.repeat(np.arange(size, dtype=np.int64), counts)
        distinct = np.unique(row * width + parties.codes.astype(np.int64)) // width
        out |= np.bincount(distinct, minlength=size) < counts
    return out


def _topics(folder: str | Path, columns: EventColumns, taxonomy: Taxonomy,
            documents: Callable[[], Sequence[Document]]) -> None:
    base = load_taxonomy(folder)
    if taxonomy.ids() == base.ids():
        return
    if not discovers(taxonomy):
        _kept_topics(columns, taxonomy)  # (done twice to a row, the same as done once)
        return
    # Cues of the folder's own topics are looked for in the text: event by event (a folder
    # that discovers its topics is a small one).
    rows = np.arange(columns.size, dtype=np.int64)
    before = columns.events(rows)
    after = nearest_topics(with_topics(before, base, taxonomy, tuple(documents())),
                           taxonomy.ids(), load_settings(folder).stopwords)
    topics: dict[int, object] = {}
    why: dict[int, object] = {}
    for row, old, new in zip(rows.tolist(), before, after, strict=True):
        if new is not old:
            topics[row], why[row] = new.topics, new.why
    put(columns, "topics", topics)
    put(columns, "why", why)


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
