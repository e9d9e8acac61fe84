"""Parse whole calendar dates written by people ("17 February 2026", "2026-02-17").

Used for metadata (sidecar, header lines, front matter, page meta tags), where only a full
day/month/year is acceptable: a bare "2026" must not become 1 January.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
#: A full written date anywhere in a line: ISO, "17 February 2026", "Feb. 17, 2026".
FULL_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_WEEKDAY}{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)


#: Dates the app works with. Arithmetic on a date near either end (a day, a week, a year
#: around it) must never overflow, so the range stops short of `datetime`'s own limits.
MIN_DATE = dt.date(2, 1, 1)
MAX_DATE = dt.date(9998, 12, 31)


def in_range(day: dt.date | None) -> bool:
    return day is not None and MIN_DATE <= day <= MAX_DATE


def clamp(day: dt.date) -> dt.date:
    """`day` moved into the supported range."""
    return min(max(day, MIN_DATE), MAX_DATE)


def parse_iso_day(value: str | None) -> dt.date | None:
    """A stored YYYY-MM-DD value, or None when it is missing, malformed or out of range."""
    try:
        day = dt.date.fromisoformat(value or "")
    except ValueError:
        return None
    return day if in_range(day) else None


def parse_full_date(value: str) -> dt.date | None:
    """A date with day, month and year all written, inside the supported range, else None."""
    found = _parse_full_date(value)
    return found if in_range(found) else None


def _parse_full_date(value: str) -> dt.date | None:
    value = value.strip().strip("\"'")
    if not value:
        return None
    iso = _ISO.match(value)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    if not re.search(r"\d{4}", value) or not re.search(r"[A-Za-z]{3}|\d{1,2}[/.]\d", value):
        return None
    # Parse with two different defaults: a field that differs was not in the text.
    # (The parser is imported here: a snapshot's open reads stored days only, and importing
    # it cost some 20 ms before the first paint.)
    from dateutil import parser as dateutil_parser

    try:
        one = dateutil_parser.parse(value, default=dt.datetime(2001, 1, 1), dayfirst=True)
        two = dateutil_parser.parse(value, default=dt.datetime(2002, 2, 2), dayfirst=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if one.date() != two.date():
        return None
    return one.date()


def find_full_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first full date written in `text`, with its span."""
    for match in FULL_DATE.finditer(text):
        found = parse_full_date(match.group(0))
        if found is not None:
            return found, match.start(), match.end()
    return None
