"""Tick marks of the time axis: the unit that suits the zoom, and the labelled marks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# (name, approximate days, step) for ticks; the first whose spacing is wide enough is used.
_UNITS: tuple[tuple[str, float, int], ...] = (
    ("hour", 1 / 24, 1), ("6 hours", 0.25, 6), ("day", 1, 1), ("week", 7, 1),
    ("month", 30.44, 1), ("quarter", 91.3, 3), ("year", 365.25, 1), ("5 years", 1826, 5),
    ("decade", 3652.5, 10), ("50 years", 18262, 50), ("century", 36525, 100),
)


@dataclass(frozen=True, slots=True)
class Tick:
    ordinal: float
    label: str
    major: bool


def tick_unit(px_per_day: float, min_px: float = 64.0) -> str:
    for name, days, _ in _UNITS:
        if days * px_per_day >= min_px:
            return name
    return "century"


def _month_start(year: int, month: int) -> dt.date:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(max(1, min(9999, year)), month, 1)


def ticks(first: float, last: float, px_per_day: float) -> tuple[str, list[Tick]]:
    """Tick marks between two ordinals, labelled for the zoom level."""
    unit = tick_unit(px_per_day)
    out: list[Tick] = []
    lo = dt.date.fromordinal(max(1, int(first) - 1))
    hi_ord = last + 1
    if unit in ("hour", "6 hours"):
        step = 1 if unit == "hour" else 6
        day = lo.toordinal()
        while day <= hi_ord:
            for hour in range(0, 24, step):
                ordinal = day + hour / 24
                if first - 1 <= ordinal <= hi_ord:
                    date = dt.date.fromordinal(day)
                    label = date.strftime("%a %d %b") if hour == 0 else f"{hour:02d}:00"
                    out.append(Tick(ordinal, label, hour == 0))
            day += 1
    elif unit in ("day", "week"):
        day = lo.toordinal()
        if unit == "week":
            day -= dt.date.fromordinal(day).weekday()
        step = 1 if unit == "day" else 7
        while day <= hi_ord:
            date = dt.date.fromordinal(day)
            major = date.day == 1 if unit == "day" else date.day <= 7
            label = date.strftime("%a %d %b") if unit == "day" else date.strftime("%d %b")
            if major:
                label = date.strftime("%d %b %Y")
            out.append(Tick(day, label, major))
            day += step
    elif unit in ("month", "quarter"):
        step = 1 if unit == "month" else 3
        month = lo.month - (lo.month - 1) % step
        date = _month_start(lo.year, month)
        while date.toordinal() <= hi_ord and date.year < 9999:
            major = date.month == 1
            label = date.strftime("%Y") if major else date.strftime("%b")
            if unit == "quarter" and not major:
                label = f"Q{(date.month - 1) // 3 + 1}"
            out.append(Tick(date.toordinal(), label, major))
            date = _month_start(date.year, date.month + step)
    else:
        step = next(s for name, _, s in _UNITS if name == unit)
        year = lo.year - lo.year % step
        while year <= 9999 and dt.date(max(1, year), 1, 1).toordinal() <= hi_ord:
            if year >= 1:
                major = year % (step * 5 if step < 100 else step) == 0
                out.append(Tick(dt.date(year, 1, 1).toordinal(), str(year), major))
            year += step
    return unit, out
