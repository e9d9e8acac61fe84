"""The days a sentence's own date gives its happening, read against the sentence's words.

A time expression names a day, a month or a year; the sentence's words widen or move it:
"has risen since March" runs up to the report, "next year" written in December is the year
ahead, "set for after the talks", "in the first half of May", "the day before the talks",
"a strike that ran for ten days". Each reading is a rule of `narrative_focus` (or of
`sentence_dating` for runs), applied here in one order for every explicitly dated part.
"""

from __future__ import annotations

import datetime as dt

from viewer.core.events.later_days import later_day
from viewer.core.events.narrative_focus import (
    before_the_span,
    month_half,
    next_year_ahead,
    run_end,
    set_for_after,
    up_to_the_report,
)
from viewer.core.events.report_day_periods import beside_the_report
from viewer.core.events.sentence_dating import Part
from viewer.core.model import Document
from viewer.core.timex import Timex

Day = dt.date | None


def explicit_window(doc: Document, sentence_start: int, text: str, part: Part,
                    durations: list[Timex], dated: tuple[Day, Day, str, Timex | None],
                    focus: Part | None) -> tuple[Day, Day]:
    """First and last day of a part dated by its own expression (`dated`: its earliest,
    latest, precision and expression), in the sentence `text` starting at `sentence_start`,
    with the narrative's `focus` as it stands before the sentence."""
    earliest, latest, precision, timex = dated
    earliest, latest = up_to_the_report(text, precision, earliest, latest, doc.date)
    if timex is not None:
        at = timex.start - sentence_start
        earliest, latest = beside_the_report(timex.text, earliest, latest, doc.date)
        if focus is not None and timex.anchor == "narrative":  # "A week later, …"
            earliest, latest = later_day(timex.text, earliest, latest,
                                         (focus.earliest, focus.latest))
        earliest, latest = next_year_ahead(text, at, timex, earliest, latest, doc.date,
                                           precision)
        earliest, latest = set_for_after(text, at, timex, earliest, latest,
                                         focus.earliest if focus else None)
        earliest, latest = month_half(text, at, earliest, latest, precision)
        if focus is not None and precision == focus.precision == "day":
            earliest, latest = before_the_span(text, timex, timex.end - sentence_start,
                                               earliest, latest,
                                               (focus.earliest, focus.latest))
    run = run_end(doc.text, (part.start, part.end), durations, text, earliest, precision)
    return earliest, (run if run is not None and latest is not None and run > latest
                      else latest)
