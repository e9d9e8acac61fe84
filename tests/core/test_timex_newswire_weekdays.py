"""Weekdays in news copy that the tense of the clause alone gets wrong.

Invented agency-style sentences, one group per error class: a weekday with its week written
after it ("on Wednesday last week"), and a verb of saying just before a weekday with a
reported future just after it ("said on Saturday it would pay").
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import tag

D = dt.date
FRIDAY = D(2026, 11, 20)  # a Friday in ISO week 47


# The week named after the weekday fixes it, whatever the tense says.
NAMED_WEEK = [
    ("In Izmir on Wednesday last week, the two unions agreed on a pilot scheme.", FRIDAY,
     "Wednesday last week", "2026-11-11"),
    ("The board will vote on Monday of next week.", FRIDAY, "Monday of next week",
     "2026-11-23"),
    ("The fund said it would decide on Tuesday next week.", FRIDAY, "Tuesday next week",
     "2026-11-24"),
    ("Shares fell on Thursday this week after the warning.", FRIDAY, "Thursday this week",
     "2026-11-19"),
    ("The mayor resigned on Friday of last week.", D(2026, 11, 16), "Friday of last week",
     "2026-11-13"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value"), NAMED_WEEK)
def test_a_weekday_with_its_week(sentence: str, dct: dt.date, surface: str, value: str) -> None:
    assert find(tag(sentence, dct), surface).value == value


def test_a_weekday_without_a_week_word_keeps_its_extent() -> None:
    found = find(tag("The talks resume on Wednesday, last week's host said.", FRIDAY),
                 "Wednesday")
    assert found.text == "Wednesday"


# A time adverbial follows its verb: at equal distance the cue before the weekday wins over
# the reported future after it.
SAID_THEN_WOULD = [
    ("The kingdom said on Saturday it would pay for 300,000 more doses.", D(2026, 3, 30),
     "Saturday", "2026-03-28"),
    ("The union announced on Monday it will strike for two days.", D(2026, 10, 15),
     "Monday", "2026-10-12"),
    ("Opposition members said on Tuesday they would boycott the vote.", D(2026, 9, 24),
     "Tuesday", "2026-09-22"),
    # A future cue still wins where it is the nearer one.
    ("The envoy said the ministers will meet on Thursday.", D(2026, 10, 13), "Thursday",
     "2026-10-15"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value"), SAID_THEN_WOULD)
def test_a_verb_of_saying_before_the_weekday_wins_a_tie(sentence: str, dct: dt.date,
                                                        surface: str, value: str) -> None:
    assert find(tag(sentence, dct), surface).value == value


# A comma between digits is a thousands separator, not a clause break that would cut the
# weekday off from its verb ("will hand out 25,000 heaters … from Monday").
def test_a_thousands_separator_does_not_cut_the_clause() -> None:
    sentence = ("The charity will hand out 25,000 blankets in the camps from Monday, a "
                "spokesman for the charity said.")
    assert find(tag(sentence, D(2026, 12, 2)), "Monday").value == "2026-12-07"


# A thing put off is put off to a later day, whatever the tense of the telling.
PUT_OFF = [
    ("Officials postponed until Tuesday morning any decision on the permit.", D(2026, 3, 26),
     "Tuesday morning", "2026-03-31TMO"),
    ("The hearing was adjourned until Monday.", D(2026, 3, 26), "Monday", "2026-03-30"),
    ("The vote has been pushed back to Friday, the speaker said.", D(2026, 3, 24), "Friday",
     "2026-03-27"),
    # Without the putting off, a past clause keeps the last such day.
    ("The hearing was held on Monday.", D(2026, 3, 26), "Monday", "2026-03-23"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value"), PUT_OFF)
def test_a_day_something_is_put_off_to_lies_ahead(sentence: str, dct: dt.date, surface: str,
                                                  value: str) -> None:
    assert find(tag(sentence, dct), surface).value == value


# With no tense cue anywhere in its sentence, a weekday is the nearer such day; a decimal
# point is no sentence break that would hide the sentence's cue.
NO_CUE = [
    ("The hearings end on Wednesday.", D(2026, 6, 8), "Wednesday", "2026-06-10"),
    ("The two leaders meet separately Monday with the envoy.", D(2026, 5, 1), "Monday",
     "2026-05-04"),
    ("The festival opens Saturday in the old port.", D(2026, 5, 5), "Saturday", "2026-05-02"),
    ("Volume was 840.8 million shares, up from 443.6 million Thursday.", D(2026, 10, 26),
     "Thursday", "2026-10-22"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value"), NO_CUE)
def test_a_weekday_without_a_cue_is_the_nearer_one(sentence: str, dct: dt.date, surface: str,
                                                   value: str) -> None:
    assert find(tag(sentence, dct), surface).value == value


# "The second half of the session" is a part of the session, not of a year.
@pytest.mark.parametrize(("sentence", "kept"), [
    ("Observers joined them for the second half of the session.", None),
    ("The striker scored in the first half of the match.", None),
    ("Sales rose in the first half of the year.", "the first half"),
    ("The firm lost money in the second half.", "the second half"),
    ("Profit fell in the third quarter of 2025.", "the third quarter of 2025"),
])
def test_a_half_of_something_else_is_no_time(sentence: str, kept: str | None) -> None:
    halves = [t.text for t in tag(sentence, D(2026, 3, 17))
              if "half" in t.text or "quarter" in t.text]
    assert halves == ([kept] if kept else [])


def test_a_clock_time_takes_the_next_weekday_after_it() -> None:
    found = find(tag("Drivers will stop work from 5 a.m. next Monday.", D(2026, 10, 15)),
                 "5 a.m. next Monday")
    assert found.value == "2026-10-19T05:00"


# A verb after "to" is its infinitive, not a past: "to set up" after the weekday does not
# outweigh the "will" before it; "up to last week" still looks back.
INFINITIVES = [
    ("The two ministers will meet in Lima on Monday to set up a joint command.", FRIDAY,
     "Monday", "2026-11-23"),
    ("Crews will return on Sunday to hit the remaining hot spots.", FRIDAY, "Sunday",
     "2026-11-22"),
    ("Lawyers will file on Wednesday to quit the case.", FRIDAY, "Wednesday", "2026-11-25"),
    ("Exports rose in the week up to last Friday, the agency said on Monday.", FRIDAY,
     "Monday", "2026-11-16"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value"), INFINITIVES)
def test_a_verb_after_to_is_no_past(sentence: str, dct: dt.date, surface: str,
                                    value: str) -> None:
    assert find(tag(sentence, dct), surface).value == value
