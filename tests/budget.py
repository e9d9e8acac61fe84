"""Bound work by operation counts, not wall clock: a run that makes more function calls than
its budget is stopped and fails, so a hang (or a super-linear blow-up) cannot pass."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")


class OverBudget(AssertionError):
    """The code under test made more calls than it may for its input."""


def within_budget(run: Callable[[], T], calls: int) -> tuple[T, int]:
    """Run `run()`, stopping it once it makes more than `calls` function calls (Python and
    C); returns its result and the calls it made."""
    count = 0

    def profile(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal count
        if event == "call" or event == "c_call":
            count += 1
            if count > calls:
                sys.setprofile(None)
                raise OverBudget(f"more than {calls:,} calls")

    sys.setprofile(profile)
    try:
        result = run()
    finally:
        sys.setprofile(None)
    return result, count


def linear_budget(size: int, per_byte: int = 400, fixed: int = 4_000_000) -> int:
    """Calls a folder of `size` bytes may take: rule loading, then a constant per byte."""
    return fixed + per_byte * size
