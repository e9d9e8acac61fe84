"""A headline that tells a happening put off or called off takes the days its lead gives that
happening, as the reading rules date what was put off: when it was to take place (invented
articles)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in

D = dt.date

POSTPONED = (
    "date 2026-05-09 Port fee talks\n\n"
    "Peru–Ecuador port fee talks pushed back a week\n\n"
    "Talks between Peru and Ecuador on port fees, due to open in Callao on Monday, have been "
    "postponed by a week, officials said.\n\n"
    "The talks will now open on May 18.\n"
)

CANCELLED = (
    "date 2026-05-09 Dredging tender\n\n"
    "Lima scraps dredging tender after audit\n\n"
    "Peru has cancelled the dredging tender for the port of Paita that it had planned for "
    "June.\n"
)

PAST_LEAD = (
    "date 2026-05-09 Ferry line\n\n"
    "Ferry operator scraps night crossings\n\n"
    "The operator stopped its night crossings to Chiloé on Thursday after a storm.\n"
)


def test_a_put_off_headline_takes_the_days_it_was_set_for(tmp_path: Path) -> None:
    assert dates_in(tmp_path, POSTPONED, "pushed back a week") == (
        D(2026, 5, 11), D(2026, 5, 11))
    assert dates_in(tmp_path, CANCELLED, "scraps dredging tender") == (
        D(2026, 6, 1), D(2026, 6, 30))


def test_a_lead_that_puts_nothing_off_gives_its_news_day(tmp_path: Path) -> None:
    # "scraps" over a lead told in the past: the headline takes the lead's day, as before
    assert dates_in(tmp_path, PAST_LEAD, "scraps night crossings") == (
        D(2026, 5, 7), D(2026, 5, 7))
