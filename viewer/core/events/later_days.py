""""A week later" after a day is a day: the narrative's day moved on by that many weeks.

The tagger reads "a week later" as the calendar week it falls in, which is all it can say
without the day before it; the event stage knows that day (the narrative's focus), so a part
dated by such an expression right after a one-day focus takes the day itself, when it lies in
the week or month the tagger gave (`later_day`, `later_numbers` in resources/events.toml).
"""

from __future__ import annotations

import datetime as dt
import re

from viewer.core.events import cues
from viewer.core.timex.value_calendar import shift

_LATER = re.compile(cues.CUES.get("later_day", "(?!)"))
_NUMBERS: dict[str, int] = {k.lower(): int(v) for k, v in cues.CUES.get("later_numbers",
                                                                         {}).items()}

Day = dt.date | None


def later_day(expression: str, earliest: Day, latest: Day,
              focus: tuple[Day, Day] | None) -> tuple[Day, Day]:
    """The days of a part dated by `expression`: the one day it names counted from the
    narrative's one-day `focus` (its first and last day), or `earliest`..`latest` as they
    were when it is no such count or the day falls outside them."""
    if focus is None or focus[0] is None or focus[0] != focus[1] or earliest is None \
            or latest is None:
        return earliest, latest
    found = _LATER.fullmatch(expression)
    if found is None:
        return earliest, latest
    word = found["n"].lower()
    number = int(word) if word.isdigit() else _NUMBERS.get(word)
    if number is None:
        return earliest, latest
    day = shift(focus[0], "W" if found["unit"].lower() == "week" else "M", number)
    return (day, day) if earliest <= day <= latest else (earliest, latest)
