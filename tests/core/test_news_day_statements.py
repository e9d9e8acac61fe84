"""A statement or reaction with no day of its own that the narrative does not carry (a
paragraph after the news, or an opening quotation) came on a day from the story's news day to
the report; a present-tense "says" keeps the report's day (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.narrative_focus import told_since_the_news

D = dt.date
NEWS, REPORT = D(2026, 5, 6), D(2026, 5, 7)  # a Wednesday, the report's Thursday

ARTICLE = (
    "date 2026-05-07 Laos and Vietnam agree on a river crossing\n\n"
    "Laos and Vietnam agreed on Wednesday to build a ferry crossing on the Ca river.\n\n"
    "Vietnam's transport minister called the agreement \u201ca door that is now open\u201d.\n\n"
    "\u201cWe have been offered a fair share of the tolls,\u201d said a Lao negotiator.\n\n"
    "The ministry says the crossing is needed.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_statement_a_paragraph_on_spans_news_day_and_report(tmp_path: Path) -> None:
    assert _dates(tmp_path, "a door that is now open") == (NEWS, REPORT)
    assert _dates(tmp_path, "fair share of the tolls") == (NEWS, REPORT)


def test_the_present_keeps_the_reports_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "crossing is needed") == (REPORT, REPORT)


def test_only_after_a_news_day_before_the_report() -> None:
    assert told_since_the_news("The minister said it was fair.", NEWS, REPORT)
    assert not told_since_the_news("The minister said it was fair.", REPORT, REPORT)
    assert not told_since_the_news("The minister will say it is fair.", NEWS, REPORT)
    # a forecast or plan after a plain "said" may be told on the report's day
    assert not told_since_the_news("The minister said it would be fair.", NEWS, REPORT)


def test_a_future_only_in_what_is_said_is_still_a_statement() -> None:
    # after a verb of reacting, or inside a quotation: the answer to the news
    assert told_since_the_news("The union rejected the plan and said it would strike.",
                               NEWS, REPORT)
    assert told_since_the_news("\u201cThe ferry will run,\u201d the minister told reporters.",
                               NEWS, REPORT)
    # a future of the sentence's own, before any saying, is ahead
    assert not told_since_the_news("The ministry will publish the tolls, it said.",
                                   NEWS, REPORT)
    assert not told_since_the_news("The ferry is expected to run, officials said.",
                                   NEWS, REPORT)
    assert not told_since_the_news("The ferry will be rejected by boatmen, officials said.",
                                   NEWS, REPORT)


FUTURE_SAID = (
    "date 2026-05-07 Laos and Vietnam agree on a river crossing\n\n"
    "Laos and Vietnam agreed on Wednesday to build a ferry crossing on the Ca river.\n\n"
    "The boatmen's union condemned the deal and said the ferry would cost its members their"
    " jobs.\n\n"
    "\u201cNo boat will be idle,\u201d the Lao minister told reporters.\n"
)


def test_statements_with_a_future_in_what_is_said_span_news_day_and_report(
        tmp_path: Path) -> None:
    assert dates_in(tmp_path, FUTURE_SAID, "cost its members their jobs") == (NEWS, REPORT)
    assert dates_in(tmp_path, FUTURE_SAID, "No boat will be idle") == (NEWS, REPORT)


NO_LEAD = (
    "date 2026-05-09 Rig row delays river talks\n\n"
    "Talks on the river boundary, due to open on Monday, have been put off by two weeks.\n\n"
    "The talks will now begin on May 25, the mediators said.\n\n"
    "Laos said on Friday that a dredger had crossed the line, and accused Vietnam of a breach.\n\n"
    "Vietnam denied any breach.\n"
)


def test_without_a_news_day_in_the_lead_the_last_day_told_stands_in(tmp_path: Path) -> None:
    # the lead names no past day; the denial answers what was told on Friday (May 8)
    assert dates_in(tmp_path, NO_LEAD, "Vietnam denied") == (D(2026, 5, 8), D(2026, 5, 9))


CONDITION = (
    "date 2026-05-07 Laos and Vietnam agree on a river crossing\n\n"
    "Laos and Vietnam agreed on Wednesday to build a ferry crossing on the Ca river.\n\n"
    "Both sides agreed to let inspectors visit the landing once the water has fallen.\n\n"
    "The old crossing has been closed.\n"
)


def test_a_present_in_a_condition_leaves_the_news_day_to_the_main_clause(
        tmp_path: Path) -> None:
    # the agreement is Wednesday's; "has fallen" belongs to the condition
    assert dates_in(tmp_path, CONDITION, "let inspectors visit") == (NEWS, NEWS)
    # a present in the main clause is the report's
    assert dates_in(tmp_path, CONDITION, "old crossing has been closed") == (REPORT, REPORT)
