"""Turn a folder into what a Session holds: documents, event columns, problems.

With a snapshot, an unchanged folder is read back whole (columns and the list of documents;
each document's text is read when first asked for). Otherwise only the files whose size,
time (and then content) or sidecar entry changed are extracted (`cold_open`); the rest come
from the snapshot, and the folder stage (people, clusters) runs over all of them as columns
(`column_stage`). Documents and time expressions are read back when first asked for, from the
snapshot or from their packed form.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from viewer.core.dataset.manifest import is_dataset
from viewer.core.events.topics import Taxonomy, Topic, combine, load_taxonomy
from viewer.core.ingest.folder_scan import FolderWalk, scan_folder
from viewer.core.ingest.safe_read import display_name, relative_name
from viewer.core.ingest.sidecar import read_sidecar
from viewer.core.model import Document, Problem
from viewer.core.pipeline.array_links import PER_WORKER, in_process
from viewer.core.pipeline.file_cache import fingerprint
from viewer.core.pipeline.gc_pacing import fewer_collections
from viewer.core.resources import rule_problems
from viewer.core.serialize import (
    document_from_dict,
    extraction_from_dict,
    extraction_to_dict,
    timex_from_list,
)
from viewer.core.session import stage_memory
from viewer.core.session.batch_extraction import ExtractedBatch
from viewer.core.session.cold_open import (
    Gathered,
    extract,
    joined,
    piece_of,
    pool_for,
    read_back,
    redate,
    spread_over,
    stage_pool,
)
from viewer.core.session.column_rows import take
from viewer.core.session.column_stage import (
    Extracted,
    discovers,
    fitted_taxonomy,
    stage_columns,
)
from viewer.core.session.columns import EventColumns
from viewer.core.session.document_source import DocumentSource, RecentTexts, Texts
from viewer.core.session.fork_spread import forked
from viewer.core.session.free_memory import release
from viewer.core.session.partials import Partial, PartialBatches
from viewer.core.session.shared_codes import SharedCodes
from viewer.core.session.snapshot import (
    FileKey,
    Snapshot,
    SnapshotDamaged,
    file_hash,
    snapshot_path,
)
from viewer.core.timex import Timex

Progress = Callable[[int, int], bool | None]
NO_SIDE = json.dumps({}, sort_keys=True)  # a file without a sidecar entry (most)
STAGE_POOL_FROM = 50_000  # events: below, linking in the workers costs more than it saves


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
         command: bool = False) -> Loaded:
    """The folder as a Session holds it. `partial`, when given, receives the events of the
    files extracted in this open, in batches of documents, before the folder-wide steps.
    `command`: a command-line process that writes the events and ends (no threads, no
    window): the workers are forked from it, the folder stage's linking is shared with
    forked copies of it (`fork_spread`)."""
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
    names: dict[bytes, str] = dict(zip(listing.rels, listing.files, strict=True))
    # Each file's key (-1: it could not be stated); its sidecar name only with a sidecar.
    keys = {rel: FileKey(size, mtime, None, NO_SIDE) for rel, size, mtime in zip(
        listing.rels, listing.sizes, listing.mtimes, strict=True)}
    if sidecar:
        for rel, path in zip(listing.rels, listing.files, strict=True):
            inside = os.fsdecode(rel)
            name = (display_name(inside.replace(os.sep, "/")) if not inside.startswith("..")
                    else relative_name(folder, path))
            entry = sidecar.get(name)
            if entry:
                keys[rel] = dataclasses.replace(keys[rel], side=json.dumps(entry, sort_keys=True))
    folder_digest = hashlib.sha256(stamp.encode())
    folder_digest.update(b"".join([  # one update: the same digest as one per file
        rel + f"\x00{key.size}\x00{key.mtime_ns}\x00{key.side}\x00".encode()
        for rel, key in keys.items()]))
    skipped = [[p.path, p.kind, p.message] for p in listing.problems]
    folder_digest.update(json.dumps(skipped).encode())
    folder_key = folder_digest.hexdigest()  # of sizes and times only: a touched file's hash
    total = len(listing.files)  # is not part of it

    # Every file as the folder's row was saved: the saved columns are the folder (a file that
    # could not be stated is never taken as unchanged, so it is read again).
    if snap is not None and all(size >= 0 for size in listing.sizes):
        fast = _from_snapshot(folder, snap, folder_key, listing, names)
        if fast is not None:
            report(total, total)
            return fast

    known = snap.keys() if snap is not None else {}
    hits: list[bytes] = []
    pending: list[tuple[bytes, str]] = []
    touched: list[tuple[bytes, FileKey]] = []
    for rel, key in keys.items():
        side = key.side
        old = known.get(rel)
        if old is not None and old.side == side and old.size == key.size >= 0:
            if old.mtime_ns == key.mtime_ns:
                keys[rel] = old
                hits.append(rel)
                continue
            digest = file_hash(names[rel])  # touched, perhaps not changed: the content decides
            if digest is not None and digest == old.hash:
                keys[rel] = FileKey(key.size, key.mtime_ns, digest, side)
                touched.append((rel, keys[rel]))
                hits.append(rel)
                continue
        pending.append((rel, side))
    going = report(len(hits), total)

    source = DocumentSource(snap)
    texts = Texts(source)
    gathered = Gathered()
    shared = SharedCodes()
    last = stage_memory.saved(snap, texts) if snap is not None and hits else None
    if last is not None:
        piece = stage_memory.reused(*last, set(hits), known, shared)
        if piece is not None:
            gathered.pieces.append(piece)
    if snap is not None and hits:
        held = {rel for piece in gathered.pieces for rel, _ in piece.documents}
        read_back(folder, stamp, snap.payloads([rel for rel in hits if rel not in held],
                                               _converted).items(), gathered, texts, shared)
    held = {rel for piece in gathered.pieces for rel, _ in piece.documents}
    held |= set(gathered.problems)
    pending += [(rel, keys[rel].side) for rel in hits if rel not in held]
    cached = len(held)
    batches = PartialBatches(partial, shared.join) if partial is not None else None
    written: dict[bytes, FileKey] = {}

    def keep(batch: ExtractedBatch) -> None:
        gathered.extracted += len(batch.files)
        gathered.worker_cpu += batch.cpu_seconds
        source.put(batch.files)
        written.update((row.rel, row.key) for row in batch.files)
        gathered.problems.update(batch.problems)
        piece = piece_of(batch.part, texts, shared)
        for rel, summary in batch.part.documents:
            texts.names[summary.relpath] = rel
        gathered.pieces.append(piece)
        if batches is not None and batch.part.documents:
            batches.add(piece.pre, len(batch.part.documents))

    sizes = [(rel, names[rel], side, max(0, keys[rel].size)) for rel, side in pending]
    pool = pool_for(sizes, workers, folder, stamp, command) if going else None
    with pool if pool is not None else contextlib.nullcontext():  # the stage uses it too
        if going:
            going = extract(folder, sizes, sidecar, stamp, pool, workers or os.cpu_count() or 1,
                            lambda rel: _sidecar_name(folder, names[rel]), keep,
                            lambda done: report(cached + done, total))
        if command and pool is not None:  # its threads end here: the stage forks this process
            pool.shutdown()

        if batches is not None:
            batches.flush()
        if snap is not None:
            snap.touch(touched)
        if snap is not None and going:
            snap.keep_only(set(keys))

        problems = list(listing.problems) + rule_problems(folder)
        problems += [gathered.problems[rel] for rel in keys if rel in gathered.problems]
        for piece in gathered.pieces:
            for rel, summary in piece.documents:
                texts.names[summary.relpath] = rel
        undated = {rel for piece in gathered.pieces for rel, s in piece.documents
                   if s.published is None}
        again, staged = redate(folder, stamp, gathered.pieces, list(keys), source.extraction, texts,
                               shared)
        found = joined(gathered.pieces, list(keys), texts, shared, again)
        gathered.pieces.clear()
        release()  # the pieces' arrays, freed among live ones (`free_memory`)
        summaries = found.pre.summaries
        paths = dict(zip((s.relpath for s in summaries), found.rels, strict=True))
        documents = _Lazy(tuple(paths), paths, source.document, _document)
        timexes = _Lazy(documents.order, paths, source.payload, _timexes)
        for x in staged:  # dated by the folder: kept as re-extracted
            documents.known[x.document.relpath] = x.document
            timexes.known[x.document.relpath] = x.timexes
            texts.known[x.document.relpath] = x.document.text

        def every_document() -> list[Document]:
            return [documents[r] for r in documents.order]

        taxonomy = fitted_taxonomy(folder, summaries, every_document)
        before = None
        if last is not None and taxonomy.ids() == last[0].taxonomy and not discovers(taxonomy):
            before = stage_memory.previous(last[0], found.origin)
        start = found.start
        if before is None and (found.origin >= 0).any():  # the last stage cannot be built on
            start = Extracted(summaries, take(found.pre.columns, np.arange(
                found.pre.columns.size)), found.pre.notes)
        fresh = (stage_pool(pool, workers or os.cpu_count() or 1, folder, stamp)
                 if not command and pool is not None and going  # cancelled: shut
                 and start.columns.size >= STAGE_POOL_FROM else None)
        spread = (forked(workers or os.cpu_count() or 1) if command and pool is not None
                  else spread_over(fresh) if fresh is not None else in_process)
        with fresh if fresh is not None else contextlib.nullcontext(), fewer_collections():
            # (its arrays and registries outlive every young collection)
            stage = stage_columns(folder, start, taxonomy, every_document, before, spread,
                                  PER_WORKER * (workers or os.cpu_count() or 1),
                                  snap is None)  # lean: a snapshot saves them whole
        columns, people = stage.columns, stage.people
        order = documents.order
        document_problems = {s.relpath: s.problems for s in summaries if s.problems}
        if snap is not None and going:
            # Imported here: the saved orders use the scene, which imports this package.
            from viewer.core.session.folder_row import folder_arrays

            arrays, extra = folder_arrays(columns)
            extra.update(order=[[s.relpath, paths[s.relpath].decode("utf-8", "surrogateescape"),
                                 _iso(s.published), s.title] for s in summaries],
                         document_problems={k: [[p.path, p.kind, p.message] for p in v]
                                            for k, v in document_problems.items()},
                         problems=[[p.path, p.kind, p.message] for p in problems], people=people,
                         taxonomy=[_topic_json(t) for t in stage.taxonomy.topics],
                         staged={x.document.relpath: extraction_to_dict(x) for x in staged})
            with contextlib.suppress(TypeError, ValueError):  # values JSON cannot hold: no shortcut
                snap.put_folder(folder_key, arrays, extra)
                snap.put_memory(*stage_memory.to_saved(stage_memory.Memory(
                        found.rels, [stage_memory.key_of(written.get(rel, keys[rel]))
                                     for rel in found.rels], [rel in undated for rel in found.rels],
                        summaries, found.pre.columns, found.pre.notes, stage.resolved.keys(),
                        stage.resolved.answers, stage.links, taxonomy.ids())))
        return Loaded(
            root=folder, order=order, documents=documents, document_problems=document_problems,
            timexes=timexes, columns=columns,
            problems=tuple(problems), ignored=listing.ignored, people=people, cached=cached,
            extracted=gathered.extracted, complete=going, snapshot=snap,
            files=tuple(names[paths[relpath]] for relpath in order),
            headers=tuple((s.published, s.title) for s in summaries),
            taxonomy=stage.taxonomy, walk=listing)


def _sidecar_name(folder: str, path: str) -> str:
    return relative_name(folder, path)


def _converted(value: Any) -> Any:
    """A saved file's extraction as objects (a file with a problem stays as saved). A dated
    file's entry holds no events (`entry_packing`): None, so the file is
    extracted again when the last stage's columns do not hold it."""
    if not isinstance(value, dict) or "problem" in value:
        return value
    return extraction_from_dict(value) if "events" in value else None


def _from_snapshot(folder: str, snap: Snapshot, key: str, listing: FolderWalk,
                   names: Mapping[bytes, str]) -> Loaded | None:
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

        recent = RecentTexts()

        def text_of(relpath: str, start: int, end: int) -> str:
            text = recent.get(relpath)
            if text is None:
                text = snap.text(paths[relpath])
                if text is None:
                    text = documents[relpath].text
                recent.put(relpath, text)
            return text[start:end]

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
            snapshot=snap, files=listing.files if tuple(paths.values()) == listing.rels else tuple(
                names.get(paths[relpath]) or os.path.join(folder, rel)
                for relpath, rel, _, _ in extra["order"]),
            headers=tuple((dt.date.fromisoformat(day) if day else None, str(title))
                          for _, _, day, title in extra["order"]),
            taxonomy=combine([_topic(t) for t in extra["taxonomy"]]), walk=listing)
    except (SnapshotDamaged, KeyError, ValueError, TypeError):
        snap.damaged()
        return None
