"""Which dates the narrative goes on with, beside the news day (see `document_events`).

Kept apart from the sentence loop so each rule reads on its own: a background month does not
become the narrative's date, and a plan's date carries to the future sentences after it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol, TypeVar

from viewer.core.events import cues
from viewer.core.timex import Timex
from viewer.core.timex.value_calendar import shift

_COMMA = re.compile(",")
# A past perfect after the plan's future ("would honour the deal, but had not agreed to
# disarm") reports a stance on what was already settled, told on the news day.
_PERFECT = re.compile(rf"{cues.word_led(cues.CUES.get('reported_perfect', []))}\b")


class _Dated(Protocol):
    """A dated part of a sentence, as the event stage splits one."""

    @property
    def timex(self) -> Timex | None: ...
    @property
    def earliest(self) -> dt.date | None: ...
    @property
    def precision(self) -> str: ...
    @property
    def bounded(self) -> bool: ...


P = TypeVar("P", bound=_Dated)


def told_day(parts: list[P], published: dt.date | None) -> P:
    """The part the narrative goes on from: the first, unless it lies ahead of the report
    and a later part names the past day it was told on ("… will walk out next Tuesday,
    their union said on Wednesday"): the story's news day is the telling's."""
    first = parts[0]
    if published is None or first.earliest is None or first.earliest <= published:
        return first
    return next((p for p in parts[1:] if p.timex is not None and not p.bounded
                 and p.earliest is not None and p.earliest <= published
                 and p.precision == "day"), first)
_RUN_BEFORE = re.compile(rf"\b(?:{cues.alternation(cues.CUES.get('run_before', []))})\s+$",
                         re.IGNORECASE)
_RUN_REACH = 1 + max(map(len, cues.CUES.get("run_before", ["for"])))
_AMOUNT = re.compile(r"P(\d+)([DWMY])|PT(\d+)H")
_SPREAD_BEFORE = re.compile(
    rf"\b(?:{cues.alternation(cues.CUES.get('spread_before', []))})\s+$", re.IGNORECASE)
_SPREAD_LEADS = re.compile(
    rf"(?:{cues.alternation(cues.CUES.get('spread_before', []))})\s", re.IGNORECASE)
_SPREAD_REACH = 1 + max(map(len, cues.CUES.get("spread_before", ["over"])))
_DAYS = re.compile(r"P([2-7])D")
_OF = re.compile(r"\s+of\b")
_CLAUSE_BREAK = re.compile(r",(?!\d)|;|—|–| after | before | while | whereas | but ")
_SPREAD_ENDS = re.compile(rf"{cues.word_led(cues.CUES.get('spread_ends', []))}\b",
                          re.IGNORECASE)


def background(precision: str, latest: dt.date | None, news_day: dt.date | None) -> bool:
    """A week, a month or a year wholly before the story's news day ("after the bloc imposed
    duties in October 2024", "a recount, carried out last week, had found") is background:
    the sentences after it go on with the news."""
    return (news_day is not None and latest is not None
            and cues.RANK[precision or "fuzzy"] >= cues.RANK["week"] and latest < news_day)


def continues_plan(text: str, focus: dt.date | None, published: dt.date | None) -> bool:
    """A sentence about the future without a date of its own, in the paragraph of a happening
    planned after the report ("Mediators invited both sides to Cairo next week. The United
    States is expected to send its envoy."), tells more of that plan and takes its date. The
    future must be the sentence's own: no past happening before it ("said the company had
    not cut jobs and did not plan to"; a verb of saying is no happening), and not inside a
    relative clause (", which would let it keep the duties"), nor followed by a past perfect
    ("said the group would keep its word but had not agreed to disarm": a stance told on
    the day, not more of the plan)."""
    if focus is None or published is None or focus <= published:
        return False
    future = cues.future_in(text)
    if future is None:
        return False
    head = text[: future.start()]
    if any(cues.RELATIVE.match(head, comma.end()) for comma in _COMMA.finditer(head)):
        return False
    return all(cues.REPORTING.fullmatch(past.group()) for past in cues.PAST.finditer(head)) and (
        _PERFECT.search(text, future.end()) is None)



def up_to_the_report(text: str, precision: str, earliest: dt.date | None,
                     latest: dt.date | None, published: dt.date | None
                     ) -> tuple[dt.date | None, dt.date | None]:
    """A happening told as done cannot lie after its report: a year that runs past the report
    ("has now caused 61,400 cases this year", "recorded 74,900 cases in 2026" in a November
    article) ends at the report when the sentence tells a past happening (a verb of saying
    alone is none: "The rains are heavy this year," he said) and nothing ahead. Months and
    weeks are left whole: "in March" told in March is read as the month."""
    if (published is None or earliest is None or latest is None or precision != "year"
            or not earliest <= published < latest or cues.future_in(text) is not None):
        return earliest, latest
    if any(cues.REPORTING.fullmatch(past.group()) is None for past in cues.PAST.finditer(text)):
        return earliest, published
    return earliest, latest


_AHEAD = re.compile(rf"{cues.word_led(cues.CUES.get('ahead_modals', []))}\b")
_AHEAD_PRECISIONS = frozenset(("month", "season"))


def next_year_ahead(text: str, at: int, timex: Timex, earliest: dt.date | None,
                    latest: dt.date | None, published: dt.date | None, precision: str
                    ) -> tuple[dt.date | None, dt.date | None]:
    """A month or season without its year that the tagger put before the report, although
    the clause's verb lies ahead ("would present a proposal in the spring", "could start in
    March", told in November; `ahead_modals` in resources/events.toml): the next one. `at` is
    where the date starts in the sentence's `text`; the verb is the last cue before it, with
    no past verb between them."""
    if (published is None or earliest is None or latest is None or latest >= published
            or precision not in _AHEAD_PRECISIONS or cues.YEAR.search(timex.text)):
        return earliest, latest
    modal = max((m.end() for m in _AHEAD.finditer(text, 0, at)), default=None)
    if modal is None or cues.PAST.search(text, modal, at) is not None:
        return earliest, latest
    day = dt.timedelta(days=1)
    return shift(earliest, "Y", 1), shift(latest + day, "Y", 1) - day


def run_end(text: str, span: tuple[int, int], durations: list[Timex], sentence: str,
            start: dt.date | None, precision: str) -> dt.date | None:
    """The last day of a plan that starts on a day and runs for a while ("are due to apply
    from April 1 for five years": to March 31 five years on; "will walk out for 48 hours
    from 6 a.m. next Tuesday": Tuesday and Wednesday), or None: a duration of whole days or
    more in the part (`span`, offsets into `text`), just after `run_before`, in a sentence
    about the future."""
    if start is None or precision not in ("day", "time") or cues.future_in(sentence) is None:
        return None
    for duration in durations:
        amount = _AMOUNT.fullmatch(duration.value)
        if not span[0] <= duration.start < span[1] or amount is None:
            continue
        if not _RUN_BEFORE.search(text, max(0, duration.start - _RUN_REACH), duration.start):
            continue
        if amount.group(3) is not None:  # hours: only whole days ("48 hours")
            hours = int(amount.group(3))
            if hours % 24:
                continue
            return start + dt.timedelta(days=hours // 24 - 1)
        return shift(start, amount.group(2), int(amount.group(1))) - dt.timedelta(days=1)
    return None


def spread_start(text: str, span: tuple[int, int], durations: list[Timex], sentence: str,
                 day: dt.date | None, precision: str, anchor: int) -> dt.date | None:
    """The first day of a past happening spread "over two days" (up to a week), or "two days
    of talks" that "ended" on the day it is dated by, or None (`spread_before`,
    `spread_ends` in resources/events.toml). "Two days of" must be in the clause of `anchor`
    (the date's offset, else the part's start): "agreed on Wednesday …, after two days of
    talks ended" is dated by the agreement alone."""
    if day is None or precision not in ("day", "time") or cues.past_in(sentence) is None:
        return None
    for duration in durations:
        days = _DAYS.fullmatch(duration.value)
        if not days or not span[0] <= duration.start < span[1]:
            continue
        lo, hi = sorted((anchor, duration.start))
        if (_SPREAD_BEFORE.search(text, max(0, duration.start - _SPREAD_REACH), duration.start)
                or _SPREAD_LEADS.match(duration.text)  # "over two days" read whole
                or (_OF.match(text, duration.end) and _SPREAD_ENDS.search(sentence)
                    and not _CLAUSE_BREAK.search(text, lo, hi))):
            return day - dt.timedelta(days=int(days.group(1)) - 1)
    return None


_STEP = re.compile(rf"{cues.word_led(cues.CUES.get('possible_steps', []))}\b")
_TELLERS = frozenset((*cues.CUES.get("reporting", []), *cues.CUES.get("reported_states", []),
                      *cues.CUES.get("possible_tellers", [])))
_QUOTES = cues.QUOTE_MARKS


def possible_step(text: str) -> bool:
    """The sentence's own verb is a possible step ("Brussels could also restrict landings",
    "Officials said the agency is considering a third round"): outside a quotation, and no
    happening told in the past before it (`possible_steps` in resources/events.toml). Such a
    step without a date of its own is undated; the caller checks the modality too."""
    step = _STEP.search(text)
    if step is None or len(_QUOTES.findall(text, 0, step.start())) % 2:
        return False
    return all(past.group() in _TELLERS for past in cues.PAST.finditer(text, 0, step.start()))


_CONDITION = re.compile(cues.CUES.get("conditional_plans", "(?!)"))


def conditional_plan(text: str) -> bool:
    """A plan told with a condition after its future, the future outside a quotation ("Ankara
    said the pause would end early if attacks resumed"; `conditional_plans` in
    resources/events.toml). Without a day of its own or the narrative's it is undated: the
    report's day is only when it was told. One pass: the quotes are counted as the futures
    are met."""
    if cues.future_in(text) is None:  # (most sentences: no pass at all)
        return False
    quotes, scanned = 0, 0
    for future in cues.FUTURE.finditer(text):
        quotes += sum(1 for _ in _QUOTES.finditer(text, scanned, future.start()))
        scanned = future.start()
        if quotes % 2 == 0:
            return _CONDITION.search(text, future.end()) is not None
    return False


_AT_THE_HAPPENING = re.compile(rf"{cues.word_led(cues.CUES.get('at_the_happening', []))}\b")


def at_the_happening(text: str) -> bool:
    """Words said at the happening itself ("told delegates", "told reporters after the final
    session"; `at_the_happening` in resources/events.toml): that day's, not a reaction that
    may have come on any day up to the report."""
    return _AT_THE_HAPPENING.search(text) is not None


_AT_THE_END = re.compile(rf"{cues.word_led(cues.CUES.get('at_the_end', []))}\b")


def at_the_end(text: str) -> bool:
    """Words said as the happening closed ("told reporters at the end of the talks";
    `at_the_end` in resources/events.toml), or its end told ("The talks ended with a joint
    appeal"; `spread_ends`): the last of its days."""
    return _AT_THE_END.search(text) is not None or _SPREAD_ENDS.search(text) is not None


_OPENING_QUOTE = re.compile(r"\s*[“\"«‘]")


def opens_quote(text: str) -> bool:
    """The sentence opens with a quotation ("“The people of the valley breathe this
    traffic,” she said."): right after a statement dated to its day it goes on with that
    statement, so it is not stretched to the report as a reaction."""
    return _OPENING_QUOTE.match(text) is not None


def told_since_the_news(text: str, news_day: dt.date | None, published: dt.date | None) -> bool:
    """A statement or reaction with no day of its own that the narrative does not carry (a
    paragraph on, or told in a tense the news day does not reach: "Cambodia's minister called
    the agreement a first step", "“We were offered less,” said the negotiator") came on a day
    from the story's news day to the report: a verb of saying or reacting (`reporting`,
    `reaction` in resources/events.toml), nothing ahead but in a quotation or after a verb of
    reacting, and a news day before the report."""
    if news_day is None or published is None or not news_day < published:
        return False
    reaction = cues.reaction_in(text)
    if reaction is None and cues.reporting_in(text) is None:
        return False
    if cues.future_in(text) is None:  # nothing ahead to answer for
        return True
    return all(_answered(text, future.start(), reaction)
               for future in cues.FUTURE.finditer(text))


def _answered(text: str, at: int, reaction: re.Match[str] | None) -> bool:
    """The future at `at` belongs to what was said in answer to the news, not to the
    sentence's own telling: inside a quotation ("“Every death will be accounted for,” he
    told reporters") or after a verb of reacting ("accused Beijing … and said the bloc would
    study the ruling"). After a plain "said" it may be a plan or forecast told on the
    report's day ("said any plan … would be rejected")."""
    return (reaction is not None and reaction.start() < at) or len(
        _QUOTES.findall(text, 0, at)) % 2 == 1


_WEEK = dt.timedelta(days=7)
_DIGIT = re.compile(r"\d")


def set_for_after(text: str, at: int, timex: Timex, earliest: dt.date | None,
                  latest: dt.date | None, focus_day: dt.date | None
                  ) -> tuple[dt.date | None, dt.date | None]:
    """A weekday that a happening called off or put off had been set for ("called off a rally
    her alliance had planned for Sunday"; `planned_for`, `called_off` in
    resources/events.toml) lies after the narrative's day (`focus_day`) on which it was called
    off: one the tagger put before that day, reading the sentence's past, moves on a week.
    `at` is where the date starts in the sentence's `text`."""
    if (focus_day is None or earliest is None or latest is None or earliest >= focus_day
            or earliest != latest or earliest + _WEEK < focus_day
            or _DIGIT.search(timex.text)  # "planned for March 3" says its own day
            or not cues.PLANNED_FOR.search(text, max(0, at - cues.PLANNED_REACH), at)
            or cues.CALLED_OFF.search(text) is None):
        return earliest, latest
    return earliest + _WEEK, latest + _WEEK


def month_half(text: str, at: int, earliest: dt.date | None, latest: dt.date | None,
               precision: str) -> tuple[dt.date | None, dt.date | None]:
    """A month after "the first half of" is its 1st–15th, after "the second half of" its
    16th–last (`first_half`, `second_half` in resources/events.toml); `at` is where the month
    starts in the sentence's `text`."""
    if precision != "month" or earliest is None or latest is None:
        return earliest, latest
    lo = max(0, at - cues.HALF_REACH)
    if cues.FIRST_HALF.search(text, lo, at):
        return earliest, earliest.replace(day=15)
    if cues.SECOND_HALF.search(text, lo, at):
        return earliest.replace(day=16), latest
    return earliest, latest


_BEFORE_THE_HAPPENING = re.compile(
    rf"(?:{cues.alternation(cues.CUES.get('before_the_happening', []))})$", re.IGNORECASE)
_DAY_OF_THE_HAPPENING: dict[str, int] = {
    words: int(n) for words, n in cues.CUES.get("day_of_the_happening", {}).items()}
_END_REACH = 40  # characters after the expression in which its happening's end may be named
_DAY = dt.timedelta(days=1)


def before_the_span(text: str, timex: Timex, at: int, earliest: dt.date | None,
                    latest: dt.date | None, span: tuple[dt.date | None, dt.date | None]
                    ) -> tuple[dt.date | None, dt.date | None]:
    """"The day before the talks opened", told after talks "on Monday and Tuesday" (`span`,
    the narrative's days): the day before the first of them, where the tagger counted from
    the last; not when the words after it name the end ("the day before the talks ended";
    `before_the_happening`, `spread_ends` in resources/events.toml). "The second day" of
    them is counted from the first too (`day_of_the_happening`). `at` is where the
    expression ends in the sentence's `text`."""
    first, last = span
    if (first is None or last is None or earliest is None or earliest != latest
            or not first < last):
        return earliest, latest
    nth = _DAY_OF_THE_HAPPENING.get(timex.text.lower())
    if nth is not None:  # "the second day" of talks over several days
        day = first + dt.timedelta(days=nth)
        return day, day
    if (earliest != last - _DAY or _BEFORE_THE_HAPPENING.search(timex.text) is None
            or _SPREAD_ENDS.search(text, at, at + _END_REACH) is not None):
        return earliest, latest
    return first - _DAY, first - _DAY


def flashback(timex: Timex, first: dt.date | None, last: dt.date | None) -> bool:
    """"The day before the talks opened, farmers blocked the bridge.": a day counted back from
    the happening the narrative tells over several days (`first`..`last`) looks back from it,
    and the narrative goes on with the happening (`before_the_happening` in
    resources/events.toml)."""
    return (first is not None and last is not None and first < last
            and _BEFORE_THE_HAPPENING.search(timex.text) is not None)


def future_of_its_own(text: str) -> bool:
    """The sentence tells something ahead: a future cue with no past happening told before
    it. "The two ministers agreed that the kingdom would fund fuel" and "They did not allege
    fraud, but said they would explain" tell a past happening first, whose reported clause
    looks ahead: the narrative's day still reaches them. A verb of saying or reacting ("said
    the bloc would study the ruling") or a past verb inside a quotation is no such
    happening."""
    future = cues.future_in(text)
    if future is None:
        return False
    quotes, scanned = 0, 0  # quotation marks before `scanned`, counted once (one pass)
    for past in cues.PAST.finditer(text, 0, future.start()):
        word = past.group()
        if cues.REPORTING.fullmatch(word) or cues.REACTION.fullmatch(word):
            continue
        quotes += len(_QUOTES.findall(text, scanned, past.start()))
        scanned = past.start()
        if quotes % 2 == 0:
            return False
    return True
