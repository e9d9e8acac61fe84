"""A deadline whose own clause has no past verb lies ahead, wherever the telling verb is.

"Shelters could run short of fuel by February, the charity warned": the past verb of
saying comes after the deadline, in a clause of its own, and tells when the warning was
given, not when the shortage would come; February is the next one. A past verb in the
deadline's own clause still makes it past ("The curfew lasted until Friday, police said").
Invented sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag

AUTUMN_DAY = dt.date(2026, 10, 21)  # a Wednesday

AHEAD = [
    ("Shelters could run short of fuel by February, the charity warned.", "February",
     "2027-02"),
    ("The border may stay shut until March, officials said.", "March", "2027-03"),
    ("Stocks of seed might hold out through January, the ministry said.", "January", "2027-01"),
    ("The offer stands until Friday, the union said.", "Friday", "2026-10-23"),
]


@pytest.mark.parametrize(("sentence", "words", "value"), AHEAD)
def test_a_deadline_before_a_past_teller_lies_ahead(sentence: str, words: str,
                                                    value: str) -> None:
    assert find(tag(sentence, AUTUMN_DAY), words).value == value


@pytest.mark.parametrize(("sentence", "words", "value"), [
    ("The curfew lasted until Friday, police said.", "Friday", "2026-10-16"),
    ("Fighting went on until Monday, witnesses said.", "Monday", "2026-10-19"),
    ("The stores had run dry by March, aid workers said.", "March", "2026-03"),
    ("By Tuesday, rescuers had reached the village.", "Tuesday", "2026-10-20"),
])
def test_a_past_verb_in_the_deadlines_clause_keeps_it_past(sentence: str, words: str,
                                                            value: str) -> None:
    assert find(tag(sentence, AUTUMN_DAY), words).value == value


def _work(copies: int) -> int:
    counter = [0]
    text = " ".join(sentence for sentence, _, _ in AHEAD) * copies * 10
    found: list[object] = []
    tagger = Tagger()
    lines_run(lambda: found.extend(tagger.tag(text, AUTUMN_DAY)), counter)
    assert len(found) == len(AHEAD) * copies * 10
    return counter[0]


def test_reading_deadlines_is_linear() -> None:
    assert growth(_work) < 4.6
