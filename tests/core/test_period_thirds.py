"""Early, mid and late a period are its thirds, which do not overlap: a month is cut at its
10th and 20th, as a reader counts "early May" (1-10), "mid-April" (11-20), "late June"."""

from __future__ import annotations

import datetime as dt

from viewer.core.timex import Tagger
from viewer.core.timex.value_calendar import interval, narrow

D = dt.date


def test_a_months_thirds_are_cut_at_the_10th_and_20th() -> None:
    assert narrow(interval("2027-02"), "START") == (D(2027, 2, 1), D(2027, 2, 10))
    assert narrow(interval("2027-02"), "MID") == (D(2027, 2, 11), D(2027, 2, 20))
    assert narrow(interval("2027-02"), "END") == (D(2027, 2, 21), D(2027, 2, 28))
    assert narrow(interval("2027-08"), "END") == (D(2027, 8, 21), D(2027, 8, 31))


def test_other_periods_split_in_thirds_without_overlap() -> None:
    start, mid, end = (narrow(interval("2027-W10"), m) for m in ("START", "MID", "END"))
    assert start[1] < mid[0] and mid[1] < end[0]
    assert (start[0], end[1]) == interval("2027-W10")


def test_tagged_expressions_use_the_thirds() -> None:
    tagged = Tagger().tag("The envoys will meet in mid-September and again in early October.",
                          D(2027, 8, 2))
    spans = [(t.earliest, t.latest) for t in tagged]
    assert (D(2027, 9, 11), D(2027, 9, 20)) in spans
    assert (D(2027, 10, 1), D(2027, 10, 10)) in spans


def test_a_first_of_the_month_alone_is_a_day_not_a_month() -> None:
    """"LATE mAY DAY" (a holiday on May 1 with "late" before it) was cut like the month of
    May: May 21 to May 1, an end before its start; a day has no thirds."""
    assert narrow(interval("1999-05-01"), "END") == (D(1999, 5, 1), D(1999, 5, 1))
    tagged = Tagger().tag("LATE mAY DAY", D(2000, 1, 1))
    assert all(t.earliest <= t.latest for t in tagged if t.earliest and t.latest)
