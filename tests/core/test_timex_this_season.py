""""This season" is the season that holds the report's day, not its whole year.

A July report that says a harvest "will be smaller this season" speaks of that summer; "last
season" and "next season" are the ones before and after it, and a winter runs from its
December into the next year. Invented sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag
from viewer.core.timex.normalize_dates import season_around
from viewer.core.timex.value_calendar import interval


@pytest.mark.parametrize(("sentence", "report", "words", "value"), [
    ("Growers said the harvest would be smaller this season.", dt.date(2026, 7, 16),
     "this season", "2026-SU"),
    ("The ferry ran fewer crossings last season.", dt.date(2026, 7, 16), "last season",
     "2026-SP"),
    ("The resort hopes for more visitors next season.", dt.date(2026, 7, 16), "next season",
     "2026-FA"),
    ("Ski lifts will stay shut this season.", dt.date(2027, 1, 20), "this season", "2026-WI"),
    ("The lifts opened late last season.", dt.date(2027, 3, 10), "last season", "2026-WI"),
])
def test_this_season_is_the_reports_season(sentence: str, report: dt.date, words: str,
                                           value: str) -> None:
    assert find(tag(sentence, report), words).value == value


def test_a_winter_spans_the_new_year() -> None:
    assert interval(season_around(dt.date(2026, 12, 5), 0)) == (
        dt.date(2026, 12, 1), dt.date(2027, 2, 28))


def test_a_named_season_keeps_its_own_rule() -> None:
    assert find(tag("Crops failed last summer.", dt.date(2026, 10, 20)),
                "last summer").value == "2026-SU"


def _work(copies: int) -> int:
    counter = [0]
    text = "Growers said the harvest would be smaller this season. " * copies * 10
    found: list[object] = []
    tagger = Tagger()
    lines_run(lambda: found.extend(tagger.tag(text, dt.date(2026, 7, 16))), counter)
    assert len(found) == copies * 10
    return counter[0]


def test_reading_seasons_is_linear() -> None:
    assert growth(_work) < 4.6
