"""The shapes of many lanes found in one pass equal `lane_shapes` lane by lane, exactly, and
the pass's Python work follows the clusters, not the lanes' events (counted, not timed)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from tests.core.workcount import lines_run
from viewer.core.scene.lane_batch import many_lane_shapes
from viewer.core.scene.lane_shapes import MARK_HALF, LaneArrays, Shapes, lane_shapes


def _widths(counts: np.ndarray) -> np.ndarray:
    return np.maximum(2 * MARK_HALF + 8, 7.0 * np.floor(np.log10(np.maximum(counts, 1)) + 1)
                      + 10).astype(np.float64)


def _lane(rnd: random.Random, size: int, first: int, dtype: type) -> tuple[LaneArrays, int]:
    points = sorted(first + rnd.choice((rnd.randint(0, 40), rnd.randint(0, 3000)))
                    for _ in range(size))
    spans = sorted((first + rnd.randint(0, 3000), rnd.randint(1, 400))
                   for _ in range(rnd.randint(0, size // 2 + 1)))
    rows = np.arange(len(points) + len(spans), dtype=dtype)
    arrays = LaneArrays(np.array(points, dtype=dtype),
                        np.array([s for s, _ in spans], dtype=dtype),
                        np.array([s + n for s, n in spans], dtype=dtype), rows)
    return arrays, max((n + 1 for _, n in spans), default=0)


def _same(a: Shapes, b: Shapes) -> bool:
    return (np.array_equal(a.x0, b.x0) and np.array_equal(a.x1, b.x1)
            and np.array_equal(a.starts, b.starts) and np.array_equal(a.stops, b.stops)
            and a.clusters == b.clusters)


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
def test_many_lanes_at_once_equal_lane_by_lane(dtype: type) -> None:
    for seed in range(40):
        rnd = random.Random(seed)
        first = 730_000 + rnd.randint(0, 5000)
        lanes = [_lane(rnd, rnd.choice((0, 1, 5, 60, 400)), first + rnd.randint(-50, 50), dtype)
                 for _ in range(rnd.randint(1, 12))]
        px = rnd.choice((0.004, 0.05, 0.16, 1.0, 7.3, 30.0))
        origin = first - rnd.uniform(0, 300)
        window = rnd.choice(((-math.inf, math.inf), (-900.0, 1700.0),
                             (rnd.uniform(0, 4000), rnd.uniform(4000, 20000))))
        found = many_lane_shapes([a for a, _ in lanes], [n for _, n in lanes], origin, px,
                                 window, _widths)
        for (arrays, longest), shapes in zip(lanes, found, strict=True):
            expected = lane_shapes(arrays, origin, px, window, longest, _widths)
            assert _same(shapes, expected), (seed, px, window)


def test_lanes_sharing_their_last_and_first_day_stay_apart() -> None:
    none = np.zeros(0, np.int64)
    one = LaneArrays(np.array([10, 11, 12]), none, none, np.arange(3))
    two = LaneArrays(np.array([12, 13]), none, none, np.arange(2))
    found = many_lane_shapes([one, two], [0, 0], 0.0, 0.5, (-math.inf, math.inf), _widths)
    for arrays, shapes in zip((one, two), found, strict=True):
        assert _same(shapes, lane_shapes(arrays, 0.0, 0.5, (-math.inf, math.inf), 0, _widths))


def test_many_lanes_cost_python_per_cluster_not_per_event() -> None:
    def work(copies: int) -> int:
        rnd = random.Random(4)
        lanes = [_lane(rnd, 2000 * copies, 730_000, np.int32) for _ in range(5)]
        counter = [0]
        lines_run(lambda: many_lane_shapes([a for a, _ in lanes], [n for _, n in lanes],
                                           729_990.0, 0.16, (-900.0, 1700.0), _widths),
                  counter)
        return counter[0]

    assert work(4) / work(1) < 1.3


def test_only_the_windows_days_are_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    """Zoomed in on big lanes, the pass works on the window's days, not every lane's days
    (joining them all made a day-zoom step at a million events twice as slow)."""
    from viewer.core.scene import lane_batch

    joined = [0]
    original = lane_batch._joined

    def counted(parts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        joined[0] += sum(len(p) for p in parts)
        return original(parts)

    monkeypatch.setattr(lane_batch, "_joined", counted)
    days = np.repeat(np.arange(730_000, 733_650), 20)  # 20 events a day for ten years
    lane = LaneArrays(days, np.zeros(0, np.int64), np.zeros(0, np.int64), np.arange(len(days)))
    px = 300.0  # three days across 900 pixels
    origin = 731_000.0
    many_lane_shapes([lane] * 8, [0] * 8, origin, px, (0.0, 900.0), _widths)
    assert joined[0] <= 8 * 20 * 6  # the window's few days (and a day's margin each side)


def test_a_search_keeps_the_answer_of_a_plain_search() -> None:
    from viewer.core.scene.lane_shapes import search

    days = np.array([3, 5, 5, 9], dtype=np.int32)
    for needle in (-10**9, 0, 5, 6, 9, 10**9):
        for side in ("left", "right"):
            assert search(days, needle, side) == int(np.searchsorted(days, needle, side=side))
