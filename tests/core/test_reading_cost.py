"""Reading a file costs no Python step per byte for the binary test, which answers as
before."""

from __future__ import annotations

import random

from tests.core.workcount import lines_run
from viewer.core.ingest import encoding


def test_the_binary_test_counts_controls_as_before() -> None:
    def by_byte(data: bytes) -> bool:
        head = data[:8192]
        if b"\x00" in head:
            return True
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
        return controls > max(8, len(head) // 100)

    rng = random.Random(5)
    for _ in range(3000):
        alphabet = rng.choice([bytes(range(1, 40)), bytes(range(256)), b"ab \n\t\x1b\x01\x02"])
        data = bytes(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 9, 90, 900, 9000])))
        assert encoding._looks_binary(data) == by_byte(data)


def test_the_binary_test_runs_no_python_step_per_byte() -> None:
    def work(size: int) -> int:
        counter = [0]
        lines_run(lambda: encoding._looks_binary(b"word \x01" * size), counter)
        return counter[0]

    assert work(1000) == work(100)
