"""Documents' publication days as ISO text, written out one at a time when asked for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping


class IsoDays(Mapping[str, str]):
    """Documents' days as ISO text, each written when read; undated documents left out."""

    def __init__(self, days: Mapping[str, dt.date | None]) -> None:
        self._days = days

    def __getitem__(self, relpath: str) -> str:
        day = self._days[relpath]
        if day is None:
            raise KeyError(relpath)
        return day.isoformat()

    def __iter__(self) -> Iterator[str]:
        return (relpath for relpath, day in self._days.items() if day is not None)

    def __len__(self) -> int:
        return sum(day is not None for day in self._days.values())
