"""A month after "the first half of" is its 1st–15th (after "the second half of" its
16th–last); a time counted in hours from another ("An hour earlier, …") is the narrative's day
(invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date

ARTICLE = (
    "date 2026-11-20 Ferry strike ends\n\n"
    "The first ferries sailed in the first half of October. "
    "Repairs to the quay were finished in the second half of September.\n\n"
    "On Thursday evening the union called off the strike it had begun after Monday's vote. "
    "An hour earlier, two captains steered their ferries back to port.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_halves_of_a_month(tmp_path: Path) -> None:
    assert _dates(tmp_path, "first ferries sailed") == (D(2026, 10, 1), D(2026, 10, 15))
    assert _dates(tmp_path, "Repairs to the quay") == (D(2026, 9, 16), D(2026, 9, 30))


def test_an_hour_earlier_is_the_narratives_day(tmp_path: Path) -> None:
    # not Monday, the last date the article wrote before it
    assert _dates(tmp_path, "two captains steered") == (D(2026, 11, 19), D(2026, 11, 19))
