"""Clustering and the near-date join over arrays: dates as day numbers, documents, topics,
parties and content words as integer codes, never event objects.

The rules are those of `cluster.links` and `conflicts.near_date_pairs` (the same order, the
same caps, so the same pairs and clusters); what changes is what they read. The clusters are
the connected components of the linked pairs, found with array operations: each round hooks
every pair's two roots onto the smaller one and then follows parents until every row points
at its root, so a component's root is its smallest row.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.pipeline.cluster import MAX_COMPARED, MAX_SPAN_DAYS
from viewer.core.pipeline.conflicts import ConflictRules
from viewer.core.pipeline.link_scans import Stretch, scan_clusters, scan_near

Rows = npt.NDArray[np.int64]
Ints = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Sets:
    """Row i's codes are `codes[offsets[i]:offsets[i + 1]]` (topics, parties or words)."""

    codes: npt.NDArray[np.int32]
    offsets: npt.NDArray[np.int64]


def masks(sets: Sets, rows: Rows) -> list[int]:
    """Each row's set as the bits of one integer, so a shared member is one `&` (a
    frozenset's `isdisjoint` is a method call per comparison)."""
    starts, ends = sets.offsets[rows], sets.offsets[rows + 1]
    lengths = ends - starts
    picks = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths) + (
        np.arange(int(lengths.sum())))
    codes = sets.codes[picks].astype(np.int64)
    if not len(codes) or int(codes.max()) < 63:  # one machine word each: by array
        bits = np.zeros(len(rows), dtype=np.int64)
        owner = np.repeat(np.arange(len(rows)), lengths)
        np.bitwise_or.at(bits, owner, np.left_shift(np.int64(1), codes))
        found: list[int] = bits.tolist()
        return found
    flat: list[int] = codes.tolist()
    bounds: list[int] = np.concatenate([[0], np.cumsum(lengths)]).tolist()
    out = []
    for a, b in itertools.pairwise(bounds):
        bit = 0
        for code in flat[a:b]:
            bit |= 1 << code
        out.append(bit)
    return out


@dataclass(frozen=True, slots=True)
class LinkInput:
    """What linking reads of every row: day numbers (0: none), the article, the codes."""

    start: Ints
    end: Ints
    document: Ints
    topics: Sets
    parties: Sets
    words: Sets


# Runs a function over argument tuples and returns the results in order: in this process,
# or `Executor.map`-like over worker processes.
Spread = Callable[[Callable[..., Any], list[tuple[Any, ...]]], list[Any]]
PER_WORKER = 4  # stretches per worker, so one slow stretch does not leave the others idle


def in_process(function: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
    return [function(*args) for args in calls]


def _sorted(data: LinkInput, rows: Rows) -> Rows:
    """Rows by start day, then by row (the order both rules compare in)."""
    found: Rows = rows[np.argsort(data.start[rows], kind="stable")]
    return found


def _stretches(data: LinkInput, order: Rows, owners: list[int], pieces: int,
               reach: Callable[[list[int]], int], dated: npt.NDArray[np.bool_] | None = None,
               label: Rows | None = None) -> list[tuple[int, Stretch]]:
    """The owners in `pieces` runs, each with the positions its owners compare with."""
    if not owners:
        return []
    topics, parties = masks(data.topics, order), masks(data.parties, order)
    size = -(-len(owners) // max(1, pieces))
    out = []
    for at in range(0, len(owners), size):
        chunk = owners[at:at + size]
        lo, tail = chunk[0], reach(chunk)
        rows = order[lo:tail]
        starts, ends = data.words.offsets[rows], data.words.offsets[rows + 1]
        lengths = ends - starts
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        picks = np.repeat(starts - offsets[:-1], lengths) + np.arange(int(offsets[-1]))
        out.append((lo, Stretch(
            data.start[rows].tolist(), data.end[rows].tolist(), data.document[rows],
            topics[lo:tail], parties[lo:tail], data.words.codes[picks].tolist(),
            offsets.tolist(), [p - lo for p in chunk],
            dated[rows].tolist() if dated is not None else None,
            label[rows].tolist() if label is not None else None)))
    return out


def _pairs(order: Rows, stretches: list[tuple[int, Stretch]], found: list[list[int]]) -> Rows:
    flat = [np.array(pairs, dtype=np.int64) + lo for (lo, _), pairs in
            zip(stretches, found, strict=True)]
    positions = np.concatenate(flat) if flat else np.zeros(0, dtype=np.int64)
    result: Rows = order[positions].reshape(-1, 2)
    return result


def cluster_pairs(data: LinkInput, candidate: npt.NDArray[np.bool_],
                  owners: npt.NDArray[np.bool_] | None = None,
                  spread: Spread = in_process, pieces: int = 1) -> Rows:
    """`cluster.links` over arrays: pairs of rows (earlier by start, then row) that report
    the same happening, as an (n, 2) array. With `owners`, only the pairs whose earlier row
    it marks (a reopen relinks the rows near a change; every other pair is as it was).
    `spread` runs the `pieces` stretches (`link_scans`)."""
    order = _sorted(data, np.flatnonzero(candidate))
    starts, ends = data.start[order], data.end[order]
    places: list[int] = (np.arange(len(order)) if owners is None
                         else np.flatnonzero(owners[order])).tolist()

    def reach(chunk: list[int]) -> int:
        return max(chunk[-1] + 1, int(np.searchsorted(starts, ends[chunk].max(), "right")))

    stretches = _stretches(data, order, places, pieces, reach)
    found = spread(scan_clusters, [(s, MAX_COMPARED) for _, s in stretches])
    return _pairs(order, stretches, found)


def near_pairs(data: LinkInput, eligible: npt.NDArray[np.bool_],
               day_dated: npt.NDArray[np.bool_], label: Rows, rules: ConflictRules,
               owners: npt.NDArray[np.bool_] | None = None,
               spread: Spread = in_process, pieces: int = 1) -> Rows:
    """`conflicts.near_date_pairs` over arrays: pairs of rows of different clusters (`label`:
    each row's cluster) that report one happening with different days. Pairs whose clusters
    an earlier pair already joined are kept too: they join nothing new, so the clusters the
    pairs make are the same. `owners`, `spread` and `pieces` as for `cluster_pairs`."""
    order = _sorted(data, np.flatnonzero(eligible))
    days = data.start[order]
    places: list[int] = (np.arange(len(order)) if owners is None
                         else np.flatnonzero(owners[order])).tolist()

    def reach(chunk: list[int]) -> int:
        last = int(np.searchsorted(days, days[chunk].max() + rules.tolerance_days, "right"))
        return max(chunk[-1] + 1, min(len(order), chunk[-1] + 1 + rules.max_compared, last))

    stretches = _stretches(data, order, places, pieces, reach, day_dated, label)
    found = spread(scan_near, [(s, rules.max_compared, rules.tolerance_days, rules.min_shared,
                                rules.min_overlap, rules.min_share) for _, s in stretches])
    return _pairs(order, stretches, found)


def components(size: int, pairs: Sequence[Rows]) -> Rows:
    """Each row's component root (its smallest row) under the union of the pair arrays."""
    parent = np.arange(size, dtype=np.int64)
    edges = np.concatenate([p.reshape(-1, 2) for p in pairs]) if pairs else np.zeros(
        (0, 2), dtype=np.int64)
    a, b = edges[:, 0], edges[:, 1]
    while len(a):
        ra, rb = parent[a], parent[b]
        apart = ra != rb
        if not apart.any():
            break
        a, b, ra, rb = a[apart], b[apart], ra[apart], rb[apart]
        np.minimum.at(parent, np.maximum(ra, rb), np.minimum(ra, rb))
        while True:  # every row to its root
            up = parent[parent]
            if np.array_equal(up, parent):
                break
            parent = up
    return parent


def span_ok(start: Ints, end: Ints) -> npt.NDArray[np.bool_]:
    """Dated, and narrow enough to mean a happening (`cluster.is_candidate`'s span test)."""
    found: npt.NDArray[np.bool_] = (start != 0) & (end != 0) & (end - start <= MAX_SPAN_DAYS)
    return found


def group_first(label: Rows, key: npt.NDArray[np.bytes_]) -> npt.NDArray[np.bytes_]:
    """For each row, the smallest `key` among the rows sharing its label."""
    order = np.lexsort((key, label))
    sorted_labels = label[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = sorted_labels[1:] != sorted_labels[:-1]
    starts = np.flatnonzero(first)
    smallest = key[order[starts]]
    group = np.cumsum(first) - 1
    out = np.empty_like(key)
    out[order] = smallest[group]
    return out


def distinct_per_group(label: Rows, values: Ints) -> Ints:
    """For each row, how many distinct `values` the rows sharing its label hold."""
    if not len(label):
        return np.zeros(0, dtype=np.int32)
    width = int(values.max()) + 1
    pairs = np.unique(label * width + values.astype(np.int64))
    counts = np.bincount(pairs // width, minlength=int(label.max()) + 1)
    found: Ints = counts[label].astype(np.int32)
    return found
