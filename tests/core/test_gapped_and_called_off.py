"""Two days of one happening with the verb left out ("Ghana filed on Monday and Togo on
Wednesday") are one span; a weekday a called-off happening had been set for lies after the
narrative's day (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date

ARTICLE = (
    "date 2026-06-12 Court and concert\n\n"
    "The court ruled on Thursday that the harbour may stay open. "
    "The singer called off a concert her band had planned for Tuesday in Burgas.\n\n"
    "Ghana filed its reply on Monday and Togo on Wednesday, the court said.\n\n"
    "The ministry said the first ship arrived on Monday and the next on Wednesday.\n\n"
    "The court ruled on Thursday that the square may stay open. "
    "The club called off a match planned for June 20 in Ruse.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_gapped_second_subject_joins_the_days(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Ghana filed its reply") == (D(2026, 6, 8), D(2026, 6, 10))


def test_without_a_named_second_subject_the_first_day_stays(tmp_path: Path) -> None:
    assert _dates(tmp_path, "first ship arrived")[0] == D(2026, 6, 8)
    assert _dates(tmp_path, "first ship arrived")[1] != D(2026, 6, 10)


def test_a_called_off_happening_lies_after_the_narratives_day(tmp_path: Path) -> None:
    # the narrative is at Thursday (June 11); the past-read Tuesday (June 9) moves on a week
    assert _dates(tmp_path, "called off a concert") == (D(2026, 6, 16), D(2026, 6, 16))


def test_a_called_off_day_after_the_narratives_stays(tmp_path: Path) -> None:
    assert _dates(tmp_path, "called off a match") == (D(2026, 6, 20), D(2026, 6, 20))
