"""A week, a month or a year wholly before the story's news day is background: the sentences
after it in its paragraph go on with the news, not with that period (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date

ARTICLE = (
    "date 2026-05-14 Port of Varna fines shipping line\n\n"
    "The port authority of Varna fined a shipping line on Tuesday for dumping ballast.\n\n"
    "Inspectors say the line changed its routes after the authority tightened the rules in "
    "October 2024. The harbour master told reporters the fine was the largest yet.\n\n"
    "The line said it would appeal. In a statement it recalled that it had been cleared in "
    "a similar case in 2019, and its lawyers filed the appeal within hours.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_the_background_month_does_not_date_the_next_sentence(tmp_path: Path) -> None:
    assert _dates(tmp_path, "tightened the rules") == (D(2024, 10, 1), D(2024, 10, 31))
    assert _dates(tmp_path, "harbour master told reporters")[0] == D(2026, 5, 12)


def test_a_news_day_still_dates_the_sentences_after_it(tmp_path: Path) -> None:
    assert _dates(tmp_path, "fined a shipping line") == (D(2026, 5, 12), D(2026, 5, 12))


WEEK = (
    "date 2026-05-16 Court upholds port fine\n\n"
    "The maritime court on Friday upheld the fine imposed on a shipping line.\n\n"
    "The judge said an inspection of the hull, carried out last week, had found ballast "
    "residue. One of the three judges dissented.\n"
)


def test_a_week_before_the_news_day_is_background_too(tmp_path: Path) -> None:
    # last week (May 4-10) dates its own sentence; the dissent is the ruling's, Friday May 15
    assert dates_in(tmp_path, WEEK, "carried out last week") == (D(2026, 5, 4), D(2026, 5, 10))
    assert dates_in(tmp_path, WEEK, "judges dissented") == (D(2026, 5, 15), D(2026, 5, 15))
