"""One task of a folder's extraction: several files read, extracted and summarised in a worker
process, returned in the form the main process keeps.

Why: a worker used to return each file's extraction as plain values, which the main process
turned back into objects, packed for the snapshot and walked again for the folder stage; with
two workers that kept the main process busier than either worker. Here the worker packs each
file's snapshot entry itself, builds its documents' event columns and summarises them
(`document_summary`), so the main process writes bytes, joins arrays and adds up summaries.
"""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy.typing as npt

from viewer.core.events.document_events import DocumentEvents
from viewer.core.ingest.folder_reader import read_document
from viewer.core.model import Problem
from viewer.core.pipeline.document_summary import DocumentSummary, EventNotes, summarise
from viewer.core.pipeline.file_cache import fingerprint
from viewer.core.pipeline.folder_extraction import _extract, _tools
from viewer.core.serialize import problem_to_dict
from viewer.core.session.columns import EventColumns
from viewer.core.session.entry_packing import pack_extraction
from viewer.core.session.snapshot import FileKey, file_hash, pack


@dataclass(frozen=True, slots=True)
class FileRow:
    """A file's snapshot entry, packed: its extraction (or problem) and its text."""

    rel: bytes
    key: FileKey
    payload: bytes
    text: bytes | None


@dataclass(frozen=True, slots=True)
class ColumnPart:
    """Documents (in the part's order) with their events' columns and notes."""

    documents: list[tuple[bytes, DocumentSummary]]
    arrays: dict[str, npt.NDArray[Any]]
    extra: dict[str, Any]
    notes: EventNotes


@dataclass(frozen=True, slots=True)
class ExtractedBatch:
    files: list[FileRow]
    problems: list[tuple[bytes, Problem]]
    part: ColumnPart
    cpu_seconds: float  # the worker's, for this task


def _no_text(relpath: str, start: int, end: int) -> str:
    return ""


def column_part(folder: str, stamp: str, found: Sequence[tuple[bytes, DocumentEvents]]
                ) -> ColumnPart:
    """The columns, summaries and notes of extracted documents (also for documents the main
    process extracts or reads back itself)."""
    taxonomy = _tools(folder, stamp)[2]
    summaries, notes = summarise([x for _, x in found], folder, taxonomy)
    columns = EventColumns.build([e for _, x in found for e in x.events], _no_text)
    arrays, extra = columns.to_arrays()
    return ColumnPart([(rel, s) for (rel, _), s in zip(found, summaries, strict=True)],
                      arrays, extra, notes)


def extract_files(folder: str, items: list[tuple[bytes, str, str]],
                  sidecar: dict[str, dict[str, str]], stamp: str = ""
                  ) -> ExtractedBatch:
    """Files given as (snapshot key, path, sidecar entry as JSON), extracted with the
    folder's rules (built once per process); dated files packed lean (`entry_packing`)."""
    started = time.process_time()
    stamp = stamp or fingerprint(folder)
    files: list[FileRow] = []
    problems: list[tuple[bytes, Problem]] = []
    found: list[tuple[bytes, DocumentEvents]] = []
    for rel, path, side in items:
        item = read_document(folder, path, sidecar)
        if isinstance(item, Problem):
            problems.append((rel, item))
            payload, text = pack({"problem": problem_to_dict(item)}), None
        else:
            extraction = _extract(item, folder, stamp)
            found.append((rel, extraction))
            payload = pack_extraction(extraction, events=extraction.document.date is None)
            text = zlib.compress(item.text.encode("utf-8", "surrogatepass"), 1)
        try:
            st = os.stat(path)
            size, mtime = st.st_size, st.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        files.append(FileRow(rel, FileKey(size, mtime, file_hash(path), side), payload, text))
    return ExtractedBatch(files, problems, column_part(folder, stamp, found),
                          time.process_time() - started)
