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
from concurrent.futures import Future, as_completed
from dataclasses import dataclass, field

import numpy as np

from viewer.core.events.document_events import DocumentEvents
from viewer.core.model import Problem
from viewer.core.pipeline.document_summary import DocumentSummary, EventNotes
from viewer.core.pipeline.folder_extraction import (
    BATCH_BYTES,
    BATCH_FILES,
    PARALLEL_FROM,
    _executor,
    dated_by_folder,
)
from viewer.core.session.batch_extraction import (
    ColumnPart,
    ExtractedBatch,
    column_part,
    extract_files,
)
from viewer.core.session.column_rows import take
from viewer.core.session.column_stage import Extracted
from viewer.core.session.columns import EventColumns

Pending = tuple[bytes, str, str, int]  # snapshot key, path, sidecar entry (JSON), size
IN_PROCESS_FILES = 8  # files per step when extracting in this process (progress, partials)


@dataclass(slots=True)
class Gathered:
    """What extraction and the snapshot gave, before the folder stage."""

    parts: list[ColumnPart] = field(default_factory=list)
    problems: dict[bytes, Problem] = field(default_factory=dict)
    extracted: int = 0
    worker_cpu: float = 0.0


def tasks(pending: Sequence[Pending], workers: int) -> list[list[Pending]]:
    """Consecutive files grouped into tasks of similar size: few enough that messages stay
    cheap, enough (several per worker) that no worker idles while another ends a big one.
    Consecutive, so the parts join in folder order without reordering rows."""
    total = sum(p[3] for p in pending)
    limit = max(16 * 1024, min(BATCH_BYTES, total // (workers * 8) or 1))
    out: list[list[Pending]] = []
    current: list[Pending] = []
    weight = 0
    for item in pending:
        if current and (weight + item[3] > limit or len(current) >= BATCH_FILES):
            out.append(current)
            current, weight = [], 0
        current.append(item)
        weight += item[3]
    if current:
        out.append(current)
    return out


def extract(folder: str, pending: Sequence[Pending], sidecar: dict[str, dict[str, str]],
            stamp: str, workers: int | None, names: Callable[[bytes], str],
            keep: Callable[[ExtractedBatch], None], report: Callable[[int], bool]) -> bool:
    """Extract the pending files, handing each task's result to `keep` as it arrives;
    False when `report(done)` says stop."""
    done = 0
    workers = workers or os.cpu_count() or 1

    def side_of(batch: list[Pending]) -> dict[str, dict[str, str]]:
        wanted = {names(rel) for rel, _, _, _ in batch}
        return {k: v for k, v in sidecar.items() if k in wanted}

    if len(pending) >= PARALLEL_FROM and workers > 1:
        with _executor(workers, folder, stamp) as pool:
            futures: dict[Future[ExtractedBatch], int] = {}
            # The biggest tasks first, so the long ones start early and small ones fill gaps.
            for batch in sorted(tasks(pending, workers), key=lambda b: -sum(p[3] for p in b)):
                items = [(rel, path, side) for rel, path, side, _ in batch]
                futures[pool.submit(extract_files, folder, items, side_of(batch), stamp)] = (
                    len(batch))
            for future in as_completed(futures):
                keep(future.result())
                done += futures[future]
                if not report(done):
                    for other in futures:
                        other.cancel()
                    return False
        return True
    for start in range(0, len(pending), IN_PROCESS_FILES):
        batch = list(pending[start:start + IN_PROCESS_FILES])
        keep(extract_files(folder, [(rel, path, side) for rel, path, side, _ in batch],
                           side_of(batch), stamp))
        done += len(batch)
        if not report(done):
            return False
    return True


def read_back(folder: str, stamp: str, saved: Iterable[tuple[bytes, object]],
              gathered: Gathered, chunk: int = 256) -> None:
    """Files the snapshot held (as extractions, or as problems) into column parts, a chunk
    at a time so their objects are let go as they are converted."""
    found: list[tuple[bytes, DocumentEvents]] = []
    for rel, value in saved:
        if isinstance(value, DocumentEvents):
            found.append((rel, value))
        elif isinstance(value, dict) and "problem" in value:
            gathered.problems[rel] = Problem(**value["problem"])
        if len(found) >= chunk:
            gathered.parts.append(column_part(folder, stamp, found))
            found = []
    if found:
        gathered.parts.append(column_part(folder, stamp, found))


def joined(parts: Sequence[ColumnPart], order: Sequence[bytes],
           text_of: Callable[[str, int, int], str]
           ) -> tuple[list[bytes], Extracted]:
    """The parts' documents in folder order (`order`: every file's key), as one set of
    columns; rows are reordered only when the parts do not already follow the folder."""
    position = {rel: k for k, rel in enumerate(order)}
    ranked = sorted(parts, key=lambda p: position[p.documents[0][0]] if p.documents else -1)
    ranked = [p for p in ranked if p.documents]
    columns = EventColumns.concat(
        [EventColumns.from_arrays(p.arrays, p.extra, text_of) for p in ranked], text_of
    ) if ranked else EventColumns.build([], text_of)  # (no part: no vocabulary to join)
    notes = EventNotes.concat([p.notes for p in ranked])
    documents = [d for p in ranked for d in p.documents]
    places = [position[rel] for rel, _ in documents]
    if places != sorted(places):
        counts = np.fromiter((s.events for _, s in documents), dtype=np.int64,
                             count=len(documents))
        starts = np.zeros(len(documents) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        ranks = sorted(range(len(documents)), key=lambda k: places[k])
        rows = _rows_of(starts, ranks)
        columns, notes = take(columns, rows), notes.take(rows)
        documents = [documents[k] for k in ranks]
    return [rel for rel, _ in documents], Extracted([s for _, s in documents], columns, notes)


def _rows_of(starts: np.ndarray, documents: Sequence[int]) -> np.ndarray:
    """The rows of the given documents, document after document."""
    picked = np.fromiter(documents, dtype=np.int64, count=len(documents))
    lengths = starts[picked + 1] - starts[picked]
    offsets = np.zeros(len(picked) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return np.repeat(starts[picked] - offsets[:-1], lengths) + np.arange(int(offsets[-1]))


def redated(folder: str, stamp: str, rels: list[bytes], extracted: Extracted,
            extraction_of: Callable[[bytes], DocumentEvents]
            ) -> tuple[Extracted, list[DocumentEvents]]:
    """Articles whose evidence lacks only the year take it from the folder's dated articles
    and are extracted again (`folder_extraction.dated_by_folder`); their rows are replaced."""
    summaries = extracted.summaries
    undated = [k for k, s in enumerate(summaries) if s.published is None]
    if not undated:
        return extracted, []
    dates = [s.published for s in summaries if s.published is not None]
    before = [extraction_of(rels[k]) for k in undated]
    after = dated_by_folder(folder, stamp, before, dates)
    changed = [(k, x) for k, x, old in zip(undated, after, before, strict=True) if x is not old]
    if not changed:
        return extracted, []
    part = column_part(folder, stamp, [(rels[k], x) for k, x in changed])
    fresh = EventColumns.from_arrays(part.arrays, part.extra, extracted.columns.text_of)
    columns = EventColumns.concat([extracted.columns, fresh], extracted.columns.text_of)
    notes = EventNotes.concat([extracted.notes, part.notes])
    counts = [s.events for s in summaries] + [s.events for _, s in part.documents]
    starts = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(np.array(counts, dtype=np.int64), out=starts[1:])
    replaced = {k: len(summaries) + n for n, (k, _) in enumerate(changed)}
    ranks = [replaced.get(k, k) for k in range(len(summaries))]
    rows = _rows_of(starts, ranks)
    new_summaries: list[DocumentSummary] = list(summaries)
    for n, (k, _) in enumerate(changed):
        new_summaries[k] = part.documents[n][1]
    return (Extracted(new_summaries, take(columns, rows), notes.take(rows)),
            [x for _, x in changed])
