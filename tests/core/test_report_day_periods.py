"""Periods told beside the report's day: "earlier this month" and "earlier this year" end the
day before the report, "later this week" starts the day after it, "earlier this week" keeps
the report's day (the seeds' reading); "a week later" or "two months later" after a one-day
sentence is that day moved on (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.later_days import later_day
from viewer.core.events.report_day_periods import beside_the_report

D = dt.date
REPORT = D(2026, 5, 20)  # a Wednesday

ARTICLE = (
    "date 2026-05-20 Ferries\n\n"
    "The ferry line cut two crossings earlier this month.\n\n"
    "Fuel prices had risen sharply earlier this year, the operator said.\n\n"
    "Crews walked out briefly earlier this week.\n\n"
    "The regulator will publish its review later this week.\n\n"
    "The unions meet the owners on Friday. A week later, the regulator is to rule on fares.\n\n"
    "The line opened a new route on March 2. Two months later, a second ship joined it.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_earlier_this_month_and_year_end_the_day_before_the_report(tmp_path: Path) -> None:
    assert _dates(tmp_path, "cut two crossings") == (D(2026, 5, 1), D(2026, 5, 19))
    assert _dates(tmp_path, "Fuel prices") == (D(2026, 1, 1), D(2026, 5, 19))


def test_earlier_this_week_keeps_the_report_and_later_starts_after_it(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Crews walked out") == (D(2026, 5, 18), REPORT)
    assert _dates(tmp_path, "publish its review") == (D(2026, 5, 21), D(2026, 5, 24))


def test_a_count_of_weeks_or_months_after_a_day_is_a_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "A week later") == (D(2026, 5, 29), D(2026, 5, 29))
    assert _dates(tmp_path, "Two months later") == (D(2026, 5, 2), D(2026, 5, 2))


def test_other_expressions_and_spans_are_left_alone() -> None:
    week = (D(2026, 5, 25), D(2026, 5, 31))
    assert later_day("a week later", *week, (D(2026, 5, 18), D(2026, 5, 19))) == week
    assert later_day("the week after", *week, (D(2026, 5, 22), D(2026, 5, 22))) == week
    assert later_day("a week later", *week, (D(2026, 5, 1), D(2026, 5, 1))) == week
    assert beside_the_report("this month", D(2026, 5, 1), REPORT, REPORT) == (
        D(2026, 5, 1), REPORT)
