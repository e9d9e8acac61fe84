"""Normalisers for relative, anaphoric, clock, duration, set and reference expressions."""

from __future__ import annotations

import datetime as dt
import functools
import re

from viewer.core.timex.context import Match
from viewer.core.timex.normalize_dates import Result, calendar_date, season_around, weekday
from viewer.core.timex.normalize_durations import (
    TIME_UNITS,
    approx_mod,
    number_of,
    period,
    unit_code,
    unit_of,
)
from viewer.core.timex.value_calendar import interval, shift, value_for


def clock(m: Match) -> Result | None:
    word = m.g("word")
    if word:
        hour, minute = (12, 0) if word in ("noon", "midday") else (24, 0)
    else:
        hour_word = m.g("hour") or "0"
        hour = int(hour_word) if hour_word.isdigit() else int(m.lex.numbers.get(hour_word, 0))
        minute = int(m.g("minute") or 0)
        ampm = (m.g("ampm") or "").replace(".", "")
        if m.g("daypart") in ("afternoon", "evening") and hour < 12:
            ampm = "pm"  # "eight in the evening"
        elif m.g("daypart") == "morning" and hour == 12:
            ampm = "am"
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
    for later in ("weekday2", "weekday3"):  # "10:35 a.m. (0735 GMT) Friday", "(04:30 GMT) on"
        if m.g(later) and not m.g("weekday"):
            m.groups["weekday"] = m.groups[later]
    day = m.dct
    anchor = "dct"
    near = m.anchor
    if near is not None and near.unit == "D" and m.start - near.end < _CLOCK_REACH and (
            "\n\n" not in m.text[near.end : m.start]):
        # "The rally was held on Saturday. Police fired at 10 p.m.": the narrative's day.
        day, anchor = near.day, "narrative"
    if m.g("month") and m.g("day"):
        from viewer.core.timex.normalize_dates import pick_year

        number = m.lex.months[m.g("month") or ""]
        date_day = int(re.sub(r"\D", "", m.g("day") or "0"))
        year = pick_year(m, number, date_day)
        if year is not None:
            try:
                day, anchor = dt.date(year, number, date_day), "dct"
            except ValueError:
                return None
    elif m.g("weekday"):
        resolved = weekday(m)
        if resolved is None:
            return None
        if m.dct is not None:
            day = dt.date.fromisoformat(resolved.value[:10])
    if day is None:
        return Result("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", anchor="none")
    # A bare clock time names no day of its own, so it does not move the narrative's day.
    own_day = bool(m.g("weekday") or m.g("day"))
    return Result("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", anchor=anchor,
                  sets_anchor=own_day)


_CLOCK_REACH = 400  # characters: a clock time belongs to a day named a few sentences before
_NEWS_WEEK = dt.timedelta(days=7)


def relative_part(m: Match) -> Result | None:
    word = m.g("word") or ""
    part = m.lex.parts[m.g("part") or "morning"]
    if m.dct is None:
        return Result("TIME", f"XXXX-XX-XXT{part}", anchor="none")
    offset = {"last": -1 if part == "NI" else 0, "yesterday": -1, "tomorrow": 1,
              "late last": -1}.get(word, 0)
    if word == "last" and part != "NI":
        offset = -1
    day = m.dct + dt.timedelta(days=offset)
    return Result("TIME", f"{day.isoformat()}T{part}", anchor="dct")


def narrative_part(m: Match) -> Result | None:
    """"By mid-afternoon" is a time of the day being told: the narrative's latest day when
    it named one, else the document's; "mid-afternoon yesterday" names its day."""
    part = m.lex.parts[m.g("part") or "morning"]
    mod = "MID" if m.g("mod") else None
    word = m.g("word")
    if word or m.anchor is None or m.anchor.unit != "D":
        if m.dct is None:
            return Result("TIME", f"XXXX-XX-XXT{part}", mod=mod, anchor="none")
        offset = {"yesterday": -1, "tomorrow": 1}.get(word or "", 0)
        day, kind = m.dct + dt.timedelta(days=offset), "dct"
    else:
        day, kind = m.anchor.day, "narrative"
    return Result("TIME", f"{day.isoformat()}T{part}", mod=mod, anchor=kind, sets_anchor=False)


def week_of(m: Match) -> Result | None:
    """"The week of March 6" names the calendar week holding that day."""
    day = calendar_date(m)
    if day is None or "X" in day.value:
        return day
    return Result("DATE", value_for(dt.date.fromisoformat(day.value), "W"), anchor=day.anchor)


def coordinated_day(m: Match) -> Result | None:
    """"April 24 and 25": a later day of the month the date just before it named."""
    near = m.anchor
    if (near is None or near.unit != "D"
            or not re.fullmatch(r"\s*(?:and|&|or)\s*", m.text[near.end : m.start])):
        return None
    day = int(m.g("day") or 0)
    if day <= near.day.day:
        return None
    try:
        return Result("DATE", near.day.replace(day=day).isoformat(), anchor="narrative")
    except ValueError:
        return None


_DEICTIC_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": -1,
                    "the day before yesterday": -2, "the day after tomorrow": 2}


def deictic_day(m: Match) -> Result | None:
    word = " ".join((m.g("word") or "").split())
    if m.dct is None:
        return Result("DATE", "XXXX-XX-XX", anchor="none")
    day = m.dct + dt.timedelta(days=_DEICTIC_OFFSETS[word])
    if word == "tonight":
        return Result("TIME", f"{day.isoformat()}TNI", anchor="dct")
    if word == "overnight":
        near, end, kind = m.anchor, m.dct, "dct"
        # (a plan's day ahead is no night the story has reached: the report's night stands)
        if near is not None and near.unit == "D" and m.start - near.end < _CLOCK_REACH and (
                near.day <= m.dct) and (
                "\n\n" not in m.text[near.end : m.start]
                or dt.timedelta(0) <= m.dct - near.day <= _NEWS_WEEK):
            # "Shares closed lower Friday after overnight losses": the night before that day;
            # across a paragraph break only a day of the report's week (the story's news day
            # goes on, a background date named a paragraph before does not).
            end, kind = near.day, "narrative"
        return _overnight(end, kind)
    return Result("DATE", day.isoformat(), anchor="dct")


@functools.lru_cache(maxsize=1024)
def _overnight(end: dt.date, kind: str) -> Result:
    """"Overnight" ending on `end` (the document's day or the narrative's): the words and
    their day decide it, and news repeats both, so each is made once (Results are shared,
    never changed: `resolution.resolve`)."""
    day = end - dt.timedelta(days=1)
    return Result("TIME", f"{day.isoformat()}TNI", anchor=kind, earliest=day, latest=end,
                  explicit_span=True, sets_anchor=kind == "dct")


def anaphoric(m: Match) -> Result | None:
    """"The day before", "that week", "the first day": against the narrative's latest date."""
    words = " ".join((m.g("word") or "").split())
    base = m.anchor.day if m.anchor else m.dct
    precision = m.anchor.unit if m.anchor else "D"
    kind = "narrative" if m.anchor else "dct"
    if base is None:
        return Result("DATE", "XXXX-XX-XX", anchor="none")
    found = re.search(r"\b(day|week|month|quarter|year|morning|night|evening|weekend|eve)\b",
                      words)
    unit_word = found.group(1) if found else "day"
    if unit_word == "year" and m.year is not None and (m.anchor is None
                                                       or m.year[1] > m.anchor.end):
        base, precision, kind = m.year[0], "Y", "narrative"  # "in 1988 … that year"
    if words.startswith(("the first", "the opening", "the second", "the final", "the last")):
        if precision != "D":
            return Result("DATE", value_for(base, precision), anchor=kind)
        # Counted from the day the narrative named; with none named, the report tells the
        # day it is ("It is the second day of the strike" is the report's day).
        step = 1 if words.startswith("the second") and m.anchor is not None else 0
        return Result("DATE", (base + dt.timedelta(days=step)).isoformat(), anchor=kind)
    if words == "the eve":
        return Result("DATE", (base - dt.timedelta(days=1)).isoformat(), anchor=kind)
    after = m.text[m.end : m.end + 12]
    if (m.anchor is not None and precision == "D" and 0 < m.start - m.anchor.end < 8
            and re.fullmatch(r",\s*", m.text[m.anchor.end : m.start])
            and re.match(r"\s+(?:the\s+)?[a-z]", after)):
        # "Oct. 12, the day before the crash": an apposition renames the date just given.
        return Result("DATE", base.isoformat(), anchor=kind)
    step = 0
    if re.search(r"\b(before|earlier|previous|preceding)\b", words):
        step = -1
    elif re.search(r"\b(after|later|next|following)\b", words):
        step = 1
    if unit_word in m.lex.parts:
        day = base + dt.timedelta(days=step)
        return Result("TIME", f"{day.isoformat()}T{m.lex.parts[unit_word]}", anchor=kind)
    unit = unit_code(m, unit_word, "D")
    if unit == "D" and precision != "D" and step == 0:
        if precision == "M":  # "that same day" after "in October": a day of that month
            first, last = interval(value_for(base, "M"))
            return Result("DATE", value_for(base, "M") + "-XX", anchor=kind, earliest=first,
                          latest=last, explicit_span=True, sets_anchor=False)
        return Result("DATE", value_for(base, precision), anchor=kind)
    return Result("DATE", value_for(shift(base, unit, step), unit), anchor=kind)


def day_around(m: Match) -> Result | None:
    """"The day before last Tuesday's hearing", "the day after March 3": the day next to a
    day named with it."""
    named = weekday(m) if m.g("weekday") else calendar_date(m)
    if named is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", named.value):
        return named
    step = -1 if m.g("dir") == "before" else 1
    day = dt.date.fromisoformat(named.value) + dt.timedelta(days=step)
    return Result("DATE", day.isoformat(), anchor=named.anchor)


_COMPARISON_REACH = 400  # characters: "…in the third quarter, up from a year earlier"


def _same_period_a_year_before(m: Match) -> Result | None:
    """"A year ago" beside a quarter or month means that period a year before."""
    anchor = m.anchor
    if anchor is None or anchor.unit not in ("Q", "M") or m.start - anchor.end > _COMPARISON_REACH:
        return None
    return Result("DATE", value_for(shift(anchor.day, "Y", -1), anchor.unit), anchor="narrative",
                  sets_anchor=False)


def ago(m: Match) -> Result | None:
    word = m.g("word")
    if word:  # "year-ago", "a year earlier"
        compared = _same_period_a_year_before(m)
        if compared is not None:
            return compared
        base = m.anchor.day if (m.anchor and "earlier" in word) else m.dct
        if base is None:
            return None
        return Result("DATE", value_for(shift(base, "Y", -1), "Y"), anchor="dct")
    number = number_of(m)
    unit = unit_of(m)
    if number is None or unit is None:
        return None
    if unit == "Y" and number == 1:
        compared = _same_period_a_year_before(m)
        if compared is not None:
            return compared
    direction = m.g("dir") or "ago"
    forward = direction in ("later", "after", "hence", "from now")
    relative_to_anchor = direction in ("earlier", "before", "later", "after", "prior")
    base = m.anchor.day if (relative_to_anchor and m.anchor) else m.dct
    kind = "narrative" if (relative_to_anchor and m.anchor) else "dct"
    if number == "X":
        return Result("DATE", "FUTURE_REF" if forward else "PAST_REF", anchor=kind)
    if base is None:
        return Result("DATE", "XXXX-XX-XX", anchor="none")
    amount = int(number) if forward else -int(number)
    approx = approx_mod(m)
    if unit in TIME_UNITS:
        hours = amount if unit == "TH" else 0
        moment = dt.datetime.combine(base, dt.time(12)) + dt.timedelta(hours=hours)
        return Result("DATE", moment.date().isoformat(), mod=approx, anchor=kind)
    plain = {"DE": "Y", "CE": "Y", "WE": "W", "NI": "D", "FN": "W"}.get(unit, unit)
    factor = {"DE": 10, "CE": 100, "FN": 2}.get(unit, 1)
    day = shift(base, plain, amount * factor)
    return Result("DATE", value_for(day, plain), mod=approx, anchor=kind)


def relative_period(m: Match) -> Result | None:
    """"last week", "this year", "earlier this month", "the end of next year"."""
    unit_word = m.g("unit") or ""
    when = m.g("when") or "this"
    rel = " ".join((m.g("rel") or "").split())
    span_words = ("past", "recent") if unit_word not in ("decade", "century") else (
        "past", "recent", "next", "coming", "following")
    if when in span_words and unit_word not in m.lex.seasons and not rel:
        # "the past year", "the next decade": the span up to or from now (not the 2030s);
        # "the last decade" stays the previous one.
        code = unit_code(m, unit_word, "Y")
        if m.dct is None:
            return None
        if when in ("next", "coming", "following"):
            return Result("DURATION", period(1, code), anchor="dct", earliest=m.dct,
                          latest=shift(m.dct, code, 1), explicit_span=True)
        return Result("DURATION", period(1, code), anchor="dct",
                      earliest=shift(m.dct, code, -1), latest=m.dct, explicit_span=True)
    if m.dct is None:
        return None
    step = {"last": -1, "previous": -1, "latest": -1, "next": 1, "coming": 1, "following": 1,
            "year-ago": -4, "year-earlier": -4, "prior-year": -4, "year-before": -4}.get(when, 0)
    if unit_word == "season" and -1 <= step <= 1:
        return Result("DATE", season_around(m.dct, step), anchor="dct")
    if unit_word in m.lex.seasons:
        from viewer.core.timex.normalize_dates import season

        m.groups["season"] = unit_word
        m.groups["rel"] = "last" if step < 0 else "next" if step > 0 else "this"
        return season(m)
    unit = unit_code(m, unit_word, "Y")
    comparison = step == -4  # "the year-ago quarter" compares; it does not move the story
    if comparison:
        unit, step = ("Q", -4) if unit == "Q" else (unit, -1)
    if unit == "Q" and step == -4:
        day = shift(m.dct, "Y", -1)
        day = shift(day, "Q", -1)
    else:
        day = shift(m.dct, "W" if unit == "WE" else unit, step)
    result = Result("DATE", value_for(day, unit), anchor="dct", sets_anchor=not comparison)
    if rel:
        mod = m.lex.period_mods.get(rel.replace("at the ", "the ").replace("by the ", "the "))
        if rel in ("earlier", "later", "the rest of", "the remainder of"):
            start, end = interval(result.value)
            if start and end:
                # Cut at the report only when the period holds it ("earlier this week");
                # "earlier next quarter" is the start of that quarter.
                if rel == "earlier":
                    result.earliest, result.latest = start, (
                        min(end, m.dct) if start <= m.dct else end)
                else:
                    result.earliest, result.latest = (
                        max(start, m.dct) if m.dct <= end else start), end
                result.explicit_span = True
            mod = "START" if rel == "earlier" else "END" if rel == "later" else None
        elif rel in ("early", "late", "mid"):
            mod = m.lex.period_mods[rel]
        result.mod = mod
    return result


def year_end(m: Match) -> Result | None:
    """"Year-end", "by year's end", "the full year": this year (at its end), or the one named."""
    if m.dct is None:
        return Result("DATE", "XXXX", anchor="none")
    when = m.g("when")
    year = m.dct.year + {"last": -1, "next": 1}.get(when or "", 0)
    if when is None and m.g("end") and m.dct.month <= 3 and m.tense() < 0:
        year -= 1  # "profits fell at year-end", written in February
    return Result("DATE", f"{year:04d}", mod="END" if m.g("end") else None, anchor="dct")


def the_year(m: Match) -> Result | None:
    """"The year" of a report is the document's; "the year ended Sept. 30" is a duration."""
    if re.match(r"\s+(?:ended|ending|to|through)\b", m.text[m.end : m.end + 12]):
        return Result("DURATION", "P1Y", anchor="none")
    if m.dct is None:
        return None
    return Result("DATE", f"{m.dct.year:04d}", anchor="dct")


def the_weekend(m: Match) -> Result | None:
    """"Over the weekend": the one just past, unless the clause looks ahead."""
    if m.dct is None:
        return Result("DATE", "XXXX-WXX-WE", anchor="none")
    weekday = m.dct.isoweekday()
    if weekday >= 6:
        day = m.dct
    elif m.tense() > 0:
        day = m.dct + dt.timedelta(days=6 - weekday)
    else:
        day = m.dct - dt.timedelta(days=weekday)
    return Result("DATE", value_for(day, "WE"), anchor="dct")


def reference(m: Match) -> Result | None:
    words = " ".join((m.g("ref") or "").split())
    value = m.lex.references.get(words)
    if value is None:
        return None
    if words == "now" and m.text.startswith(",", m.end) and re.search(
            r"(?:^|[.!?\n][\"”’']?)\s*$", m.text[max(0, m.start - 4) : m.start]):
        return None  # "Now, the question is…": a discourse marker, not the present
    result = Result("DATE", value, anchor="dct")
    if m.dct is not None:
        if value == "PRESENT_REF":
            result.earliest = result.latest = m.dct
        elif value == "PAST_REF":
            window = 60 if words in ("recently", "lately", "recent", "just now") else 3650
            result.earliest, result.latest = m.dct - dt.timedelta(days=window), m.dct
        else:
            window = 60 if words in ("soon", "the coming days", "before long") else 3650
            result.earliest, result.latest = m.dct, m.dct + dt.timedelta(days=window)
        result.explicit_span = True
    return result
