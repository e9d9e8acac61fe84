"""Normalisers for calendar expressions: dates, months, years, weekdays, seasons, quarters.

Dates written in words (years and days read aloud, decades, centuries) are in
`normalize_words`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from viewer.core.timex.context import Match
from viewer.core.timex.value_calendar import (
    SEASON_MONTHS,
    floating_holiday,
    interval,
    quarter_of,
    value_for,
)


@dataclass(slots=True)
class Result:
    type: str
    value: str
    mod: str | None = None
    anchor: str = "absolute"
    earliest: dt.date | None = None
    latest: dt.date | None = None
    explicit_span: bool = False
    sets_anchor: bool = True  # a comparison ("a year earlier") does not move the narrative


_POSSESSIVE = re.compile(r"['’]s\b")
# What joins two weekdays of one happening ("on Thursday and Friday", "Monday to Wednesday").
_JOINED_DAYS = re.compile(r"\s*(?:and|or|to|through|till|until|-|–)\s*")


def capitalised(word: str | None) -> bool:
    """Month and weekday names are capitalised in news; "may" and "march" are verbs."""
    return bool(word) and word is not None and word[0].isupper()


def modifier(m: Match) -> str | None:
    word = m.g("mod")
    if not word:
        return None
    mods = m.lex.period_mods
    return mods.get(word.strip(" -"), mods.get(word.strip()))


def choose(tense: int, offsets: list[int], window: int) -> int:
    """Pick among signed distances from the document date (negative: before it).

    A future clause picks the next one up to half a year ahead (`window`), since news quotes
    plans in reported speech ("said it would") about the past too, and up to a year ahead
    when a firm cue ("will") says so (`tense` 2); a past or untensed clause
    the last one up to nine months back (news mostly reports what happened: "stepped down in
    March" written in November is this March). Otherwise the
    nearest wins: "Nov. 25" written on 7 January is last November even in a clause that looks
    ahead, and "said … by Jan. 14" written on 6 January is this January.
    """
    ahead = [o for o in offsets if o >= 0]
    behind = [o for o in offsets if o <= 0]
    if tense > 0 and ahead and min(ahead) <= (window * 2 - 1 if tense > 1 else window):
        return min(ahead)
    if tense <= 0 and behind and max(behind) >= -window * 3 // 2:
        return max(behind)  # news mostly reports what happened: the past, unless far back
    return min(offsets, key=lambda o: (abs(o), o > 0))


def pick_year(m: Match, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) written without one, by tense and nearness."""
    if m.dct is None:
        return None
    dct = m.dct
    years = (dct.year - 1, dct.year, dct.year + 1)
    if day is None:
        here = dct.year * 12 + dct.month
        offsets = [year * 12 + month - here for year in years]
        return years[offsets.index(_choose_by_tense(m, offsets, 6))]
    offsets = []
    for year in years:
        try:
            offsets.append((dt.date(year, month, day) - dct).days)
        except ValueError:  # 29 February in a common year
            offsets.append(10_000)
    return years[offsets.index(_choose_by_tense(m, offsets, 183))]


def _choose_by_tense(m: Match, offsets: list[int], window: int) -> int:
    """`choose` by the tense of the match's clause, asked only where it decides: a month
    just before or after the document's ("June" or "July" written in June) is the same one
    whatever the clause says, and its value then depends on its words and the document
    date alone (`Match.local`), so it is kept for the next match of the same words. The
    tense is the costliest thing a normaliser asks (finding the sentence and its cues)."""
    firm = choose(2, offsets, window)  # `choose` tells apart tenses 2, 1 and 0 or less
    if choose(1, offsets, window) == firm == choose(0, offsets, window):
        return firm
    return choose(m.tense(), offsets, window)


def numeric_date(m: Match) -> Result | None:
    try:
        day = dt.date(int(m.g("year") or 0), int(m.g("mnum") or 0), int(m.g("day") or 0))
    except ValueError:
        return None
    if m.g("hour") is not None:
        return Result("TIME", f"{day.isoformat()}T{m.g('hour')}:{m.g('minute')}")
    return Result("DATE", day.isoformat())


def calendar_date(m: Match) -> Result | None:
    month_word = m.raw("month") or m.raw("month2")
    day_word = m.g("day") or m.g("day2")
    if not month_word or not day_word or not capitalised(month_word):
        return None
    month = m.lex.months[month_word.lower()]
    day = int(re.sub(r"\D", "", day_word))
    year_text = m.g("year")
    anchor = "absolute"
    if year_text:
        year: int | None = int(year_text)
    else:
        year = pick_year(m, month, day)
        anchor = "dct"
    if year is None:
        return Result("DATE", f"XXXX-{month:02d}-{day:02d}", anchor="none")
    try:
        return Result("DATE", dt.date(year, month, day).isoformat(), anchor=anchor)
    except ValueError:
        return None


def month_year(m: Match) -> Result | None:
    word = (m.raw("month") or "").rstrip(".")
    if not capitalised(word):
        return None
    month = m.lex.months[word.lower()]
    when = m.g("when")
    if when:  # "June last year", "March 15 next year"
        day_text = re.sub(r"\D", "", m.g("day") or "")
        if m.dct is None:
            return Result("DATE", f"XXXX-{month:02d}" + (f"-{int(day_text):02d}" if day_text
                                                          else ""), anchor="none")
        year = m.dct.year + {"last": -1, "next": 1}.get(when, 0)
        if day_text:
            try:
                return Result("DATE", dt.date(year, month, int(day_text)).isoformat(),
                              anchor="dct")
            except ValueError:
                return None
        return Result("DATE", f"{year:04d}-{month:02d}", anchor="dct")
    return Result("DATE", f"{int(m.g('year') or 0):04d}-{month:02d}", mod=modifier(m))


def month(m: Match) -> Result | None:
    word = m.raw("month")
    if not capitalised(word):
        return None
    if word == "May" and re.match(r"\s+(?:be|have|not|also|well|I|we|you)\b",
                                  m.text[m.end : m.end + 8]):
        return None
    number = m.lex.months[(word or "").lower()]
    rel = m.g("rel")
    if m.dct is None:
        return Result("DATE", f"XXXX-{number:02d}", mod=modifier(m), anchor="none")
    year = m.dct.year
    if rel == "last":
        # "Last February" written in March is a year back: the month just gone is "last month".
        year = year if number < m.dct.month - 1 else year - 1
    elif rel in ("past", "this past"):
        year = year if number < m.dct.month else year - 1
    elif rel in ("next", "coming", "this coming"):
        year = year if number > m.dct.month else year + 1
    elif rel != "this":  # "this September" is the one of the document's year
        year = pick_year(m, number) or year
    return Result("DATE", f"{year:04d}-{number:02d}", mod=modifier(m), anchor="dct")


def year(m: Match) -> Result | None:
    text = m.g("year") or ""
    text = text.lstrip("'’")
    if len(text) == 2:
        if m.dct is None:
            return None
        century = m.dct.year // 100 * 100
        full = century + int(text)
        text = str(full - 100 if full > m.dct.year + 10 else full)
    return Result("DATE", f"{int(text):04d}", mod=modifier(m))


_PERIOD_REACH = 400  # characters: "…in the third quarter, against the 1988 period"


def year_period(m: Match) -> Result | None:
    """"The 1988 quarter": the quarter the narrative is reporting on, in the year named."""
    year = int(m.g("year") or 0)
    near = m.anchor
    if near is not None and near.unit == "Q" and m.start - near.end <= _PERIOD_REACH:
        return Result("DATE", f"{year:04d}-Q{quarter_of(near.day)}", sets_anchor=False)
    return Result("DATE", f"{year:04d}", sets_anchor=False)


def year_range_end(m: Match) -> Result | None:
    """The second year of "1998-99" or "2019–2021": later than the first, by at most a decade."""
    first_text = m.text[m.start - 5 : m.start - 1]
    if not first_text.isdigit():
        return None
    first = int(first_text)
    text = m.g("year") or ""
    second = int(text) if len(text) == 4 else first // 100 * 100 + int(text)
    if len(text) == 2 and second <= first:
        second += 100  # "1999-00"
    if not first < second <= first + 10:
        return None
    return Result("DATE", f"{second:04d}")


_WEEK_SHIFT = {"last": -7, "this": 0, "next": 7}


def weekday(m: Match) -> Result | None:
    word = m.raw("weekday")
    if not capitalised(word):
        return None
    target = m.lex.weekdays[(word or "").lower()]
    part = m.g("part")
    suffix = ""
    if part:
        suffix = "T" + m.lex.parts[part]
    if m.dct is None:
        return Result("DATE" if not part else "TIME", f"XXXX-WXX-{target}{suffix}", anchor="none")
    rel = (m.g("rel") or "").replace("the ", "")
    base, kind = m.dct, "dct"
    if (m.g("rel") or "").startswith("the ") and m.anchor is not None and m.anchor.unit == "D":
        base, kind = m.anchor.day, "narrative"  # "the previous Friday": before the story's day
    today = base.isoweekday()
    week = m.g("week")
    if week:  # "Wednesday last week": that weekday of the week named
        monday = base - dt.timedelta(days=today - 1)
        day = monday + dt.timedelta(days=_WEEK_SHIFT[week] + target - 1)
        return Result("TIME" if part else "DATE", day.isoformat() + suffix, anchor=kind)
    back = (today - target) % 7
    ahead = (target - today) % 7
    if rel in ("last", "past", "previous"):
        delta = -(back or 7)
    elif rel == "next":
        # "next Sunday" written on a Saturday is a week tomorrow: the morrow is "tomorrow"
        delta = ahead + 7 if ahead <= 1 else ahead
    elif rel in ("coming", "following"):
        delta = ahead or 7
    elif (first := _joined_to(m)) is not None:
        # "will meet on Thursday and Friday" written on a Friday: the day after Thursday
        base, kind = first, "narrative"
        delta = (target - first.isoweekday()) % 7 or 7
    elif back == 0:
        delta = 0
    elif rel == "this":
        # "this Wednesday": by tense, else the Wednesday of the document's own week.
        tense = m.tense()
        delta = ahead if tense > 0 else -back if tense < 0 else target - today
    elif m.text.startswith(("'", "’"), m.end) and _POSSESSIVE.match(m.text, m.end, m.end + 3):
        delta = -back  # "Wednesday's ruling": a possessive names what already happened
    else:
        tense = m.tense()
        # No cue at all ("The hearings end on Wednesday."): the nearer such day.
        delta = ahead if tense > 0 or (tense == 0 and ahead < back) else -back
    day = base + dt.timedelta(days=delta)
    return Result("TIME" if part else "DATE", day.isoformat() + suffix, anchor=kind)


def _joined_to(m: Match) -> dt.date | None:
    """The day of the weekday this one is joined to ("Thursday and Friday"): the second of
    such a pair comes after the first, whatever the report's day is."""
    anchor = m.anchor
    if anchor is None or anchor.unit != "D" or not 0 < m.start - anchor.end <= 12:
        return None
    text = m.text
    if _JOINED_DAYS.fullmatch(text, anchor.end, m.start) is None:
        return None
    word = text[max(0, anchor.end - 9) : anchor.end].split()
    return anchor.day if word and word[-1].lower() in m.lex.weekdays else None


def season_around(day: dt.date, step: int) -> str:
    """The value of the season that holds `day`, or of the one `step` seasons away: "this
    season" in a July report is that summer, not the year ("the reservoir will take in less
    this season"). A winter is written with the year of its December."""
    months = day.year * 12 + day.month - 1 + 3 * step
    year, month = divmod(months, 12)
    month += 1
    for code, (first, last) in SEASON_MONTHS.items():
        if first <= month <= last:
            return f"{year:04d}-{code}"
    return f"{year - (month <= 2):04d}-WI"  # December to February


def season(m: Match) -> Result | None:
    word = m.g("season") or ""
    code = m.lex.seasons[word]
    if word == "fall" and not m.g("year") and (m.g("rel") or "the") == "the":
        before = m.text[max(0, m.start - 12) : m.start].lower()
        if not re.search(r"\b(?:in|this|last|next|by|until|during)\s+(?:the\s+)?$", before):
            return None  # "the fall of Kabul", "a fall in prices"
    mod = modifier(m)
    if m.g("year"):
        return Result("DATE", f"{int(m.g('year') or 0):04d}-{code}", mod=mod)
    if m.dct is None:
        return Result("DATE", f"XXXX-{code}", mod=mod, anchor="none")
    rel = m.g("rel") or ""
    if rel in ("early", "late"):
        mod = m.lex.period_mods[rel]
    start_month = SEASON_MONTHS[code][0]
    year = m.dct.year
    season_start = dt.date(year, start_month, 1)
    if rel in ("last", "past", "this past"):
        year = year if season_start < m.dct.replace(day=1) else year - 1
    elif rel in ("next", "coming", "this coming"):
        year = year if season_start > m.dct else year + 1
    elif rel != "this" and season_start > m.dct and m.tense() < 0:
        year -= 1
    return Result("DATE", f"{year:04d}-{code}", mod=mod, anchor="dct")


def quarter(m: Match) -> Result | None:
    word = m.g("word") or ""
    ordinal = m.g("ordinal") or m.g("qnum")
    half = (m.g("qunit") == "half") or (m.g("qletter") or "").upper() == "H"
    letter = "H" if half else "Q"
    if m.g("year"):
        number = m.lex.ordinals.get(ordinal or "", None) or int(ordinal or 0)
        if number < 0:  # "the last half of 1989"
            number = 2 if half else 4
        return Result("DATE", f"{int(m.g('year') or 0):04d}-{letter}{number}")
    if m.dct is None:
        return None
    if ordinal and (m.g("shift") or m.g("yearwhen")):
        number = m.lex.ordinals[ordinal]
        number = (2 if half else 4) if number < 0 else number
        step = {"next": 1, "this": 0}.get(m.g("yearwhen") or "", -1)
        return Result("DATE", f"{m.dct.year + step:04d}-{letter}{number}", anchor="dct",
                      sets_anchor=not (m.g("shift") or "").startswith("year-"))
    current = quarter_of(m.dct) if not half else (1 if m.dct.month <= 6 else 2)
    year = m.dct.year
    if ordinal:
        number = m.lex.ordinals[ordinal]
        when = m.g("when")
        if when == "last":
            year -= 1
        elif when == "next":
            year += 1
        elif number > current and m.tense() <= 0:
            year -= 1
        return Result("DATE", f"{year:04d}-{letter}{number}", anchor="dct")
    # "the year-ago period", "the corresponding period last year", "last year's quarter"
    year_ago = "year" in word
    if "period" in word and not year_ago and "latest" not in word:
        return None
    # "the quarter", "the latest quarter": the last one reported, the one before the document's.
    day = m.dct.replace(day=1) - dt.timedelta(days=80) if "current" not in word else m.dct
    if year_ago:
        day = day.replace(year=day.year - 1)
    # A comparison ("the year-earlier period") does not move the narrative off its quarter.
    return Result("DATE", value_for(day, "Q"), anchor="dct", sets_anchor=not year_ago)


def holiday(m: Match) -> Result | None:
    name = " ".join((m.g("holiday") or "").split())
    year_text = m.g("year")
    if m.dct is None and not year_text:
        return None
    base = int(year_text) if year_text else (m.dct.year if m.dct else 0)

    def on(year: int) -> dt.date:
        if name in m.lex.floating:
            return floating_holiday(m.lex.floating[name], year)
        month, day = m.lex.holidays[name]
        return dt.date(year, month, day)

    day = on(base)
    if not year_text and m.dct is not None:
        options = [on(base - 1), day, on(base + 1)]
        offsets = [(option - m.dct).days for option in options]
        rel = m.g("rel")
        tense = -1 if rel == "last" else 1 if rel == "next" else m.tense()
        day = options[offsets.index(choose(tense, offsets, 183))]
    anchor = "dct" if not year_text else "absolute"
    if m.g("week"):  # "Easter week": the calendar week that holds the day
        year, week, _ = day.isocalendar()
        return Result("DATE", f"{year:04d}-W{week:02d}", anchor=anchor)
    return Result("DATE", day.isoformat(), anchor=anchor)


def set_weekday(m: Match) -> Result | None:
    """"Every Monday", "on Mondays", "Tuesday nights" (the part of the day kept)."""
    number = m.lex.weekdays[m.g("weekday") or ""]
    part = m.g("part") or m.g("part2")
    return Result("SET", f"XXXX-WXX-{number}" + (f"T{m.lex.parts[part]}" if part else ""))


def ranges_for(result: Result) -> tuple[dt.date | None, dt.date | None]:
    return interval(result.value)
