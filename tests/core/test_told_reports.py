"""More of what a statement told on a day reports: a month before it after a verb in the simple
past, a deadline ahead after a future, a day a count is told as of; and a day that a happening
called off or put off had been set for (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.narrative_focus import at_the_happening
from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date
REPORT = D(2026, 6, 12)  # a Friday

ARTICLE = (
    "date 2026-06-12 Ferries on the lower Danube\n\n"
    "The ferry operators signed a new fare deal in Silistra on Wednesday.\n\n"
    "\u201cThis ends a long quarrel,\u201d the mayor told reporters at the signing.\n\n"
    "The river authority said on Wednesday that cargo volumes dropped sharply in March and "
    "April.\n\n"
    "The ministry said on Tuesday that inspectors found cracks covered by the agency's March "
    "report.\n\n"
    "The ministry said on Monday that it had accepted an offer of talks in May.\n\n"
    "The utility said on Wednesday it would restore power to every village by the end of the "
    "month.\n\n"
    "Officials said on Thursday that by Tuesday night 212 boats had been checked.\n\n"
    "The consortium said it had postponed the launch of its new ferry, which had been "
    "scheduled for July.\n\n"
    "The port, which reopened in May, handled 40 ships on Thursday.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_month_told_in_the_simple_past(tmp_path: Path) -> None:
    assert _dates(tmp_path, "cargo volumes dropped") == (D(2026, 3, 1), D(2026, 4, 30))


def test_a_month_of_a_noun_or_after_had_is_not_the_happenings(tmp_path: Path) -> None:
    assert _dates(tmp_path, "inspectors found cracks") == (D(2026, 6, 9), D(2026, 6, 9))
    assert _dates(tmp_path, "accepted an offer") == (D(2026, 6, 8), D(2026, 6, 8))


def test_a_deadline_told_on_a_day_runs_from_the_report(tmp_path: Path) -> None:
    assert _dates(tmp_path, "restore power") == (REPORT, D(2026, 6, 30))


def test_a_count_told_as_of_a_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "212 boats") == (D(2026, 6, 9), D(2026, 6, 9))


def test_a_postponed_happening_takes_the_date_it_was_set_for(tmp_path: Path) -> None:
    assert _dates(tmp_path, "postponed the launch") == (D(2026, 7, 1), D(2026, 7, 31))
    # a relative clause's date that was no plan stays out
    assert _dates(tmp_path, "handled 40 ships") == (D(2026, 6, 11), D(2026, 6, 11))


def test_speech_at_the_signing_is_its_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "ends a long quarrel") == (D(2026, 6, 10), D(2026, 6, 10))
    assert at_the_happening("she told reporters at the signing ceremony.")


def test_a_postponed_happening_keeps_its_modality(tmp_path: Path) -> None:
    # dated by the day it was set for, it is still read as put off, not as planned
    (tmp_path / "a.txt").write_text(ARTICLE)
    events = extract_folder(tmp_path, use_cache=False).events
    found = next(e for e in events if "postponed the launch" in e.text)
    assert found.modality == "postponed"
