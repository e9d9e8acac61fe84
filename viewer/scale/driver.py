"""Run an extraction on a Dask cluster: plan, extract, people, clusters, write, manifest.

The driver holds only small things: the plan, per-partition counts, the publication days
(each once), the people registry (names and parties, not text), the surname keys whose
mentions' order matters, the phrase counts topic discovery chooses from, and the names of
buckets. Text, events, mentions, linked pairs and clusters stay in the dataset folder, read
and written by the tasks; the driver learns counts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa

from viewer.core.dataset.manifest import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    is_dataset,
    read_manifest,
    write_json,
)
from viewer.core.dataset.tables import write_table
from viewer.core.events.topics import discovered_edits, load_taxonomy
from viewer.core.pipeline.folder_topics import add_counts, counted_taxonomy, load_settings
from viewer.core.pipeline.nearest_topics import add_near_counts, profiles
from viewer.core.pipeline.people_reduce import finished_registry, merge_learned, people_table
from viewer.core.pipeline.people_replay import merge_replayed
from viewer.core.pipeline.topic_identity import TopicMemory
from viewer.scale import cluster_steps, component_tasks, discovery_tasks, people_tasks, tasks
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
    rounds: int = 0  # rounds of the connected-components passes (links and joins)
    stages_cpu: dict[str, float] = field(default_factory=dict)  # workers' CPU s per stage
    graph_bytes: int = 0  # the component rounds' files: edges, members, labels, all rounds


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
    stages_cpu: dict[str, float] = {}
    mark = time.perf_counter()
    cpu_mark = _workers_cpu(client, {})

    def lap(name: str) -> None:
        nonlocal mark, cpu_mark
        now = time.perf_counter()
        stages[name] = now - mark
        mark = now
        cpu = _workers_cpu(client, cpu_mark)
        stages_cpu[name] = sum(v - cpu_mark.get(k, 0.0) for k, v in cpu.items())
        cpu_mark = cpu

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
    days = sorted(set().union(*client.gather(client.map(
        tasks.dated_days, [out_s] * len(ids), ids, pure=False, retries=3))))
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
    del learned
    registry = finished_registry(people_folder, merged)
    del merged
    shared = client.scatter(registry, broadcast=True)
    progress.advance(0)
    keys: frozenset[str] = frozenset().union(*client.gather(client.map(
        tasks.creating, [out_s] * len(ids), ids, [shared] * len(ids), pure=False, retries=3)))
    shared_keys = client.scatter([keys], broadcast=True)[0]  # a set would be many
    progress.advance(0)
    tasks.clear(out_s, "mentions")
    tasks.clear(out_s, "answers")
    shares = sorted(set().union(*client.gather(client.map(
        people_tasks.mentions_shuffle, [out_s] * len(ids), ids, list(range(len(ids))),
        [shared_keys] * len(ids), [max(1, len(ids))] * len(ids), pure=False, retries=3))))
    final = merge_replayed(registry, client.gather(client.map(
        people_tasks.replay_task, [out_s] * len(shares), shares, [shared] * len(shares),
        pure=False, retries=3)))
    progress.advance(0)
    tasks.clear(out_s, "shuffle")  # a bucket must hold this run's events only
    base = load_taxonomy(people_folder)
    shared_base = client.scatter(base, broadcast=True)
    counts = add_counts(client.gather(client.map(
        people_tasks.resolve, [out_s] * len(ids), ids, [shared] * len(ids),
        [shared_keys] * len(ids), [shared_base] * len(ids), pure=False, retries=3)))
    progress.advance(0)
    progress.end()
    lap("people")

    progress.stage("topics", len(ids), 0)
    settings = load_settings(people_folder)
    taxonomy = counted_taxonomy(
        lambda fitted: discovery_tasks.discover_on(client, out_s, ids, fitted, settings),
        base, counts, settings, discovered_edits(people_folder),
        TopicMemory.of(people_folder, write=True))
    shared_taxonomy = client.scatter(taxonomy, broadcast=True)
    near = None
    if any(t.origin == "discovered" for t in taxonomy.topics):  # (as the local engine)
        near = client.scatter(profiles(add_near_counts(client.gather(client.map(
            tasks.near_share, [out_s] * len(ids), ids, [shared_base] * len(ids),
            [shared_taxonomy] * len(ids), [settings.stopwords] * len(ids), pure=False,
            retries=3))), taxonomy.ids(), settings.stopwords), broadcast=True)
    shuffled = []
    for future in as_completed(client.map(
            tasks.shuffle, [out_s] * len(ids), ids, list(range(len(ids))),
            [shared_base] * len(ids), [shared_taxonomy] * len(ids), [near] * len(ids),
            pure=False, retries=3)):
        shuffled.append(future.result())
        progress.advance(0)
    progress.end()
    lap("topics")

    names = sorted(set().union(*(b for b, _ in shuffled))) if shuffled else []
    months = [n for n in names if "/" not in n]
    by_month: dict[str, list[str]] = {}
    for name in names:
        if "/" in name:
            by_month.setdefault(name.split("/")[0], []).append(name)
    linking = sorted(by_month)
    shuffle_bytes = sum(size for _, size in shuffled)
    graph = component_tasks.graph_buckets(len(ids))
    for name in (cluster_steps.LINKS, cluster_steps.JOINS):
        tasks.clear(out_s, name)
    progress.stage("clusters", len(months) + len(linking), 0)
    for future in as_completed(client.map(tasks.reach_bucket, [out_s] * len(months), months,
                                          pure=False, retries=3)):
        future.result()
        progress.advance(0)
    linked = graph_bytes = 0
    for future in as_completed(client.map(
            cluster_steps.link_month, [out_s] * len(linking), linking,
            [by_month[m] for m in linking], [graph] * len(linking), pure=False, retries=3)):
        pairs, size = future.result()
        linked, graph_bytes = linked + pairs, graph_bytes + size
        progress.advance(0)
    rounds, size = component_tasks.solve_on(client, out_s, cluster_steps.LINKS, graph)
    graph_bytes += size
    progress.end()
    lap("clusters")

    progress.stage("joins", len(ids), 0)
    for name in ("near", "bycluster", "reported"):
        tasks.clear(out_s, name)
    near = client.gather(client.map(
        cluster_steps.near_shuffle, [out_s] * len(ids), ids, list(range(len(ids))),
        [graph] * len(ids), pure=False, retries=3))
    near_months = sorted(set().union(*(m for m, _ in near))) if near else []
    shuffle_bytes += sum(size for _, size in near)
    graph_bytes += sum(client.gather(client.map(
        cluster_steps.near_month, [out_s] * len(near_months), near_months,
        [graph] * len(near_months), pure=False, retries=3)))
    more, size = component_tasks.solve_on(client, out_s, cluster_steps.JOINS, graph)
    rounds, graph_bytes = rounds + more, graph_bytes + size
    progress.advance(len(ids))
    progress.end()
    lap("joins")

    progress.stage("reports", len(ids), 0)
    buckets = max(1, len(ids))
    used = sorted(set().union(*client.gather(client.map(
        cluster_steps.report_shuffle, [out_s] * len(ids), ids, list(range(len(ids))),
        [buckets] * len(ids), pure=False, retries=3))))
    for future in as_completed(client.map(cluster_steps.report_bucket, [out_s] * len(used),
                                          used, pure=False, retries=3)):
        future.result()
        progress.advance(0)
    progress.end()
    lap("reports")

    progress.stage("write", len(ids), 0)
    written: set[str] = set()
    for future in as_completed(client.map(cluster_steps.write_events, [out_s] * len(ids), ids,
                                          pure=False, retries=3)):
        written.update(future.result())
        progress.advance(0)
    progress.end()
    lap("write")
    people = people_table(final)
    write_table(pa.table({"name": pa.array(list(people), type=pa.string()),
                          "party": pa.array(list(people.values()), type=pa.string())}),
                root / "people.parquet")
    write_table(_listing_problems(plan), root / "problems" / "part-listing.parquet")
    _remove_stale(root, set(ids), written)
    for name in ("shuffle", "resolved", "near", "bycluster", "reported", "mentions", "answers",
                 cluster_steps.LINKS, cluster_steps.JOINS):
        tasks.clear(out_s, name)  # the shuffles' files; only the extraction's are kept
    entries = [done[i] for i in ids]
    write_json(root / MANIFEST, {
        "format": FORMAT, "version": FORMAT_VERSION, "app_version": app_version(),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sources": [s.folder for s in plan.sources],
        "rules": {s.folder: s.rules for s in plan.sources},
        "ignored": plan.ignored,
        "topics": list(taxonomy.ids()),
        "discovered": [{"id": t.id, "label": t.label, "color": t.color, "cues": list(t.cues)}
                       for t in taxonomy.topics if t.origin == "discovered"],
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
        stages_cpu=stages_cpu,
        shuffle_bytes=shuffle_bytes, linked=linked, rounds=rounds, graph_bytes=graph_bytes)


def _workers_cpu(client: Any, last: dict[str, float]) -> dict[str, float]:
    """Each worker's CPU seconds so far (a worker started since counts from zero); the last
    figures when a worker cannot answer (one dying): a measurement never stops a run."""
    try:
        return {str(k): float(v) for k, v in client.run(time.process_time).items()}
    except Exception:
        return last


def check_output(out: str | Path) -> None:
    """Refuse an output that exists and is not a dataset (or an empty folder): a run never
    writes into someone's files."""
    root = Path(out)
    if root.exists() and (not root.is_dir() or (any(root.iterdir()) and not is_dataset(root))):
        raise ValueError(f"{out} exists and is not an event dataset: choose an empty or new "
                         "folder")


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
    from viewer.core.dataset.tables import problems_table

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
