"""A headline that announces a plan in the infinitive takes the day its lead plans; a pledge
with a window ahead runs to the window's end; a comparison "below the 61% recorded in 2021"
is no date of the happening (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date
REPORT = D(2026, 4, 8)  # a Wednesday

ARTICLE = (
    "date 2026-04-08 Senate panel to question port authority over delays\n\n"
    "A Senate panel will question the port authority's board on April 20, its chairwoman "
    "said on Tuesday.\n\n"
    "The new harbour master promised to publish the berth rules within two weeks.\n\n"
    "The authority said on-time departures were 58% in March, below the 61% recorded in 2021.\n"
)

PAST = (
    "date 2026-04-08 Senators to meet again after walkout\n\n"
    "Senators walked out of the budget debate on Tuesday.\n"
)


def test_a_plan_headline_takes_the_leads_day(tmp_path: Path) -> None:
    assert dates_in(tmp_path, ARTICLE, "Senate panel to question") == (
        D(2026, 4, 20), D(2026, 4, 20))


def test_a_headline_over_a_past_lead_keeps_the_news_day(tmp_path: Path) -> None:
    assert dates_in(tmp_path, PAST, "Senators to meet again") == (D(2026, 4, 7), D(2026, 4, 7))


def test_a_pledge_with_a_window_ahead(tmp_path: Path) -> None:
    start, end = dates_in(tmp_path, ARTICLE, "promised to publish")
    assert end == start + dt.timedelta(days=14)


def test_a_comparisons_year_is_not_the_happenings(tmp_path: Path) -> None:
    assert dates_in(tmp_path, ARTICLE, "on-time departures")[0] != D(2021, 1, 1)


WEEK = (
    "date 2026-04-08 Ferry crews to strike for two days next week\n\n"
    "Operators say the stoppage will strand islanders; crews call the claim a scare\n\n"
    "Ferry crews will walk out for 48 hours from 6 a.m. next Tuesday, their union said on "
    "Tuesday.\n"
)
ELSEWHERE = (
    "date 2026-04-08 Ferry crews to strike next week\n\n"
    "Ferry crews will walk out on April 30, their union said on Tuesday.\n"
)


def test_a_plan_headline_naming_the_week_takes_the_leads_days_in_it(tmp_path: Path) -> None:
    # the headline names the week, the lead the two days of it the strike takes
    assert dates_in(tmp_path, WEEK, "to strike for two days") == (
        D(2026, 4, 14), D(2026, 4, 15))


def test_lead_days_outside_the_headlines_week_leave_it_its_own(tmp_path: Path) -> None:
    assert dates_in(tmp_path, ELSEWHERE, "to strike next week") == (
        D(2026, 4, 13), D(2026, 4, 19))
