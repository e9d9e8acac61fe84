"""Plans, deadlines and asides in news copy: where the tense of a clause says more than its
nearest cue word.

Invented agency-style sentences, one group per error class: a plan told in the past perfect
("had been due to expire Friday") lies before the report; a firm future ("will … in
December") reaches up to a year ahead, while reported speech ("said it would") keeps the
half year; a deadline ("by February", "until Friday") in a clause with no past verb lies
ahead, but one that opens its sentence sets the scene; a time in brackets restates the time
of what comes before the bracket.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import tag

D = dt.date
MONDAY = D(2026, 11, 23)


CASES = [
    # A plan in the past perfect: the day it was due is before the report.
    ("The ceasefire had been due to expire Friday evening.", MONDAY, "Friday evening",
     "2026-11-20TEV"),
    ("The tender had been scheduled to close at midnight Friday.", MONDAY, "midnight Friday",
     "2026-11-20T24:00"),
    ("The vote had been set for Thursday before the court stepped in.", MONDAY, "Thursday",
     "2026-11-19"),
    # ... but a plan told in the present or future still lies ahead.
    ("The ceasefire is due to expire Friday evening.", MONDAY, "Friday evening",
     "2026-11-27TEV"),
    ("The offer, which opened last week, is due to expire on Friday.", MONDAY, "Friday",
     "2026-11-27"),
    # A firm future reaches up to a year ahead.
    ("The space agency will name a commander for a mission in December.", D(2026, 3, 4),
     "December", "2026-12"),
    ("The league will hold its annual draft in October.", D(2026, 1, 15), "October",
     "2026-10"),
    # Preparing for something puts it ahead.
    ("Officials can now take part in planning for the summit in April.", D(2025, 12, 5),
     "April", "2026-04"),
    ("The ministry is preparing for elections in March.", D(2025, 12, 5), "March",
     "2026-03"),
    # Reported speech about a month long gone stays in the past (the half-year window).
    ("The minister said the plant would open in November.", D(2026, 1, 12), "November",
     "2025-11"),
    # A deadline in a clause with no past verb lies ahead.
    ("The plan is to repay $2 billion of the bridge loan by February.", D(2025, 10, 30),
     "February", "2026-02"),
    ("The sale, which had been expected, is part of a plan to cut debt by March.",
     D(2025, 10, 30), "March", "2026-03"),
    ("Lenders agreed to keep the credit line open, leaving the firm cash until January.",
     D(2025, 10, 30), "January", "2026-01"),
    ("The company has a credit line through January.", D(2025, 10, 30), "January",
     "2026-01"),
    # ... but a past verb in its clause keeps it in the past,
    ("The talks lasted until Tuesday.", D(2025, 10, 30), "Tuesday", "2025-10-28"),
    # ... and a deadline that opens the sentence sets the scene.
    ("By Wednesday evening, rescuers put the toll at 1,140.", D(2026, 9, 17),
     "Wednesday evening", "2026-09-16TEV"),
    ("Until Thursday, investigators had not named a suspect.", D(2026, 5, 8), "Thursday",
     "2026-05-07"),
    # A time in brackets restates the time of what comes before the bracket.
    ("\"The convoy will leave at dawn (6 a.m. Thursday),\" the governor said.",
     D(2026, 4, 8), "6 a.m. Thursday", "2026-04-09T06:00"),
    ("The convoy left at dawn (6 a.m. Tuesday), the governor said.", D(2026, 4, 8),
     "6 a.m. Tuesday", "2026-04-07T06:00"),
    ("Polls close at 9 p.m. (1800 GMT Saturday), the commission said.", D(2026, 3, 6),
     "Saturday", "2026-03-07"),
    # ... and the clock time before the bracket takes the day the bracket names.
    ("\"The convoy will leave at 6 in the morning (6 a.m. Thursday),\" the governor said.",
     D(2026, 4, 8), "6 in the morning", "2026-04-09T06:00"),
    ("Polls close at 9 p.m. (1800 GMT Saturday), the commission said.", D(2026, 3, 6),
     "9 p.m", "2026-03-07T21:00"),
]


def test_a_24_hour_time_before_a_zone_is_no_year() -> None:
    found = tag("Polls close at 9 p.m. (1800 GMT Saturday).", D(2026, 3, 6))
    assert "1800" not in [t.text for t in found]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value"), CASES)
def test_plans_deadlines_and_asides(sentence: str, dct: dt.date, surface: str,
                                    value: str) -> None:
    assert find(tag(sentence, dct), surface).value == value
