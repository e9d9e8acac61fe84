"""What a statement told on a day reports: the day it was told is not always the day of
the happening ("said on Monday they would boycott the vote on September 22"), and a "since"
date before the telling day starts the span that ends on it (`told_on`, `reported_perfect`
and the `since_*` cues in resources/events.toml). Read by `sentence_dating` for each
sentence's main part."""

from __future__ import annotations

import datetime as dt
import re

from viewer.core.events import cues
from viewer.core.events.cues import precision_of
from viewer.core.events.since_spans import origin_before
from viewer.core.timex import Timex

# Clause breaks, as `sentence_dating` reads them; a comma between digits is no break.
_CLAUSE = re.compile(r",(?!\d)|;|—|–| after | before | while | whereas | but ")

TOLD_ON = re.compile(rf"\b(?:{cues.alternation(cues.CUES.get('told_on', []))})\s+$")
TOLD_REACH = 1 + max(map(len, cues.CUES.get("told_on", ["said on"])))
_PERFECT = re.compile(rf"{cues.word_led(cues.CUES.get('reported_perfect', []))}\b")
_REPORTED_PRECISIONS = frozenset(("day", "weekend", "week", "month"))
_NOT_A_HAPPENING = frozenset((*cues.CUES.get("reporting", []),
                              *cues.CUES.get("reported_states", [])))
_WEEK = dt.timedelta(days=7)


def reported_date(text: str, dating: list[Timex], best: Timex, bounds: dict[int, str],
                  published: dt.date | None) -> Timex | None:
    """The date of the happening a statement reports, when `best` is only the day it was
    told ("said on Monday they would boycott the opening on September 22": the opening's day;
    "said on Friday that gunmen had detained two staff on Thursday": Thursday), or None: a
    day, week or month after the telling day in the same clause, later than it after a future
    ("would"), a day of the week before it after "had", a month before it after a verb in the
    simple past ("said on Tuesday that traffic tripled in July"), a deadline ahead after a
    future, or a day a count is told as of (`told_on`, `reported_perfect` in
    resources/events.toml)."""
    if (precision_of(best) != "day" or best.earliest is None or best.latest is None
            or (published is not None and best.latest > published)
            or not TOLD_ON.search(text, max(0, best.start - TOLD_REACH), best.start)):
        return None
    for other in dating[dating.index(best) + 1:]:
        kind = bounds.get(other.start)
        if (other.start < best.end or kind in ("since", "set for") or other.earliest is None
                or other.latest is None
                or (kind is None and precision_of(other) not in _REPORTED_PRECISIONS)):
            continue
        between = text[best.end:other.start]
        if _CLAUSE.search(between):
            return None  # "…, and the ministers will meet next week": a happening of its own
        if kind == "deadline":  # "said on Wednesday it would open four lanes by the 30th"
            return other if cues.FUTURE.search(between) else None
        if kind == "as of":  # "said on Sunday that by Wednesday night 1,310 had died"
            return other if other.latest < best.earliest else None
        if other.earliest > best.latest and cues.FUTURE.search(between):
            return other
        if (precision_of(other) == "day" and _PERFECT.search(between)
                and best.earliest - _WEEK <= other.latest < best.earliest):
            return other  # a day of the week before ("had accepted … in October" is not)
        if (precision_of(other) in _REPORTED_MONTHS and other.latest < best.earliest
                and _DURING.search(between) and _simple_past(between)):
            return other  # "said on Tuesday that traffic tripled in July"
        return None  # only the first date after the telling day can be the reported one
    return None


_REPORTED_MONTHS = frozenset(("month", "season"))
# the month the verb happened in, not a noun's ("the court's July order")
_DURING = re.compile(r"\b(?:in|during|throughout)\s+$")
_AFTER_HAD = re.compile(r"\bhad\s+(?:not\s+|already\s+|just\s+|been\s+)?$")
_HAD_REACH = 20


def _simple_past(between: str) -> bool:
    """A verb in the simple past that tells a happening ("tripled"; not "said", "was", nor a
    participle after "had")."""
    return any(past.group() not in _NOT_A_HAPPENING
               and not _AFTER_HAD.search(between, max(0, past.start() - _HAD_REACH),
                                         past.start())
               for past in cues.PAST.finditer(between))


def told_since(doc_text: str, text: str, offset: int, dating: list[Timex],
                origins: list[Timex], best: Timex, bounds: dict[int, str],
                told: Timex | None) -> Timex | None:
    """The "since" date that starts the span of a statement dated by the day it was told on
    or a count made as of ("had climbed to 1,340 since February 20, the agency said on
    Thursday"; `since_spans`), or None."""
    if (told is not None or best.earliest is None or precision_of(best) not in ("day", "time")
            or bounds.get(best.start) not in (None, "as of")):
        return None
    # (the candidates first: most sentences have none, and then the telling cue is not read)
    candidates = [*origins, *(t for t in dating if bounds.get(t.start) == "since")]
    if not candidates or (bounds.get(best.start) is None and not TOLD_ON.search(
            doc_text, max(0, best.start - TOLD_REACH), best.start)):
        return None
    return origin_before(text, offset, candidates, best.earliest)
