"""The steps over whole clusters, as shuffles: joining clusters whose dates lie a few days
apart (by date bucket), then disagreements and first and last reports and outcomes (by
cluster). Each task holds one partition or one bucket; the driver gets cluster ids only.

1. `near_shuffle`: each partition sets its events' clusters and writes its day-dated events
   to their start month's bucket, and to the previous month's when they start within the
   tolerance of it (an event is compared only with events at most that many days later).
2. `near_bucket`: each month finds its pairs of clusters to join (`near_date_pairs`, owning
   the pairs whose earlier event starts in the month), in corpus order.
3. The driver joins the pairs (`join_clusters`) and counts each joined cluster's articles.
4. `report_shuffle`: each partition sets the joined clusters; an event alone in its cluster
   is finished there (its cluster is itself); the others go to a bucket by cluster id.
5. `report_bucket`: each bucket holds whole clusters, in corpus order, and runs the same
   `flag_conflicts` and `with_reports` as the local engine; results go back per partition.
6. `write_events`: each partition writes its finished events by month.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zlib
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
from viewer.scale.tasks import WORK, resolved_path

# What near_date_pairs reads, and the order of the corpus.
NEAR_COLUMNS = ("id", "document", "text", "start", "date_source", "precision", "topics",
                "parties", "boilerplate", "cluster", "_rank", "_order")
Linked = dict[str, tuple[str, int]]  # event id → (cluster id, articles), linked events only
Joined = dict[str, tuple[str, int]]  # cluster id → (joined cluster id, articles)


class Published:
    """What the reporting step reads of a document: its path and publication date."""

    __slots__ = ("date", "relpath")

    def __init__(self, relpath: str, date: dt.date | None) -> None:
        self.relpath, self.date = relpath, date


def _month(day: dt.date) -> str:
    return day.strftime("%Y-%m")


def _clustered(out: str, pid: str, linked: Linked) -> list[Event]:
    events = events_from_table(read_table(resolved_path(Path(out), pid)))
    found = []
    for event in events:
        cluster, sources = linked.get(event.id, (event.id, 1))
        if (event.cluster, event.sources) != (cluster, sources):
            event = dataclasses.replace(event, cluster=cluster, sources=sources)
        found.append(event)
    return found


def _concat(files: list[Path]) -> pa.Table:
    tables = [read_table(f) for f in files]
    return pa.concat_tables(tables, promote_options="default").sort_by(
        [("_rank", "ascending"), ("_order", "ascending")])


def near_shuffle(out: str, pid: str, rank: int, linked: Linked) -> tuple[list[str], int]:
    """Step 1. Returns the buckets written to and their bytes."""
    root = Path(out)
    events = _clustered(out, pid, linked)
    halo = dt.timedelta(days=load_rules().tolerance_days)
    buckets: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        if e.start is None or e.date_source != "explicit" or e.boilerplate:
            continue
        own, back = _month(e.start), _month(e.start - halo)
        buckets.setdefault(own, []).append(i)
        if back != own:
            buckets.setdefault(back, []).append(i)
    written = 0
    for bucket, rows in buckets.items():
        path = root / WORK / "near" / bucket / f"{pid}.parquet"
        write_table(events_table([events[i] for i in rows], {
            "_rank": [rank] * len(rows), "_order": rows}).select(list(NEAR_COLUMNS)), path)
        written += path.stat().st_size
    return sorted(buckets), written


def near_bucket(out: str, bucket: str) -> list[tuple[str, str, str, str]]:
    """Step 2. The month's pairs to join: (cluster, cluster, article, article)."""
    files = sorted((Path(out) / WORK / "near" / bucket).glob("*.parquet"))
    events = events_from_table(_concat(files))
    pairs = near_date_pairs(events, owner=lambda e: e.start is not None
                            and _month(e.start) == bucket)
    return [(events[i].cluster, events[j].cluster, events[i].document, events[j].document)
            for i, j in pairs]


def bucket_of(cluster: str, buckets: int) -> int:
    return zlib.crc32(cluster.encode("utf-8", "surrogateescape")) % buckets


def report_shuffle(out: str, pid: str, rank: int, linked: Linked, joined: Joined,
                   buckets: int) -> list[int]:
    """Step 4. Returns the buckets written to."""
    root = Path(out)
    published = {r["relpath"]: r["date"] for r in read_table(
        root / "documents" / f"part-{pid}.parquet", ["relpath", "date"]).to_pylist()}
    alone: list[int] = []
    shared: dict[int, list[int]] = {}
    events = _clustered(out, pid, linked)
    for i, e in enumerate(events):
        new = joined.get(e.cluster)
        if new is not None and (e.cluster, e.sources) != new:
            events[i] = e = dataclasses.replace(e, cluster=new[0], sources=new[1])
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


def report_bucket(out: str, bucket: int) -> int:
    """Step 5. Returns how many events the bucket finished."""
    root = Path(out)
    table = _concat(sorted((root / WORK / "bycluster" / str(bucket)).glob("*.parquet")))
    events = events_from_table(table)
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
