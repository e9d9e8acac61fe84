"""A possible step told without a time of its own is undated: a reader can give it no day,
neither the report's nor the narrative's (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.narrative_focus import possible_step

D = dt.date

ARTICLE = (
    "date 2026-05-06 Drought talks in Windhoek\n\n"
    "Namibia and Botswana agreed on Tuesday to share data on the Okavango's flow. "
    "Angola could also join the data exchange. "
    "A water ministry official said Gaborone may ask the river commission for an audit.\n\n"
    "The commission is considering a second gauge station near the border, officials said.\n\n"
    "Farmers warned that the harvest could fail if the rains came late.\n\n"
    "The ministers said they were considering a joint appeal.\n\n"
    "Angola said it could attend the next round on May 20.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_possible_step_without_a_date_is_undated(tmp_path: Path) -> None:
    for fragment in ("Angola could also join", "Gaborone may ask",
                     "is considering a second gauge", "the harvest could fail"):
        assert _dates(tmp_path, fragment) == (None, None), fragment


def test_the_step_that_was_taken_keeps_its_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "agreed on Tuesday") == (D(2026, 5, 5), D(2026, 5, 5))
    # a report of deliberations (past progressive) keeps the narrative's day
    assert _dates(tmp_path, "were considering a joint appeal")[0] is not None
    # a possible step with a date of its own keeps that date
    assert _dates(tmp_path, "attend the next round") == (D(2026, 5, 20), D(2026, 5, 20))


def test_only_the_sentences_own_verb_counts() -> None:
    assert possible_step("Officials said the agency could open a second centre.")
    assert not possible_step("The court ruled that the rights could suffer harm.")
    assert not possible_step("\u201cWe could wait,\u201d she said.")
    assert not possible_step("The minister signed the decree.")
