"""Run an extraction on a Dask cluster: plan, extract, people, clusters, write, manifest.

The driver holds only small things: the plan, per-partition counts, the people registry
(names and parties, not text), the surname keys and mentions whose order matters, and the
linked pairs (ids only). Text and events stay in the dataset folder, read by the tasks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import importlib.util
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TextIO, cast, overload

import pyarrow as pa

from viewer.core.conflicts import with_conflicts
from viewer.core.dataset_format import month_of, write_table
from viewer.core.dataset_manifest import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    is_dataset,
    read_manifest,
    write_json,
)
from viewer.core.events import Event
from viewer.core.folder_topics import folder_taxonomy, load_settings
from viewer.core.model import Document
from viewer.core.people_reduce import finished_registry, merge_learned, people_table, replay
from viewer.core.reporting import with_reports
from viewer.core.topics import Taxonomy, deleted_ids, load_taxonomy
from viewer.scale import tasks
from viewer.scale.plan import TARGET_BYTES, Partition, Plan, expand_sources, make_plan
from viewer.scale.progress import Progress


class SchedulerUnreachable(Exception):
    """The scheduler given with --scheduler did not answer."""


@dataclass(frozen=True, slots=True)
class RunSummary:
    documents: int
    events: int
    problems: int
    partitions: int
    extracted: int  # partitions extracted in this run; the rest were unchanged
    bytes: int
    seconds: float
    extract_cpu_s: float  # CPU the extraction tasks of this run took, summed over workers
    stages: dict[str, float]  # wall seconds per stage
    shuffle_bytes: int  # clustering candidates written for the shuffle by date bucket
    linked: int  # pairs of events the clustering linked


def app_version() -> str:
    try:
        return version("timeline-viewer")
    except PackageNotFoundError:
        return "unknown"


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int | None = None, timeout: float = 10.0
            ) -> Iterator[Any]:
    """A client on the given scheduler, or on a LocalCluster of worker processes."""
    import logging

    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler:
        try:
            client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError) as exc:
            raise SchedulerUnreachable(
                f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        with client:
            yield client
        return
    # The dashboard needs bokeh; without it the cluster runs without one.
    dashboard = "127.0.0.1:0" if importlib.util.find_spec("bokeh") is not None else None
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                      processes=True, host="127.0.0.1", dashboard_address=dashboard) as cluster, \
            Client(cluster) as client:
        yield client


def run(patterns: Sequence[str], out: str | Path, client: Any, *,
        target_bytes: int = TARGET_BYTES, stream: TextIO | None = sys.stderr,
        on_extracted: Callable[[int], None] | None = None) -> RunSummary:
    """Build or update the dataset at `out` from the folders `patterns` name."""
    started = time.perf_counter()
    root = Path(out).resolve()
    check_output(root)
    root.mkdir(parents=True, exist_ok=True)
    plan = make_plan(expand_sources(list(patterns)), target_bytes)
    progress = Progress(stream, dashboard(client))
    old = _old_partitions(root)
    todo = [p for p in plan.partitions if not _unchanged(root, p, old)]
    done = {p["id"]: p for p in old.values() if p["id"] in {q.id for q in plan.partitions}}
    out_s = str(root)

    stages: dict[str, float] = {}
    mark = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        stages[name] = now - mark
        mark = now

    extract_cpu = 0.0
    progress.stage("extract", len(todo), sum(p.bytes for p in todo))
    futures = client.map(tasks.extract_partition, [out_s] * len(todo), todo,
                         key=[f"extract-{p.id}-{p.key}" for p in todo], retries=3)
    from distributed import as_completed

    for count, future in enumerate(as_completed(futures), 1):
        summary = future.result()
        part = next(p for p in todo if p.id == summary["id"])
        extract_cpu += summary.pop("cpu_seconds", 0.0)
        done[part.id] = {**summary, "key": part.key}
        progress.advance(part.bytes)
        if on_extracted is not None:
            on_extracted(count)
    progress.end()
    lap("extract")

    ids = [p.id for p in plan.partitions]
    folders = {p.id: p.source.folder for p in plan.partitions}
    stamps = {p.id: p.source.rules for p in plan.partitions}
    people_folder = plan.sources[0].folder if plan.sources else None
    progress.stage("dates", len(ids), 0)
    days = [d for part in client.gather(client.map(
        tasks.dated_days, [out_s] * len(ids), ids, pure=False, retries=3)) for d in part]
    shared_days = client.scatter([days], broadcast=True)[0]  # one object, not one per date
    for future in as_completed(client.map(
            tasks.redate, [out_s] * len(ids), ids, [folders[i] for i in ids],
            [stamps[i] for i in ids], [shared_days] * len(ids), pure=False, retries=3)):
        future.result()
        progress.advance(0)
    progress.end()
    del days
    lap("dates")
    progress.stage("people", 4, 0)
    learned = client.map(tasks.learn, [out_s] * len(ids), ids, [folders[i] for i in ids],
                         pure=False, retries=3)
    while len(learned) > 1:  # an ordered tree reduction
        pairs = [learned[i : i + 2] for i in range(0, len(learned), 2)]
        learned = [client.submit(merge_learned, pair, pure=False) if len(pair) == 2
                   else pair[0] for pair in pairs]
    merged = learned[0].result() if learned else merge_learned([])
    registry = finished_registry(people_folder, merged)
    shared = client.scatter(registry, broadcast=True)
    progress.advance(0)
    keys: frozenset[str] = frozenset().union(*client.gather(client.map(
        tasks.creating, [out_s] * len(ids), ids, [shared] * len(ids), pure=False, retries=3)))
    progress.advance(0)
    mentions = client.gather(client.map(tasks.ordered, [out_s] * len(ids), ids,
                                        [keys] * len(ids), pure=False, retries=3))
    final, answers = replay(registry, mentions)
    progress.advance(0)
    tasks.clear(out_s, "shuffle")  # a bucket must hold this run's events only
    texts = client.gather(client.map(
        tasks.resolve, [out_s] * len(ids), ids, [shared] * len(ids), [keys] * len(ids),
        answers, pure=False, retries=3))
    progress.advance(0)
    progress.end()
    lap("people")

    progress.stage("topics", len(ids), 0)
    base = load_taxonomy(people_folder)
    taxonomy = folder_topics(people_folder, root, ids, base, texts)
    del texts
    shared_base, shared_taxonomy = client.scatter([base, taxonomy], broadcast=True)
    shuffled = []
    for future in as_completed(client.map(
            tasks.shuffle, [out_s] * len(ids), ids, list(range(len(ids))),
            [shared_base] * len(ids), [shared_taxonomy] * len(ids), pure=False, retries=3)):
        shuffled.append(future.result())
        progress.advance(0)
    progress.end()
    lap("topics")

    months = sorted(set().union(*(b for b, _ in shuffled))) if shuffled else []
    shuffle_bytes = sum(size for _, size in shuffled)
    progress.stage("clusters", len(months), 0)
    clusters: dict[str, tuple[str, int]] = {}
    edges: list[tuple[str, str, str, str, str, str]] = []
    for future in as_completed(client.map(tasks.link_bucket, [out_s] * len(months), months,
                                          pure=False, retries=3)):
        edges.extend(future.result())
        progress.advance(0)
    progress.end()
    clusters = components(edges)
    lap("clusters")
    by_partition: dict[str, dict[str, tuple[str, int]]] = {i: {} for i in ids}
    for a, _, pa_, b, _, pb in edges:
        by_partition[pa_][a] = clusters[a]
        by_partition[pb][b] = clusters[b]

    progress.stage("write", len(ids), 0)
    written = finish_events(root, ids, by_partition, progress)
    progress.end()
    lap("write")
    people = people_table(final)
    write_table(pa.table({"name": pa.array(list(people), type=pa.string()),
                          "party": pa.array(list(people.values()), type=pa.string())}),
                root / "people.parquet")
    write_table(_listing_problems(plan), root / "problems" / "part-listing.parquet")
    _remove_stale(root, set(ids), written)
    tasks.clear(out_s, "shuffle")
    tasks.clear(out_s, "resolved")
    entries = [done[i] for i in ids]
    write_json(root / MANIFEST, {
        "format": FORMAT, "version": FORMAT_VERSION, "app_version": app_version(),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sources": [s.folder for s in plan.sources],
        "rules": {s.folder: s.rules for s in plan.sources},
        "ignored": plan.ignored,
        "topics": list(taxonomy.ids()),
        "partitions": [{"id": i, "key": e["key"], "files": len(
            next(p for p in plan.partitions if p.id == i).files), "bytes": e["bytes"],
            "documents": e["documents"], "events": e["events"], "problems": e["problems"]}
            for i, e in zip(ids, entries, strict=True)],
    })
    return RunSummary(
        documents=sum(e["documents"] for e in entries), events=sum(e["events"] for e in entries),
        problems=sum(e["problems"] for e in entries) + len(plan.problems),
        partitions=len(ids), extracted=len(todo), bytes=sum(p.bytes for p in plan.partitions),
        seconds=time.perf_counter() - started, extract_cpu_s=extract_cpu, stages=stages,
        shuffle_bytes=shuffle_bytes, linked=len(edges))


class _BodyEvent:
    """What the folder's taxonomy reads of an event: its text and topics (body events only)."""

    __slots__ = ("boilerplate", "text", "topics")

    def __init__(self, text: str, topics: tuple[str, ...]) -> None:
        self.text, self.topics, self.boilerplate = text, topics, False


class _LazyDocuments(Sequence[Document]):
    """The dataset's documents, read only if the taxonomy needs them (to discover topics
    when the bundled ones cover too little of the corpus)."""

    def __init__(self, root: Path, ids: list[str]) -> None:
        self.root, self.ids = root, ids
        self._docs: list[Document] | None = None

    def _load(self) -> list[Document]:
        if self._docs is None:
            from viewer.core.dataset_format import documents_from_table, read_table

            self._docs = [d for i in self.ids for d in documents_from_table(
                read_table(self.root / "documents" / f"part-{i}.parquet"))]
        return self._docs

    def __len__(self) -> int:
        return len(self._load())

    @overload
    def __getitem__(self, index: int) -> Document: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Document]: ...
    def __getitem__(self, index: int | slice) -> Document | Sequence[Document]:
        return self._load()[index]


def folder_topics(folder: str | None, root: Path, ids: list[str], base: Taxonomy,
                  texts: list[list[tuple[str, tuple[str, ...]]]]) -> Taxonomy:
    """The folder's taxonomy, as the local engine computes it from the folder's events.
    Not distributed yet: the body events' text and topics come to the driver."""
    body = [_BodyEvent(text, topics) for part in texts for text, topics in part]
    return folder_taxonomy(_LazyDocuments(root, ids), base, load_settings(folder),
                           deleted_ids(folder), cast(list[Event], body))


class _Published:
    """What the reporting step reads of a document: its path and publication date."""

    __slots__ = ("date", "relpath")

    def __init__(self, relpath: str, date: dt.date | None) -> None:
        self.relpath, self.date = relpath, date


def finish_events(root: Path, ids: list[str], clusters: dict[str, dict[str, tuple[str, int]]],
                  progress: Progress) -> set[str]:
    """Clusters set, then the steps over whole clusters (near-date joins, disagreements,
    first and last reports, outcomes), then one file per partition and month. Runs on the
    driver with every event in memory: not distributed yet."""
    from viewer.core.dataset_format import events_from_table, events_table, read_table

    events: list[Event] = []
    owner: list[tuple[str, int]] = []
    for pid in ids:
        part = events_from_table(read_table(tasks.resolved_path(root, pid)))
        found = clusters[pid]
        for order, event in enumerate(part):
            cluster, sources = found.get(event.id, (event.id, 1))
            if (event.cluster, event.sources) != (cluster, sources):
                event = dataclasses.replace(event, cluster=cluster, sources=sources)
            events.append(event)
            owner.append((pid, order))
    published = [_Published(r["relpath"], r["date"]) for pid in ids
                 for r in read_table(root / "documents" / f"part-{pid}.parquet",
                                     ["relpath", "date"]).to_pylist()]
    events = with_reports(with_conflicts(events), cast(list[Document], published))
    rows: dict[tuple[str, str], list[int]] = {}
    for i, event in enumerate(events):
        rows.setdefault((owner[i][0], month_of(event)), []).append(i)
    written: set[str] = set()
    for (pid, month), chosen in rows.items():
        path = root / "events" / f"month={month}" / f"part-{pid}.parquet"
        write_table(events_table([events[i] for i in chosen],
                                 {"_partition": [pid] * len(chosen),
                                  "_order": [owner[i][1] for i in chosen]}), path)
        written.add(str(path.relative_to(root)))
    for _ in ids:
        progress.advance(0)
    return written


def check_output(out: str | Path) -> None:
    """Refuse an output that exists and is not a dataset (or an empty folder): a run never
    writes into someone's files."""
    root = Path(out)
    if root.exists() and (not root.is_dir() or (any(root.iterdir()) and not is_dataset(root))):
        raise ValueError(f"{out} exists and is not an event dataset: choose an empty or new "
                         "folder")


def components(edges: Sequence[tuple[str, str, str, str, str, str]]
               ) -> dict[str, tuple[str, int]]:
    """Cluster id (smallest member id) and number of documents for every linked event."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    document: dict[str, str] = {}
    for a, da, _, b, db, _ in edges:
        document[a], document[b] = da, db
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, list[str]] = {}
    for x in document:
        groups.setdefault(root(x), []).append(x)
    out: dict[str, tuple[str, int]] = {}
    for members in groups.values():
        value = (min(members), len({document[m] for m in members}))
        for m in members:
            out[m] = value
    return out


def dashboard(client: Any) -> str | None:
    try:
        services = client.scheduler_info().get("services", {})
    except Exception:  # an old or remote scheduler that does not say
        return None
    return str(client.dashboard_link) if "dashboard" in services else None


def _old_partitions(root: Path) -> dict[str, dict[str, Any]]:
    if not (root / MANIFEST).exists():
        return {}
    try:
        return {p["id"]: p for p in read_manifest(root)["partitions"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _unchanged(root: Path, part: Partition, old: dict[str, dict[str, Any]]) -> bool:
    entry = old.get(part.id)
    return (entry is not None and entry.get("key") == part.key
            and tasks.raw_path(root, part.id).exists()
            and tasks.work_path(root, part.id, "documents").exists()
            and tasks.work_path(root, part.id, "timexes").exists())


def _listing_problems(plan: Plan) -> pa.Table:
    from viewer.core.dataset_format import problems_table

    return problems_table(list(plan.problems), "")


def _remove_stale(root: Path, ids: set[str], written: set[str]) -> None:
    """Files of partitions that no longer exist, and event months a partition no longer has."""
    for table in ("documents", "timexes", "problems"):
        for path in (root / table).glob("part-*.parquet"):
            if path.stem[5:] not in ids and path.stem != "part-listing":
                path.unlink(missing_ok=True)
    for work in ("extract", "dated"):
        for path in (root / tasks.WORK / work).glob("*.parquet"):
            if path.name.split(".")[0] not in ids:
                path.unlink(missing_ok=True)
    for path in (root / "events").glob("month=*/part-*.parquet"):
        if str(path.relative_to(root)) not in written:
            path.unlink(missing_ok=True)
    for folder in (root / "events").glob("month=*"):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
