"""Two weekdays joined in one phrase are one happening's days, the second after the first.

"The envoys will meet on Thursday and Friday", written on a Friday, is next week's Thursday
and the Friday after it, not next Thursday and the report's own day; and "on Thursday and
Friday, September 17 and 18" restates the pair with dates, so Friday is not read as the
weekday of September 17. Invented sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag

FRIDAY = dt.date(2026, 9, 11)


@pytest.mark.parametrize(("sentence", "first", "second", "values"), [
    ("The envoys will meet on Thursday and Friday in the capital.", "Thursday", "Friday",
     ("2026-09-17", "2026-09-18")),
    ("Inspectors will visit the dam from Monday to Wednesday.", "Monday", "Wednesday",
     ("2026-09-14", "2026-09-16")),
    ("The delegates met on Tuesday and Wednesday behind closed doors.", "Tuesday",
     "Wednesday", ("2026-09-08", "2026-09-09")),
    ("Crews worked on Saturday or Sunday, the mayor said.", "Saturday", "Sunday",
     ("2026-09-05", "2026-09-06")),
])
def test_the_second_weekday_follows_the_first(sentence: str, first: str, second: str,
                                               values: tuple[str, str]) -> None:
    found = tag(sentence, FRIDAY)
    assert (find(found, first).value, find(found, second).value) == values


def test_dates_after_a_pair_of_weekdays_restate_it() -> None:
    found = tag("The ministers will meet on Thursday and Friday, September 17 and 18, "
                "with engineers.", FRIDAY)
    assert find(found, "Friday").value == "2026-09-18"
    assert find(found, "September 17").value == "2026-09-17"


def test_a_lone_weekday_with_its_date_stays_one_expression() -> None:
    found = tag("The vote is on Thursday, September 17, officials said.", FRIDAY)
    assert find(found, "Thursday, September 17").value == "2026-09-17"


def test_a_weekday_after_a_date_keeps_its_own_reading() -> None:
    found = tag("The report came out on September 3 and Friday was quiet.", FRIDAY)
    assert find(found, "Friday").value == "2026-09-11"


def _work(copies: int) -> int:
    counter = [0]
    text = "The envoys will meet on Thursday and Friday in the capital. " * copies * 10
    found: list[object] = []
    tagger = Tagger()
    lines_run(lambda: found.extend(tagger.tag(text, FRIDAY)), counter)
    assert len(found) == 2 * copies * 10
    return counter[0]


def test_reading_joined_weekdays_is_linear() -> None:
    assert growth(_work) < 4.6
