"""Words that go on with a statement spanning the news day and the report span them too: a
quotation or "He added …" right after it; after a statement dated to its own day they keep
that day (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date
REPORT = D(2026, 5, 22)  # a Friday
NEWS = D(2026, 5, 21)

ARTICLE = (
    "date 2026-05-22 Harbour\n\n"
    "The port authority raised berth fees on Thursday.\n\n"
    "The shipowners' association rejected the rise. \u201cThe port has priced itself out of "
    "the market,\u201d its chairman said. He added that members would look at other ports.\n\n"
    "The authority's director defended the rise on Thursday. \u201cWe have not raised fees for "
    "a decade,\u201d she said.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_quotation_and_an_added_word_after_a_reaction_span_to_the_report(
        tmp_path: Path) -> None:
    assert _dates(tmp_path, "rejected the rise") == (NEWS, REPORT)
    assert _dates(tmp_path, "priced itself out") == (NEWS, REPORT)
    assert _dates(tmp_path, "He added that members") == (NEWS, REPORT)


def test_a_quotation_after_a_statement_of_its_own_day_keeps_that_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "not raised fees") == (NEWS, NEWS)
