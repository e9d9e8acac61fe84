"""The comparison loops of clustering and of the near-date join, over one stretch of events
sorted by start day.

Why a stretch: each event is compared only with events that start soon after it, so the
events whose pairs are wanted (`owners`) need only the positions up to where the last of
them stops looking. A folder's linking splits into stretches that worker processes scan
side by side (or this process, one after the other); the pairs are the same either way.
Positions are local to the stretch; the caller maps them back to rows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.pipeline.cluster import close_wording


@dataclass(frozen=True, slots=True)
class Stretch:
    starts: list[int]  # start day numbers, ascending
    ends: list[int]
    documents: npt.NDArray[np.int32]
    topics: list[int]  # bit masks of topic codes
    parties: list[int]  # bit masks of party codes
    word_codes: list[int]  # content words, as codes: position p's are
    word_offsets: list[int]  # word_codes[word_offsets[p]:word_offsets[p + 1]]
    owners: list[int]  # the positions whose pairs are wanted
    dated: list[bool] | None = None  # near dates: day-dated
    labels: list[int] | None = None  # near dates: each position's cluster


def next_other(documents: npt.NDArray[np.int32]) -> list[int]:
    """For each position, the next position holding another article (the start of the next
    run of one article's positions)."""
    size = len(documents)
    starts = np.flatnonzero(documents[1:] != documents[:-1]) + 1
    ends = np.append(starts, size)
    found: list[int] = ends[np.searchsorted(starts, np.arange(size), side="right")].tolist()
    return found


def word_sets(stretch: Stretch) -> Callable[[int], frozenset[int]]:
    """A position's content-word codes as a set, built on first use: most positions are
    never compared with anything, so most sets are never built."""
    codes, offsets = stretch.word_codes, stretch.word_offsets
    built: dict[int, frozenset[int]] = {}

    def words(pos: int) -> frozenset[int]:
        found = built.get(pos)
        if found is None:
            found = built[pos] = frozenset(codes[offsets[pos]:offsets[pos + 1]])
        return found

    return words


def scan_clusters(stretch: Stretch, max_compared: int) -> list[int]:
    """`cluster.links` for the owners: flat (owner, other) position pairs."""
    starts, ends, topics, parties = stretch.starts, stretch.ends, stretch.topics, stretch.parties
    documents: list[int] = stretch.documents.tolist()
    other = next_other(stretch.documents)
    words = word_sets(stretch)

    pairs: list[int] = []
    size = len(starts)
    for pos in stretch.owners:
        ta = topics[pos]
        if not ta:
            continue  # shares a topic with nothing: links nothing
        end, document, pa = ends[pos], documents[pos], parties[pos]
        compared = 0
        j = pos + 1
        while j < size and compared < max_compared:
            if starts[j] > end:
                break
            if documents[j] == document:
                j = other[j]
                continue
            compared += 1
            if ta & topics[j] and (not pa or not parties[j] or pa & parties[j]) and close_wording(
                    words(pos), words(j)):
                pairs += (pos, j)
            j += 1
    return pairs


def scan_near(stretch: Stretch, max_compared: int, tolerance: int, min_shared: int,
              min_overlap: float, min_share: float) -> list[int]:
    """`conflicts.near_date_pairs` for the owners (every pair of different clusters, see
    `array_links.near_pairs`): flat position pairs."""
    days, topics, parties = stretch.starts, stretch.topics, stretch.parties
    dated, labels = stretch.dated or [], stretch.labels or []
    documents: list[int] = stretch.documents.tolist()
    other = next_other(stretch.documents)
    words = word_sets(stretch)

    pairs: list[int] = []
    size = len(days)
    for pos in stretch.owners:
        ta = topics[pos]
        if not dated[pos] or not ta:
            continue  # comparable with nothing
        stop = min(size, pos + 1 + max_compared,
                   bisect_right(days, days[pos] + tolerance, pos + 1))
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
            if close_wording(words(pos), words(j), min_shared, min_overlap, min_share):
                pairs += (pos, j)
    return pairs
