"""A date in a ", which …" clause dates the sentence when the main clause around it tells no
happening of its own (a present, no future, no progressive); otherwise it stays the relative
clause's alone (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date

ARTICLE = (
    "date 2026-06-12 Lake ferry inquiry\n\n"
    "Investigators boarded the ferry Aurora in Kisumu on Thursday.\n\n"
    "Attention has turned to the pilot boat, which struck the pier on Tuesday night.\n\n"
    "The pier, which opened in 2024, can take three ferries at once.\n\n"
    "Uganda and Kenya have named inspectors, which are expected to report on June 19.\n\n"
    "Tanzania is expected to join the inquiry, which Uganda proposed in May.\n\n"
    "Kenya is reviewing the licences, which were renewed in March.\n\n"
    "Traffic has fallen at the port, where most ferries docked in April.\n\n"
    "The harbour master, who took office in May, resigned.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_present_main_clause_takes_the_relative_clauses_date(tmp_path: Path) -> None:
    assert _dates(tmp_path, "the pilot boat") == (D(2026, 6, 9), D(2026, 6, 9))
    assert _dates(tmp_path, "The pier, which opened") == (D(2024, 1, 1), D(2024, 12, 31))
    assert _dates(tmp_path, "have named inspectors") == (D(2026, 6, 19), D(2026, 6, 19))


def test_a_main_clause_with_a_happening_of_its_own_keeps_its_day(tmp_path: Path) -> None:
    # a future, a progressive, a "where" clause, a past main verb: not the relative's date
    assert _dates(tmp_path, "Tanzania is expected")[0] != D(2026, 5, 1)
    assert _dates(tmp_path, "Kenya is reviewing") == (D(2026, 6, 12), D(2026, 6, 12))
    assert _dates(tmp_path, "Traffic has fallen")[0] != D(2026, 4, 1)
    assert _dates(tmp_path, "The harbour master")[0] != D(2026, 5, 1)
