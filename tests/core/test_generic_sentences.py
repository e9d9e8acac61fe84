"""A sentence that tells what happens as a rule ("Floods return each spring", "The board
usually meets in June") has no day: with no date of its own, a habitual word and no past or
future in its main clause, it is undated; a habit inside a quotation, "each other" and a
told happening keep their day (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.generic_sentences import tells_a_rule

D = dt.date
REPORT = D(2026, 4, 16)  # a Thursday

ARTICLE = (
    "date 2026-04-16 Delta\n\n"
    "The river broke its banks near the delta on Tuesday.\n\n"
    "Floods return each spring, farmers say, because the dykes were never rebuilt. "
    "The two villages blamed each other for the breach.\n\n"
    "\u201cWe lose a harvest every other year,\u201d one farmer said.\n\n"
    "Barges often wait at the lock for days.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_habit_with_no_day_is_undated(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Floods return each spring") == (None, None)
    assert _dates(tmp_path, "Barges often wait") == (None, None)


def test_each_other_and_a_quoted_habit_keep_their_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "blamed each other")[0] == D(2026, 4, 14)
    assert _dates(tmp_path, "lose a harvest")[0] == D(2026, 4, 14)


def test_a_past_or_a_future_in_the_main_clause_is_no_rule() -> None:
    assert not tells_a_rule("The ferry sailed each day until the storm.")
    assert not tells_a_rule("The board will meet every month.")
    assert tells_a_rule("The board usually meets in June, officials said.")


def test_the_word_test_before_the_search_turns_down_only_what_cannot_match() -> None:
    """`may_tell_a_rule` skips the habitual words' search where none of their longest words
    is in the lowercased ASCII text: wherever the search finds one, it lets the sentence
    through (case and spacing as written, a word only inside another, a letter beyond ASCII
    that matches an ASCII one when case is ignored)."""
    from viewer.core.events import generic_sentences as generic

    sentences = [
        "EVERY winter the road closes.", "They have fought For\n  Decades over it.",
        "It rains for years on end.", "The board Usually meets in June.",
        "The ferry left on Tuesday.", "Everyone agreed.", "Nobody came, ſo it goes.",
        "The ſhip often docks here.", "Weekly talks resumed.", "", "for years",
        "They meet eACH month.", "Decadesold ruins.", "It was a yearsaving move.",
    ]
    for sentence in sentences:
        if generic._GENERIC.search(sentence) is not None:
            assert generic.may_tell_a_rule(sentence), sentence
    assert not generic.may_tell_a_rule("The ferry left on Tuesday.")
    assert not generic.may_tell_a_rule("Weekly talks resumed.")
    assert generic.may_tell_a_rule("The \u017fhip sails.")  # beyond ASCII: always searched
