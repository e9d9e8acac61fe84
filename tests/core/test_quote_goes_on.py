"""A quotation split over sentences is one telling: its bare later sentences take the first's
days, and a quotation paragraph whose speaker the sentence before named goes on with that
sentence's day, not the story's news day (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.quote_goes_on import (
    QUOTE_REACH,
    goes_on_quoting,
    quotation_through,
    quote_only,
    quotes_the_same_speaker,
)

D = dt.date
MONDAY, TUESDAY, REPORT = D(2026, 9, 7), D(2026, 9, 8), D(2026, 9, 9)

ARTICLE = (
    "date 2026-09-09 Lake falls to a record low\n\n"
    "The level of the lake has fallen to its lowest on record, the water authority said on "
    "Monday.\n\n"
    "The farm minister, Ana Ruiz Vega, accused the neighbouring state on Tuesday of drawing "
    "too much water.\n\n"
    "\u201cThey are watering their fields with our lake,\u201d Ruiz told reporters in the "
    "capital. \u201cThat has to stop before the dry season.\u201d\n\n"
    "\u201cThere is a real text on the table,\u201d the mediator told reporters as the talks "
    "closed on Monday. \u201cBoth sides now have to decide.\u201d\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_bare_quotation_goes_on_with_the_sentence_before(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Both sides now have to decide") == (MONDAY, MONDAY)


def test_a_quotation_paragraph_by_the_speaker_just_named_keeps_that_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "watering their fields") == (TUESDAY, TUESDAY)
    assert _dates(tmp_path, "That has to stop") == (TUESDAY, TUESDAY)


def test_what_a_bare_quotation_is() -> None:
    assert quote_only("\u201cBoth sides now have to decide.\u201d")
    assert quote_only('"We agreed to share figures, and we will."')
    assert not quote_only('"It is a message," she said.')
    assert not quote_only('"It is a message," she said, "not a rupture."')
    assert not quote_only("The minister said it was fair.")
    assert goes_on_quoting('"Both sides must decide."', '"There is a text," he said.')
    assert not goes_on_quoting('"Both sides must decide."', "He said there was a text.")


def test_the_speaker_must_be_named_in_the_sentence_before() -> None:
    before = "The farm minister, Ana Ruiz Vega, accused her neighbours on Tuesday."
    assert quotes_the_same_speaker("\u201cOur lake,\u201d Ruiz told reporters.", before)
    assert not quotes_the_same_speaker("\u201cOur lake,\u201d Lopez told reporters.", before)
    assert not quotes_the_same_speaker("Ruiz told reporters it was their lake.", before)


PRONOUN = (
    "date 2026-09-09 Lake falls to a record low\n\n"
    "The level of the lake has fallen to its lowest on record, the water authority said on "
    "Monday.\n\n"
    "The farm minister, Ana Ruiz Vega, accused the neighbouring state on Tuesday of drawing "
    "too much water.\n\n"
    "\u201cWe share the lake. We do not share our fields,\u201d she told reporters in the "
    "capital.\n"
)


def test_a_quotation_paragraph_by_a_pronoun_keeps_the_named_speakers_day(
        tmp_path: Path) -> None:
    # the quotation runs over two sentences; "she" is the minister just named, on Tuesday
    assert dates_in(tmp_path, PRONOUN, "We do not share our fields") == (TUESDAY, TUESDAY)


def test_a_pronoun_after_the_quotation_is_the_speaker_just_named() -> None:
    before = "The farm minister, Ana Ruiz Vega, accused her neighbours on Tuesday."
    assert quotes_the_same_speaker("\u201cOur lake,\u201d she told reporters.", before)
    assert quotes_the_same_speaker('"Our lake", he said.', before)
    assert not quotes_the_same_speaker("\u201cOur lake,\u201d she told reporters.",
                                       "the level fell on Tuesday.")
    assert not quotes_the_same_speaker("She told reporters it was their lake.", before)


def test_a_quotation_is_followed_to_the_sentence_that_closes_it() -> None:
    opening = ["\u201cWe share the lake.", "We do not share our fields,\u201d she said.",
               "The ministry said more."]
    assert quotation_through(opening) == " ".join(opening[:2])
    closed = ["\u201cWe share the lake,\u201d she said.", "The ministry said more."]
    assert quotation_through(closed) == closed[0]
    assert quotation_through(["The ministry said more."]) == "The ministry said more."
    # an unclosed quotation is followed through a few sentences at most
    assert quotation_through(["\u201cOne."] + ["More."] * 50).count("More.") == QUOTE_REACH - 1
