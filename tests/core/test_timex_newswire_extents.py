"""Temporal tagger on newswire written for these tests: where expressions start and end.

Each group is one error class met on agency copy; the sentences are our own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import tag

D = dt.date


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


# A year read aloud is a year; a count read aloud is not.
@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("The approach of the year two thousand has worried them.", "the year two thousand",
     "2000"),
    ("In nineteen ninety-one Charles Okoro was convicted.", "nineteen ninety-one", "1991"),
    ("By two thousand the network will reach every town.", "two thousand", "2000"),
])
def test_a_year_read_aloud(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(1998, 1, 21)), surface).value == value


@pytest.mark.parametrize("sentence", [
    "More than two thousand people marched to the square.",
    "The craft has been handed down for more than two thousand years.",
])
def test_a_count_read_aloud_is_no_year(sentence: str) -> None:
    assert not [t for t in tag(sentence, D(1998, 1, 21)) if t.value == "2000"]


# "Or so" hedges the amount of an "ago" expression; it stays one expression.
@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("A week or so ago, the commander chose the date.", "A week or so ago", "2026-W09"),
    ("A year or so earlier, the mill had closed.", "A year or so earlier", "2025"),
])
def test_or_so_inside_ago(sentence: str, surface: str, value: str) -> None:
    found = find(tag(sentence, D(2026, 3, 6)), surface)
    assert (found.value, found.mod) == (value, "APPROX")


# Counts of working days are durations of that many days; "the week of <date>" is a week.
@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("The ministry has five business days to answer the court.", "five business days",
     "P5D"),
    ("Eight trading days after the crash, the index had recovered.", "Eight trading days",
     "P8D"),
    ("The hearing was moved to the week of March 16.", "the week of March 16", "2026-W12"),
])
def test_working_days_and_the_week_of_a_date(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(2026, 3, 6)), surface).value == value


# "April 24 and 25": the second day is a date of its own, in the month just named.
def test_a_coordinated_day_is_a_date() -> None:
    found = tag("The summit will be held on April 24 and 25 in Nairobi.", D(2026, 3, 6))
    assert [(t.text, t.value) for t in found] == [("April 24", "2026-04-24"),
                                                 ("25", "2026-04-25")]


def test_a_count_after_a_date_is_no_day() -> None:
    found = tag("The blast on March 3 and 17 others were reported.", D(2026, 3, 6))
    assert [t.text for t in found] == ["March 3"]


# A clock time followed by a converted time in brackets and a weekday takes that weekday's
# day; the two stay separate expressions, as TimeML marks them.
def test_a_clock_time_takes_the_weekday_after_a_bracket() -> None:
    found = tag("The quake struck at 4:10 a.m. (0110 GMT) Tuesday, officials said.",
                D(2026, 3, 6))
    assert [(t.text, t.value) for t in found] == [("4:10 a.m", "2026-03-03T04:10"),
                                                 ("Tuesday", "2026-03-03")]


# Narrative reference time: "the previous Friday" and "overnight" count from the day the
# story is telling, not from the document's date.
@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Shares in Lagos closed lower on Feb. 18, down 3% from the previous Friday.",
     "the previous Friday", "2026-02-13"),
    ("The talks resumed on Feb. 3; the following Monday they collapsed.",
     "the following Monday", "2026-02-09"),
    ("Markets fell on Wednesday after overnight losses in Tokyo.", "overnight",
     "2026-03-03TNI"),
    ("Rebels shelled the port overnight, officials said.", "overnight", "2026-03-05TNI"),
])
def test_relative_words_follow_the_narrative_day(text: str, surface: str, value: str) -> None:
    assert find(tag(text, D(2026, 3, 6)), surface).value == value


# "-long" adjectives: a singular unit lasts one of it, a plural one an unknown number; the
# article before a plural belongs to the noun. Every spelling of the unit is found.
@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("Lawyers left their third day-long meeting with officials.", "day-long", "P1D"),
    ("The mine ended a years-long slump in output.", "years-long", "PXY"),
    ("Police ended an hours-long standoff at the bank.", "hours-long", "PTXH"),
    ("The decades-long dispute over the border ended.", "decades-long", "PXY"),
    ("Dockers began a week-long strike.", "week-long", "P1W"),
])
def test_long_adjectives(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(2026, 3, 6)), surface).value == value


def test_a_short_month_name_with_last_year() -> None:
    assert find(tag("Exports fell in Sep. last year.", D(2026, 3, 6)),
                "Sep. last year").value == "2025-09"
