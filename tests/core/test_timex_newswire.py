"""Temporal tagger on newswire it was not built on: one group of cases per error class.

The sentences are written for these tests in the style of agency copy (not taken from any
corpus), so they check that each rule holds on text the tagger has never seen.
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


# Year choice for bare months and dates in past narratives: a past clause reaches back up to
# nine months; abbreviation dots ("Oct.", "P.") do not cut the clause off from its verb.
YEAR_CHOICE = [
    ("The mayor, who stepped down in March for health reasons, was replaced.", D(2024, 11, 4),
     "March", "2024-03"),
    ("Police have been searching for the driver since shortly after the Oct. 23 crash.",
     D(2025, 5, 6), "Oct. 23", "2024-10-23"),
    ("Ms. Ortega, 61 years old, will succeed John P. Hale Feb. 1 as chief executive.",
     D(2024, 10, 26), "Feb. 1", "2025-02-01"),
    ("The airline said it will add flights to Lisbon in December.", D(2025, 3, 4),
     "December", "2025-12"),
    ("Officials said the bridge would reopen by Jan. 14.", D(2026, 1, 6), "Jan. 14",
     "2026-01-14"),
    ("In January, the firm brought in a new finance chief.", D(2025, 10, 27), "January",
     "2025-01"),
    ("Shareholders tendered most shares by the Tuesday deadline.", D(2025, 11, 6),
     "Tuesday", "2025-11-04"),
    ("The inspectors planned to leave the capital on Thursday.", D(2025, 9, 30),
     "Thursday", "2025-10-02"),
]


@pytest.mark.parametrize(("sentence", "dct", "surface", "value"), YEAR_CHOICE)
def test_year_choice_in_past_narratives(sentence: str, dct: dt.date, surface: str,
                                        value: str) -> None:
    assert find(tag(sentence, dct), surface).value == value
