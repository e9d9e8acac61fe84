"""A reaction without a day of its own answers the news of the day on which the article first
told of its object ("welcomed the pause"), not the narrative's later day (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.core.article_dates import dates_in
from tests.core.workcount import CountingPattern
from viewer.core.events import answered_news
from viewer.core.events.answered_news import FirstTold, answers_earlier

D = dt.date
FRIDAY, SATURDAY, REPORT = D(2026, 9, 18), D(2026, 9, 19), D(2026, 9, 21)

ARTICLE = (
    "date 2026-09-21 Floods hit the Mekong delta\n\n"
    "Floods hit the Mekong delta on Saturday, killing nine people, officials said.\n\n"
    "On Friday, Laos agreed to a 15-day pause in releases from its dams upstream.\n\n"
    "Vietnam said on Saturday it would respect the pause.\n\n"
    "Cambodia welcomed the pause. Thailand criticised the officials.\n"
)


def test_a_reaction_answers_the_day_its_object_was_first_told(tmp_path: Path) -> None:
    assert dates_in(tmp_path, ARTICLE, "Cambodia welcomed the pause") == (FRIDAY, REPORT)


def test_an_object_first_told_on_the_narratives_day_changes_nothing(tmp_path: Path) -> None:
    # "the officials" were first told of in the lead, on Saturday: the lead's day to the report
    assert dates_in(tmp_path, ARTICLE, "Thailand criticised") == (SATURDAY, REPORT)


def test_the_first_telling_is_kept_and_only_a_reaction_asks() -> None:
    told: FirstTold[str] = FirstTold()
    told.note("On Friday, Laos agreed to a pause.", "friday")
    told.note("Vietnam said on Saturday it would respect the pause.", "saturday")
    assert told.answered("Cambodia welcomed the pause.") == "friday"
    assert told.answered("Cambodia respected the pause.") is None  # no reaction verb
    assert told.answered("Cambodia welcomed the rains.") is None  # never told on a day
    assert answers_earlier(FRIDAY, SATURDAY, REPORT)
    assert not answers_earlier(SATURDAY, FRIDAY, REPORT)
    assert not answers_earlier(REPORT, None, REPORT)


def test_no_search_before_anything_was_told(monkeypatch: pytest.MonkeyPatch) -> None:
    counter = [0]
    monkeypatch.setattr(answered_news, "_OBJECT",
                        CountingPattern(answered_news._OBJECT, counter))
    told: FirstTold[str] = FirstTold()
    assert told.answered("Ghana welcomed the pause.") is None  # nothing told yet
    assert counter[0] == 0  # and no search for an object
    told.note("Turkey agreed to a pause on Friday.", "Friday")
    assert told.answered("Ghana welcomed the pause.") == "Friday"
    assert counter[0] == len("Ghana welcomed the pause.")
