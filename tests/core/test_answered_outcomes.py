"""A reaction that names an outcome ("rejected the deal", "called the ruling a setback") still
spans the news day and the report, where one naming a happening of one moment ("condemned the
attack") goes on with that happening's day (invented articles)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events import cues

D = dt.date
NEWS, REPORT = D(2026, 6, 3), D(2026, 6, 4)  # a Wednesday, the report's Thursday

DEAL = (
    "date 2026-06-04 Slovenia and Croatia agree on a ferry toll\n\n"
    "Slovenia and Croatia agreed on Wednesday to share the tolls of a new ferry on the Dragonja"
    " estuary.\n\n"
    "The fishermen's guild in Piran rejected the deal as a giveaway.\n\n"
    "A Croatian shipowner called the agreement \u201ca first step\u201d.\n"
)

ATTACK = (
    "date 2026-06-04 Gunmen attack a border post\n\n"
    "Gunmen attacked a border post near the river on Wednesday, killing two guards.\n\n"
    "The interior ministry condemned the attack.\n"
)


def test_a_reaction_to_an_outcome_spans_news_day_and_report(tmp_path: Path) -> None:
    assert dates_in(tmp_path, DEAL, "rejected the deal") == (NEWS, REPORT)
    assert dates_in(tmp_path, DEAL, "called the agreement") == (NEWS, REPORT)


def test_a_reaction_to_a_happening_of_one_moment_keeps_its_day(tmp_path: Path) -> None:
    assert dates_in(tmp_path, ATTACK, "condemned the attack") == (NEWS, NEWS)


def test_which_named_happenings_keep_a_reaction_on_their_day() -> None:
    assert not cues.is_reaction("Officials condemned the attack.")
    assert not cues.is_reaction("Observers called the talks a failure.")
    for outcome in cues.CUES["answered_outcomes"]:
        assert cues.is_reaction(f"Observers called the {outcome} a failure.")
    # an outcome still names a happening told before, for a new paragraph (`paragraph_anchor`)
    assert cues.refers_back("Observers called the deal a failure.")
