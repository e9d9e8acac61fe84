"""Reporting periods in financial news: a comparison "a year earlier" is the same period a
year before, also after the date that closes the period ("the quarter ended Sept. 30").

Invented agency-style sentences (no corpus text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import tag

D = dt.date


CASES = [
    ("The brewer earned $8 million in the third quarter ended Sept. 30, up from $5 million "
     "a year earlier.", "a year earlier", "2025-Q3"),
    ("For the second quarter ended June 30, sales rose 4%. A year ago, the unit lost money.",
     "A year ago", "2025-Q2"),
    ("Net fell in the quarter ended Sept. 30; the mill earned $2 million in the year-ago "
     "quarter.", "the year-ago quarter", "2025-Q3"),
    # A day that is no period's end still moves the narrative off the quarter.
    ("The third quarter was weak. On Sept. 30 the plant closed, a year earlier than planned.",
     "a year earlier", "2025"),
]


@pytest.mark.parametrize(("sentence", "surface", "value"), CASES)
def test_a_comparison_is_the_same_period_a_year_before(sentence: str, surface: str,
                                                       value: str) -> None:
    assert find(tag(sentence, D(2026, 10, 28)), surface).value == value


# The first or last half of a decade is one expression: the decade, at its start or end.
@pytest.mark.parametrize(("text", "surface", "value", "mod"), [
    ("Output was flat in the last half of the '90s.", "the last half of the '90s", "199",
     "END"),
    ("Growth was strong in the first half of the 1970s.", "the first half of the 1970s", "197",
     "START"),
])
def test_a_half_of_a_decade(text: str, surface: str, value: str, mod: str) -> None:
    found = find(tag(text, D(2026, 10, 28)), surface)
    assert (found.value, found.mod) == (value, mod)


# "The year-earlier nine months", "the latest six months": a reporting span, a duration like
# "the nine months", not the year the adjective points to.
@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Net for the year-earlier nine months included a one-time gain.",
     "the year-earlier nine months", "P9M"),
    ("Sales in the latest six months rose 4%.", "the latest six months", "P6M"),
])
def test_a_qualified_reporting_span_is_a_duration(text: str, surface: str, value: str) -> None:
    assert find(tag(text, D(2026, 10, 28)), surface).value == value


def test_a_comparison_does_not_move_the_narrative_off_its_quarter() -> None:
    """"The year-earlier period" is a comparison: a later "a year ago" still counts from the
    quarter being reported, not from the year before it."""
    text = ("Net rose in the third quarter. The gain was helped by charges taken in the "
            "year-earlier period. Interest costs were lower than a year ago.")
    assert find(tag(text, D(2026, 10, 28)), "a year ago").value == "2025-Q3"


# "Earlier"/"later" cut a period at the report only when the period holds the report's day;
# before, "earlier next quarter" ended on the report's day, before it began (found by the
# property test).
@pytest.mark.parametrize(("text", "earliest", "latest"), [
    ("earlier next quarter", D(2026, 4, 1), D(2026, 6, 30)),
    ("later last month", D(2025, 12, 1), D(2025, 12, 31)),
    ("earlier this month", D(2026, 1, 1), D(2026, 1, 14)),
])
def test_earlier_and_later_cut_at_the_report_only_inside_the_period(
        text: str, earliest: dt.date, latest: dt.date) -> None:
    found = find(tag(text, D(2026, 1, 14)), text)
    assert (found.earliest, found.latest) == (earliest, latest)
