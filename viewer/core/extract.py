"""Extract a whole folder: documents, events, people, clusters; in parallel, with a cache.

Each file is read and tagged on its own (in worker processes when there is enough to do);
then, over the whole folder, people are merged and linked to parties and events reporting
the same happening are clustered.
"""

from __future__ import annotations

import dataclasses
import functools
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.cache import Cache, entry_key, fingerprint
from viewer.core.cluster import cluster
from viewer.core.dataset_manifest import is_dataset
from viewer.core.events import DocumentEvents, Event, extract_document
from viewer.core.ingest import MAX_BYTES, list_folder, read_document
from viewer.core.model import Document, Problem
from viewer.core.parties import load_gazetteer
from viewer.core.people import PeopleRegistry
from viewer.core.people_reduce import as_found, attach_people
from viewer.core.safe_read import read_bounded, relative_name
from viewer.core.serialize import extraction_from_dict, extraction_to_dict, problem_to_dict
from viewer.core.sidecar import read_sidecar
from viewer.core.timex import Tagger, Timex
from viewer.core.topics import load_taxonomy

PARALLEL_FROM = 8  # below this many files to extract, worker start-up costs more than it saves
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


@functools.lru_cache(maxsize=8)
def _tools(folder: str, stamp: str) -> tuple[Tagger, Any, Any]:
    """Rules for a folder, rebuilt whenever its rule files change (`stamp`)."""
    return Tagger.for_folder(folder), load_gazetteer(folder), load_taxonomy(folder)


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
    tagger, gazetteer, taxonomy = _tools(folder, stamp or fingerprint(folder))
    return extract_document(item, tagger, gazetteer, taxonomy)


def extract_file(folder: str, path: str, side: dict[str, dict[str, str]],
                 stamp: str = "") -> dict[str, Any]:
    """Read and extract one file; a plain dict so it crosses process boundaries cheaply."""
    item = extract_one(folder, path, side, stamp)
    if isinstance(item, Problem):
        return {"problem": problem_to_dict(item)}
    return extraction_to_dict(item)


def _executor(workers: int) -> Executor:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


def extract_folder(root: str | Path, progress: Progress | None = None,
                   workers: int | None = None, use_cache: bool = True,
                   on_document: Callable[[DocumentEvents], None] | None = None,
                   ) -> FolderExtraction:
    """Everything the app shows for a folder. `progress(done, total)` may return False;
    `on_document` sees each document's events as soon as they exist (before people and
    clusters, which need the whole folder)."""
    folder = str(Path(root))
    if is_dataset(folder):  # built by `extract --engine dask`: read, never re-extracted
        from viewer.core.dataset_read import read_dataset

        return read_dataset(folder)
    listing = list_folder(folder)
    sidecar = read_sidecar(folder)
    cache = Cache(folder) if use_cache else None
    stamp = fingerprint(folder)
    results: dict[str, dict[str, Any]] = {}
    pending: list[tuple[str, str]] = []
    problems = list(listing.problems)
    total = len(listing.files)
    for path in listing.files:
        key = ""
        if cache is not None:
            data = read_bounded(folder, path, MAX_BYTES)  # type, size and links checked first
            if isinstance(data, Problem):
                results[str(path)] = {"problem": problem_to_dict(data)}
                continue
            rel = relative_name(folder, path)
            key = entry_key(stamp, os.fsencode(os.path.relpath(path, folder)), data,
                            sidecar.get(rel, {}))
            hit = cache.get(key)
            if hit is not None:
                results[str(path)] = hit
                continue
        pending.append((str(path), key))
    cached = total - len(pending)
    done = cached
    cancelled = progress is not None and progress(done, total) is False

    ready: dict[str, DocumentEvents] = {}

    def store(path: str, key: str, value: dict[str, Any],
              extraction: DocumentEvents | None = None) -> None:
        results[path] = value
        if cache is not None and key and "problem" not in value:
            cache.put(key, value)
        if on_document is not None and "problem" not in value:
            on_document(extraction or extraction_from_dict(value))

    if on_document is not None:
        for value in list(results.values()):
            on_document(extraction_from_dict(value))

    workers = workers or os.cpu_count() or 1
    if not cancelled and len(pending) >= PARALLEL_FROM and workers > 1:
        with _executor(workers) as pool:
            futures: dict[Future[dict[str, Any]], tuple[str, str]] = {
                pool.submit(extract_file, folder, name, sidecar, stamp): (name, key)
                for name, key in pending
            }
            for future in as_completed(futures):
                name, key = futures[future]
                store(name, key, future.result())
                done += 1
                if progress is not None and progress(done, total) is False:
                    cancelled = True
                    for other in futures:
                        other.cancel()
                    break
    elif not cancelled:
        for name, key in pending:
            extraction_or_problem = extract_one(folder, name, sidecar, stamp)
            if isinstance(extraction_or_problem, Problem):
                store(name, key, {"problem": problem_to_dict(extraction_or_problem)})
            else:
                extraction = extraction_or_problem
                ready[name] = extraction  # in-process: no need to rebuild it from a dict
                store(name, key, extraction_to_dict(extraction), extraction)
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
    events, people = _with_people(folder, extractions)
    return FolderExtraction(
        root=folder,
        documents=tuple(x.document for x in extractions),
        events=tuple(cluster(events)),
        problems=tuple(problems),
        ignored=listing.ignored,
        people=people,
        timexes={x.document.relpath: x.timexes for x in extractions},
        cached=cached,
        extracted=len(results) - cached,
    )


def _with_people(folder: str, extractions: list[DocumentEvents]
                 ) -> tuple[list[Event], dict[str, str | None]]:
    """Merge people across the folder and add their parties to the events they appear in."""
    registry = PeopleRegistry(folder)
    for extraction in extractions:
        for event, mentions in zip(extraction.events, extraction.mentions, strict=True):
            if not event.boilerplate:  # page furniture never teaches who someone is
                registry.learn(mentions)
    registry.finish()
    events: list[Event] = []
    for extraction in extractions:
        for event, mentions in zip(extraction.events, extraction.mentions, strict=True):
            events.append(attach_people(
                event, mentions, lambda _index, mention: as_found(registry.resolve(mention))))
    people = {p.name: p.party for p in registry.people.values()}
    return events, people
