"""Calendar arithmetic for TimeML values: shifting by units, and the days a value covers.

The three that normalisers call for nearly every expression are pure functions of a few
values that news repeats (the document's date, "last week"), so each remembers its latest
answers.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re

from dateutil.easter import easter

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PART_OF_DAY = {"MO", "AF", "EV", "NI", "MI", "DT"}

_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{1,2})(?P<we>-WE)?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<season>SP|SU|FA|WI)))?(?:T.*)?$"
)


_MONTHS_IN = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "H": 6}
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


@functools.lru_cache(maxsize=4096, typed=True)
def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """Move `day` by `amount` units (Y, M, W, D, Q, DE, CE, H)."""
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit == "W":
        return day + dt.timedelta(weeks=amount)
    months = _MONTHS_IN.get(unit)
    if months is None:
        return day
    # As dateutil's relativedelta adds months (the day kept, or the month's last), without
    # building one per call: it was a tenth of the tagger's time.
    year, month = divmod(day.year * 12 + day.month - 1 + months * amount, 12)
    month += 1
    if day.day <= 28:
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


@functools.lru_cache(maxsize=4096, typed=True)
def value_for(day: dt.date, unit: str) -> str:
    """The TimeML value naming the `unit`-sized period that contains `day`."""
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "W":
        return week_value(day)
    if unit == "WE":
        return week_value(day) + "-WE"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


@functools.lru_cache(maxsize=4096, typed=True)
def interval(value: str) -> tuple[dt.date | None, dt.date | None]:
    """First and last calendar day a DATE/TIME value covers; (None, None) if none."""
    if _DECADE.fullmatch(value):  # a decade: "199" is the 1990s
        start = int(value) * 10
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    if _CENTURY.fullmatch(value):  # a century: "19" is 1900-1999
        start = int(value) * 100
        return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)
    match = _VALUE.match(value)
    if not match:
        return None, None
    year = int(match["year"])
    try:
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            month = int(match["month"])
            return dt.date(year, month, 1), month_end(year, month)
        if match["week"]:
            monday = week_start(year, int(match["week"]))
            if match["we"]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if match["q"]:
            first = (int(match["q"]) - 1) * 3 + 1
            return dt.date(year, first, 1), month_end(year, first + 2)
        if match["h"]:
            first = 1 if match["h"] == "1" else 7
            return dt.date(year, first, 1), month_end(year, first + 5)
        if match["season"]:
            start_month, end_month = SEASON_MONTHS[match["season"]]
            end_year = year + 1 if end_month < start_month else year
            return dt.date(year, start_month, 1), month_end(end_year, end_month)
    except ValueError:
        return None, None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def narrow(
    span: tuple[dt.date | None, dt.date | None], mod: str | None
) -> tuple[dt.date | None, dt.date | None]:
    """Early/mid/late a period: its first, middle or last third, which do not overlap ("early
    May" is May 1-10, "mid-May" 11-20, "late May" 21-31: a month's thirds as a reader counts
    them); the last third takes the days left over."""
    start, end = span
    if start is None or end is None or mod not in ("START", "MID", "END"):
        return span
    # a whole month is cut at its 10th and 20th; any other period in equal thirds (a first of
    # the month alone is a day, not a month: "late May Day" once gave May 21 to May 1)
    month = start.day == 1 and end == month_end(start.year, start.month)
    third = 10 if month else ((end - start).days + 1) // 3
    if third == 0:
        return span
    if mod == "START":
        return start, start + dt.timedelta(days=third - 1)
    if mod == "END":
        return start + dt.timedelta(days=2 * third), end
    return start + dt.timedelta(days=third), start + dt.timedelta(days=2 * third - 1)


def floating_holiday(name: str, year: int) -> dt.date:
    if name in ("easter", "good_friday"):
        day = easter(year)
        return day - dt.timedelta(days=2) if name == "good_friday" else day
    if name == "thanksgiving":  # fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "memorial_day":  # last Monday of May
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    if name == "election_day":  # US: the Tuesday after the first Monday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 1)
    if name == "labor_day":  # first Monday of September
        first = dt.date(year, 9, 1)
        return first + dt.timedelta(days=(7 - first.weekday()) % 7)
    raise KeyError(name)
