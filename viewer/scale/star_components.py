"""Connected components of a pair table that no single process holds: star contraction.

Why this algorithm: the engine must name each cluster by its smallest member id, as
`components` over all pairs did on the driver, but with every step a shuffle of bounded
tasks. Min-label propagation needs as many rounds as a component's longest path (a chain of
reports each linked to the next: one round per link). Alternating *large-star* and
*small-star* rounds (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014)
turn every component into a star around its smallest id instead: each round is one shuffle
of the edges by node, never adds an edge, and the rounds are O(log² n) at worst (their
proof), about log n in practice (`tests/test_star_components.py` counts them on chains).

An edge is (smaller id, larger id). A round reads, for the nodes a bucket owns, every edge
touching them; it reports how many of its nodes are not yet settled (a settled node has
only larger neighbours, the centre, or exactly one smaller neighbour and no other, a leaf).
When no node anywhere is unsettled, the edges are stars, and each node's component id is
the smallest of itself and its neighbours.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

from viewer.core.pipeline.union_find import MinRootForest

Edge = tuple[str, str]


def bucket_of(node: str, buckets: int) -> int:
    """The bucket that owns a node (the same in every process)."""
    return zlib.crc32(node.encode("utf-8", "surrogateescape")) % max(1, buckets)


def stars(pairs: Iterable[tuple[str, str]]) -> list[Edge]:
    """The components of some pairs as stars around their smallest member: the first
    contraction, done where the pairs are found, so the rounds start from fewer edges."""
    forest = MinRootForest()  # the root stays its component's smallest id
    for a, b in pairs:
        forest.union(a, b)
    return sorted((forest.root(x), x) for x in list(forest.ids()) if forest.root(x) != x)


def neighbours(edges: Iterable[Edge], owns: Callable[[str], bool]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for a, b in edges:
        if owns(a):
            found.setdefault(a, set()).add(b)
        if owns(b):
            found.setdefault(b, set()).add(a)
    return found


def star_round(edges: Iterable[Edge], owns: Callable[[str], bool], large: bool
               ) -> tuple[set[Edge], int]:
    """One large-star (or small-star) round over the nodes `owns` accepts: the edges it
    emits, and how many of those nodes were not settled in the edges given."""
    emitted: set[Edge] = set()
    unsettled = 0
    for node, near in neighbours(edges, owns).items():
        smaller = [v for v in near if v < node]
        if smaller and (len(smaller) > 1 or len(smaller) != len(near)):
            unsettled += 1
        if large:  # every larger neighbour moves to the smallest of the neighbourhood
            low = min(node, *near)
            emitted.update((low, v) for v in near if v > node)
        elif smaller:  # the node and its smaller neighbours move to the smallest of them
            low = min(smaller)
            emitted.update((low, v) for v in smaller if v != low)
            emitted.add((low, node))
    return emitted, unsettled


def centres(edges: Iterable[Edge], owns: Callable[[str], bool]) -> dict[str, str]:
    """Once settled: each owned node's component id (its star's centre)."""
    return {node: min(node, *near) for node, near in neighbours(edges, owns).items()}


def components_in_memory(groups: Iterable[Iterable[tuple[str, str]]], buckets: int = 1
                         ) -> tuple[dict[str, str], int]:
    """The distributed rounds run in one process, bucket by bucket, for tests: `groups` are
    the pairs each task found (each made `stars` first). Returns each node's component id
    and how many rounds ran (the last one finds nothing to do)."""
    edges = {edge for pairs in groups for edge in stars(pairs)}
    rounds = 0
    while True:
        emitted: set[Edge] = set()
        unsettled = 0
        for bucket in range(buckets):
            def owns(node: str, bucket: int = bucket) -> bool:
                return bucket_of(node, buckets) == bucket
            mine = [e for e in edges if owns(e[0]) or owns(e[1])]
            out, count = star_round(mine, owns, large=rounds % 2 == 0)
            emitted |= out
            unsettled += count
        rounds += 1
        if not unsettled:
            return centres(edges, lambda node: True), rounds
        edges = emitted
