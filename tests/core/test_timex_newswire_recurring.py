"""Recurring times, holiday weeks and counted days in news copy.

Invented agency-style sentences: a part of the day in the plural after a weekday recurs (a
TimeML set, also for the first of two coordinated weekdays); "<holiday> week" is the
calendar week that holds the holiday; "the second day" with no day named before it is the
report's day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import tag

D = dt.date


CASES = [
    ("The ferry will sail on Friday nights from June.", D(2026, 3, 2), "Friday nights",
     "SET", "XXXX-WXX-5TNI"),
    ("The market opens Sunday mornings.", D(2026, 3, 2), "Sunday mornings", "SET",
     "XXXX-WXX-7TMO"),
    ("Two new trains will run on Monday and Thursday evenings.", D(2026, 3, 2), "Monday",
     "SET", "XXXX-WXX-1TEV"),
    ("Two new trains will run on Monday and Thursday evenings.", D(2026, 3, 2),
     "Thursday evenings", "SET", "XXXX-WXX-4TEV"),
    # A single weekday and part of the day is still one day.
    ("The ferry sailed on Friday night.", D(2026, 3, 2), "Friday night", "TIME",
     "2026-02-27TNI"),
    ("Monday and Tuesday were quiet.", D(2026, 3, 4), "Monday", "DATE", "2026-03-02"),
    # "<holiday> week" is the week that holds the holiday.
    ("Pilgrims filled the old city as Easter week began.", D(2026, 4, 1), "Easter week",
     "DATE", "2026-W14"),
    ("Shops reported brisk trade during Christmas week.", D(2025, 12, 29), "Christmas week",
     "DATE", "2025-W52"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "kind", "value"), CASES)
def test_recurring_times_and_holiday_weeks(sentence: str, dct: dt.date, surface: str,
                                           kind: str, value: str) -> None:
    found = find(tag(sentence, dct), surface)
    assert (found.type, found.value) == (kind, value)


# "The second day" counts from the day the narrative named; with none named, the report
# tells the day it is.
@pytest.mark.parametrize(("text", "value"), [
    ("Shelling went on. It is the second day of the assault on the port.", "2026-03-06"),
    ("Troops attacked on Tuesday. On the second day of the assault, they took the port.",
     "2026-03-04"),
])
def test_the_second_day_counts_from_the_day_named(text: str, value: str) -> None:
    assert find(tag(text, D(2026, 3, 6)), "the second day").value == value


# "The day before" a named day is the day next to it; before a gerund it is no day at all.
@pytest.mark.parametrize(("text", "surface", "value"), [
    ("The day before last Tuesday's court hearing, the uncle visited the house.",
     "The day before last Tuesday", "2026-03-02"),
    ("Talks resumed the day after March 3, 2026, in Geneva.", "the day after March 3, 2026",
     "2026-03-04"),
])
def test_a_day_next_to_a_named_day(text: str, surface: str, value: str) -> None:
    assert find(tag(text, D(2026, 3, 6)), surface).value == value


def test_the_day_before_a_gerund_is_no_day() -> None:
    found = tag("She stopped in Nairobi later in the day before flying home.", D(2026, 3, 6))
    assert [t.text for t in found] == []


# A year after "pre-" or "post-" is that year.
def test_a_prefixed_year_is_the_year() -> None:
    found = tag("The post-1989 settlement and pre-2008 prices were cited.", D(2026, 3, 6))
    assert [(t.text, t.value) for t in found] == [("post-1989", "1989"), ("pre-2008", "2008")]


# "Overnight" is the night before the story's news day, also a paragraph after the lead that
# named it; a date far back named a paragraph before is background, and the report's own
# night before stands.
def test_overnight_after_a_paragraph_break() -> None:
    lead = "Shares in Lagos closed lower on Friday in heavy trading.\n\n"
    found = find(tag(lead + "They were hit by overnight losses in New York.", D(2026, 3, 9)),
                 "overnight")
    assert found.value == "2026-03-05TNI"
    background = "The bombings, on Feb. 17, killed 40 people.\n\n"
    found = find(tag(background + "Officials linked the sites struck overnight to the attacks.",
                     D(2026, 3, 6)), "overnight")
    assert found.value == "2026-03-05TNI"
