"""Two days joined only by "and" or "to" date one happening over both days; a deadline's
span is not the narrative's day for the sentences after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date


def _dates(tmp_path: Path, text: str) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    (tmp_path / "a.txt").write_text(text)
    return {e.text: (e.start, e.end) for e in extract_folder(tmp_path, use_cache=False).events}


def _of(dates: dict[str, tuple[dt.date | None, dt.date | None]], fragment: str
        ) -> tuple[dt.date | None, dt.date | None]:
    return next(v for k, v in dates.items() if fragment in k)


def test_coordinated_days_are_one_happening(tmp_path: Path) -> None:
    dates = _dates(tmp_path, (
        "date 2026-10-09 The river commission met in Kano on Tuesday and Wednesday.\n\n"
        "Engineers inspected the dam on September 21 and 22.\n\n"
        "Pumping ran from Monday to Wednesday.\n\n"
        "The commission will report on Monday, and the ministry on Friday.\n"))
    assert _of(dates, "met in Kano") == (D(2026, 10, 6), D(2026, 10, 7))
    assert _of(dates, "inspected the dam") == (D(2026, 9, 21), D(2026, 9, 22))
    assert _of(dates, "Pumping ran") == (D(2026, 10, 5), D(2026, 10, 7))
    # Two days in two clauses stay two happenings.
    assert _of(dates, "will report on Monday") == (D(2026, 10, 12), D(2026, 10, 12))


def test_a_deadline_is_not_the_next_sentences_day(tmp_path: Path) -> None:
    dates = _dates(tmp_path, (
        "date 2026-10-09 The ministry is expected to publish the rules before the end of "
        "October. The minister said the industry had been consulted.\n"))
    assert _of(dates, "publish the rules") == (D(2026, 10, 9), D(2026, 10, 31))
    assert _of(dates, "had been consulted") == (D(2026, 10, 9), D(2026, 10, 9))


def test_coordinated_months_and_years_are_one_happening(tmp_path: Path) -> None:
    dates = _dates(tmp_path, (
        "date 2026-11-16 The first vaccination drive, in May and June, reached 900,000 "
        "children.\n\n"
        "Relief groups say the 2023-24 floods emptied their reserves.\n\n"
        "Grain prices rose from July to September.\n\n"
        "Donors cut their pledges in 2024, and the drought returned in 2025.\n"))
    assert _of(dates, "vaccination drive") == (D(2026, 5, 1), D(2026, 6, 30))
    assert _of(dates, "2023-24 floods") == (D(2023, 1, 1), D(2024, 12, 31))
    assert _of(dates, "Grain prices") == (D(2026, 7, 1), D(2026, 9, 30))
    # A day beside a month is no pair; two years in two clauses stay two happenings.
    assert _of(dates, "Donors cut") == (D(2024, 1, 1), D(2024, 12, 31))


def test_a_happening_spread_over_days_begins_that_many_days_back(tmp_path: Path) -> None:
    dates = _dates(tmp_path, (
        "date 2026-10-09 Three days of border talks in Lomé ended on Thursday without a "
        "deal.\n\n"
        "The delegations met on Wednesday for six hours over two days in a hotel.\n\n"
        "Opening three days of hearings on Monday, the judge warned both sides.\n\n"
        "The envoy will stay over two days from Monday.\n\n"
        "The unions signed a pact on Thursday, after two days of talks ended in a deal.\n"))
    assert _of(dates, "border talks") == (D(2026, 10, 6), D(2026, 10, 8))
    assert _of(dates, "six hours over two days") == (D(2026, 10, 6), D(2026, 10, 7))
    # No end told: the day opens the days; a plan ahead is no spread back.
    assert _of(dates, "Opening three days") == (D(2026, 10, 5), D(2026, 10, 5))
    assert _of(dates, "will stay") == (D(2026, 10, 12), D(2026, 10, 12))
    # "Two days of" in another clause spread the talks, not the signing.
    assert _of(dates, "signed a pact") == (D(2026, 10, 8), D(2026, 10, 8))
