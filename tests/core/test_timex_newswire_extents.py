"""Temporal tagger on newswire written for these tests: where expressions start and end.

Each group is one error class met on agency copy; the sentences are our own.
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


# A date that introduces a quotation or a list ("said on Friday, March 6:") is still a date.
@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("The Herald said in an editorial on Friday, March 6:", "Friday, March 6", "2026-03-06"),
    ("The minister wrote on March 4: the talks are over.", "March 4", "2026-03-04"),
    ("Deadlines, as agreed on Feb. 27: a draft in April, a vote in May.", "Feb. 27",
     "2026-02-27"),
])
def test_a_date_before_a_colon(sentence: str, surface: str, value: str) -> None:
    assert find(tag(sentence, D(2026, 3, 6)), surface).value == value

