"""Files go to workers in tasks of consecutive files, the last ones in smaller tasks so the
workers finish together."""

from __future__ import annotations

import pytest

from viewer.core.session.cold_open import TAIL_SHARE, tasks


def _pending(sizes: list[int]) -> list[tuple[bytes, str, str, int]]:
    return [(f"{k}".encode(), f"/f/{k}", "{}", size) for k, size in enumerate(sizes)]


@pytest.mark.parametrize("workers", [1, 2, 4])
@pytest.mark.parametrize("sizes", [[], [5], [1800] * 2000, [100_000, 10, 3_000_000, 7] * 50])
def test_every_file_once_in_folder_order(workers: int, sizes: list[int]) -> None:
    pending = _pending(sizes)
    found = tasks(pending, workers)
    assert [item for task in found for item in task] == pending
    assert all(found)


def test_the_last_tasks_are_smaller() -> None:
    found = tasks(_pending([1800] * 2000), 2)
    counts = [len(task) for task in found]
    assert counts[0] == 64
    assert counts[-1] <= 64 // TAIL_SHARE
    small = [c for c in counts if c <= 64 // TAIL_SHARE]
    # about a full task's files per worker, in quarter tasks
    assert 2 * 64 - 16 <= sum(small) <= 2 * 64 + 16
    assert len(tasks(_pending([1800] * 2000), 1)) == -(-2000 // 64)  # one worker: as before
