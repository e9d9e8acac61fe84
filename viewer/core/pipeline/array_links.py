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
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.pipeline.cluster import MAX_COMPARED, MAX_SPAN_DAYS
from viewer.core.pipeline.conflicts import ConflictRules

Rows = npt.NDArray[np.int64]
Ints = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Sets:
    """Row i's codes are `codes[offsets[i]:offsets[i + 1]]` (topics, parties or words)."""

    codes: npt.NDArray[np.int32]
    offsets: npt.NDArray[np.int64]

    def reader(self, rows: list[int]) -> Callable[[int], frozenset[int]]:
        """The set of `rows[pos]`, built the first time a position asks for it."""
        codes: list[int] = self.codes.tolist()
        offsets: list[int] = self.offsets.tolist()
        built: dict[int, frozenset[int]] = {}

        def of(pos: int) -> frozenset[int]:
            found = built.get(pos)
            if found is None:
                row = rows[pos]
                found = built[pos] = frozenset(codes[offsets[row]:offsets[row + 1]])
            return found

        return of


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


def _next_other(documents: Ints) -> list[int]:
    """For each position of a sorted run, the next position holding another article (the
    start of the next run of one article's rows)."""
    size = len(documents)
    starts = np.flatnonzero(documents[1:] != documents[:-1]) + 1
    ends = np.append(starts, size)
    found: list[int] = ends[np.searchsorted(starts, np.arange(size), side="right")].tolist()
    return found


def _close(wa: frozenset[int], wb: frozenset[int], min_shared: int, min_overlap: float) -> bool:
    shared = len(wa & wb)
    return shared >= min_shared or (shared >= 2 and shared / max(1, len(wa | wb)) >= min_overlap)


def _sorted(data: LinkInput, rows: Rows) -> Rows:
    """Rows by start day, then by row (the order both rules compare in)."""
    found: Rows = rows[np.argsort(data.start[rows], kind="stable")]
    return found


def cluster_pairs(data: LinkInput, candidate: npt.NDArray[np.bool_],
                  owners: npt.NDArray[np.bool_] | None = None) -> Rows:
    """`cluster.links` over arrays: pairs of rows (earlier by start, then row) that report
    the same happening, as an (n, 2) array. With `owners`, only the pairs whose earlier row
    it marks (a reopen relinks the rows near a change; every other pair is as it was)."""
    order = _sorted(data, np.flatnonzero(candidate))
    starts: list[int] = data.start[order].tolist()
    ends: list[int] = data.end[order].tolist()
    documents: list[int] = data.document[order].tolist()
    other = _next_other(data.document[order])
    rows_list: list[int] = order.tolist()
    topics, parties = masks(data.topics, order), masks(data.parties, order)
    words = data.words.reader(rows_list)
    places = range(len(rows_list)) if owners is None else np.flatnonzero(owners[order]).tolist()
    pairs: list[int] = []
    size = len(rows_list)
    for pos in places:
        ta = topics[pos]
        if not ta:
            continue  # shares a topic with nothing: links nothing
        end, document, pa = ends[pos], documents[pos], parties[pos]
        compared = 0
        j = pos + 1
        while j < size and compared < MAX_COMPARED:
            if starts[j] > end:
                break
            if documents[j] == document:
                j = other[j]
                continue
            compared += 1
            if ta & topics[j] and (not pa or not parties[j] or pa & parties[j]) and _close(
                    words(pos), words(j), 3, 0.25):
                pairs += (rows_list[pos], rows_list[j])
            j += 1
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def near_pairs(data: LinkInput, eligible: npt.NDArray[np.bool_],
               day_dated: npt.NDArray[np.bool_], label: Rows, rules: ConflictRules,
               owners: npt.NDArray[np.bool_] | None = None) -> Rows:
    """`conflicts.near_date_pairs` over arrays: pairs of rows of different clusters (`label`:
    each row's cluster) that report one happening with different days. Pairs whose clusters
    an earlier pair already joined are kept too: they join nothing new, so the clusters the
    pairs make are the same. `owners` as for `cluster_pairs`."""
    order = _sorted(data, np.flatnonzero(eligible))
    days: list[int] = data.start[order].tolist()
    documents: list[int] = data.document[order].tolist()
    other = _next_other(data.document[order])
    dated: list[bool] = day_dated[order].tolist()
    labels: list[int] = label[order].tolist()
    rows_list: list[int] = order.tolist()
    topics, parties = masks(data.topics, order), masks(data.parties, order)
    words = data.words.reader(rows_list)
    places = range(len(rows_list)) if owners is None else np.flatnonzero(owners[order]).tolist()
    pairs: list[int] = []
    size = len(rows_list)
    for pos in places:
        ta = topics[pos]
        if not dated[pos] or not ta:
            continue  # comparable with nothing
        stop = min(size, pos + 1 + rules.max_compared,
                   bisect_right(days, days[pos] + rules.tolerance_days, pos + 1))
        at = pos + 1
        pa, la, document = parties[pos], labels[pos], documents[pos]
        while at < stop:
            if documents[at] == document:
                at = other[at]
                continue
            j = at
            at += 1
            if not dated[j] or labels[j] == la or not ta & topics[j]:
                continue
            if pa and parties[j] and not pa & parties[j]:
                continue
            if _close(words(pos), words(j), rules.min_shared, rules.min_overlap):
                pairs += (rows_list[pos], rows_list[j])
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


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
