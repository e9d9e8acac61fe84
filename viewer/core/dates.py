"""Parse whole calendar dates written by people ("17 February 2026", "2026-02-17").

Used for metadata (sidecar, header lines, front matter, page meta tags), where only a full
day/month/year is acceptable: a bare "2026" must not become 1 January.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateutil_parser

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


def parse_full_date(value: str) -> dt.date | None:
    """A date with day, month and year all written, else None."""
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
    try:
        one = dateutil_parser.parse(value, default=dt.datetime(2001, 1, 1), dayfirst=True)
        two = dateutil_parser.parse(value, default=dt.datetime(2002, 2, 2), dayfirst=True)
    except (ValueError, OverflowError):
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
