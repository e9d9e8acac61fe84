"""Row packing and overflow badges by arrays equal the one-by-one originals, and their
Python work grows with what is placed, not with the number of shapes (counted, not timed)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from tests.core.workcount import lines_run
from viewer.core.scene import lane_packing


def _first_fit(x0: list[float], x1: list[float], max_rows: int) -> tuple[list[int], int]:
    ends: list[float] = []
    rows: list[int] = []
    for a, b in zip(x0, x1, strict=True):
        for r, end in enumerate(ends):
            if end + 2 <= a:
                ends[r] = b
                rows.append(r)
                break
        else:
            if len(ends) < max_rows:
                ends.append(b)
                rows.append(len(ends) - 1)
            else:
                rows.append(-1)
    return rows, len(ends)


def _runs(x0: list[float], x1: list[float]) -> list[tuple[int, int, float, float]]:
    runs: list[tuple[int, int, float, float]] = []
    first, left, right = 0, 0.0, 0.0
    for i, (a, b) in enumerate(zip(x0, x1, strict=True)):
        if i and a > right + 24:
            runs.append((first, i, left, right))
            first = i
        if i == first:
            left = a
        right = max(b, left + 26)
    if x0:
        runs.append((first, len(x0), left, right))
    return runs


def _shapes(count: int, width: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rnd = random.Random(seed)
    x0 = sorted(rnd.uniform(0, width) for _ in range(count))
    x1 = [a + rnd.choice((10.0, 2.0, rnd.uniform(2, 80))) for a in x0]
    return np.array(x0), np.array(x1)


@pytest.mark.parametrize("list_search", [lane_packing.LIST_SEARCH, 0])  # lists, arrays
def test_packing_and_overflow_equal_placing_one_by_one(list_search: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lane_packing, "LIST_SEARCH", list_search)
    for seed in range(30):
        x0, x1 = _shapes(random.Random(seed).randint(0, 400), 2000.0, seed)
        rows, used = lane_packing.pack(x0, x1, 4)
        expected_rows, expected_used = _first_fit(x0.tolist(), x1.tolist(), 4)
        assert rows.tolist() == expected_rows and used == expected_used
        over = rows < 0
        assert lane_packing.overflow_runs(x0[over], x1[over]) == _runs(
            x0[over].tolist(), x1[over].tolist())


def test_packing_work_follows_the_placed_shapes_not_all_shapes() -> None:
    def work(copies: int) -> int:
        x0, x1 = _shapes(20_000 * copies, 3000.0, 1)  # the same pixels, 4x the shapes
        counter = [0]
        lines_run(lambda: (lane_packing.pack(x0, x1, 4),
                           lane_packing.overflow_runs(x0, x1)), counter)
        return counter[0]

    work(1)
    assert work(4) / work(1) < 1.5


def test_rows_needed_equals_what_packing_fills() -> None:
    """A lane's height comes from `rows_needed` and its packing from `pack` when shown: they
    must agree, ties, touching shapes and overflow included."""
    for seed in range(60):
        rnd = random.Random(seed)
        x0, x1 = _shapes(rnd.randint(0, 300), rnd.choice((200.0, 2000.0)), seed)
        if seed % 3 == 0:  # whole pixels: starts that tie, shapes that just touch (x1 + 2)
            x0, x1 = np.floor(x0), np.floor(x0) + rnd.choice((8.0, 10.0))
        for max_rows in (1, 4, 14):
            rows, used = lane_packing.pack(x0, x1, max_rows)
            assert lane_packing.rows_needed(x0, x1, max_rows) == (used, bool((rows < 0).any()))


def test_rows_needed_costs_a_fixed_number_of_lines() -> None:
    def work(copies: int) -> int:
        x0, x1 = _shapes(20_000 * copies, 3000.0, 1)
        counter = [0]
        lines_run(lambda: lane_packing.rows_needed(x0, x1, 4), counter)
        return counter[0]

    assert work(4) == work(1)
