"""The tasks a worker runs. Each reads its inputs from the dataset folder (which every worker
can reach) and writes its outputs there atomically, so a task retried after its worker died
writes the same files again and nothing twice. Returns are small: counts, keys, ids."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
import zlib
from pathlib import Path
from typing import Any

import pyarrow as pa

from viewer.core.dataset.tables import (
    documents_from_table,
    documents_table,
    events_from_table,
    events_table,
    problems_table,
    read_table,
    timexes_from_table,
    timexes_table,
    write_table,
)
from viewer.core.events.document_events import DocumentEvents, Event
from viewer.core.events.people import PeopleRegistry, PersonMention
from viewer.core.events.topics import Taxonomy
from viewer.core.ingest.safe_read import relative_name
from viewer.core.model import Problem
from viewer.core.pipeline.cluster import comparison_reach, is_candidate, links
from viewer.core.pipeline.folder_extraction import dated_by_folder, extract_one, with_topics
from viewer.core.pipeline.nearest_topics import NearCounts, Profiles, near_counts, with_nearest
from viewer.core.pipeline.people_reduce import Learned, creating_keys, learn_partition
from viewer.core.serialize import mention_from_list, mention_to_list
from viewer.scale.plan import Partition

WORK = "_work"
SHUFFLE_HALO_DAYS = 10  # cluster.MAX_SPAN_DAYS: how far past its bucket an event can link


def raw_path(out: Path, pid: str) -> Path:
    return out / WORK / "extract" / f"{pid}.parquet"


def work_path(out: Path, pid: str, table: str) -> Path:
    """A partition's documents or timexes as extracted, before the folder dates any article."""
    return out / WORK / "extract" / f"{pid}.{table}.parquet"


def dated_path(out: Path, pid: str) -> Path:
    return out / WORK / "dated" / f"{pid}.parquet"


def events_path(out: Path, pid: str) -> Path:
    """The partition's events before people: re-extracted ones if the folder dated any of its
    articles, else the extraction's."""
    dated = dated_path(out, pid)
    return dated if dated.exists() else raw_path(out, pid)


def resolved_path(out: Path, pid: str) -> Path:
    return out / WORK / "resolved" / f"{pid}.parquet"


def extract_partition(out: str, part: Partition) -> dict[str, Any]:
    """Read, tag and extract every file of a partition; a file that fails is a problem."""
    started = time.process_time()
    root = Path(out)
    source = part.source
    found: list[DocumentEvents] = []
    problems: list[Problem] = []
    for path in part.files:
        try:
            item = extract_one(source.folder, path, part.sidecar, source.rules, source.prefix)
        except Exception as exc:  # a bug on one file must not stop a million-file run
            rel = source.prefix + relative_name(source.folder, path)
            item = Problem(rel, "error", f"extraction failed: {type(exc).__name__}: {exc}")
        if isinstance(item, Problem):
            problems.append(item)
        else:
            found.append(item)
    events = [e for x in found for e in x.events]
    mentions = [json.dumps([mention_to_list(m) for m in ms])
                for x in found for ms in x.mentions]
    write_table(events_table(events, {"_order": list(range(len(events))),
                                      "_mentions": mentions}), raw_path(root, part.id))
    write_table(documents_table([x.document for x in found], source.folder),
                work_path(root, part.id, "documents"))
    write_table(timexes_table((x.document.relpath, x.timexes) for x in found),
                work_path(root, part.id, "timexes"))
    write_table(problems_table(problems, source.folder),
                root / "problems" / f"part-{part.id}.parquet")
    return {"id": part.id, "documents": len(found), "events": len(events),
            "problems": len(problems), "bytes": part.bytes,
            "cpu_seconds": time.process_time() - started}


def mention_columns(out: str, pid: str
                    ) -> tuple[list[str], list[bool], list[tuple[PersonMention, ...]]]:
    """Only what the people steps need: three columns, no events built."""
    table = read_table(events_path(Path(out), pid), ["document", "boilerplate", "_mentions"])
    return (table.column("document").to_pylist(), table.column("boilerplate").to_pylist(),
            [tuple(mention_from_list(m) for m in json.loads(v))
             for v in table.column("_mentions").to_pylist()])


def dated_days(out: str, pid: str) -> set[dt.date]:
    """The days the partition's dated articles were published on. Dating an article reads
    only which days occur (`date_evidence.resolve`), so the corpus sends each day once: a
    set bounded by the calendar, not by the articles."""
    table = read_table(work_path(Path(out), pid, "documents"), ["date"])
    return {d for d in table.column("date").to_pylist() if d is not None}


def redate(out: str, pid: str, folder: str, stamp: str, dates: list[dt.date]) -> int:
    """Date the articles whose evidence lacks only the year from the corpus's `dates`, as the
    local engine does over a folder, and extract them again; then write the partition's final
    documents and timexes. Returns how many articles were dated."""
    root = Path(out)
    dated_path(root, pid).unlink(missing_ok=True)
    docs_table = read_table(work_path(root, pid, "documents"))
    changed: list[DocumentEvents] | None = None
    if None in docs_table.column("date").to_pylist():
        documents = documents_from_table(docs_table)
        table = read_table(raw_path(root, pid))
        events = events_from_table(table)
        mentions = [tuple(mention_from_list(m) for m in json.loads(v))
                    for v in table.column("_mentions").to_pylist()]
        timexes = timexes_from_table(read_table(work_path(root, pid, "timexes")))
        by_document: dict[str, list[int]] = {}
        for i, event in enumerate(events):
            by_document.setdefault(event.document, []).append(i)
        before = [DocumentEvents(
            d, tuple(events[i] for i in by_document.get(d.relpath, [])),
            tuple(mentions[i] for i in by_document.get(d.relpath, [])),
            timexes.get(d.relpath, ())) for d in documents]
        after = dated_by_folder(folder, stamp, before, dates)
        if any(a is not b for a, b in zip(after, before, strict=True)):
            changed = after
    final_docs = root / "documents" / f"part-{pid}.parquet"
    final_timexes = root / "timexes" / f"part-{pid}.parquet"
    if changed is None:
        for source, target in ((work_path(root, pid, "documents"), final_docs),
                               (work_path(root, pid, "timexes"), final_timexes)):
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            shutil.copyfile(source, tmp)
            os.replace(tmp, target)
        return 0
    events = [e for x in changed for e in x.events]
    write_table(events_table(events, {
        "_order": list(range(len(events))),
        "_mentions": [json.dumps([mention_to_list(m) for m in ms])
                      for x in changed for ms in x.mentions]}), dated_path(root, pid))
    write_table(documents_table([x.document for x in changed], folder), final_docs)
    write_table(timexes_table((x.document.relpath, x.timexes) for x in changed), final_timexes)
    return sum(a is not b for a, b in zip(changed, before, strict=True))


def learn(out: str, pid: str, folder: str) -> Learned:
    documents, boilerplate, mentions = mention_columns(out, pid)
    return learn_partition(folder, zip(documents, boilerplate, mentions, strict=True))


def creating(out: str, pid: str, registry: PeopleRegistry) -> frozenset[str]:
    return creating_keys(registry, mention_columns(out, pid)[2])


def _bucket(day: dt.date) -> str:
    return day.strftime("%Y-%m")


def near_share(out: str, pid: str, base: Taxonomy, taxonomy: Taxonomy,
               stop: frozenset[str]) -> NearCounts:
    """The partition's counts for the topics' profiles (`nearest_topics`), read from its
    events with the folder's topics (`shuffle` works them out again: same answer)."""
    root = Path(out)
    events = events_from_table(read_table(resolved_path(root, pid)))
    documents = documents_from_table(read_table(root / "documents" / f"part-{pid}.parquet"))
    return near_counts(with_topics(events, base, taxonomy, tuple(documents)), stop)


def shuffle(out: str, pid: str, rank: int, base: Taxonomy, taxonomy: Taxonomy,
            near: Profiles | None = None) -> tuple[list[str], int]:
    """Topics from the folder's taxonomy; then the partition's share of the shuffle by date
    bucket and topic. Each clustering candidate goes to its start month's bucket, and to the
    previous month's when it starts within the halo of that bucket's end: its dates (for the
    comparison cap, which counts every later event) to the month, the whole event to the
    month's bucket of each of its topics (an event links only to one sharing a topic).
    Returns the buckets ("YYYY-MM" and "YYYY-MM/t…") and the bytes written."""
    root = Path(out)
    events = events_from_table(read_table(resolved_path(root, pid)))
    if taxonomy.ids() != base.ids():
        documents = documents_from_table(read_table(root / "documents" / f"part-{pid}.parquet"))
        events = with_topics(events, base, taxonomy, tuple(documents))
        if near is not None:
            events = with_nearest(events, near)
        write_table(events_table(events, {"_partition": [pid] * len(events),
                                          "_order": list(range(len(events)))}),
                    resolved_path(root, pid))
    months: dict[str, list[int]] = {}
    for i, event in enumerate(events):
        if not is_candidate(event) or event.start is None:
            continue
        own = _bucket(event.start)
        months.setdefault(own, []).append(i)
        back = _bucket(event.start - dt.timedelta(days=SHUFFLE_HALO_DAYS))
        if back != own:
            months.setdefault(back, []).append(i)
    written = 0
    names: list[str] = []
    for month, rows in months.items():
        chosen = [events[i] for i in rows]
        table = events_table(chosen, {"_rank": [rank] * len(rows), "_order": rows,
                                      "_partition": [pid] * len(rows)})
        by_topic: dict[str, list[int]] = {}
        for k, event in enumerate(chosen):
            for topic in set(event.topics):
                by_topic.setdefault(topic_bucket(topic), []).append(k)
        parts = [("", table.select(list(DATE_COLUMNS)))]
        linking = table.select(list(LINK_COLUMNS))
        parts += [(f"/{name}", linking.take(picks)) for name, picks in sorted(by_topic.items())]
        for suffix, part in parts:
            path = root / WORK / "shuffle" / (month + (suffix or "/dates")) / f"{pid}.parquet"
            write_table(part, path)
            written += path.stat().st_size
            names.append(month + suffix)
    return sorted(names), written


DATE_COLUMNS = ("id", "document", "start", "end", "date_source", "_rank", "_order")
# What linking reads (the pair tests of cluster.links, content words), and where each event is from.
LINK_COLUMNS = ("id", "document", "text", "start", "end", "date_source", "topics", "parties",
                "boilerplate", "_rank", "_order", "_partition")


def topic_bucket(topic: str) -> str:
    """A topic's bucket name, safe as a folder name whatever the topic's id."""
    return f"t{zlib.crc32(topic.encode('utf-8', 'surrogateescape')):08x}"


def _sorted_bucket(folder: Path) -> pa.Table:
    table = pa.concat_tables([read_table(f) for f in sorted(folder.glob("*.parquet"))])
    return table.sort_by([("_rank", "ascending"), ("_order", "ascending")])


def reach_bucket(out: str, month: str) -> int:
    """The comparison cap of each event starting in the month, from the dates of every
    candidate in it (no text). Returns how many events meet the cap."""
    folder = Path(out) / WORK / "shuffle" / month
    table = _sorted_bucket(folder / "dates")
    events = events_from_table(table)
    reach = comparison_reach(events, lambda e: e.start is not None and _bucket(e.start) == month)
    owners = sorted(reach)
    lasts = [reach[i] for i in owners]
    write_table(pa.table({
        "id": pa.array([events[i].id for i in owners], type=pa.string()),
        "start": pa.array([events[i].start for i in lasts], type=pa.date32()),
        "_rank": pa.array([table.column("_rank")[i].as_py() for i in lasts], type=pa.int64()),
        "_order": pa.array([table.column("_order")[i].as_py() for i in lasts],
                           type=pa.int64())}), folder / "reach.parquet")
    return len(owners)


def bucket_links(out: str, name: str) -> tuple[list[Event], list[str], list[tuple[int, int]]]:
    """One month and topic's events, their partitions, and the positions of the pairs
    linked whose earlier event starts in the month. The bucket holds the month plus the halo
    after it, in corpus order; each event is compared as far as the whole month's cap lets
    it."""
    month = name.split("/")[0]
    table = _sorted_bucket(Path(out) / WORK / "shuffle" / name)
    events = events_from_table(table)
    partitions = table.column("_partition").to_pylist()
    keys = list(zip([e.start for e in events], table.column("_rank").to_pylist(),
                    table.column("_order").to_pylist(), strict=True))
    ids = {e.id for e in events}
    limit = {r["id"]: (r["start"], r["_rank"], r["_order"]) for r in read_table(
        Path(out) / WORK / "shuffle" / month / "reach.parquet").to_pylist() if r["id"] in ids}

    def reach(i: int, j: int) -> bool:
        last = limit.get(events[i].id)
        return last is None or keys[j] <= last

    pairs = links(events, lambda e: e.start is not None and _bucket(e.start) == month, reach)
    return events, partitions, pairs


def clear(out: str, name: str) -> None:
    shutil.rmtree(Path(out) / WORK / name, ignore_errors=True)
