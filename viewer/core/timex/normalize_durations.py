"""Normalisers for durations and sets, and the tests that keep measures from being times.

Ages ("52 years old"), race margins ("12 seconds ahead"), rates ("$5 a year") and fractions
("three-quarters of") are measures; race-clock times ("won in 2:05:37") are durations.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from viewer.core.timex.context import Match
from viewer.core.timex.normalize_dates import Result
from viewer.core.timex.value_calendar import shift

TIME_UNITS = {"TH": "H", "TM": "M", "TS": "S"}
_HYPHEN_OR_SPACE = re.compile(r"[- ]")
_ARTICLE = re.compile(r"(?:the|an?)\s+", re.IGNORECASE)
_QUARTER_OF = re.compile(r"\s+of\s+(?!a\s+century|the\s+year|\d)", re.IGNORECASE)


def number_of(m: Match, name: str = "number") -> float | str | None:
    word = " ".join((m.g(name) or "").split())
    if not word:
        return None
    if word in m.lex.vague:
        return "X"
    if word in m.lex.numbers:
        return m.lex.numbers[word]
    parts = _HYPHEN_OR_SPACE.split(word)
    if len(parts) == 2 and all(p in m.lex.numbers for p in parts):  # "twenty-four"
        return m.lex.numbers[parts[0]] + m.lex.numbers[parts[1]]
    if word.endswith(" 1/2"):
        return float(word[:-4]) + 0.5
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def unit_code(m: Match, word: str, default: str) -> str:
    """The unit letter of a unit word from the units table; "half" (a year) is H."""
    return m.lex.units.get(word) or ("H" if word == "half" else default)


def approx_mod(m: Match) -> str | None:
    """APPROX for "about", "nearly"…; "just" and "only" stress an exact amount."""
    word = (m.g("approx") or "").strip()
    if m.g("orso"):  # "a week or so ago"
        return "APPROX"
    return "APPROX" if word and word not in ("just", "only") else None


_AGE_OR_MARGIN = re.compile(
    r"\s*(?:old\b|of\s+age\b|(?:ahead|behind|clear|adrift|back|off\s+the\s+pace)\b)",
    re.IGNORECASE)


# What the words of a possible duration say about it being a measure, whatever the text
# around them says: an age by its own words ("a 6-year-old"), a clock unit (seconds and
# minutes of a race margin), a quarter that may be a fraction, and "a"/"an" before a single
# unit, which may be a rate.
MeasurePlan = tuple[bool, bool, bool, bool]


def measure_plan(m: Match) -> MeasurePlan:
    """The parts of `is_measure` that read only the match's groups and words (so the
    tagger keeps them with the value of the same words and runs only `measured` again)."""
    unit = m.g("unit") or ""
    number = m.g("number") or ""
    return (m.g("adj") == "-old" and not m.g("aged"),
            m.lex.units.get(unit.lower()) in ("TS", "TM"),
            unit.startswith("quarter") and (
                number in ("a", "an", "one") or "-quarter" in m.surface().lower()),
            number in ("a", "an") and not unit.endswith("s"))


_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*|million|billion|trillion|thousand|hundred|percent|%|[a-z]{2,}[^siu\W]s)"
    r"\s+$", re.IGNORECASE)
_NOT_PLURALS = {"always", "across", "perhaps", "sometimes", "towards", "afterwards", "times",
                "does", "goes", "years", "months", "weeks", "days", "hours", "minutes"}


def measured(text: str, start: int, end: int, plan: MeasurePlan) -> bool:
    """Whether the possible duration text[start:end] is a measure, by its `measure_plan`
    and the text around it: an age ("52 years old") or a race margin ("12 seconds ahead")
    after it, "$5 million a year" and "four flights a week" (rates), and "three-quarters
    of its food" (a fraction): measures, which TimeML does not mark as times."""
    old, clock_unit, quarter, rate = plan
    if old:
        return True
    after = _AGE_OR_MARGIN.match(text, end, end + 40)
    if after is not None and (
            after.group().split()[0].lower() in ("old", "of") or clock_unit):
        return True
    if quarter and _QUARTER_OF.match(text, end, end + 20):
        return True
    if not rate:
        return False
    before = _RATE_BEFORE.search(text, max(0, start - 24), start)
    return before is not None and before.group().split()[0].lower() not in _NOT_PLURALS


def unit_of(m: Match) -> str | None:
    return m.lex.units.get((m.g("unit") or "").lower())


@functools.lru_cache(maxsize=1024, typed=True)  # pure; news repeats its durations
def period(number: float | str, unit: str) -> str:
    """ISO 8601 duration: P3Y, PT6H, PXD, P10Y for a decade, PT5H30M for 5.5 hours."""
    if unit in ("DE", "CE"):
        scale = 10 if unit == "DE" else 100
        return "PXY" if number == "X" else f"P{round(float(number) * scale)}Y"
    if unit in ("WE", "NI", "FN"):
        unit = {"WE": "WE", "NI": "D", "FN": "W"}[unit]
        number = number if unit != "W" or number == "X" else float(number) * 2
    time = unit in TIME_UNITS
    letter = TIME_UNITS.get(unit, unit)
    if number == "X":
        return f"PT{'X'}{letter}" if time else f"PX{letter}"
    amount = float(number)
    if amount != int(amount):
        whole, part = int(amount), amount - int(amount)
        smaller = {"TH": ("M", 60), "TM": ("S", 60), "Y": ("M", 12), "D": ("H", 24)}.get(unit)
        if smaller:
            rest = round(part * smaller[1])
            if unit == "D":
                return f"P{whole}DT{rest}H"
            if time:
                return f"PT{whole}{letter}{rest}{smaller[0]}"
            return f"P{whole}Y{rest}M"
    return f"PT{int(amount)}{letter}" if time else f"P{int(amount)}{letter}"


def race_time(m: Match) -> Result | None:
    """A finishing time on a race clock ("won in 2:05:37"): a duration, not a time of day."""
    hours, minutes = int(m.g("hour") or 0), int(m.g("minute") or 0)
    seconds = m.g("second") or "0"
    whole = seconds.split(".")[0]
    if minutes > 59 or int(whole) > 59:
        return None
    text = seconds.rstrip("0").rstrip(".") if "." in seconds else str(int(whole))
    value = "PT" + (f"{hours}H" if hours else "") + f"{minutes}M" + (
        f"{text}S" if text not in ("", "0") else "")
    return Result("DURATION", value, anchor="none")


def is_measure(m: Match) -> bool:
    """An age ("a 6-year-old", "52 years old"), a margin or a rate: read in the text around
    the match, before `duration_value`, which reads only the match."""
    return measured(m.text, m.start, m.end, measure_plan(m))


def duration(m: Match) -> Result | None:
    return None if is_measure(m) else duration_value(m)


def duration_value(m: Match) -> Result | None:
    """A duration's value from its words, once `is_measure` has ruled out a measure."""
    adj = m.g("adj")
    unit_word = m.g("unit") or ""
    number_word = m.g("number")
    counted = (number_word or "") not in ("a", "an")
    if unit_word.startswith("second") and not counted:
        return None  # "a second round"
    unit = m.lex.units.get(unit_word) or ("Y" if unit_word == "ages" else None)
    if unit is None:
        return None
    number = number_of(m)
    plural = unit_word.endswith("s")
    if number is None:
        # "a day-long meeting" lasts one day, "decades-long" an unknown number of them
        number = 1 if adj == "-long" and not plural else "X"
    elif plural and not counted:
        number = "X"  # "a years-long slump": the article belongs to the noun
    elif number != "X" and float(number) >= 1000:
        return None  # "the 1988 quarter" names a year, not 1988 quarters
    if m.g("half1") or m.g("half2"):
        number = (1 if number == "X" else float(number)) + 0.5
    rel = m.g("rel")
    article = _ARTICLE.match(m.surface())
    adjective = adj == "-long"
    if article and rel is None and (
            (plural and not counted) or ((counted or adjective) and not plural)):
        m.start += article.end()  # "a two-year term", "a week-long strike": of the noun
    if rel == "ahead":
        rel = "coming"
    if rel in ("recent", "coming") and number_word is None:
        # "in recent weeks", "in the coming months": some span reaching back or ahead.
        past = rel == "recent"
        result = Result("DURATION", period("X", unit), anchor="dct")
        if m.dct is not None:
            reach = {"Y": 3 * 365, "M": 180, "W": 42, "D": 10, "DE": 3650}.get(unit, 30)
            step = dt.timedelta(days=reach)
            result.earliest, result.latest = (m.dct - step, m.dct) if past else (m.dct,
                                                                                m.dct + step)
            result.explicit_span = True
        return result
    if rel in ("few", "several", "many") and number_word is None:
        number = "X"
    value = period(number, unit)
    result = Result("DURATION", value, mod=approx_mod(m))
    if m.dct is not None and rel in ("past", "last", "recent", "previous", "next", "coming",
                                     "following"):
        amount = 1 if number == "X" else float(number)
        plain = {"DE": "Y", "CE": "Y", "WE": "W", "NI": "D", "FN": "W"}.get(unit, unit)
        if plain not in TIME_UNITS:
            factor = {"DE": 10, "CE": 100, "FN": 2}.get(unit, 1)
            span = max(1, round(amount * factor))
            if rel in ("next", "coming", "following"):
                result.earliest, result.latest = m.dct, shift(m.dct, plain, span)
            else:
                result.earliest, result.latest = shift(m.dct, plain, -span), m.dct
            result.explicit_span = True
            result.anchor = "dct"
    return result


def set_every(m: Match) -> Result | None:
    word = m.g("word")
    if word:
        base = word.split()[-1]
        letter = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
                  "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
                  "quarterly": "P3M", "day": "P1D", "week": "P1W", "month": "P1M",
                  "year": "P1Y"}.get(base)
        return Result("SET", letter) if letter else None
    unit_word = m.g("unit") or "day"
    every = (m.g("number") or "").strip()
    count = 2 if every in ("other", "two") else 3 if every == "three" else (
        int(every) if every.isdigit() else 1)
    unit = "W" if unit_word == "weekend" else unit_code(m, unit_word, "D")
    return Result("SET", period(count, unit))


def set_named(m: Match) -> Result | None:
    """"Each summer", "every July", "every evening": the named period, recurring."""
    word = m.g("named") or ""
    if word in m.lex.seasons:
        return Result("SET", f"XXXX-{m.lex.seasons[word]}")
    if word in m.lex.parts:
        return Result("SET", f"XXXX-XX-XXT{m.lex.parts[word]}")
    if word in m.lex.months:
        return Result("SET", f"XXXX-{m.lex.months[word]:02d}")
    return None
