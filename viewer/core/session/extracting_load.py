"""Opening a folder that its snapshot cannot give back whole: the files whose size, time (and
then content) or sidecar entry changed are extracted (`cold_open`), the rest come from the
snapshot, and the folder stage (people, clusters) runs over all of them as columns
(`column_stage`); the result is saved for the next open.

Apart from `loading` so that an open from the snapshot imports none of this (nor the
extraction rules it brings): that import cost about a third of a second of CPU before the
first paint.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from viewer.core.ingest.folder_scan import FolderWalk
from viewer.core.ingest.safe_read import relative_name
from viewer.core.model import Document
from viewer.core.pipeline.array_links import PER_WORKER, in_process
from viewer.core.pipeline.gc_pacing import fewer_collections
from viewer.core.resources import rule_problems
from viewer.core.serialize import extraction_from_dict, extraction_to_dict
from viewer.core.session import stage_memory, words_file
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
    warm,
)
from viewer.core.session.document_source import DocumentSource, Texts
from viewer.core.session.fork_spread import forked
from viewer.core.session.free_memory import release
from viewer.core.session.loading import (
    NO_SIDE,
    DocumentsReady,
    Loaded,
    _document,
    _iso,
    _Lazy,
    _timexes,
    _topic_json,
)
from viewer.core.session.partials import Partial, PartialBatches
from viewer.core.session.shared_codes import SharedCodes
from viewer.core.session.snapshot import FileKey, Snapshot, file_hash

# Events from which the folder stage gets fresh workers: the extraction's hold what extraction
# remembers (about 75 MB each at 64 MB of text). Below, the stage's linking and dispute
# shares go to the extraction's own workers, still running: fresh ones cost more to start
# than the stage's shares (0.6-1.6 s of CPU at 48,000 events), and in this process the
# shares took about a second of CPU after the workers' last result, the other core idle.
STAGE_POOL_FROM = 50_000


def load_extracting(folder: str, listing: FolderWalk, sidecar: dict[str, dict[str, str]],
                    sides: Mapping[bytes, str], stamp: str, snap: Snapshot | None,
                    folder_key: str, report: Callable[[int, int], bool], *,
                    workers: int | None, partial: Partial | None, command: bool,
                    known: dict[bytes, FileKey] | None = None,
                    documents_ready: DocumentsReady | None = None) -> Loaded:
    """The folder as `loading.load` describes it, extracting what the snapshot lacks;
    `sides` are the files' sidecar entries (as JSON), `folder_key` the digest of the walk
    and of them (the saved row's key), `report` the load's progress, `known` the snapshot's
    file keys when already read, `documents_ready` as for `load`."""
    total = len(listing.files)
    names: dict[bytes, str] = dict(zip(listing.rels, listing.files, strict=True))
    # Each file's key (-1: it could not be stated); its sidecar entry only with one.
    keys = {rel: FileKey(size, mtime, None, sides.get(rel, NO_SIDE)) for rel, size, mtime in zip(
        listing.rels, listing.sizes, listing.mtimes, strict=True)}
    if known is None:
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
                            lambda done: report(cached + done, total),
                            lambda: warm(folder))
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

        if documents_ready is not None and going:
            documents_ready(len(documents.order), every_document)
        taxonomy = fitted_taxonomy(folder, summaries, every_document, snap is not None)
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
                  else spread_over(fresh) if fresh is not None
                  else spread_over(pool) if pool is not None and going else in_process)
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
            # The text search's buffer beside it, made here rather than at the first search
            # on the window's thread; these columns' first search maps it too.
            del arrays, extra
            if words_file.write_both(snap.path, folder_key, columns):
                texts.key = folder_key
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
