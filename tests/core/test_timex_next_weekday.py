""""Next Sunday" written on a Saturday is a week tomorrow, not the morrow.

The day after the report is "tomorrow" in news copy; "next" before that weekday points past
it to the following week. Further weekdays keep the nearest reading ("next Sunday" written on
a Thursday is three days on), and the second of a joined pair follows the first ("next Sunday
and Monday"). Invented sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag

SATURDAY = dt.date(2026, 10, 10)
THURSDAY = dt.date(2026, 10, 8)


@pytest.mark.parametrize(("sentence", "report", "words", "value"), [
    ("The envoy will visit both capitals next Sunday.", SATURDAY, "next Sunday", "2026-10-18"),
    ("The envoy will visit both capitals next Sunday.", THURSDAY, "next Sunday", "2026-10-11"),
    ("The envoy will visit both capitals next Tuesday.", SATURDAY, "next Tuesday",
     "2026-10-13"),
    ("The envoy will visit next Sunday and Monday.", SATURDAY, "Monday", "2026-10-19"),
    ("The envoy will visit both capitals next Saturday.", SATURDAY, "next Saturday",
     "2026-10-17"),
])
def test_next_weekday(sentence: str, report: dt.date, words: str, value: str) -> None:
    assert find(tag(sentence, report), words).value == value


def _work(copies: int) -> int:
    counter = [0]
    text = "The envoy will visit both capitals next Sunday. " * copies * 10
    found: list[object] = []
    tagger = Tagger()
    lines_run(lambda: found.extend(tagger.tag(text, SATURDAY)), counter)
    assert len(found) == copies * 10
    return counter[0]


def test_reading_next_weekdays_is_linear() -> None:
    assert growth(_work) < 4.6


def test_overnight_after_a_plan_ahead_is_the_reports_night() -> None:
    # the plan's day lies ahead: no night the story has reached, so "overnight" is the night
    # before the report (it had been the night into the morrow, after "next Thursday" was
    # read as the morrow)
    found = tag("Talks will resume next Thursday. The army shelled the port overnight.",
                dt.date(2026, 10, 7))
    assert find(found, "overnight").value == "2026-10-06TNI"
    found = tag("The talks ended on Monday. The army shelled the port overnight.",
                dt.date(2026, 10, 7))
    assert find(found, "overnight").value == "2026-10-04TNI"
