"""Coverage: how densely each party or topic is reported month by month, where reporting
stops ("no reporting on prisoner exchanges between March and June"), and which outlets carry
which lanes. One pass over the events; months without events are gaps.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from viewer.core.events.document_events import Event

MIN_GAP_MONTHS = 2  # a lane silent for a single month is not news
# Spans too vague to place in a month ("earlier this year" would count in January).
VAGUE = frozenset({"year", "decade", "century", "fuzzy"})


@dataclass(frozen=True, slots=True)
class Gap:
    lane: str
    first: dt.date  # first month without reporting (its 1st day)
    last: dt.date  # last month without reporting (its 1st day)

    @property
    def months(self) -> int:
        return _index(self.last) - _index(self.first) + 1

    def sentence(self, label: str | None = None) -> str:
        return (f"no reporting on {label or self.lane} between "
                f"{self.first:%B %Y} and {self.last:%B %Y}")


@dataclass(frozen=True, slots=True)
class Coverage:
    lanes: tuple[str, ...]
    months: tuple[dt.date, ...]  # the 1st of each month from the first event's to the last's
    counts: tuple[tuple[int, ...], ...]  # per lane, events per month
    outlets: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # lane → (outlet, events)
    gaps: tuple[Gap, ...]
    vague: int = 0  # events left out: dated only to a year or vaguer
    undated: int = 0  # events left out: no date

    def left_out(self) -> str:
        """Which events the months do not count, said in words ("" when none): without it
        a lane's total here fell short of the filter's count with no reason given."""
        parts = [f"{self.vague:,} dated only to a year or vaguer" if self.vague else "",
                 f"{self.undated:,} undated" if self.undated else ""]
        said = " and ".join(p for p in parts if p)
        return f"Not counted in any month: {said}." if said else ""


def _index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def lanes_of(event: Event, mode: str) -> tuple[str, ...]:
    return event.parties if mode == "party" else event.topics if mode == "topic" else ()


def coverage(events: Iterable[Event], mode: str = "party",
             outlet_of: Mapping[str, str] | None = None,
             min_gap: int = MIN_GAP_MONTHS) -> Coverage:
    """Month-by-month counts per party (`mode="party"`) or topic (`"topic"`), the gaps of at
    least `min_gap` months inside each lane's span, and the outlets (by document, through
    `outlet_of`, else the document itself) that report each lane, busiest first."""
    counts: dict[str, dict[int, int]] = {}
    outlets: dict[str, dict[str, int]] = {}
    low, high = None, None
    vague = undated = 0
    for e in events:
        if e.boilerplate or e.not_event:
            continue
        if e.start is None or e.precision in VAGUE:
            undated += e.start is None
            vague += e.start is not None
            continue
        month = _index(e.start)
        low = month if low is None else min(low, month)
        high = month if high is None else max(high, month)
        outlet = (outlet_of or {}).get(e.document, e.document)
        for lane in lanes_of(e, mode):
            per = counts.setdefault(lane, {})
            per[month] = per.get(month, 0) + 1
            by = outlets.setdefault(lane, {})
            by[outlet] = by.get(outlet, 0) + 1
    if low is None or high is None:
        return Coverage((), (), (), (), (), vague, undated)
    lanes = tuple(sorted(counts, key=lambda lane: (-sum(counts[lane].values()), lane)))
    months = tuple(_month(m) for m in range(low, high + 1))
    table = tuple(tuple(counts[lane].get(m, 0) for m in range(low, high + 1)) for lane in lanes)
    gaps: list[Gap] = []
    for lane, row in zip(lanes, table, strict=True):
        gaps.extend(_gaps(lane, row, low, min_gap))
    return Coverage(
        lanes=lanes, months=months, counts=table,
        outlets=tuple((lane, tuple(sorted(outlets[lane].items(), key=lambda kv: (-kv[1], kv[0]))))
                      for lane in lanes),
        gaps=tuple(gaps), vague=vague, undated=undated)


def _gaps(lane: str, row: Sequence[int], low: int, min_gap: int) -> list[Gap]:
    """Runs of empty months between the lane's first and last reported month."""
    reported = [i for i, n in enumerate(row) if n]
    found = []
    for before, after in itertools.pairwise(reported):
        if after - before - 1 >= min_gap:
            found.append(Gap(lane, _month(low + before + 1), _month(low + after - 1)))
    return found
