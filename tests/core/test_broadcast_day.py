"""What a broadcaster's guests said "on the programme" is the broadcast's, the page's own date,
not the news day they discuss nor a span up to the report; so is what the paragraph goes on to
tell (invented programme page)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.broadcast_day import on_the_programme

D = dt.date
NEWS, REPORT = D(2026, 5, 14), D(2026, 5, 16)  # a Thursday; the programme's Saturday

PAGE = (
    "date 2026-05-16 The Week in Review: the port ruling\n\n"
    "The constitutional court ruled on Thursday that the port concession was lawful.\n\n"
    "Opposition leaders rejected the ruling.\n\n"
    "On the programme, the lawyer Ana Petrova argued that the dissent would matter more in "
    "the long run. The economist Ivan Dimov said the concession could not survive in its "
    "present form.\n"
)


def test_what_guests_said_on_the_programme_is_the_broadcasts(tmp_path: Path) -> None:
    assert dates_in(tmp_path, PAGE, "the dissent would matter") == (REPORT, REPORT)
    assert dates_in(tmp_path, PAGE, "could not survive") == (REPORT, REPORT)


def test_a_reaction_outside_the_programme_keeps_its_span(tmp_path: Path) -> None:
    assert dates_in(tmp_path, PAGE, "Opposition leaders rejected") == (NEWS, REPORT)


def test_only_a_sentence_opening_so() -> None:
    assert on_the_programme("On the programme, the lawyer argued it.")
    assert on_the_programme("In the studio, she said it was lawful.")
    assert not on_the_programme("The lawyer, on the programme, argued it.")
    assert not on_the_programme("Onward, the programme went.")
