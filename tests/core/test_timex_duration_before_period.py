"""A duration right before "earlier this year" or "later this month".

"Fell short for 12 days earlier this month" tells how long (12 days) and when (the part of
the month before the report); "earlier" belongs to the period after it. Read as "12 days
earlier", an offset, the tagger used to keep only the duration and "this month", so the
event stage's rule for the part of a month or year before the report never saw it. Invented
sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag

THURSDAY = dt.date(2026, 5, 14)

PERIOD_AFTER_A_DURATION = [
    ("The pumps at the canal stood idle for 12 days earlier this month, engineers said.",
     "12 days", "earlier this month"),
    ("Ferries were cancelled for two weeks earlier this year after the storm.",
     "two weeks", "earlier this year"),
    ("The ministry expects the line to close for three days later this week.",
     "three days", "later this week"),
    ("Inspectors stayed in the port for six weeks earlier this year.",
     "six weeks", "earlier this year"),
]


@pytest.mark.parametrize(("sentence", "duration", "period"), PERIOD_AFTER_A_DURATION)
def test_the_period_keeps_its_word(sentence: str, duration: str, period: str) -> None:
    found = tag(sentence, THURSDAY)
    assert find(found, duration).type == "DURATION"
    assert find(found, period).type == "DATE"


@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("The dam had closed three days earlier, the agency said.", "three days earlier",
     "2026-05-11"),
    ("Two weeks later, the talks resumed in the capital.", "Two weeks later", "2026-W22"),
    ("The strike ended four days earlier than planned.", "four days", "P4D"),
])
def test_an_offset_without_a_period_after_it_stays_an_offset(sentence: str, surface: str,
                                                             value: str) -> None:
    assert find(tag(sentence, THURSDAY), surface).value == value


def _work(copies: int) -> int:
    """Tag a long run of such sentences, counting the Python lines run."""
    counter = [0]
    text = " ".join(s for s, _, _ in PERIOD_AFTER_A_DURATION) * copies * 10
    found: list[object] = []
    tagger = Tagger()
    lines_run(lambda: found.extend(tagger.tag(text, THURSDAY)), counter)
    assert len(found) == 8 * copies * 10
    return counter[0]


def test_tagging_periods_after_durations_is_linear() -> None:
    assert growth(_work) < 4.6
