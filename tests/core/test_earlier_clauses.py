"""A date in a clause of its own opened by "after", with a subject and its past verb ("…, after
the judges refused to do so in July"), dates that earlier happening, not the statement or state
the sentence tells before it; a past happening before it ("changed its routes after …") is
still dated by it, and "after midnight" or "after talks on Tuesday" have no verb and stay the
sentence's date (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from tests.core.workcount import counting_patterns, growth, lines_run
from viewer.core.events import cues
from viewer.core.events.sentence_dating import _dating
from viewer.core.timex import Tagger

D = dt.date
REPORT = D(2026, 10, 9)  # a Friday

ARTICLE = (
    "date 2026-10-09 Lakeside border row goes back to court\n\n"
    "Lawyers for Benin said the government was weighing a new request to the court, after the "
    "judges turned down its first one in July.\n\n"
    "The two delegations left Cotonou after midnight on Thursday.\n\n"
    "Benin recalled its envoy after talks on Wednesday.\n\n"
    "Fishermen moved their nets after the navy closed the bay in August.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_the_after_clauses_date_is_not_the_sentences(tmp_path: Path) -> None:
    assert _dates(tmp_path, "weighing a new request") == (REPORT, REPORT)


def test_a_date_after_after_without_a_verb_stays(tmp_path: Path) -> None:
    assert _dates(tmp_path, "left Cotonou") == (D(2026, 10, 8), D(2026, 10, 8))
    assert _dates(tmp_path, "recalled its envoy") == (D(2026, 10, 7), D(2026, 10, 7))


def test_a_past_happening_before_the_clause_keeps_its_date(tmp_path: Path) -> None:
    assert _dates(tmp_path, "moved their nets") == (D(2026, 8, 1), D(2026, 8, 31))


def test_the_pattern() -> None:
    assert cues.EARLIER_CLAUSE.search("as well, after the judges refused to do so in ")
    assert cues.EARLIER_CLAUSE.search("after it opened the border on ")
    assert not cues.EARLIER_CLAUSE.search("left the city after midnight on ")
    assert not cues.EARLIER_CLAUSE.search("after the talks on ")
    assert not cues.EARLIER_CLAUSE.search("after the judges refused, the court met on ")
    assert cues.past_happenings("Lawyers said it was weighing it, after the judges refused") \
        == [50]


def test_reading_after_clauses_is_linear() -> None:
    """Each date looks only a short way back, so a sentence with many dates and many
    "after" clauses costs in proportion to its length."""
    tagger = Tagger()
    unit = "Ghana protested after the navy seized a trawler on Monday and on Tuesday. "

    def work(copies: int) -> int:
        text = unit * copies * 20
        timexes = tagger.tag(text, REPORT)
        counter = [0]
        with counting_patterns(cues, counter):
            lines_run(lambda: _dating(timexes, text, 0, REPORT), counter)
        return counter[0]

    assert growth(work) < 5
