"""Vague words after a modal or "then", the month just gone, and results' comparison periods.

Invented newswire sentences, one group per error class: "will one day" is some time ahead
(FUTURE_REF), not a day's length; "the then current price" is a past present (PAST_REF);
"last <month>" naming the month just gone is a year back (that month is "last month");
"the corresponding period last year", "the quarter a year ago" and "last year's quarter" are
the reported quarter a year before, like "the year-ago quarter"; a deadline after a verb in
the present perfect ("has extended credit through January") still lies ahead.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import tag

D = dt.date

CASES = [
    # A modal before "one day": some time ahead.
    ("Officials say the port will one day handle twice the cargo.", D(2026, 3, 4),
     "one day", "DATE", "FUTURE_REF"),
    ("Scientists hope the vaccine could one day replace the old one.", D(2026, 3, 4),
     "one day", "DATE", "FUTURE_REF"),
    # ... elsewhere, a day's length.
    ("The strike lasted one day.", D(2026, 3, 4), "one day", "DURATION", "P1D"),
    ("The visit will be cut to one day.", D(2026, 3, 4), "one day", "DURATION", "P1D"),
    ("Passes will one day a week be free.", D(2026, 3, 4), "one day", "DURATION", "P1D"),
    # "Then current": the present of a time already told.
    ("Holders may buy shares at half the then current market price.", D(2026, 3, 4),
     "then current", "DATE", "PAST_REF"),
    ("The then-current rules allowed it.", D(2026, 3, 4), "then-current", "DATE", "PAST_REF"),
    ("Current rules allow it.", D(2026, 3, 4), "Current", "DATE", "PRESENT_REF"),
    # "Last <month>": the month just gone is a year back ...
    ("Two ferries collided last February, killing nine.", D(2026, 3, 2),
     "last February", "DATE", "2025-02"),
    ("The mayor resigned last November.", D(2026, 12, 10), "last November", "DATE",
     "2025-11"),
    # ... other months before the report's are this year's, the rest last year's.
    ("The treaty signed last April took effect.", D(2026, 10, 27), "last April", "DATE",
     "2026-04"),
    ("The treaty signed last May took effect.", D(2026, 2, 27), "last May", "DATE",
     "2025-05"),
    ("Voters went to the polls last December.", D(2026, 1, 12), "last December", "DATE",
     "2025-12"),
    # "This past <month>" is the latest one, even the month just gone.
    ("Exports fell this past February.", D(2026, 3, 2), "this past February", "DATE",
     "2026-02"),
]


@pytest.mark.parametrize(("text", "dct", "surface", "kind", "value"), CASES)
def test_reference_words_and_months(text: str, dct: dt.date, surface: str, kind: str,
                                    value: str) -> None:
    found = find(tag(text, dct), surface)
    assert (found.type, found.value) == (kind, value)


REPORT = ("The dairy group earned $4.2 million in the third quarter ended Sept. 30, against "
          "$3.9 million for the corresponding period last year. Exports for last year's "
          "quarter were $1 million. The same period a year earlier saw a loss.")


@pytest.mark.parametrize(("surface", "value"), [
    ("the corresponding period last year", "2025-Q3"),
    ("last year's quarter", "2025-Q3"),
    ("The same period a year earlier", "2025-Q3"),
])
def test_comparison_periods_named_by_their_year(surface: str, value: str) -> None:
    found = find(tag(REPORT, D(2026, 11, 2)), surface)
    assert (found.type, found.value) == ("DATE", value)


def test_a_comparison_period_does_not_move_the_narrative() -> None:
    text = ("Profit rose in the third quarter ended Sept. 30 from the corresponding period "
            "last year. A year earlier, the group had lost money.")
    assert find(tag(text, D(2026, 11, 2)), "A year earlier").value == "2025-Q3"


def test_the_quarter_a_year_ago_is_one_expression() -> None:
    text = "Sales rose 4% in the latest quarter from the quarter a year ago."
    found = find(tag(text, D(2026, 11, 2)), "the quarter a year ago")
    assert found.value == "2025-Q3"


@pytest.mark.parametrize(("text", "value"), [
    # The present perfect leaves the deadline ahead ...
    ("Lenders have extended the group $90 million in credit through January.", "2027-01"),
    ("The regulator has extended the deadline until Friday.", "2026-10-30"),
    # ... a plain past verb keeps it behind, and so does "since".
    ("Lenders extended the group $90 million in credit through January.", "2026-01"),
    ("The talks lasted until Friday.", "2026-10-23"),
    ("The bank has held rates since January.", "2026-01"),
])
def test_deadline_after_the_present_perfect(text: str, value: str) -> None:
    word = "January" if "January" in text else "Friday"
    assert find(tag(text, D(2026, 10, 28)), word).value == value

