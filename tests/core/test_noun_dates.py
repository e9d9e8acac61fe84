"""A date that names a thing after the sentence's verb ("condemned Monday's vote", "a review
of the May strikes") is that thing's time: the sentence is dated as if it named no day. A
date opening the sentence or a clause, or after "in", stays the sentence's (invented
article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.noun_dates import names_a_thing

D = dt.date
REPORT = D(2026, 5, 22)  # a Friday

ARTICLE = (
    "date 2026-05-22 Harbour\n\n"
    "The port authority raised berth fees on Thursday.\n\n"
    "Shipowners condemned Monday's decision to close the north quay.\n\n"
    "The union welcomed the fee rise and said the timing had nothing to do with Tuesday's "
    "strike.\n\n"
    "Tuesday's strike closed the terminal for six hours.\n\n"
    "Two dockers were hurt in Tuesday's clashes at the gate.\n\n"
    "The minister said that Monday's inspection found no fault.\n\n"
    "The board promised a review of the April stoppages.\n\n"
    "Hauliers say bookings for the summer have already fallen.\n\n"
    "The pilots met the board on Monday. The union said the previous evening that talks were "
    "over.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_possessive_day_after_the_verb_names_a_thing(tmp_path: Path) -> None:
    # a reaction with no day of its own: the news day (Thursday) to the report
    assert _dates(tmp_path, "condemned Monday's decision") == (D(2026, 5, 21), REPORT)
    assert _dates(tmp_path, "nothing to do with Tuesday's") == (D(2026, 5, 21), REPORT)


def test_a_month_between_the_and_a_noun_names_a_thing(tmp_path: Path) -> None:
    assert _dates(tmp_path, "review of the April stoppages")[0] != D(2026, 4, 1)


def test_a_season_with_its_the_after_a_noun_names_a_thing(tmp_path: Path) -> None:
    assert _dates(tmp_path, "bookings for the summer") == (REPORT, REPORT)
    # a day written with "the" is no such thing
    assert _dates(tmp_path, "said the previous evening") == (D(2026, 5, 17), D(2026, 5, 17))


def test_a_date_opening_a_sentence_or_clause_or_after_in_stays(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Tuesday's strike closed") == (D(2026, 5, 19), D(2026, 5, 19))
    assert _dates(tmp_path, "hurt in Tuesday's clashes") == (D(2026, 5, 19), D(2026, 5, 19))
    assert _dates(tmp_path, "that Monday's inspection") == (D(2026, 5, 18), D(2026, 5, 18))


def test_only_the_words_next_to_the_date_are_read() -> None:
    text = "They rejected Friday's offer. Friday's offer stood."
    assert names_a_thing(text, 14, 20)
    assert not names_a_thing(text, 30, 36)
    assert not names_a_thing("Talks on Friday ended.", 9, 15)


def test_a_bare_season_before_a_noun_is_a_kind_not_a_time(tmp_path: Path) -> None:
    article = (
        "date 2026-12-04 Mountain roads\n\n"
        "Governors back winter curfew on mountain roads as snow falls\n\n"
        "The regional council on Thursday voted for a curfew on mountain roads.\n\n"
        "The council will meet again in the spring.\n"
    )
    assert dates_in(tmp_path, article, "back winter curfew") == (D(2026, 12, 3), D(2026, 12, 3))
    assert dates_in(tmp_path, article, "meet again in the spring")[0] == D(2027, 3, 1)
    text = "Donors sent winter fuel. Prices rise in winter months."
    assert names_a_thing(text, 12, 18)
    assert not names_a_thing(text, 40, 46)


def test_a_day_chosen_as_something_is_not_the_day_of_choosing(tmp_path: Path) -> None:
    article = (
        "date 2026-05-22 Election board\n\n"
        "The election board named June 14 as the day of the runoff at a session on Tuesday.\n\n"
        "The board met on June 14 as the count went on.\n"
    )
    assert dates_in(tmp_path, article, "named June 14 as") == (D(2026, 5, 19), D(2026, 5, 19))
    assert dates_in(tmp_path, article, "met on June 14")[0] == D(2026, 6, 14)
    text = "They set Friday as the deadline."
    assert names_a_thing(text, 9, 15)


def test_a_bare_season_before_a_preposition_stays_a_time() -> None:
    text = "Aid agencies brace for a hungry summer in the north."
    assert not names_a_thing(text, text.index("summer"), text.index("summer") + 6)
