"""A verb told "on" a day owns that day, even with a future cue right after it.

"The unions agreed on Thursday to hold a ballot next month", written on a Friday: Thursday is
when they agreed (yesterday), though "to hold" stands closer to it than "agreed" does. Only
"on", "in" or "at" between the verb and the day count as nothing; further words keep the
distance as written. Invented sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag

FRIDAY = dt.date(2026, 9, 11)

PAST = [
    "The unions agreed on Thursday to hold a ballot next month.",
    "The two ministers met on Tuesday to sign the accord.",
    "The council voted on Monday to close the bridge.",
]


@pytest.mark.parametrize(("sentence", "value"), list(zip(
    PAST, ["2026-09-10", "2026-09-08", "2026-09-07"], strict=True)))
def test_a_past_verbs_own_day_is_past(sentence: str, value: str) -> None:
    day = next(word for word in ("Monday", "Tuesday", "Thursday") if word in sentence)
    assert find(tag(sentence, FRIDAY), day).value == value


@pytest.mark.parametrize(("sentence", "value"), [
    ("The ministers plan to meet on Tuesday to sign the accord.", "2026-09-15"),
    ("The committee will vote on Monday to close the bridge.", "2026-09-14"),
])
def test_a_future_verbs_own_day_stays_ahead(sentence: str, value: str) -> None:
    day = "Tuesday" if "Tuesday" in sentence else "Monday"
    assert find(tag(sentence, FRIDAY), day).value == value


def _work(copies: int) -> int:
    counter = [0]
    text = " ".join(PAST) * copies * 10
    found: list[object] = []
    tagger = Tagger()
    lines_run(lambda: found.extend(tagger.tag(text, FRIDAY)), counter)
    assert len(found) >= len(PAST) * copies * 10
    return counter[0]


def test_reading_a_verbs_own_day_is_linear() -> None:
    assert growth(_work) < 4.6
