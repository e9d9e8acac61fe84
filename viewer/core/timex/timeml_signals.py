"""TimeML's reading of "three days later": the amount is the TIMEX3, "later" is a signal.

The tagger keeps "Three days later" as one dated expression, because the event stage dates
its sentence by that day. TimeML (and the corpora scored against it) annotates only the
amount, "three days", as a DURATION, and leaves "later"/"earlier" outside as a SIGNAL that
relates it to the event before. The `timex` command's TimeML outputs show that reading; the
app's own records are left as they are.

Only amounts under a year are read so: "a year earlier" in a results report names the
comparison period (the year-ago quarter), a date, not a stretch of time after an event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from viewer.core.timex.model import Timex

_SIGNALLED = re.compile(
    r"(?P<amount>.*?\b(?:minute|hour|day|week|month)s?)(?:\s+or\s+so)?\s+(?:later|earlier)",
    re.IGNORECASE)

Tag = Callable[[str, dt.date | None], list[Timex]]


def signalled_amount(timex: Timex, tag: Tag) -> Timex | None:
    """The DURATION TimeML annotates in `timex` when it is "<amount> later/earlier", else None.

    `tag` tags the amount's words alone (the tagger's own duration rules give its value).
    """
    if timex.rule != "ago":
        return None
    found = _SIGNALLED.fullmatch(timex.text)
    if found is None:
        return None
    words = found["amount"]
    amounts = [t for t in tag(words, None) if t.type == "DURATION" and t.end == len(words)]
    if not amounts:
        return None
    amount = amounts[-1]
    return Timex(timex.start + amount.start, timex.start + amount.end, amount.text,
                 "DURATION", amount.value, mod=amount.mod, anchor="none", rule=timex.rule)


def as_timeml(timexes: Iterable[Timex], tag: Tag) -> list[Timex]:
    """The expressions as TimeML annotates them (one pass; each checked once)."""
    return [signalled_amount(t, tag) or t for t in timexes]
