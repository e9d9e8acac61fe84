"""Extract a whole folder: documents, events, people, clusters; in parallel, with a cache.

Each file is read and tagged on its own (in worker processes when there is enough to do);
then, over the whole folder, people are merged and linked to parties and events reporting
the same happening are clustered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.core.dataset.manifest import is_dataset
from viewer.core.events.document_events import DocumentEvents, Event, evolve
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.modality import load_rules as modality_rules
from viewer.core.events.people import PeopleRegistry, PersonMention
from viewer.core.events.speaker_rules import load_rules as speaker_rules
from viewer.core.events.topics import Taxonomy, combine, discovered_edits, load_taxonomy
from viewer.core.ingest.date_evidence import date_by_folder
from viewer.core.ingest.folder_reader import MAX_BYTES, list_folder, read_document
from viewer.core.ingest.safe_read import read_bounded, relative_name
from viewer.core.ingest.sidecar import read_sidecar
from viewer.core.model import Document, Problem
from viewer.core.pipeline.cluster import cluster
from viewer.core.pipeline.conflicts import with_conflicts
from viewer.core.pipeline.file_cache import Cache, entry_key, fingerprint
from viewer.core.pipeline.folder_topics import folder_taxonomy, load_settings
from viewer.core.pipeline.gc_pacing import for_worker, held, paced
from viewer.core.pipeline.nearest_topics import nearest_topics
from viewer.core.pipeline.people_reduce import as_found, attach_people, people_table, taught
from viewer.core.pipeline.reporting import with_reports
from viewer.core.pipeline.topic_identity import TopicMemory
from viewer.core.pipeline.worker_pools import (
    PARALLEL_FROM,
    PRELOAD,
    can_fork,
    drop_waiting,
    track,
)
from viewer.core.resources import rule_problems
from viewer.core.serialize import extraction_from_dict, extraction_to_dict, problem_to_dict
from viewer.core.timex import Tagger, Timex

Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True, slots=True)
class FolderExtraction:
    root: str
    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    problems: tuple[Problem, ...]
    ignored: int
    people: dict[str, str | None]
    timexes: dict[str, tuple[Timex, ...]]
    cached: int
    extracted: int
    taxonomy: Taxonomy = field(default_factory=load_taxonomy)  # the topics that fit the folder


@functools.lru_cache(maxsize=8)
def _tools(folder: str, stamp: str) -> tuple[Tagger, Any, Any]:
    """Rules for a folder, rebuilt whenever its rule files change (`stamp`)."""
    return Tagger.for_folder(folder), load_gazetteer(folder), load_taxonomy(folder)


def _extract(item: Document, folder: str, stamp: str) -> DocumentEvents:
    tagger, gazetteer, taxonomy = _tools(folder, stamp)
    with held():
        return extract_document(item, tagger, gazetteer, taxonomy,
                                modality_rules(folder), speaker_rules(folder))


def extract_one(folder: str, path: str, side: dict[str, dict[str, str]],
                stamp: str = "", prefix: str = "") -> DocumentEvents | Problem:
    """Read and extract one file with the folder's rules (built once per process); the unit
    of work every engine shares. `prefix` goes before the relative path (and so into the
    event ids) when several folders make one dataset."""
    item = read_document(folder, path, side)
    if isinstance(item, Problem):
        return Problem(prefix + item.path, item.kind, item.message) if prefix else item
    if prefix:
        item = dataclasses.replace(item, relpath=prefix + item.relpath)
    return _extract(item, folder, stamp or fingerprint(folder))


def extract_batch(folder: str, items: list[tuple[str, str]], side: dict[str, dict[str, str]],
                  stamp: str = "", use_cache: bool = False
                  ) -> list[DocumentEvents | dict[str, Any]]:
    """Several files (path, cache key) in one task, so results cross back in few messages.

    The worker writes each file's cache entry itself and returns the extraction as objects
    (or a problem as a dict): the main process neither encodes JSON nor rebuilds objects
    from dicts, which kept it busy while the workers waited.
    """
    cache = Cache(folder) if use_cache else None
    out: list[DocumentEvents | dict[str, Any]] = []
    for path, key in items:
        item = read_document(folder, path, side)
        if isinstance(item, Problem):
            out.append({"problem": problem_to_dict(item)})
            continue
        extraction = _extract(item, folder, stamp or fingerprint(folder))
        if cache is not None and key:
            cache.put(key, extraction_to_dict(extraction))
        out.append(extraction)
    return out


def _warm(folder: str, stamp: str) -> None:
    """Worker start-up: build the folder's rules once, before the first task arrives."""
    for_worker()
    _tools(folder, stamp)
    modality_rules(folder)
    speaker_rules(folder)


def _executor(workers: int, folder: str, stamp: str, fork: bool = False) -> Executor:
    """Workers from the fork server (the rules built once there), or with `fork` (a process
    without threads) forked from this one: the server imports and builds (0.8 s) only after
    this process has imported (0.5 s); forked workers build the rules side by side (0.3 s)."""
    context: multiprocessing.context.BaseContext
    if fork and can_fork():
        context = multiprocessing.get_context("fork")
    elif "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # Takes effect when the fork server starts (the first pool of the process); workers
        # forked from it then start with the bundled rules built.
        context.set_forkserver_preload([PRELOAD])
    else:
        context = multiprocessing.get_context("spawn")
    return track(ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                     initializer=_warm, initargs=(folder, stamp)))


BATCH_BYTES = 256 * 1024  # a task's text, at most (a bigger file is a task of its own)
BATCH_FILES = 64


def _batches(pending: list[tuple[str, str, int]], workers: int) -> list[list[tuple[str, str]]]:
    """Files grouped into tasks of similar size: few enough tasks to keep messages cheap,
    enough (several per worker) that no worker idles while another finishes a big one."""
    total = sum(size for _, _, size in pending)
    limit = max(16 * 1024, min(BATCH_BYTES, total // (workers * 8) or 1))
    batches: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    weight = 0
    # Largest files first, so the long tasks start early and the small ones fill the gaps.
    for name, key, size in sorted(pending, key=lambda item: -item[2]):
        if current and (weight + size > limit or len(current) >= BATCH_FILES):
            batches.append(current)
            current, weight = [], 0
        current.append((name, key))
        weight += size
    if current:
        batches.append(current)
    return batches


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@paced
def extract_folder(root: str | Path, progress: Progress | None = None,
                   workers: int | None = None, use_cache: bool = True,
                   on_document: Callable[[DocumentEvents], None] | None = None,
                   ) -> FolderExtraction:
    """Everything the app shows for a folder. `progress(done, total)` may return False;
    `on_document` sees each document's events as soon as they exist (before people and
    clusters, which need the whole folder)."""
    folder = str(Path(root))
    if is_dataset(folder):  # built by `extract --engine dask`: read, never re-extracted
        from viewer.core.dataset.reader import read_dataset

        return read_dataset(folder)
    listing = list_folder(folder)
    sidecar = read_sidecar(folder)
    cache = Cache(folder) if use_cache else None
    stamp = fingerprint(folder)
    results: dict[str, dict[str, Any]] = {}
    pending: list[tuple[str, str]] = []
    rels: dict[str, str] = {}
    sizes: dict[str, int] = {}
    problems = list(listing.problems) + rule_problems(folder)
    ready: dict[str, DocumentEvents] = {}
    total = len(listing.files)
    for path in listing.files:
        key = ""
        rel = relative_name(folder, path)
        data: bytes | Problem | None = None
        if cache is not None:
            data = read_bounded(folder, path, MAX_BYTES)  # type, size and links checked first
            if isinstance(data, Problem):
                results[str(path)] = {"problem": problem_to_dict(data)}
                continue
            key = entry_key(stamp, os.fsencode(os.path.relpath(path, folder)), data,
                            sidecar.get(rel, {}))
            hit = cache.get(key)
            if hit is not None:
                try:  # built once here, reused below; an entry that does not build is a miss
                    ready[str(path)] = extraction_from_dict(hit)
                    results[str(path)] = hit
                    continue
                except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                    pass
        pending.append((str(path), key))
        rels[str(path)] = rel
        sizes[str(path)] = len(data) if isinstance(data, bytes) else _file_size(path)
    cached = total - len(pending)
    done = cached
    cancelled = progress is not None and progress(done, total) is False

    def store(path: str, key: str, value: dict[str, Any],
              extraction: DocumentEvents | None = None, written: bool = False) -> None:
        """Keep one file's result; `written`: a worker already put it in the cache."""
        results[path] = value
        if extraction is not None:
            ready[path] = extraction
        if cache is not None and key and "problem" not in value:
            if written:
                cache.used.add(key)  # so that pruning keeps it
            else:
                cache.put(key, value)
        if on_document is not None and "problem" not in value:
            if extraction is None:
                extraction = ready[path] = extraction_from_dict(value)
            on_document(extraction)

    if on_document is not None:
        for extraction in list(ready.values()):  # the cache hits, already built
            on_document(extraction)

    workers = workers or os.cpu_count() or 1
    if not cancelled and len(pending) >= PARALLEL_FROM and workers > 1:
        with _executor(workers, folder, stamp) as pool:
            futures: dict[Future[list[DocumentEvents | dict[str, Any]]],
                          list[tuple[str, str]]] = {}
            for batch in _batches([(n, k, sizes[n]) for n, k in pending], workers):
                side = {rels[n]: sidecar[rels[n]] for n, _ in batch if rels[n] in sidecar}
                futures[pool.submit(extract_batch, folder, batch, side, stamp,
                                    cache is not None)] = batch
            for future in as_completed(futures):
                batch = futures[future]
                for (name, key), result in zip(batch, future.result(), strict=True):
                    if isinstance(result, DocumentEvents):
                        store(name, key, {}, result, written=True)
                    else:
                        store(name, key, result)
                done += len(batch)
                if progress is not None and progress(done, total) is False:
                    cancelled = True
                    drop_waiting(pool)
                    break
    elif not cancelled:
        for name, key in pending:
            extraction_or_problem = extract_one(folder, name, sidecar, stamp)
            if isinstance(extraction_or_problem, Problem):
                store(name, key, {"problem": problem_to_dict(extraction_or_problem)})
            else:
                extraction = extraction_or_problem
                # The dict form is only for the cache: without one, skip building it.
                value = extraction_to_dict(extraction) if cache is not None else {}
                store(name, key, value, extraction)
            done += 1
            if progress is not None and progress(done, total) is False:
                cancelled = True
                break
    if cache is not None and not cancelled:
        cache.prune()

    extractions: list[DocumentEvents] = []
    for path in listing.files:
        found = results.get(str(path))
        if found is None:
            continue
        value = found
        if "problem" in value:
            problems.append(Problem(**value["problem"]))
        else:
            extractions.append(ready.get(str(path)) or extraction_from_dict(value))
    stage = folder_stage(folder, stamp, extractions, use_cache)  # remembers topics if cached
    extractions = stage.extractions
    return FolderExtraction(
        root=folder,
        documents=tuple(x.document for x in extractions),
        events=tuple(stage.events),
        problems=tuple(problems),
        ignored=listing.ignored,
        people=stage.people,
        timexes={x.document.relpath: x.timexes for x in extractions},
        cached=cached,
        extracted=len(results) - cached,
        taxonomy=stage.taxonomy,
    )


@dataclass(frozen=True, slots=True)
class FolderStage:
    """What needs the whole folder: years for dateless articles, people, folder topics,
    clusters."""

    extractions: list[DocumentEvents]
    events: list[Event]
    people: dict[str, str | None]
    taxonomy: Taxonomy


def folder_stage(folder: str, stamp: str, extractions: list[DocumentEvents],
                 remember: bool = False) -> FolderStage:
    """The folder-wide steps over per-file extractions (shared by every way of opening);
    `remember`: the folder's memory of its discovered topics may be updated."""
    extractions = dated_by_folder(folder, stamp, extractions)
    events, people = _with_people(folder, extractions)
    documents = tuple(x.document for x in extractions)
    base = load_taxonomy(folder)
    settings = load_settings(folder)
    taxonomy = folder_taxonomy(documents, base, settings, discovered_edits(folder), events,
                               TopicMemory.of(folder, remember))
    events = with_topics(events, base, taxonomy, documents)
    if any(t.origin == "discovered" for t in taxonomy.topics):
        events = nearest_topics(events, taxonomy.ids(), settings.stopwords)
    return FolderStage(extractions,
                       list(with_reports(with_conflicts(cluster(events)), documents)),
                       people, taxonomy)


def _with_people(folder: str, extractions: list[DocumentEvents]
                 ) -> tuple[list[Event], dict[str, str | None]]:
    """Merge people across the folder and add their parties to the events they appear in."""
    registry = PeopleRegistry(folder)
    for extraction in extractions:
        learned: set[PersonMention] = set()  # a mention shared by events counts once
        for event, mentions in zip(extraction.events, extraction.mentions, strict=True):
            if not mentions:  # most sentences name no one: nothing to learn
                continue
            fresh = [m for m in mentions if m not in learned]
            learned.update(fresh)
            registry.learn(taught(fresh, event.boilerplate))
    registry.finish()

    def lookup(_index: int, mention: PersonMention) -> tuple[str, str | None] | None:
        return as_found(registry.resolve(mention))

    events = [attach_people(event, mentions, lookup) for extraction in extractions
              for event, mentions in zip(extraction.events, extraction.mentions, strict=True)]
    return events, people_table(registry)


def with_topics(events: list[Event], base: Taxonomy, taxonomy: Taxonomy,
                documents: tuple[Document, ...]) -> list[Event]:
    """Each event's topics from the folder's taxonomy, with the cue that gave each one.

    The events already carry the base taxonomy's topics and cues: topics that do not fit the
    folder are dropped from them, and only the discovered topics are looked for again (a
    part of a sentence without any topic takes the whole sentence's)."""
    if taxonomy.ids() == base.ids():
        return events
    kept = set(taxonomy.ids())
    order = {topic_id: k for k, topic_id in enumerate(taxonomy.ids())}
    extra = combine([t for t in taxonomy.topics if t.origin == "discovered"])
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    by_path = {doc.relpath: doc for doc in documents}

    def explain(text: str) -> tuple[tuple[str, str], ...]:
        pairs = found.get(text)
        if pairs is None:
            pairs = found[text] = extra.explain(text)
        return pairs

    # The new topics and reasons follow from the old reasons and the discovered topics' cues
    # alone, and a folder's events share a few hundred distinct reason tuples: each pair is
    # worked out once.
    settled: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]],
                  tuple[tuple[str, ...], tuple[str, ...], bool]] = {}
    out = []
    for event in events:
        new = explain(event.text)
        known = settled.get((event.why, new))
        if known is None:
            pairs = [tuple(w.split(":", 2)[1:]) for w in event.why if w.startswith("topic:")]
            known = settled[(event.why, new)] = _topics_and_why(
                event.why, [(t, cue) for t, cue in pairs if t in kept], new, order)
        topics, why, empty = known
        doc = by_path.get(event.document)
        if empty and not new and doc is not None and event.sentence < len(doc.sentences):
            new = explain(doc.sentence_text(doc.sentences[event.sentence]))
            if new:
                topics, why, _ = _topics_and_why(event.why, [], new, order)
        if topics != event.topics or why != event.why:  # a copy only where something changed
            event = evolve(event, topics=topics, why=why)
        out.append(event)
    return out


def _topics_and_why(why: tuple[str, ...], pairs: list[tuple[str, str]],
                    new: tuple[tuple[str, str], ...], order: dict[str, int]
                    ) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """An event's topics and reasons from its kept (topic, cue) pairs and the discovered
    ones, in the taxonomy's order; and whether it kept none of its own."""
    ranked = sorted([*pairs, *new], key=lambda p: order[p[0]])
    topics = tuple(t for t, _ in ranked)
    kept = tuple(w for w in why if not w.startswith("topic:"))
    return topics, kept + tuple(f"topic:{t}:{cue}" for t, cue in ranked), not pairs


def dated_by_folder(folder: str, stamp: str, extractions: list[DocumentEvents],
                    dates: Sequence[dt.date] | None = None) -> list[DocumentEvents]:
    """Articles whose dateline or lead gives a day and month but no year take the year the
    folder's dated articles place them in, and are extracted again with that date."""
    dated = date_by_folder([x.document for x in extractions], dates)
    out = []
    for extraction, doc in zip(extractions, dated, strict=True):
        if doc is None:
            out.append(extraction)
        else:
            tagger, gazetteer, taxonomy = _tools(folder, stamp)
            out.append(extract_document(doc, tagger, gazetteer, taxonomy))
    return out
