"""A month or season named without its year, in a clause whose verb lies ahead, is the next
one even when the telling is past: "said it would open a second line in March", told in
October, is next March (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date

ARTICLE = (
    "date 2026-10-14 Tram works in Porto\n\n"
    "The city said it would open a second tram line in March. "
    "Engineers said the tunnel works could resume in the spring. "
    "The mayor said the first line, which opened in March, had carried two million people. "
    "The council said it had approved the budget in May.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_month_ahead_is_next_years(tmp_path: Path) -> None:
    assert _dates(tmp_path, "second tram line") == (D(2027, 3, 1), D(2027, 3, 31))
    assert _dates(tmp_path, "could resume in the spring")[0] == D(2027, 3, 1)


def test_a_past_month_stays(tmp_path: Path) -> None:
    assert _dates(tmp_path, "approved the budget") == (D(2026, 5, 1), D(2026, 5, 31))
