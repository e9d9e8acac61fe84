"""A statement's telling day is not the day of what it reports: "said on Monday they would
boycott the vote on June 12" is the vote's day, "said on Friday that police had arrested two
men on Thursday" Thursday's; the narrative goes on from the telling day (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date

ARTICLE = (
    "date 2026-06-06 Opposition to skip budget vote in Lilongwe\n\n"
    "Opposition members said on Thursday they would boycott the budget vote on June 12. "
    "They accused the speaker of bias.\n\n"
    "The finance ministry said on Friday that it would publish revised figures in July.\n\n"
    "The electoral body said on Friday that police had arrested two of its clerks on "
    "Wednesday.\n\n"
    "The ministry said on Monday that it had accepted an offer of talks in August.\n\n"
    "Teachers said on Wednesday that they had been on strike since May.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_plan_told_on_a_day_takes_the_plans_date(tmp_path: Path) -> None:
    assert _dates(tmp_path, "boycott the budget vote") == (D(2026, 6, 12), D(2026, 6, 12))
    assert _dates(tmp_path, "publish revised figures") == (D(2026, 7, 1), D(2026, 7, 31))


def test_the_narrative_goes_on_from_the_telling_day(tmp_path: Path) -> None:
    # a reaction in the same paragraph: from the telling day (Thursday) to the report
    assert _dates(tmp_path, "accused the speaker") == (D(2026, 6, 4), D(2026, 6, 6))


def test_a_reported_past_day_of_the_week_before(tmp_path: Path) -> None:
    assert _dates(tmp_path, "arrested two of its clerks") == (D(2026, 6, 3), D(2026, 6, 3))


def test_only_a_nearby_day_after_had_is_the_happenings(tmp_path: Path) -> None:
    # what was accepted on Monday is not August's talks, and a "since" bound stays a bound
    assert _dates(tmp_path, "accepted an offer of talks") == (D(2026, 6, 1), D(2026, 6, 1))
    assert _dates(tmp_path, "on strike since May")[1] != D(2026, 5, 31)


def test_a_date_in_a_clause_of_its_own_is_a_happening_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-06-06 Talks to resume\n\n"
        "The union said on Thursday that talks would resume, and the two sides were "
        "expected to meet next week.\n")
    events = extract_folder(tmp_path, use_cache=False).events
    dated = sorted((e.start, e.end) for e in events if "union" in e.text or "two sides" in e.text)
    assert dated == [(D(2026, 6, 4), D(2026, 6, 4)), (D(2026, 6, 8), D(2026, 6, 14))]
