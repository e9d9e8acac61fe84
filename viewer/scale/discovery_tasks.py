"""Topic discovery on the cluster: three map/reduce passes over the partitions' documents.

Why: the corpus needs its own topics when the bundled ones cover too little of it, and the
driver must not read every body sentence to find them. Each pass maps a partition (whole
documents) to counts that add up (`discovery_passes`); the driver holds only the sums, which
are about phrases, never text, and makes the same choices the local engine makes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer.core.dataset.tables import documents_from_table, read_table
from viewer.core.events.topics import Taxonomy, Topic
from viewer.core.pipeline.discovery_passes import (
    GroupCounts,
    PairCounts,
    PhraseCounts,
    add_group_counts,
    add_pair_counts,
    add_phrase_counts,
    group_counts,
    pair_counts,
    phrase_counts,
)
from viewer.core.pipeline.folder_topics import Settings, Unit, body_units, discover_by_counts


def _units(out: str, pid: str) -> list[Unit]:
    return body_units(documents_from_table(
        read_table(Path(out) / "documents" / f"part-{pid}.parquet")))


def phrases_task(out: str, pid: str, settings: Settings) -> PhraseCounts:
    return phrase_counts(_units(out, pid), settings)


def pairs_task(out: str, pid: str, settings: Settings, chosen: Sequence[str],
               extra: Sequence[str]) -> PairCounts:
    return pair_counts(_units(out, pid), settings, chosen, extra)


def groups_task(out: str, pid: str, settings: Settings, groups: Sequence[Sequence[str]],
                rest: Sequence[str]) -> GroupCounts:
    return group_counts(_units(out, pid), settings, groups, rest)


def _merge_two(pair: list[PhraseCounts]) -> PhraseCounts:
    return add_phrase_counts(pair)


def discover_on(client: Any, out: str, ids: Sequence[str], taxonomy: Taxonomy,
                settings: Settings) -> list[Topic]:
    """The corpus's own topics, as `folder_topics.discover` finds them on all its documents.
    Pass 1 merges in an ordered tree on the workers (corpus order names a phrase by its first
    form on ties); passes 2 and 3 return a few dozen phrases' counts each, summed here."""
    n = len(ids)
    shares = client.map(phrases_task, [out] * n, list(ids), [settings] * n, pure=False,
                        retries=3)
    while len(shares) > 1:
        pairs = [shares[i : i + 2] for i in range(0, len(shares), 2)]
        shares = [client.submit(_merge_two, pair, pure=False) if len(pair) == 2 else pair[0]
                  for pair in pairs]
    counts = shares[0].result() if shares else add_phrase_counts([])
    del shares

    def pairs_of(chosen: Sequence[str], extra: Sequence[str]) -> PairCounts:
        return add_pair_counts(client.gather(client.map(
            pairs_task, [out] * n, list(ids), [settings] * n, [list(chosen)] * n,
            [list(extra)] * n, pure=False, retries=3)))

    def groups_of(groups: Sequence[Sequence[str]], rest: Sequence[str]) -> GroupCounts:
        plain = [list(g) for g in groups]
        return add_group_counts(client.gather(client.map(
            groups_task, [out] * n, list(ids), [settings] * n, [plain] * n, [list(rest)] * n,
            pure=False, retries=3)), len(groups), rest)

    return discover_by_counts(counts, pairs_of, groups_of, taxonomy, settings)
