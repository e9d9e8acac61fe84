"""Extracting the files a snapshot does not hold, and joining everything into the folder's
columns in folder order.

Files go to worker processes in tasks of consecutive files of similar size; each task returns
its files' packed snapshot entries and its documents' event columns and summaries
(`batch_extraction`). The main process writes the entries, keeps the columns (and hands
them to a viewer as partial results), and at the end joins the parts in folder order: it never
builds an object per event.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import DocumentEvents
from viewer.core.model import Problem
from viewer.core.pipeline.array_links import Spread
from viewer.core.pipeline.document_summary import DocumentSummary, EventNotes
from viewer.core.pipeline.folder_extraction import (
    BATCH_BYTES,
    BATCH_FILES,
    _executor,
    dated_by_folder,
)
from viewer.core.pipeline.gc_pacing import fewer_collections
from viewer.core.pipeline.worker_pools import PARALLEL_FROM, drop_waiting
from viewer.core.session.batch_extraction import (
    ColumnPart,
    ExtractedBatch,
    column_part,
    extract_files,
)
from viewer.core.session.column_rows import take
from viewer.core.session.column_stage import Extracted
from viewer.core.session.columns import EventColumns
from viewer.core.session.free_memory import release
from viewer.core.session.shared_codes import SharedCodes, shallow

Pending = tuple[bytes, str, str, int]  # snapshot key, path, sidecar entry (JSON), size
IN_PROCESS_FILES = 8  # files per step when extracting in this process (progress, partials)
TAIL_SHARE = 4  # the last tasks are this many times smaller


@dataclass(slots=True)
class Gathered:
    """What extraction and the snapshot gave, before the folder stage."""

    pieces: list[Piece] = field(default_factory=list)
    problems: dict[bytes, Problem] = field(default_factory=dict)
    extracted: int = 0
    worker_cpu: float = 0.0


def tasks(pending: Sequence[Pending], workers: int) -> list[list[Pending]]:
    """Consecutive files grouped into tasks of similar size: few enough that messages stay
    cheap, enough (several per worker) that no worker idles while another ends a big one.
    Consecutive, so the parts join in folder order without reordering rows. The last files
    (a task's worth per worker) go in tasks of a quarter of that: run last, they even out
    when the workers finish (with two workers the other core waited on average half a task,
    0.2 s of 8 at 2,000 articles)."""
    total = sum(p[3] for p in pending)
    limit = max(16 * 1024, min(BATCH_BYTES, total // (workers * 8) or 1))
    out: list[list[Pending]] = []
    current: list[Pending] = []
    weight = 0
    left = total
    task = min(limit, BATCH_FILES * total // max(1, len(pending)))  # a full task's bytes
    for item in pending:
        small = workers > 1 and left <= workers * task
        most = (limit // TAIL_SHARE, BATCH_FILES // TAIL_SHARE) if small else (limit, BATCH_FILES)
        if current and (weight + item[3] > most[0] or len(current) >= most[1]):
            out.append(current)
            current, weight = [], 0
        current.append(item)
        weight += item[3]
        left -= item[3]
    if current:
        out.append(current)
    return out


def pool_for(pending: Sequence[Pending], workers: int | None, folder: str, stamp: str,
             fork: bool = False) -> Executor | None:
    """Worker processes when there is enough to extract (below PARALLEL_FROM files their
    start costs more than they save); the folder stage uses them too. `fork`: forked from
    this process (`folder_extraction._executor`)."""
    workers = workers or os.cpu_count() or 1
    if len(pending) >= PARALLEL_FROM and workers > 1:
        return _executor(workers, folder, stamp, fork)
    return None


def extract(folder: str, pending: Sequence[Pending], sidecar: dict[str, dict[str, str]],
            stamp: str, pool: Executor | None, workers: int, names: Callable[[bytes], str],
            keep: Callable[[ExtractedBatch], None], report: Callable[[int], bool],
            meanwhile: Callable[[], None] | None = None) -> bool:
    """Extract the pending files (in `pool`'s `workers` processes, or in this one), handing
    each task's result to `keep` as it arrives; False when `report(done)` says stop.
    `meanwhile` runs once the workers have their tasks, before their first result (they
    start from the fork server then, and this process would wait)."""
    done = 0

    def side_of(batch: list[Pending]) -> dict[str, dict[str, str]]:
        # Looked up by the batch's names: walking the whole sidecar for every batch made
        # a folder of many small files quadratic (10,000 files: 1,250 walks of 10,000).
        wanted = (names(rel) for rel, _, _, _ in batch)
        return {k: sidecar[k] for k in wanted if k in sidecar}

    if pool is not None:
        futures: dict[Future[ExtractedBatch], int] = {}
        # The biggest tasks first, so the long ones start early and small ones fill gaps.
        for batch in sorted(tasks(pending, workers), key=lambda b: -sum(p[3] for p in b)):
            items = [(rel, path, side) for rel, path, side, _ in batch]
            futures[pool.submit(extract_files, folder, items, side_of(batch), stamp)] = (
                len(batch))
        if meanwhile is not None:
            meanwhile()
        for future in as_completed(futures):
            keep(future.result())
            done += futures.pop(future)  # and its result (packed files, columns) let go
            if not report(done):
                drop_waiting(pool)
                return False
        return True
    with fewer_collections():  # as a worker's (`gc_pacing`): the same objects, fewer walks
        for start in range(0, len(pending), IN_PROCESS_FILES):
            batch = list(pending[start:start + IN_PROCESS_FILES])
            keep(extract_files(folder, [(rel, path, side) for rel, path, side, _ in batch],
                               side_of(batch), stamp))
            done += len(batch)
            if not report(done):
                return False
    return True


def spread_over(pool: Executor) -> Spread:
    """Run calls in the pool's workers (results in order), each worker giving its heap's
    free pages back after each call (`free_memory`: a share of the folder's biggest cluster
    is made into events there, a few hundred MB at 64 MB of text)."""

    def run(function: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        return list(pool.map(released, repeat(function), *zip(*calls, strict=True))
                    ) if calls else []

    return run


def released(function: Callable[..., Any], *args: Any) -> Any:
    """`function(*args)`, then the heap's free pages back to the system."""
    try:
        return function(*args)
    finally:
        release()


def stage_pool(pool: Executor, workers: int, folder: str, stamp: str) -> Executor:
    """Workers for the folder stage in place of the extraction's (which end here): those
    hold what extraction remembers (names, dates, topic words: about 75 MB each at 64 MB of
    text), which the stage never reads; fresh ones start from the fork server's rules."""
    pool.shutdown()
    return _executor(workers, folder, stamp)


def read_back(folder: str, stamp: str, saved: Iterable[tuple[bytes, object]],
              gathered: Gathered, text_of: Callable[[str, int, int], str],
              shared: SharedCodes, chunk: int = 256) -> None:
    """Files the snapshot held (as extractions, or as problems) into pieces, a chunk at a
    time so their objects are let go as they are converted."""
    found: list[tuple[bytes, DocumentEvents]] = []
    for rel, value in saved:
        if isinstance(value, DocumentEvents):
            found.append((rel, value))
        elif isinstance(value, dict) and "problem" in value:
            gathered.problems[rel] = Problem(**value["problem"])
        if len(found) >= chunk:
            gathered.pieces.append(piece_of(column_part(folder, stamp, found), text_of, shared))
            found = []
    if found:
        gathered.pieces.append(piece_of(column_part(folder, stamp, found), text_of, shared))


@dataclass(frozen=True, slots=True)
class Piece:
    """Consecutive documents with their events' columns as extracted (`pre`), the columns
    the folder stage starts from (`start`: the last open's final values for documents it
    keeps, else `pre` again) and their notes."""

    documents: list[tuple[bytes, DocumentSummary]]
    pre: EventColumns
    start: EventColumns
    notes: EventNotes
    origin: npt.NDArray[np.int64] | None = None  # each row's row in the last open, if kept


def piece_of(part: ColumnPart, text_of: Callable[[str, int, int], str],
             shared: SharedCodes) -> Piece:
    """A task's documents, their codes in the open's shared vocabularies."""
    columns = shared.columns(EventColumns.from_arrays(part.arrays, part.extra, text_of))
    return Piece(part.documents, columns, columns, shared.notes_in(part.notes))


@dataclass(frozen=True, slots=True)
class Joined:
    """Every document in folder order: their keys, their columns as extracted, the columns
    the stage starts from, and each row's row in the last open (-1: extracted now)."""

    rels: list[bytes]
    pre: Extracted
    start: Extracted
    origin: npt.NDArray[np.int64]


def redate(folder: str, stamp: str, pieces: Sequence[Piece], order: Sequence[bytes],
           extraction_of: Callable[[bytes], DocumentEvents],
           text_of: Callable[[str, int, int], str], shared: SharedCodes
           ) -> tuple[Piece | None, list[DocumentEvents]]:
    """Articles whose evidence lacks only the year take it from the folder's dated articles
    and are extracted again (`folder_extraction.dated_by_folder`): a piece of the
    re-extracted documents (which replace the originals when the pieces are joined), and
    their extractions."""
    position = {rel: k for k, rel in enumerate(order)}
    documents = sorted((d for p in pieces for d in p.documents), key=lambda d: position[d[0]])
    undated = [rel for rel, s in documents if s.published is None]
    if not undated:
        return None, []
    dates = [s.published for _, s in documents if s.published is not None]
    before = [extraction_of(rel) for rel in undated]
    after = dated_by_folder(folder, stamp, before, dates)
    changed = [(rel, x) for rel, x, old in zip(undated, after, before, strict=True)
               if x is not old]
    if not changed:
        return None, []
    return (piece_of(column_part(folder, stamp, changed), text_of, shared),
            [x for _, x in changed])


def joined(pieces: Sequence[Piece], order: Sequence[bytes],
           text_of: Callable[[str, int, int], str], shared: SharedCodes,
           replaced: Piece | None = None) -> Joined:
    """The pieces' documents in folder order (`order`: every file's key) as one set of
    columns as extracted and one to stage, with their notes; rows are reordered only when
    the pieces do not already follow the folder. The documents of `replaced` take the place
    of the same documents in the other pieces. When no piece comes from the last open, the
    columns to stage share the arrays of those as extracted (`shared_codes.shallow`)."""
    position = {rel: k for k, rel in enumerate(order)}
    ranked = sorted((p for p in pieces if p.documents),
                    key=lambda p: position[p.documents[0][0]])
    if replaced is not None:
        ranked.append(replaced)
    if not ranked:
        empty = EventColumns.build([], text_of)  # (no piece: no vocabulary to join)
        return Joined([], Extracted([], empty, EventNotes.concat([])), Extracted(
            [], EventColumns.build([], text_of), EventNotes.concat([])),
            np.zeros(0, dtype=np.int64))
    pre = shared.join([p.pre for p in ranked], text_of)
    kept = any(p.origin is not None for p in ranked)
    start = shared.join([p.start for p in ranked], text_of) if kept else pre
    notes = shared.join_notes([p.notes for p in ranked])
    origin = np.concatenate([p.origin if p.origin is not None else np.full(
        p.pre.size, -1, dtype=np.int64) for p in ranked])
    documents = [d for p in ranked for d in p.documents]
    gone = {rel for rel, _ in replaced.documents} if replaced is not None else set()
    tail = len(documents) - len(replaced.documents if replaced is not None else ())
    keep = [k for k, (rel, _) in enumerate(documents) if k >= tail or rel not in gone]
    ranks = sorted(keep, key=lambda k: position[documents[k][0]])
    if ranks != list(range(len(documents))):
        counts = np.fromiter((s.events for _, s in documents), dtype=np.int64,
                             count=len(documents))
        starts = np.zeros(len(documents) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        rows = rows_of(starts, ranks)
        pre, notes = take(pre, rows), notes.take(rows)
        start = take(start, rows) if kept else pre
        origin = origin[rows]
        documents = [documents[k] for k in ranks]
    if not kept:
        start = shallow(pre)
    summaries = [s for _, s in documents]
    return Joined([rel for rel, _ in documents], Extracted(summaries, pre, notes),
                  Extracted(summaries, start, notes), origin)


def rows_of(starts: npt.NDArray[np.int64], documents: Sequence[int]) -> npt.NDArray[np.int64]:
    """The rows of the given documents, document after document."""
    picked = np.fromiter(documents, dtype=np.int64, count=len(documents))
    lengths = starts[picked + 1] - starts[picked]
    offsets = np.zeros(len(picked) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    found: npt.NDArray[np.int64] = np.repeat(starts[picked] - offsets[:-1], lengths) + np.arange(
        int(offsets[-1]))
    return found
