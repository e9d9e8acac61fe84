"""Words said at the happening itself are that day's, not a reaction that may have come on
any day up to the report (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.narrative_focus import at_the_happening

D = dt.date
TUESDAY, REPORT = D(2027, 2, 9), D(2027, 2, 10)

ARTICLE = (
    "date 2027-02-10 Grain corridor talks end in Istanbul\n\n"
    "Talks on a Black Sea grain corridor ended in Istanbul on Tuesday without a deal.\n\n"
    "\u201cWe are closer than we were,\u201d the Turkish mediator told reporters as the talks "
    "closed.\n\n"
    "A Romanian envoy told delegates that ships needed insurance first. "
    "Moldova rejected the draft. "
    "\u201cThe text is not finished,\u201d the envoy told reporters after the final session.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_speech_at_the_happening_is_its_day(tmp_path: Path) -> None:
    assert _dates(tmp_path, "closer than we were") == (TUESDAY, TUESDAY)
    assert _dates(tmp_path, "told delegates") == (TUESDAY, TUESDAY)
    assert _dates(tmp_path, "text is not finished") == (TUESDAY, TUESDAY)


def test_a_reaction_still_reaches_the_report(tmp_path: Path) -> None:
    assert _dates(tmp_path, "Moldova rejected the draft") == (TUESDAY, REPORT)


def test_the_cues() -> None:
    assert at_the_happening("she told reporters after the meeting.")
    assert not at_the_happening("she told reporters on Wednesday.")
