"""How far a "since" reaches: a process told in the perfect lasts from its month or year to the
report, a statement told on a day (or a count as of one) from its "since" date to that day; a
running total, a superlative and a relative clause stay as they were (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date
REPORT = D(2026, 6, 12)  # a Friday

ARTICLE = (
    "date 2026-06-12 Port of Varna\n\n"
    "The two dockers' unions have argued over night shifts since 2021.\n\n"
    "Residents of the harbour district have not been paid since January.\n\n"
    "At least 4,000 people have been displaced since March 2024.\n\n"
    "Exports of grain have grown since February, the port agency said on Tuesday.\n\n"
    "The ministry said on Thursday that 2,300 claims had been filed since the floods began on "
    "May 2. It accused the insurers of delays.\n\n"
    "By June 9 the agency had counted 410 cases since the outbreak began in April.\n\n"
    "The storm on Monday was the worst since 2019.\n\n"
    "The harbour board, which has run the port since 2015, approved the budget on Wednesday.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_process_in_the_perfect_lasts_to_the_report(tmp_path: Path) -> None:
    assert _dates(tmp_path, "argued over night shifts") == (D(2021, 1, 1), REPORT)
    assert _dates(tmp_path, "have not been paid") == (D(2026, 1, 1), REPORT)


def test_a_running_total_stays_the_reports_figure(tmp_path: Path) -> None:
    assert _dates(tmp_path, "4,000 people") == (REPORT, REPORT)


def test_a_statement_told_on_a_day_spans_from_its_since(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Exports of grain") == (D(2026, 2, 1), D(2026, 6, 9))
    assert _dates(tmp_path, "2,300 claims") == (D(2026, 5, 2), D(2026, 6, 11))
    assert _dates(tmp_path, "410 cases") == (D(2026, 4, 1), D(2026, 6, 9))


def test_the_narrative_goes_on_from_the_telling_day(tmp_path: Path) -> None:
    # a reaction after the statement: from Thursday, not from May 2, to the report
    assert _dates(tmp_path, "accused the insurers") == (D(2026, 6, 11), REPORT)


def test_a_superlative_and_a_relative_clause_are_no_span(tmp_path: Path) -> None:
    assert _dates(tmp_path, "worst since 2019") == (D(2026, 6, 8), D(2026, 6, 8))
    assert _dates(tmp_path, "approved the budget") == (D(2026, 6, 10), D(2026, 6, 10))
