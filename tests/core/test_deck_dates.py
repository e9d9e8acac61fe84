"""A deck that tells a reaction in the headline's present spans the lead's news day and the
report; a deck that tells the news itself keeps the news day (invented articles)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date
MONDAY, REPORT = D(2027, 3, 8), D(2027, 3, 9)


def test_a_reaction_deck_spans_the_news_day_and_the_report(tmp_path: Path) -> None:
    article = (
        "date 2027-03-09 Chile and Peru sign fishing accord\n\n"
        "Fishermen's unions call the quotas too low\n\n"
        "By Ana Ruiz | Pacific Desk\n\n"
        "LIMA, March 9 — Chile and Peru signed a fishing accord on Monday, the two foreign "
        "ministries said.\n")
    assert dates_in(tmp_path, article, "Chile and Peru sign") == (MONDAY, MONDAY)
    assert dates_in(tmp_path, article, "unions call the quotas") == (MONDAY, REPORT)


def test_a_deck_of_the_news_itself_is_left_alone(tmp_path: Path) -> None:
    article = (
        "date 2027-03-09 Chile and Peru sign fishing accord\n\n"
        "The accord sets anchovy quotas for both fleets\n\n"
        "LIMA, March 9 — Chile and Peru signed a fishing accord on Monday, the two foreign "
        "ministries said.\n")
    assert dates_in(tmp_path, article, "anchovy quotas") != (MONDAY, REPORT)


def test_a_deck_of_what_someone_says_spans_the_news_day_and_the_report(
        tmp_path: Path) -> None:
    article = (
        "date 2027-03-09 Chile and Peru sign fishing accord\n\n"
        "Fishing towns say the accord comes a season late\n\n"
        "LIMA, March 9 — Chile and Peru signed a fishing accord on Monday, the two foreign "
        "ministries said.\n")
    assert dates_in(tmp_path, article, "Fishing towns say") == (MONDAY, REPORT)
