"""Words quoted inside a reported clause ("said the bloc was “deeply disappointed”") are the
speaker's wording, not a happening: the statement is a reaction and spans the news day and the
report. A quotation that opens the sentence is the statement itself, and a past told in it
("“Officers were attacked,” she said") keeps the news day (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events import cues

D = dt.date
NEWS, REPORT = D(2026, 11, 5), D(2026, 11, 6)  # a Thursday, the report's Friday

ARTICLE = (
    "date 2026-11-06 Herring talks in Torshavn end without a deal\n\n"
    "Talks on herring quotas between Norway and the Faroe Islands ended on Thursday without "
    "a deal.\n\n"
    "The Faroese fisheries minister said his government was \u201cdeeply disappointed\u201d.\n"
)


def test_a_statement_with_quoted_wording_spans_news_day_and_report(tmp_path: Path) -> None:
    assert dates_in(tmp_path, ARTICLE, "deeply disappointed") == (NEWS, REPORT)


def test_which_pasts_count() -> None:
    assert cues.is_reaction("The minister said the ruling was \u201ccarefully calibrated\u201d.")
    assert not cues.is_reaction("The minister said the ruling was carefully calibrated.")
    # a past outside the quoted words is still a happening told
    assert not cues.is_reaction("She said the \u201cfirst\u201d ship arrived in Bergen.")
    # a quotation opening the sentence is the statement: its pasts are happenings
    assert not cues.is_reaction("\u201cOfficers were attacked with stones,\u201d she said.")


def test_a_verb_after_to_or_be_has_no_tense() -> None:
    # "could be rerouted", "to hit": no past happening told, so the statement is a reaction
    assert cues.is_reaction("She said most ships could be rerouted to Antwerp.")
    # "pushed" is a past of its own
    assert not cues.is_reaction("He said the duties were meant to hit states that pushed.")
    assert cues.is_reaction("He said the duties were set to hit the dairy states.")
    assert not cues.is_reaction("She said most ships were rerouted to Antwerp.")
    # a present passive is no past either: "is expected to decline"
    assert cues.is_reaction("Analysts said output is expected to decline by 2029.")
    assert not cues.is_reaction("Analysts said output was halved.")
