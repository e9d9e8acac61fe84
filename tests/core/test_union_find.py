"""The union-find that joins clusters: smallest id as root, and short look-ups in any order."""

from __future__ import annotations

import itertools
import math
import random

from viewer.core.pipeline.conflicts import join_clusters
from viewer.core.pipeline.union_find import MinRootForest
from viewer.scale.star_components import stars


class CountingDict(dict[str, str]):
    reads = 0

    def __getitem__(self, key: str) -> str:
        CountingDict.reads += 1
        return super().__getitem__(key)


def test_root_is_the_smallest_id_whatever_the_order() -> None:
    ids = [f"e{i:04d}" for i in range(200)]
    pairs = list(itertools.pairwise(ids))
    for seed in range(5):
        random.Random(seed).shuffle(pairs)
        forest = MinRootForest()
        for a, b in pairs:
            forest.union(a, b)
        assert {forest.root(x) for x in ids} == {"e0000"}
    assert join_clusters([("c", "b"), ("d", "e"), ("b", "a")]) == {
        "a": "a", "b": "a", "c": "a", "d": "d", "e": "d"}
    assert stars([("c", "b"), ("b", "a"), ("e", "d")]) == [("a", "b"), ("a", "c"), ("d", "e")]


def test_a_chain_joined_in_falling_order_is_read_in_n_log_n_steps() -> None:
    """Joins arriving in falling id order build a chain; without path halving each later
    look-up walked it (quadratic). Counted in parent reads, not time."""
    def reads(n: int) -> int:
        forest = MinRootForest()
        forest.parent = CountingDict()
        CountingDict.reads = 0
        ids = [f"e{i:07d}" for i in range(n)]
        for i in range(n - 1, 0, -1):
            forest.union(ids[i - 1], ids[i])
        for x in reversed(ids):
            forest.root(x)
        return CountingDict.reads

    small, large = reads(2_000), reads(16_000)
    assert large <= 8 * small * 1.5, (small, large)
    assert large <= 16_000 * math.log2(16_000) * 4
