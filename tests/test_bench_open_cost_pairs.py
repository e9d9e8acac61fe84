"""`bench.open_cost --pairs`: one-process and workers' runs alternate their order pair by
pair, and the pair with the median wall ratio is the one reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import open_cost


def test_pairs_alternate_and_the_median_pair_is_reported(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    order: list[int] = []
    walls = iter([10.0, 5.0, 4.0, 12.0, 9.0, 6.0])  # ratios 2.0, 3.0, 1.5

    def child(folder: Path, workers: int, snapshot: bool, command: str | None = None,
              first: bool = False, later: bool = False) -> dict[str, Any]:
        order.append(workers)
        return {"wall_s": next(walls), "run": len(order)}

    monkeypatch.setattr(open_cost, "_child", child)
    one, many, ratios = open_cost._pairs(tmp_path, 2, 3, first=False)
    assert order == [1, 2, 2, 1, 1, 2]
    assert ratios == [2.0, 3.0, 1.5]
    assert (one["run"], many["run"]) == (1, 2)  # the pair whose ratio is the median, 2.0
