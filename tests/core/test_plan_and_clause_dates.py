"""A deadline whose period reaches past the report, a plan that begins on a day "and takes a
week", a beginning told with its end, a day a postponed happening was due to start on, a
comparison "as it did in 2020" and a subject's relative clause before "said" (invented
article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date
REPORT = D(2026, 6, 22)  # a Monday

ARTICLE = (
    "date 2026-06-22 Salt mine dispute\n\n"
    "Officials said the mine would reopen by the end of the month.\n\n"
    "The ministry said the inspection would begin on July 6 and take a week.\n\n"
    "The last strike at the mine began in March and was declared over in May.\n\n"
    "The second shift, which the company had planned to start on June 8, has been postponed "
    "until August, the union said on Friday. Its members want a new contract.\n\n"
    "The union could also ask a court to rule, as it did in 2021, two lawyers said.\n\n"
    "Miners who walked out in April said they would not return.\n\n"
    "The owners said the strike would sour the mood before talks planned for next week.\n\n"
    "A ruling on the appeal is not expected before 2028.\n\n"
    "The mine will stay shut until 2027.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_deadline_reaching_past_the_report(tmp_path: Path) -> None:
    assert _dates(tmp_path, "reopen by the end") == (REPORT, D(2026, 6, 30))


def test_a_plan_that_begins_and_takes_a_week(tmp_path: Path) -> None:
    assert _dates(tmp_path, "inspection would begin") == (D(2026, 7, 6), D(2026, 7, 12))


def test_a_beginning_told_with_its_end(tmp_path: Path) -> None:
    assert _dates(tmp_path, "last strike at the mine") == (D(2026, 3, 1), D(2026, 5, 31))


def test_a_postponed_happening_is_dated_when_it_was_due(tmp_path: Path) -> None:
    assert _dates(tmp_path, "second shift") == (D(2026, 6, 8), D(2026, 6, 8))
    # the narrative goes on from the day it was told, Friday, not from June 8
    assert _dates(tmp_path, "Its members want")[0] != D(2026, 6, 8)


def test_a_comparison_is_not_the_happenings_date(tmp_path: Path) -> None:
    assert _dates(tmp_path, "ask a court to rule")[0] != D(2021, 1, 1)


def test_a_subjects_relative_clause_before_said(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Miners who walked out")[0] != D(2026, 4, 1)


def test_a_bound_does_not_reach_over_planned_for(tmp_path: Path) -> None:
    assert _dates(tmp_path, "sour the mood") == (D(2026, 6, 29), D(2026, 7, 5))


def test_a_negated_bound_dates_the_happening(tmp_path: Path) -> None:
    assert _dates(tmp_path, "ruling on the appeal") == (D(2028, 1, 1), D(2028, 12, 31))
    # a bound that is not negated stays one
    assert _dates(tmp_path, "stay shut")[0] != D(2027, 1, 1)
