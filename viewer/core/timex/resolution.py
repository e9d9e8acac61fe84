"""From a rule's match to its value and the days it covers, reused where the words decide.

News repeats its expressions ("last week", "two days", "earlier this month"): a normaliser
that read nothing around its match (`Match.local`: not the text, the narrative's anchor or
year, nor the tense) gave a value that the same rule, words, groups and document date give
again, so `Resolver` keeps it, with the days it covers and how it moved the span's ends.
Checks that must read around the match first ("52 years old" is an age, not a duration)
are split off as gates (`GATED`) and run every time; what such a check learns from the
words alone is kept with the value, so a kept value needs no `Match` even then.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

from viewer.core.ingest.written_dates import MAX_DATE, MIN_DATE
from viewer.core.timex import normalize_dates as nd
from viewer.core.timex import normalize_durations as nu
from viewer.core.timex import normalize_spans as ns
from viewer.core.timex import normalize_words as nw
from viewer.core.timex.context import Anchor, Match, TenseIndex
from viewer.core.timex.lexicon import Lexicon, Rule
from viewer.core.timex.value_calendar import interval, narrow

Normaliser = Callable[[Match], nd.Result | None]

NORMALISERS: dict[str, Normaliser] = {
    "numeric_date": nd.numeric_date,
    "calendar_date": nd.calendar_date,
    "month_year": nd.month_year,
    "month": nd.month,
    "year": nd.year,
    "year_range_end": nd.year_range_end,
    "year_period": nd.year_period,
    "decade": nw.decade,
    "spelled_year": nw.spelled_year,
    "spelled_day": nw.spelled_day,
    "the_weekend": ns.the_weekend,
    "year_end": ns.year_end,
    "the_year": ns.the_year,
    "century": nw.century,
    "weekday": nd.weekday,
    "season": nd.season,
    "quarter": nd.quarter,
    "holiday": nd.holiday,
    "set_weekday": nd.set_weekday,
    "clock": ns.clock,
    "relative_part": ns.relative_part,
    "narrative_part": ns.narrative_part,
    "week_of": ns.week_of,
    "coordinated_day": ns.coordinated_day,
    "deictic_day": ns.deictic_day,
    "anaphoric": ns.anaphoric,
    "day_around": ns.day_around,
    "ago": ns.ago,
    "relative_period": ns.relative_period,
    "duration": nu.duration,
    "race_time": nu.race_time,
    "set_every": nu.set_every,
    "set_named": nu.set_named,
    "reference": ns.reference,
}

# Normalisers as a check on the text around the match (True: not this rule's expression)
# and the value it leaves to the words, run in that order: `NORMALISERS[norm]` does both.
# The check comes in two parts: what the match's own words and groups decide (kept with a
# value, as the value is; never None, which a kept entry of an ungated rule holds) and the
# reading of the text around it (run at every match).
GATED: dict[str, tuple[Callable[[Match], Any], Callable[[str, int, int, Any], bool],
                       Normaliser]] = {
    "duration": (nu.measure_plan, nu.measured, nu.duration_value),
}

# Normalisers that read the case of their words ("May" is a month, "may" a verb), directly
# or through another: their rules match the text itself, never the lowercased text with a
# folded pattern (`rule_folding`), whose groups are lowercase (`Match.raw` refuses them).
READS_CASE = frozenset({"calendar_date", "month_year", "month", "weekday", "spelled_year",
                        "spelled_day", "week_of", "clock", "day_around"})

Resolved = tuple[nd.Result, dt.date | None, dt.date | None]
# A resolution (None: the rule does not apply) and the new start and end of the span.
Placed = tuple[Resolved | None, int, int]

_MAX_KEPT = 50_000  # values remembered; news repeats a few thousand expressions


@functools.lru_cache(maxsize=8192)
def days(value: str, mod: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The days a DATE/TIME value covers, narrowed by its modifier: a pure function of the
    two, asked for nearly every expression, and news repeats its values."""
    return narrow(interval(value), mod)


def resolve(normaliser: Normaliser, context: Match) -> Resolved | None:
    """The value and the days it covers; None when the rule does not apply or the value
    would leave the supported calendar ("in 9000 years", "31 December 9999"): dates are
    total. The Result is shared once kept: callers never change it."""
    try:
        result = normaliser(context)
        if result is None:
            return None
        if result.explicit_span:
            earliest, latest = result.earliest, result.latest
        elif result.type in ("DATE", "TIME"):
            earliest, latest = days(result.value, result.mod)
        else:
            earliest = latest = None
    except (ValueError, OverflowError):
        return None
    # (`written_dates.in_range`, written out: it was a call for each end of each value)
    if (earliest is not None and not MIN_DATE <= earliest <= MAX_DATE) or (
            latest is not None and not MIN_DATE <= latest <= MAX_DATE):
        return None
    return result, earliest, latest


class Resolver:
    """Resolves rule matches for one lexicon, keeping the values only their words decide.

    The key is the rule, the matched text, its groups and the document date; what is kept
    is the resolution (or None) and the shifts of the span's ends. A kept value needs no
    `Match` at all, unless a gate must read around it; a kept None needs no gate either.
    A gated rule's kept entry also holds what its words tell the gate (`GATED`), so a
    later match of the same words needs no `Match` either: only the text around it is read.
    """

    __slots__ = ("_kept", "lex")

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        # (rule id, words, date): (groups, resolution, shifts of the span's start and end,
        # what the words tell a gated rule's gate, else None)
        self._kept: dict[tuple[Any, ...], tuple[tuple[Any, ...], Resolved | None, int, int,
                                                Any]] = {}

    def place(self, rule: Rule, hit: re.Match[str], text: str, start: int, end: int,
              dct: dt.date | None, anchor: Anchor | None, index: TenseIndex,
              year: tuple[dt.date, int] | None, hit_end: int | None = None) -> Placed:
        """The resolution of `hit` (its span trimmed to text[start:end]; `hit_end`: where
        it ends, if the caller has it) and the span's new ends (a normaliser may take a
        leading article out: "a two-year term")."""
        # The rule by identity (it lives as long as the lexicon: hashing a compiled pattern
        # hashes its whole program), the words and the date; the groups are compared, not
        # hashed (the same words nearly always have the same groups). The words as the text
        # writes them: a folded pattern's match is of the lowercased text (`rule_folding`).
        key = (id(rule), text[start : hit.end() if hit_end is None else hit_end], dct)
        groups = hit.groups()
        kept = self._kept.get(key)
        if kept is not None and kept[0] == groups:
            if kept[1] is None:
                return None, start, end  # the rule does not apply to these words, gated or not
            # A gated rule's entry holds what the same words tell its gate (never None), so
            # only the text around them is read again.
            if kept[4] is not None and GATED[rule.norm][1](text, start, end, kept[4]):
                return None, start, end
            return kept[1], start + kept[2], end + kept[3]
        # Groups that did not take part are None, which normalisers read as absent.
        context = Match(text, start, end, hit.groupdict(), dct, anchor, self.lex, index, year,
                        hit.string is not text)
        gated = GATED.get(rule.norm)
        plan = None
        if gated is not None:
            plan = gated[0](context)
            if gated[1](text, start, end, plan):
                return None, start, end
        resolved = resolve(gated[2] if gated else NORMALISERS[rule.norm], context)
        if context.local:
            if len(self._kept) >= _MAX_KEPT:
                self._kept.clear()
            self._kept[key] = (groups, resolved, context.start - start, context.end - end,
                               plan)
        return resolved, context.start, context.end
