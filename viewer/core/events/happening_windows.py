"""How far a dated happening reaches past its own day: a reaction up to the report ("…
welcomed the pause", told days later) and a window ahead that its clause sets ("will publish
a list within two weeks"). Read by the sentence loop (`document_extraction`) for each part
that `sentence_dating` dates."""

from __future__ import annotations

import datetime as dt
import re

from viewer.core.events import cues
from viewer.core.timex import Timex
from viewer.core.timex.value_calendar import shift


def reaction_end(text: str, precision: str, latest: dt.date | None,
                 published: dt.date | None) -> dt.date | None:
    """A reaction inheriting an earlier news day may have come on any day up to the report,
    and "… since." runs up to it: the interval ends on the publication date (`reaction`,
    `since_then` in resources/events.toml)."""
    if (published is not None and latest is not None and latest < published
            and precision in ("day", "time")
            and (cues.is_reaction(text) or cues.SINCE_THEN.search(text))):
        return published
    return latest


_AMOUNT = re.compile(r"P(\d+)([DWMY])")


def window_end(text: str, start: int, end: int, durations: list[Timex], sentence: str,
               base: dt.date | None, precision: str) -> dt.date | None:
    """The last day of a window ahead that the clause sets for its happening ("within two
    weeks", "over the next three weeks", "has seven days to"): counted from the day the
    happening is dated by (`window_*` in resources/events.toml), or None."""
    if base is None or precision not in ("day", "time"):
        return None
    for duration in durations:
        if not start <= duration.start < end:
            continue
        amount = _AMOUNT.fullmatch(duration.value)
        if amount is None or (duration.earliest is not None and duration.earliest < base):
            continue  # "over the previous three weeks" looks back
        if cues.WINDOW_AFTER.match(text, duration.end):
            continue  # "within 30 days after that": counted from a day the clause leaves open
        lo = max(start, duration.start - cues.WINDOW_REACH)
        opened = cues.WINDOW_BEFORE.search(text, lo, duration.start) or (
            cues.WINDOW_HAS.search(text, lo, duration.start)
            and cues.WINDOW_TO.match(text, duration.end))
        if opened and (cues.future_in(sentence) or cues.PLEDGE.search(sentence)
                       or cues.WINDOW_HAS.search(text, lo, duration.start)):
            return shift(base, amount.group(2), int(amount.group(1)))
    return None

