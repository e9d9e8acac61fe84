"""The clustering steps and the steps over whole clusters, as shuffles. Each task holds one
partition or one bucket; the driver gets counts only.

1. `link_month`: each month links its topics' buckets (`tasks.bucket_links`) and writes the
   pairs, made stars, as the "links" graph; `component_tasks.solve_on` finds the clusters
   (smallest member id) and writes each partition its linked events' clusters.
2. `near_shuffle`: each partition sets its events' clusters and writes its day-dated events
   to their start month's bucket, and to the previous month's when they start within the
   tolerance of it (an event is compared only with events at most that many days later); it
   also asks for the joined cluster of each cluster it has that could be joined.
3. `near_month`: each month finds its pairs of clusters to join (`near_date_pairs`, owning
   the pairs whose earlier event starts in the month), in corpus order, and writes them as
   the "joins" graph; `solve_on` joins them (smallest cluster id, as `join_clusters`).
4. `report_shuffle`: each partition sets the joined clusters; an event alone in its cluster
   is finished there (its cluster is itself); the others go to a bucket by cluster id.
5. `report_bucket`: each bucket holds whole clusters, in corpus order, counts each one's
   articles, and runs the same `flag_conflicts` and `with_reports` as the local engine;
   results go back per partition.
6. `write_events`: each partition writes its finished events by month.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pyarrow as pa

from viewer.core.dataset.tables import (
    events_from_table,
    events_table,
    month_of,
    read_table,
    write_table,
)
from viewer.core.events.document_events import Event
from viewer.core.model import Document
from viewer.core.pipeline.conflicts import flag_conflicts, load_rules, near_date_pairs
from viewer.core.pipeline.reporting import with_reports
from viewer.scale.component_tasks import labels_of, write_edges, write_members
from viewer.scale.star_components import stars
from viewer.scale.tasks import WORK, bucket_links, resolved_path, topic_bucket

# What near_date_pairs reads, and the order of the corpus.
NEAR_COLUMNS = ("id", "document", "text", "start", "date_source", "precision", "topics",
                "parties", "boilerplate", "cluster", "_rank", "_order")
LINKS, JOINS = "links", "joins"  # the two graphs: events linked, clusters joined


class Published:
    """What the reporting step reads of a document: its path and publication date."""

    __slots__ = ("date", "relpath")

    def __init__(self, relpath: str, date: dt.date | None) -> None:
        self.relpath, self.date = relpath, date


def _month(day: dt.date) -> str:
    return day.strftime("%Y-%m")


def link_month(out: str, month: str, names: list[str], buckets: int) -> tuple[int, int]:
    """Step 1. Link each of the month's topic buckets, one at a time; write the month's
    pairs as stars (its own first contraction) and which partition holds each linked event.
    Returns the pairs linked (a pair found under several shared topics counts once) and the
    bytes written."""
    where: dict[str, str] = {}
    found = [0]

    def pairs() -> Iterator[tuple[str, str]]:
        for name in names:
            topic = name.split("/")[1]
            events, partitions, linked = bucket_links(out, name)
            for i, j in linked:
                a, b = events[i], events[j]
                found[0] += min(topic_bucket(t) for t in set(a.topics) & set(b.topics)) == topic
                where[a.id], where[b.id] = partitions[i], partitions[j]
                yield a.id, b.id

    written = write_edges(out, LINKS, "r0", month, stars(pairs()), buckets)
    return found[0], written + write_members(out, LINKS, month, where.items(), buckets)


def _clustered(out: str, pid: str, linked: dict[str, str]) -> list[Event]:
    """The partition's events with the clusters linking gave; an event linked to none is
    its own cluster. Articles per cluster are counted later, where clusters are whole."""
    events = events_from_table(read_table(resolved_path(Path(out), pid)))
    found = []
    for event in events:
        cluster = linked.get(event.id, event.id)
        if (event.cluster, event.sources) != (cluster, 1):
            event = dataclasses.replace(event, cluster=cluster, sources=1)
        found.append(event)
    return found


def _concat(files: list[Path]) -> pa.Table:
    tables = [read_table(f) for f in files]
    return pa.concat_tables(tables, promote_options="default").sort_by(
        [("_rank", "ascending"), ("_order", "ascending")])


def _may_join(e: Event) -> bool:
    """Whether near_date_pairs may compare the event (and so join its cluster)."""
    return e.start is not None and e.date_source == "explicit" and not e.boilerplate


def near_shuffle(out: str, pid: str, rank: int, buckets: int) -> tuple[list[str], int]:
    """Step 2. Returns the buckets written to and their bytes."""
    root = Path(out)
    linked = labels_of(out, LINKS, pid)
    events = _clustered(out, pid, linked)
    halo = dt.timedelta(days=load_rules().tolerance_days)
    months: dict[str, list[int]] = {}
    asks: dict[str, None] = {}  # clusters whose joined cluster this partition needs
    for i, e in enumerate(events):
        if e.id in linked:
            asks[e.cluster] = None
        if not _may_join(e) or e.start is None:
            continue
        asks[e.cluster] = None
        own, back = _month(e.start), _month(e.start - halo)
        months.setdefault(own, []).append(i)
        if back != own:
            months.setdefault(back, []).append(i)
    written = 0
    for bucket, rows in months.items():
        path = root / WORK / "near" / bucket / f"{pid}.parquet"
        write_table(events_table([events[i] for i in rows], {
            "_rank": [rank] * len(rows), "_order": rows}).select(list(NEAR_COLUMNS)), path)
        written += path.stat().st_size
    written += write_members(out, JOINS, pid, ((cluster, pid) for cluster in asks), buckets)
    return sorted(months), written


def near_month(out: str, month: str, buckets: int) -> int:
    """Step 3. The month's pairs of clusters to join, written as stars of the "joins"
    graph. Returns the bytes written."""
    files = sorted((Path(out) / WORK / "near" / month).glob("*.parquet"))
    events = events_from_table(_concat(files))
    pairs = near_date_pairs(events, owner=lambda e: e.start is not None
                            and _month(e.start) == month)
    return write_edges(out, JOINS, "r0", month,
                       stars((events[i].cluster, events[j].cluster) for i, j in pairs),
                       buckets)


def bucket_of(cluster: str, buckets: int) -> int:
    return zlib.crc32(cluster.encode("utf-8", "surrogateescape")) % buckets


def report_shuffle(out: str, pid: str, rank: int, buckets: int) -> list[int]:
    """Step 4. Returns the buckets written to."""
    root = Path(out)
    published = {r["relpath"]: r["date"] for r in read_table(
        root / "documents" / f"part-{pid}.parquet", ["relpath", "date"]).to_pylist()}
    alone: list[int] = []
    shared: dict[int, list[int]] = {}
    linked = labels_of(out, LINKS, pid)
    joined = labels_of(out, JOINS, pid)
    events = _clustered(out, pid, linked)
    for i, e in enumerate(events):
        new = joined.get(e.cluster)
        if new is not None and new != e.cluster:
            events[i] = e = dataclasses.replace(e, cluster=new)
        if e.id in linked or new is not None:
            shared.setdefault(bucket_of(e.cluster, buckets), []).append(i)
        else:
            alone.append(i)
    docs = cast(list[Document], [Published(p, d) for p, d in published.items()])
    finished = with_reports(flag_conflicts([events[i] for i in alone]), docs)
    write_table(events_table(finished, {"_order": pa.array(alone, type=pa.int64())}),
                _reported(root, pid, "alone"))
    for bucket, rows in shared.items():
        chosen = [events[i] for i in rows]
        write_table(events_table(chosen, {
            "_rank": [rank] * len(rows), "_order": rows, "_partition": [pid] * len(rows),
            "_published": pa.array([published.get(e.document) for e in chosen],
                                   type=pa.date32())}),
                    root / WORK / "bycluster" / str(bucket) / f"{pid}.parquet")
    return sorted(shared)


def _with_sources(events: list[Event]) -> list[Event]:
    """Each event's `sources`: the articles of its whole cluster (all of it is here)."""
    articles: dict[str, set[str]] = {}
    for e in events:
        articles.setdefault(e.cluster, set()).add(e.document)
    return [e if e.sources == len(articles[e.cluster])
            else dataclasses.replace(e, sources=len(articles[e.cluster])) for e in events]


def report_bucket(out: str, bucket: int) -> int:
    """Step 5. Returns how many events the bucket finished."""
    root = Path(out)
    table = _concat(sorted((root / WORK / "bycluster" / str(bucket)).glob("*.parquet")))
    events = _with_sources(events_from_table(table))
    days = table.column("_published").to_pylist()
    docs = cast(list[Document], [Published(e.document, d)
                                 for e, d in zip(events, days, strict=True)])
    finished = with_reports(flag_conflicts(events), docs)
    partitions = table.column("_partition").to_pylist()
    orders = table.column("_order").to_pylist()
    rows: dict[str, list[int]] = {}
    for i, pid in enumerate(partitions):
        rows.setdefault(pid, []).append(i)
    for pid, chosen in rows.items():
        write_table(events_table([finished[i] for i in chosen],
                                 {"_order": [orders[i] for i in chosen]}),
                    _reported(root, pid, f"b{bucket}"))
    return len(events)


def _reported(root: Path, pid: str, name: str) -> Path:
    return root / WORK / "reported" / pid / f"{name}.parquet"


def write_events(out: str, pid: str) -> list[str]:
    """Step 6. The partition's finished events, one file per month; returns their paths
    relative to the dataset."""
    root = Path(out)
    files = sorted((root / WORK / "reported" / pid).glob("*.parquet"))
    table = pa.concat_tables([read_table(f) for f in files]).sort_by("_order")
    events = events_from_table(table)
    orders = table.column("_order").to_pylist()
    rows: dict[str, list[int]] = {}
    for i, event in enumerate(events):
        rows.setdefault(month_of(event), []).append(i)
    written = []
    for month, chosen in rows.items():
        path = root / "events" / f"month={month}" / f"part-{pid}.parquet"
        write_table(events_table([events[i] for i in chosen],
                                 {"_partition": [pid] * len(chosen),
                                  "_order": [orders[i] for i in chosen]}), path)
        written.append(str(path.relative_to(root)))
    return written
