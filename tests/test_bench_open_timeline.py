"""The open's timeline figures: each worker's busy fraction and the gaps between its tasks,
the whole extraction's busy fraction and the opening process's wait in the stage, from
intervals whose answers are known."""

from __future__ import annotations

from typing import Any

import pytest

from bench.open_timeline import figures


def _row(pid: int, label: str, start: float, end: float, cpu: float = 0.0,
         **more: Any) -> dict[str, Any]:
    return {"pid": pid, "label": label, "wall": [start, end], "cpu": cpu, "cpu_at_start": 0.0,
            **more}


def _rows() -> list[dict[str, Any]]:
    """Worker 2: tasks 1-4 and 4.5-9 (a 0.5 s gap); worker 3: 1-5, 5.1-6 and 6.3-8 (gaps of
    0.1 and 0.3 s, then a second's wait for worker 2); the opening process's stage 9-10
    with 0.4 s of its own CPU."""
    return [
        _row(1, "open", 0.0, 10.0, cpu=1.0, events=7),
        _row(1, "stage", 9.0, 10.0, cpu=0.4),
        _row(2, "task", 1.0, 4.0, files=3),
        _row(2, "task", 4.5, 9.0, files=2),
        _row(3, "task", 6.3, 8.0, files=1),  # (out of order: sorted by start)
        _row(3, "task", 1.0, 5.0, files=2),
        _row(3, "task", 5.1, 6.0, files=1),
    ]


def test_each_worker_has_its_busy_fraction_and_gaps() -> None:
    found = figures(_rows())["workers"]
    two, three = found[2], found[3]
    assert two["busy_fraction"] == pytest.approx(7.5 / 8.0, abs=1e-4)
    assert (two["gaps"], two["gap_sum_s"], two["gap_max_s"]) == (1, 0.5, 0.5)
    assert three["busy_fraction"] == pytest.approx(6.6 / 7.0, abs=1e-4)
    assert (three["gaps"], three["gap_sum_s"], three["gap_max_s"]) == (2, 0.4, 0.3)
    assert (two["tasks"], three["files"]) == (2, 4)


def test_the_extraction_busy_fraction_counts_the_wait_at_the_end() -> None:
    found = figures(_rows())
    assert found["extraction_span_s"] == 8.0
    # 14.1 s of tasks in two workers' 8 s: the gaps (0.9 s) and worker 3's last second.
    assert found["busy_fraction"] == pytest.approx(14.1 / 16.0, abs=1e-4)
    assert found["tail_s"] == 1.0
    assert found["main_stage_wait_s"] == 0.6
    assert found["main_after_extraction_wall_s"] == 1.0


def test_a_worker_with_one_task_has_no_gap_and_no_tasks_no_fraction() -> None:
    rows = [_row(1, "open", 0.0, 2.0), _row(2, "task", 0.5, 1.5, files=1),
            _row(3, "warm", 0.2, 0.3)]
    found = figures(rows)
    assert found["workers"][2]["busy_fraction"] == 1.0
    assert found["workers"][2]["gaps"] == 0
    assert found["workers"][3]["busy_fraction"] is None
    assert found["main_stage_wait_s"] == 0.0
