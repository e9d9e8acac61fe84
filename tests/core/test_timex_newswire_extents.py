"""Temporal tagger on newswire written for these tests: where expressions start and end.

Each group is one error class met on agency copy; the sentences are our own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from viewer.core.timex import Timex, tag

D = dt.date


def find(timexes: list[Timex], surface: str) -> Timex:
    for timex in timexes:
        if timex.text == surface:
            return timex
    raise AssertionError(f"{surface!r} not tagged in {[(t.text, t.value) for t in timexes]}")


# A date that introduces a quotation or a list ("said on Friday, March 6:") is still a date.
@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("The Herald said in an editorial on Friday, March 6:", "Friday, March 6", "2026-03-06"),
    ("The minister wrote on March 4: the talks are over.", "March 4", "2026-03-04"),
    ("Deadlines, as agreed on Feb. 27: a draft in April, a vote in May.", "Feb. 27",
     "2026-02-27"),
])
def test_a_date_before_a_colon(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(2026, 3, 6)), surface).value == value



# A part of the day named alone is a time of the day being told, the preposition outside.
@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Shares slid on Tuesday. By mid-afternoon, the index had lost 3 percent.",
     "mid-afternoon", "2026-03-03TAF"),
    ("The ferry sank on Sunday. Divers reached it in the evening.", "the evening",
     "2026-03-01TEV"),
    ("In London at mid-afternoon yesterday, the pound was steady.",
     "mid-afternoon yesterday", "2026-03-05TAF"),
    ("Trading was light in the morning.", "the morning", "2026-03-06TMO"),
])
def test_a_part_of_the_day_alone(text: str, surface: str, value: str) -> None:
    assert find(tag(text, D(2026, 3, 6)), surface).value == value


def test_morning_hours_and_clock_times_stay_as_they_were() -> None:
    assert not tag("Crews work in the morning hours.", D(2026, 3, 6))
    assert find(tag("He leaves at 4 in the morning.", D(2026, 3, 6)),
                "4 in the morning").value == "2026-03-06T04:00"


# A month name that names a procession or campaign is no month.
@pytest.mark.parametrize("sentence", [
    "Thousands joined the annual March for Life in the capital.",
    "Her mother walked at the head of the March of the Mothers.",
])
def test_a_march_is_no_month(sentence: str) -> None:
    assert not tag(sentence, D(2026, 3, 6))


@pytest.mark.parametrize(("sentence", "surface"), [
    ("The vote was held in March of 2024.", "March of 2024"),
    ("Protests began in March on Capitol Hill.", "March"),
])
def test_a_month_before_of_or_on_stays(sentence: str, surface: str) -> None:
    assert find(tag(sentence, D(2026, 3, 6)), surface)


# "The day before" alone is anaphoric; "the day before <event>" makes "before" a
# preposition whose anchor is the event, so the tagger leaves it to the reader.
@pytest.mark.parametrize("sentence", [
    "The envoy was last seen on May 2, the day before rebels seized the town.",
    "She flew to Accra and, later in the day before flying home, met the minister.",
    "Prices jumped the week after the storm hit.",
])
def test_before_an_event_the_day_is_not_tagged(sentence: str) -> None:
    assert not [t for t in tag(sentence, D(2026, 5, 20))
                if t.text.lower().startswith("the day") or t.text.startswith("the week")]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("The ceasefire began on May 2. The day before, shelling killed four.",
     "The day before", "2026-05-01"),
    ("The port reopened on May 2 and the first ship docked the day after.",
     "the day after", "2026-05-03"),
    ("Talks opened May 2 and closed the day after -- a short round.", "the day after",
     "2026-05-03"),
])
def test_the_day_before_alone_looks_back(text: str, surface: str, value: str) -> None:
    assert find(tag(text, D(2026, 5, 20)), surface).value == value


# "That year" and "the year before" refer to the latest year the story named, while a day
# named earlier stays the anchor of "the day before".
@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Exports reached $40 million in 2019, a fifth of the trade that year.", "that year",
     "2019"),
    ("Sales fell to $300 million last year, from $450 million the year before.",
     "the year before", "2024"),
    ("On Monday the court heard that he moved to Accra in 2011. The year after, he left.",
     "The year after", "2012"),
    ("The court met on Monday, March 2, 2026. In 2011 he had moved. The day before, it rained.",
     "The day before", "2026-03-01"),
])
def test_that_year_follows_the_latest_year(text: str, surface: str, value: str) -> None:
    assert find(tag(text, D(2026, 3, 6)), surface).value == value
