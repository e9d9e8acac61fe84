"""Turn a folder into what a Session holds: documents, event columns, problems.

With a snapshot, an unchanged folder is read back whole (columns and the list of documents;
each document's text is read when first asked for). Otherwise only the files whose size,
time (and then content) or sidecar entry changed are extracted (`extracting_load`, imported
only then); the rest come from the snapshot, and the folder stage (people, clusters) runs over
all of them as columns. Documents and time expressions are read back when first asked for,
from the snapshot or from their packed form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.dataset.manifest import is_dataset
from viewer.core.events.topics import Taxonomy, Topic, combine, load_taxonomy
from viewer.core.ingest.folder_scan import FolderWalk, scan_folder
from viewer.core.ingest.safe_read import display_name, relative_name
from viewer.core.ingest.sidecar import read_sidecar
from viewer.core.model import Document, Problem
from viewer.core.pipeline.file_cache import fingerprint, looks
from viewer.core.serialize import document_from_dict, timex_from_list
from viewer.core.session.columns import EventColumns
from viewer.core.session.document_source import DocumentSource, SnapshotTexts
from viewer.core.session.partials import Partial
from viewer.core.session.snapshot import FileKey, Snapshot, SnapshotDamaged, snapshot_path
from viewer.core.timex import Timex

# Called once an extracting open's documents are final, before the folder stage, with their
# count and what lists them in folder order.
DocumentsReady = Callable[[int, Callable[[], list[Document]]], None]

Progress = Callable[[int, int], bool | None]
NO_SIDE = json.dumps({}, sort_keys=True)  # a file without a sidecar entry (most)


@dataclass(frozen=True, slots=True)
class Loaded:
    root: str
    order: tuple[str, ...]  # document relpaths in folder order
    documents: Mapping[str, Document]
    document_problems: Mapping[str, tuple[Problem, ...]]
    timexes: Mapping[str, tuple[Timex, ...]]
    columns: EventColumns
    problems: tuple[Problem, ...]  # files that could not be read
    ignored: int
    people: Mapping[str, str | None]
    cached: int
    extracted: int
    complete: bool = True  # False when cancelled part-way
    snapshot: Snapshot | None = None
    files: tuple[str, ...] = ()  # the documents' paths on disk, in folder order
    headers: tuple[tuple[dt.date | None, str], ...] = ()  # each document's date and title
    taxonomy: Taxonomy | None = None  # the topics that fit the folder (None: the bundled)
    walk: FolderWalk | None = None  # the folder as found before it was read (None: a dataset)

    @property
    def topics(self) -> Taxonomy:
        return self.taxonomy if self.taxonomy is not None else load_taxonomy(self.root)


class _Lazy(Mapping[str, Any]):
    """Documents (or their time expressions) read back when first asked for."""

    def __init__(self, order: tuple[str, ...], paths: dict[str, bytes],
                 read: Callable[[bytes], Any], convert: Callable[[dict[str, Any]], Any]) -> None:
        self.order, self.paths, self.read, self.convert = order, paths, read, convert
        self.known: dict[str, Any] = {}

    def __getitem__(self, relpath: str) -> Any:
        found = self.known.get(relpath)
        if found is None:
            payload = self.read(self.paths[relpath])
            if not isinstance(payload, dict) or "document" not in payload:
                raise SnapshotDamaged(f"the snapshot lost {relpath}")
            found = self.known[relpath] = self.convert(payload)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)


def _topic_json(topic: Topic) -> dict[str, Any]:
    return {"id": topic.id, "label": topic.label, "color": topic.color,
            "words": sorted(topic.words), "stems": sorted(topic.stems),
            "phrases": list(topic.phrases), "phrase_stems": list(topic.phrase_stems),
            "origin": topic.origin, "cues": list(topic.cues), "anchors": list(topic.anchors)}


def _topic(value: dict[str, Any]) -> Topic:
    return Topic(value["id"], value["label"], value["color"], frozenset(value["words"]),
                 frozenset(value["stems"]), tuple(value["phrases"]),
                 tuple(value["phrase_stems"]), value["origin"], tuple(value["cues"]),
                 tuple(value["anchors"]))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _document(payload: dict[str, Any]) -> Document:
    return document_from_dict(payload["document"])


def _timexes(payload: dict[str, Any]) -> tuple[Timex, ...]:
    return tuple(timex_from_list(t) for t in payload["timexes"])


def load(root: Path, progress: Progress | None, cancel: Callable[[], bool] | None, *,
         workers: int | None, use_snapshot: bool, partial: Partial | None = None,
         command: bool = False, documents_ready: DocumentsReady | None = None) -> Loaded:
    """The folder as a Session holds it. `partial`, when given, receives the events of the
    files extracted in this open, in batches of documents, before the folder-wide steps.
    `command`: a command-line process that writes the events and ends (no threads, no
    window): the workers are forked from it, the folder stage's linking is shared with
    forked copies of it (`fork_spread`). `documents_ready`: called before the folder stage
    of an open that extracts (a command starts what needs only the documents)."""
    folder = str(root)

    def report(done: int, total: int) -> bool:
        if cancel is not None and cancel():
            return False
        return not (progress is not None and progress(done, total) is False)

    if is_dataset(folder):  # an event dataset is read as built, never extracted again
        from viewer.core.session.dataset_loading import load_dataset

        return load_dataset(root)
    listing = scan_folder(folder)
    sidecar = read_sidecar(folder)
    stamp = fingerprint(folder)
    snap = Snapshot(snapshot_path(folder), stamp) if use_snapshot else None
    # Each file's sidecar entry, by its name inside the folder (most files have none).
    sides: dict[bytes, str] = {}
    if sidecar:
        for rel, path in zip(listing.rels, listing.files, strict=True):
            inside = os.fsdecode(rel)
            name = (display_name(inside.replace(os.sep, "/")) if not inside.startswith("..")
                    else relative_name(folder, path))
            entry = sidecar.get(name)
            if entry:
                sides[rel] = json.dumps(entry, sort_keys=True)
    # The folder's key, of each file's name, size, time (-1: it could not be stated) and
    # sidecar entry: one update of every file's part (the same digest as one per file), each
    # part formatted as bytes (no key record or text per file: 50,000 of them cost about
    # 60 ms of an open from the snapshot).
    no_side = NO_SIDE.encode()
    folder_digest = hashlib.sha256(stamp.encode())
    folder_digest.update(looks(folder) + b"\x00")  # a rename redoes the folder stage only
    folder_digest.update(b"".join([
        b"%b\x00%d\x00%d\x00%b\x00" % (rel, size, mtime, sides[rel].encode() if rel in sides
                                       else no_side)
        for rel, size, mtime in zip(listing.rels, listing.sizes, listing.mtimes, strict=True)]))
    skipped = [[p.path, p.kind, p.message] for p in listing.problems]
    folder_digest.update(json.dumps(skipped).encode())
    folder_key = folder_digest.hexdigest()  # of sizes and times only: a touched file's hash
    total = len(listing.files)  # is not part of it

    # Every file as the folder's row was saved: the saved columns are the folder (a file that
    # could not be stated is never taken as unchanged, so it is read again).
    if snap is not None and all(size >= 0 for size in listing.sizes):
        fast = _from_snapshot(folder, snap, folder_key, listing)
        if fast is not None:
            report(total, total)
            return fast

    known = snap.keys() if snap is not None else {}
    if not command and (workers or os.cpu_count() or 1) > 1:
        _early_fork_server(listing, known)
    from viewer.core.session.extracting_load import load_extracting

    return load_extracting(folder, listing, sidecar, sides, stamp, snap, folder_key, report,
                           workers=workers, partial=partial, command=command, known=known,
                           documents_ready=documents_ready)


def _early_fork_server(listing: FolderWalk, known: dict[bytes, FileKey]) -> None:
    """Start the extraction workers' fork server now when the open will extract enough files
    for workers (`worker_pools.start_fork_server`), before the extraction's modules are
    imported here. Files the snapshot holds at another size or time are counted as changed
    (their content may not be): at worst a server starts that no pool uses."""
    from viewer.core.pipeline.worker_pools import PARALLEL_FROM, start_fork_server

    lacking = 0
    for rel, size, mtime in zip(listing.rels, listing.sizes, listing.mtimes, strict=True):
        old = known.get(rel)
        if old is None or old.size != size or old.mtime_ns != mtime:
            lacking += 1
    if lacking >= PARALLEL_FROM:
        start_fork_server()


def _from_snapshot(folder: str, snap: Snapshot, key: str, listing: FolderWalk) -> Loaded | None:
    """The whole folder as the snapshot saved it, or None when it cannot be used."""
    try:
        found = snap.folder(key)
        if found is None:
            return None
        arrays, extra = found
        order = tuple(entry[0] for entry in extra["order"])
        paths = {relpath: rel.encode("utf-8", "surrogateescape")
                 for relpath, rel, _, _ in extra["order"]}
        source = DocumentSource(snap)
        documents: _Lazy = _Lazy(order, paths, source.document, _document)
        timexes: _Lazy = _Lazy(order, paths, source.payload, _timexes)
        for relpath, payload in extra["staged"].items():  # dated by the folder stage
            documents.known[relpath] = _document(payload)
            timexes.known[relpath] = _timexes(payload)

        text_of = SnapshotTexts(snap, paths, lambda relpath: documents[relpath].text, key)
        columns = EventColumns.from_arrays(arrays, extra, text_of)
        columns.narrow()
        # Imported here: the saved orders use the scene, which imports this package.
        from viewer.core.session import saved_orders

        saved_orders.keep(columns, arrays, extra.get("orders"))
        return Loaded(
            root=folder, order=order, documents=documents,
            document_problems={k: tuple(Problem(*p) for p in v)
                               for k, v in extra["document_problems"].items()},
            timexes=timexes, columns=columns,
            problems=tuple(Problem(*p) for p in extra["problems"]), ignored=listing.ignored,
            people=dict(extra["people"]), cached=len(listing.files), extracted=0,
            snapshot=snap, files=_files(folder, listing, extra["order"], paths),
            headers=tuple((dt.date.fromisoformat(day) if day else None, str(title))
                          for _, _, day, title in extra["order"]),
            taxonomy=combine([_topic(t) for t in extra["taxonomy"]]), walk=listing)
    except (SnapshotDamaged, KeyError, ValueError, TypeError):
        snap.damaged()
        return None


def _files(folder: str, listing: FolderWalk, order: list[list[Any]],
           paths: Mapping[str, bytes]) -> tuple[str, ...]:
    """Each saved document's path on disk, in the saved order: the walk's own paths when
    they come in that order (as they do unless the folder's order is not its names')."""
    if tuple(paths.values()) == listing.rels:
        return listing.files
    names = dict(zip(listing.rels, listing.files, strict=True))
    return tuple(names.get(paths[relpath]) or os.path.join(folder, rel)
                 for relpath, rel, _, _ in order)
