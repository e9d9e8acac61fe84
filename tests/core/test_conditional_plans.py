"""A plan told with a condition and nothing else to date it (no day of its own, no news day
it reacts to) is undated: the report's day is only when it was told (invented article). A
condition cut short ("if asked") hedges the stance told that day, which keeps its day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.narrative_focus import conditional_plan

D = dt.date

ARTICLE = (
    "date 2026-05-14 Border crossing talks\n\n"
    "Peru and Bolivia will reopen the Desaguadero crossing to lorries on May 18.\n\n"
    "Lima said the crossing would close again if the lorry queues grew past ten kilometres.\n\n"
    "A customs official said the night shifts would start the day the new scanners arrive.\n\n"
    "Hauliers said the fee would fall after both customs services have merged their checks.\n\n"
    "The minister said she would answer questions in Congress if asked.\n\n"
    "Bolivia will send a trade mission to Lima on May 20 if the crossing stays open.\n\n"
    "Officials said checks would run once a week.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_plan_that_waits_on_a_condition_is_undated(tmp_path: Path) -> None:
    for fragment in ("would close again if", "the day the new scanners arrive",
                     "after both customs services have merged"):
        assert _dates(tmp_path, fragment) == (None, None), fragment


def test_a_condition_cut_short_keeps_the_telling_day(tmp_path: Path) -> None:
    # "if asked" hedges what was said that day: the report's day, as before
    assert _dates(tmp_path, "answer questions in Congress if asked") == (
        D(2026, 5, 14), D(2026, 5, 14))


def test_a_plan_with_a_date_of_its_own_keeps_it(tmp_path: Path) -> None:
    assert _dates(tmp_path, "trade mission to Lima") == (D(2026, 5, 20), D(2026, 5, 20))


def test_what_counts_as_a_condition() -> None:
    assert conditional_plan("Lima said the crossing would close if queues grew.")
    assert conditional_plan("Talks will resume once both envoys have returned.")
    assert not conditional_plan("Officials said checks would run once a week.")
    assert not conditional_plan("The council would act if necessary.")
    assert not conditional_plan("\u201cWe will go if they ask,\u201d she said.")
    assert not conditional_plan("The team would deploy as soon as roads were checked.")
    assert not conditional_plan("Ministers met if only briefly.")
