"""TimeML's reading of "<amount> later/earlier": the amount is a DURATION, the word a signal.

Invented narrative sentences. The tagger's own record keeps the dated expression (the event
stage dates "Three days later, ..." by it); only the TimeML outputs show the amount.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag
from viewer.core.timex.timeml_signals import as_timeml

MONDAY = dt.date(2026, 11, 23)
TAGGER = Tagger()


def timeml(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in as_timeml(TAGGER.tag(text, MONDAY), TAGGER.tag)]


@pytest.mark.parametrize(("text", "amount", "value"), [
    ("The court sat on Nov. 2. Three days later, the verdict came.", "Three days", "P3D"),
    ("Crews reached the village. A few days later, the road reopened.", "A few days", "PXD"),
    ("The pilot radioed at dawn. A day earlier, the storm had passed.", "A day", "P1D"),
    ("He was taken to hospital. Just over an hour later, he died.", "over an hour", "PT1H"),
    ("The strike began in May. Two months later it ended.", "Two months", "P2M"),
    ("Talks broke off. A week or so later they resumed.", "A week", "P1W"),
])
def test_amount_before_later_is_the_duration(text: str, amount: str, value: str) -> None:
    found = [t for t in timeml(text) if t[0] == amount]
    assert found == [(amount, "DURATION", value)]
    assert not any(t[0].endswith(("later", "earlier")) for t in timeml(text))


def test_the_tagger_keeps_the_dated_expression_for_the_event_stage() -> None:
    text = "The court sat on Nov. 2. Three days later, the verdict came."
    later = find(tag(text, MONDAY), "Three days later")
    assert (later.type, later.value, later.earliest) == ("DATE", "2026-11-05", dt.date(2026, 11, 5))


def test_a_year_earlier_stays_the_comparison_period() -> None:
    text = "Profit rose to $5 million from $3 million a year earlier."
    assert ("a year earlier", "DATE", "2025") in timeml(text)


def test_ago_and_other_expressions_pass_unchanged() -> None:
    text = "The plant closed three days ago and reopened on Friday."
    assert timeml(text) == [(t.text, t.type, t.value) for t in TAGGER.tag(text, MONDAY)]


def test_reading_signals_is_linear() -> None:
    sentence = "The talks began on Monday. Three days later, a deal was signed. "

    def work(copies: int) -> int:
        timexes = TAGGER.tag(sentence * copies * 20, MONDAY)
        counter = [0]
        lines_run(lambda: as_timeml(timexes, TAGGER.tag), counter)
        return counter[0]

    assert growth(work) < 4.6
