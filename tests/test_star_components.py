"""The star rounds the Dask engine runs to find clusters: the components `join_clusters`
finds (named by their smallest id), in about 2·log2(n) rounds on a chain of n nodes, with
no round adding edges."""

from __future__ import annotations

import math
import random

import pytest

from viewer.core.pipeline.conflicts import join_clusters
from viewer.scale.star_components import components_in_memory, star_round, stars


def _graph(seed: int, nodes: int, pairs: int) -> list[tuple[str, str]]:
    rnd = random.Random(seed)
    names = [f"e{rnd.randrange(10**6):06d}" for _ in range(nodes)]
    return [(rnd.choice(names), rnd.choice(names)) for _ in range(pairs)]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("buckets", [1, 3, 16])
def test_components_are_the_groups_join_clusters_finds(seed: int, buckets: int) -> None:
    pairs = [(a, b) for a, b in _graph(seed, 300, 260) if a != b]
    groups = [pairs[i : i + 7] for i in range(0, len(pairs), 7)]  # what each task found
    found, _ = components_in_memory(groups, buckets)
    assert found == join_clusters(pairs)


def test_stars_are_each_groups_smallest_id_and_its_members() -> None:
    assert stars([("c", "b"), ("d", "e"), ("b", "a")]) == [("a", "b"), ("a", "c"), ("d", "e")]


@pytest.mark.parametrize("large", [True, False])
def test_a_round_never_adds_edges(large: bool) -> None:
    for seed in range(10):
        edges = {(min(a, b), max(a, b)) for a, b in _graph(seed, 200, 400) if a != b}
        emitted, _ = star_round(edges, lambda node: True, large)
        assert len(emitted) <= len(edges)


def _chain(n: int, order: str) -> list[list[tuple[str, str]]]:
    ids = [f"{i:08d}" for i in range(n)]
    if order == "shuffled":
        random.Random(n).shuffle(ids)
    elif order == "reversed":
        ids.reverse()
    return [[(ids[i], ids[i + 1])] for i in range(n - 1)]  # no task sees two links


@pytest.mark.parametrize("order", ["sorted", "shuffled", "reversed"])
def test_rounds_on_a_long_chain_grow_with_its_logarithm(order: str) -> None:
    """Min-label propagation would need n rounds on a chain; star rounds need O(log n)."""
    for n in (16, 256, 4096):
        found, rounds = components_in_memory(_chain(n, order), buckets=4)
        assert set(found.values()) == {f"{0:08d}"} and len(found) == n
        assert rounds <= 2 * math.log2(n) + 4, (n, rounds)
