"""Normalisers for dates written in words: years and days read aloud ("nineteen ninety-six",
"March eighth"), decades ("the late '80s", "the last half of the eighties") and centuries.

Apart from `normalize_dates` so each module stays small; they share its `Result` and helpers.
"""

from __future__ import annotations

import re

from viewer.core.timex.context import Match
from viewer.core.timex.normalize_dates import Result, calendar_date, capitalised, modifier

_ONES_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_ONES = {w: i for i, w in enumerate(_ONES_WORDS.split())}
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_TENS = {w: (i + 2) * 10 for i, w in enumerate(_TENS_WORDS.split())}


def spelled_year(m: Match) -> Result | None:
    """"nineteen ninety-six", "the year two thousand": years read aloud in transcripts."""
    words = re.split(r"[- ]+", m.g("spelled") or "")
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        year = 2000 + sum(_TENS.get(w, _ONES.get(w, 0)) for w in rest)
    else:
        rest = words[1:]
        year = 1900 + (0 if rest == ["hundred"] else
                       sum(_TENS.get(w, _ONES.get(w, 0)) for w in rest))
    month_word = m.raw("month")
    if month_word:  # "January nineteen ninety-seven"
        if not capitalised(month_word):
            return None
        return Result("DATE", f"{year:04d}-{m.lex.months[month_word.lower()]:02d}")
    if m.g("season"):  # "the winter of nineteen ninety-four"
        return Result("DATE", f"{year:04d}-{m.lex.seasons[m.g('season') or '']}")
    return Result("DATE", f"{year:04d}")


_ORDINAL_DAYS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}


def spelled_day(m: Match) -> Result | None:
    """"March eighth", "June twenty-first": a date read aloud."""
    words = re.split(r"[- ]+", m.g("dayword") or "")
    number = sum(_TENS.get(w, _ORDINAL_DAYS.get(w, 0)) for w in words)
    if not 1 <= number <= 31:
        return None
    m.groups["day"] = str(number)
    return calendar_date(m)


def decade(m: Match) -> Result | None:
    mod = m.lex.half_mods.get(m.g("part") or "") or modifier(m)
    digits = m.g("decade")
    if digits:
        return Result("DATE", digits[:3], mod=mod)
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}
    short = m.g("decade2")
    tens = int(short[0]) if short else words.get(m.g("decword") or "", 0)
    ref = m.dct.year if m.dct else 1999
    start = 2000 + tens * 10
    if start > ref:
        start -= 100
    return Result("DATE", f"{start // 10:03d}", mod=mod)


def century(m: Match) -> Result | None:
    number = int(m.g("cent") or 0)
    return Result("DATE", f"{number - 1:02d}") if number >= 1 else None
