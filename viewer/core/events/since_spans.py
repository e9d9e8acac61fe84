"""How far a "since" reaches (`since_*` in resources/events.toml).

A "since" date is a bound, not the day of the happening. Two readings of it are a span: a
process told in the perfect without a running total ("have discussed a second bridge since
2019") lasts from that month or year to the report, and a statement told on a day, or a count
made as of one ("have grown since February, the agency said on Tuesday"), covers the days from
the "since" date to that day. A superlative before "since" ("the first launch since January")
compares and does not last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from viewer.core.events import cues
from viewer.core.timex import Timex

_PERFECT = re.compile(rf"\b(?:{cues.alternation(cues.CUES.get('since_perfect', []))})\b",
                      re.IGNORECASE)
_SUPERLATIVE = re.compile(
    rf"\b(?:{cues.alternation(cues.CUES.get('since_superlatives', []))})\b[^,;]{{0,40}}"
    rf"\bsince\b[^,;]{{0,40}}$", re.IGNORECASE)
_REACH = 90  # a superlative, up to 40 characters, "since", up to 40 characters
_COUNT = re.compile(r"\d")
ORIGIN_PRECISIONS = frozenset(("month", "season", "quarter", "half", "year"))


def _lasting(text: str, at: int) -> bool:
    """The "since" before offset `at` of `text` follows no superlative."""
    return _SUPERLATIVE.search(text, max(0, at - _REACH), at) is None


def lasting_origin(text: str, offset: int, origins: list[Timex],
                   published: dt.date | None) -> Timex | None:
    """The month or year a sentence without any other date lasts from, up to the report ("The
    two unions have argued over night shifts since 2021"), or None: the perfect, no
    superlative, and no figure before the date (a running total is the report's figure).
    `offset` is where `text` starts in the document."""
    if published is None or not origins or _PERFECT.search(text) is None:
        return None
    figure = _COUNT.search(text)
    for origin in origins:
        at = origin.start - offset
        if (origin.earliest is not None and origin.earliest <= published
                and (figure is None or figure.start() >= at) and _lasting(text, at)):
            return origin
    return None


def origin_before(text: str, offset: int, candidates: Iterable[Timex],
                  day: dt.date) -> Timex | None:
    """The earliest "since" date before `day` (the day the sentence is told on, or counted as
    of) that starts the span ending on it, or None. The sentence must tell a process in the
    perfect ("had climbed to 1,340 since February 20")."""
    found: Timex | None = None
    perfect: bool | None = None
    for origin in candidates:
        if (origin.earliest is None or origin.latest is None or origin.latest >= day
                or not _lasting(text, origin.start - offset)):
            continue
        if perfect is None:
            perfect = _PERFECT.search(text) is not None
        if not perfect:
            return None
        if found is None or (found.earliest is not None and origin.earliest < found.earliest):
            found = origin
    return found
