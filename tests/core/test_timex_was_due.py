""""Was due to" tells a plan as it stood in the past: its weekday is the one just gone.

"The curfew was due to start on Sunday", written on a Monday, is the day before, as "had
been due to" already was; "is due to start on Sunday" stays ahead. Backshifted reported
speech ("officials said the talks were due to resume on Monday") is read as past too: a
judgement, since such a sentence may also tell a plan still ahead. Invented sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag

MONDAY = dt.date(2026, 3, 30)


@pytest.mark.parametrize(("sentence", "value"), [
    ("The curfew was due to start on Sunday.", "2026-03-29"),
    ("The two trains were due to leave on Saturday but stayed in the depot.", "2026-03-28"),
    ("The curfew had been due to start on Sunday.", "2026-03-29"),
    ("The curfew is due to start on Sunday.", "2026-04-05"),
    ("The trains are due to leave on Saturday.", "2026-04-04"),
])
def test_was_due_to_is_a_past_plan(sentence: str, value: str) -> None:
    day = "Sunday" if "Sunday" in sentence else "Saturday"
    assert find(tag(sentence, MONDAY), day).value == value


def _work(copies: int) -> int:
    counter = [0]
    text = "The curfew was due to start on Sunday. " * copies * 10
    found: list[object] = []
    tagger = Tagger()
    lines_run(lambda: found.extend(tagger.tag(text, MONDAY)), counter)
    assert len(found) == copies * 10
    return counter[0]


def test_reading_was_due_is_linear() -> None:
    assert growth(_work) < 4.6
