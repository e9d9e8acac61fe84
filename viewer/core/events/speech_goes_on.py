"""Words that go on with the statement before them span the days that statement spans.

A statement told without a day of its own that answers the news spans the news day and the
report (`reaction_end`); a quotation or an "He added …" right after it continues the same
telling, so it spans them too, although its own words ("followed its own calendar") do not
read as a reaction (`speech_goes_on` in resources/events.toml).
"""

from __future__ import annotations

import datetime as dt
import re

from viewer.core.events import cues

_GOES_ON = re.compile(cues.CUES.get("speech_goes_on", "(?!)"))


def goes_on_until(text: str, stretched: bool, latest: dt.date | None,
                  report: dt.date | None) -> dt.date | None:
    """The last day of a sentence `text` inherited up to `latest`: the report's day when it
    goes on with the sentence just before it (`stretched`: that one spanned to the report),
    else `latest`. Reads only the sentence's opening."""
    if stretched and report is not None and latest != report and _GOES_ON.match(text):
        return report
    return latest
