"""The people steps after the registry is learned: the order-dependent mentions shuffled by
surname key and replayed per share, then every partition's events resolved.

Why: the replay used to gather every such mention of the corpus on the driver. Now each
partition writes them to their key's share (`mentions_shuffle`), each share is replayed on
a worker in corpus order (`replay_task`, see `people_replay`), its answers go back to the
partitions as files, and the driver receives only the shares' people: it holds the
registry, never the mentions.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pyarrow as pa

from viewer.core.dataset.tables import (
    events_from_table,
    events_table,
    read_table,
    write_table,
)
from viewer.core.events.document_events import Event
from viewer.core.events.people import PeopleRegistry, PersonMention
from viewer.core.events.topics import Taxonomy
from viewer.core.pipeline.folder_topics import FitCounts, fit_counts
from viewer.core.pipeline.people_reduce import (
    Found,
    MentionRef,
    ordered_mentions,
    resolve_events,
)
from viewer.core.pipeline.people_replay import Replayed, replay_share, share_of
from viewer.core.serialize import mention_from_list, mention_to_list
from viewer.scale.tasks import WORK, events_path, mention_columns, resolved_path


def _share_path(out: str, share: int, pid: str) -> Path:
    return Path(out) / WORK / "mentions" / str(share) / f"{pid}.parquet"


def _answers_folder(out: str, pid: str) -> Path:
    return Path(out) / WORK / "answers" / pid


def mentions_shuffle(out: str, pid: str, rank: int, keys: frozenset[str], shares: int
                     ) -> list[int]:
    """Write the partition's mentions under `keys` to their shares, in text order, with
    their place in the corpus. Returns the shares written to."""
    if not keys:
        return []
    found: dict[int, list[tuple[MentionRef, PersonMention]]] = {}
    for ref, mention in ordered_mentions(keys, mention_columns(out, pid)[2]):
        found.setdefault(share_of(mention, shares), []).append((ref, mention))
    for share, rows in found.items():
        write_table(pa.table({
            "partition": pa.array([pid] * len(rows), type=pa.string()),
            "rank": pa.array([rank] * len(rows), type=pa.int64()),
            "event": pa.array([e for (e, _), _ in rows], type=pa.int64()),
            "mention": pa.array([m for (_, m), _ in rows], type=pa.int64()),
            "value": pa.array([json.dumps(mention_to_list(x)) for _, x in rows],
                              type=pa.string())}), _share_path(out, share, pid))
    return sorted(found)


def replay_task(out: str, share: int, registry: PeopleRegistry) -> Replayed:
    """Replay one share in corpus order; its answers go to each partition's folder. Returns
    the share's people (its answers left out: the partitions read those from the files)."""
    files = sorted((Path(out) / WORK / "mentions" / str(share)).glob("*.parquet"))
    if not files:
        return Replayed((), (), ())
    table = pa.concat_tables([read_table(f) for f in files]).sort_by(
        [("rank", "ascending"), ("event", "ascending"), ("mention", "ascending")])
    ranks, events, indexes = (table.column(c).to_pylist() for c in ("rank", "event", "mention"))
    mentions = [((r, e, m), mention_from_list(json.loads(v))) for r, e, m, v in zip(
        ranks, events, indexes, table.column("value").to_pylist(), strict=True)]
    replayed = replay_share(registry, mentions)
    partitions = table.column("partition").to_pylist()
    rows: dict[str, list[int]] = {}
    for i, pid in enumerate(partitions):
        rows.setdefault(pid, []).append(i)
    for pid, chosen in rows.items():
        said = [replayed.answers[i] for i in chosen]
        write_table(pa.table({
            "event": pa.array([events[i] for i in chosen], type=pa.int64()),
            "mention": pa.array([indexes[i] for i in chosen], type=pa.int64()),
            "found": pa.array([a is not None for a in said], type=pa.bool_()),
            "name": pa.array([a[0] if a else None for a in said], type=pa.string()),
            "party": pa.array([a[1] if a else None for a in said], type=pa.string())}),
            _answers_folder(out, pid) / f"{share}.parquet")
    return dataclasses.replace(replayed, answers=())


def answers_of(out: str, pid: str) -> dict[MentionRef, Found | None]:
    """What the replay answered for this partition's order-dependent mentions."""
    answers: dict[MentionRef, Found | None] = {}
    for path in sorted(_answers_folder(out, pid).glob("*.parquet")):
        for row in read_table(path).to_pylist():
            answers[(row["event"], row["mention"])] = (
                (row["name"], row["party"]) if row["found"] else None)
    return answers


def _raw(out: str, pid: str) -> list[tuple[Event, tuple[PersonMention, ...]]]:
    table = read_table(events_path(Path(out), pid))
    events = events_from_table(table)
    mentions = [tuple(mention_from_list(m) for m in json.loads(v))
                for v in table.column("_mentions").to_pylist()]
    return list(zip(events, mentions, strict=True))


def resolve(out: str, pid: str, registry: PeopleRegistry, keys: frozenset[str],
            base: Taxonomy) -> FitCounts:
    """People for a partition's events. Returns what the folder's taxonomy reads of its body
    events (counts, which add up over partitions)."""
    events = resolve_events(registry, keys, answers_of(out, pid), _raw(out, pid))
    write_table(events_table(events, {"_partition": [pid] * len(events),
                                      "_order": list(range(len(events)))}),
                resolved_path(Path(out), pid))
    return fit_counts(base, events)

