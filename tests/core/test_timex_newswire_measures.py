"""Measures and names that look like times: model years, and ages that are an event's length.

Invented sentences: a year after an article or a possessive and before a product noun or a
maker and model ("his 1987 Chevrolet Cavalier") is a model year, no time; an age adjective
before a thing that happens ("the 8-month-old truce") is how long it has lasted, a DURATION,
while the age of a person or a body ("a 6-year-old boy", "the 50-year-old alliance") is a
measure.
"""

from __future__ import annotations

import datetime as dt

import pytest

from viewer.core.timex import tag

D = dt.date


@pytest.mark.parametrize(("text", "years"), [
    # A model year after an article or a possessive names a product, not a time ...
    ("Police found the suspect's 1987 Chevrolet Cavalier at the airport.", []),
    ("A 1964 convertible sold for $2 million.", []),
    ("He drove off in a 1990 Ford pickup.", []),
    ("Dealers cut prices on the 2025 models.", []),
    # ... a year after a preposition, or before other names, stays a year.
    ("In 1987 Ford cut 10,000 jobs.", ["1987"]),
    ("The 1996 Olympic bombing killed one woman.", ["1996"]),
    ("Analysts trimmed their 2027 Toyota earnings estimates.", ["2027"]),
])
def test_model_years_are_no_times(text: str, years: list[str]) -> None:
    assert [t.value for t in tag(text, D(2026, 3, 4)) if t.rule == "year"] == years


@pytest.mark.parametrize(("text", "found"), [
    ("Gunmen opposed to the 8-month-old truce fired on a patrol.",
     [("8-month-old", "DURATION", "P8M")]),
    ("The three-week-old strike ended on Friday with a pay deal.",
     [("three-week-old", "DURATION", "P3W"), ("Friday", "DATE", "2026-02-27")]),
    ("Doctors treated a 6-year-old boy.", []),
    ("The 50-year-old alliance admitted two members.", []),
    ("The 44-year-old suspect fled.", []),
])
def test_an_event_age_is_a_duration(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text, D(2026, 3, 4))] == found
