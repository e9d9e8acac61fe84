"""A new paragraph that names a happening goes on with the paragraph before only when the
sentence that set that paragraph's day told of the same happening; otherwise the named
happening is the story's own news (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.paragraph_anchor import goes_on_from

D = dt.date
MAY_4, THURSDAY, REPORT = D(2026, 5, 4), D(2026, 9, 10), D(2026, 9, 11)

ARTICLE = (
    "date 2026-09-11 Two towns agree to share a ferry\n\n"
    "The towns of Arlen and Brisk agreed on Thursday to run a shared ferry across the river, "
    "their mayors said.\n\n"
    "The old ferry, withdrawn on May 4 after its engine failed, left commuters with a long "
    "detour by road.\n\n"
    "The two mayors signed the agreement in Arlen after a day of talks.\n\n"
    "The ferry company broke off talks with its crews on May 4.\n\n"
    "Union leaders blamed the talks' collapse on the company's owners.\n\n"
    "The company sold its last boat on May 4.\n\n"
    "They then closed the office at the landing.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_happening_the_last_dated_sentence_never_named_is_the_news(tmp_path: Path) -> None:
    assert _dates(tmp_path, "withdrawn on May 4") == (MAY_4, MAY_4)
    assert _dates(tmp_path, "signed the agreement") == (THURSDAY, THURSDAY)


def test_a_happening_the_last_dated_sentence_named_goes_on(tmp_path: Path) -> None:
    assert _dates(tmp_path, "blamed the talks' collapse") == (MAY_4, MAY_4)


def test_a_paragraph_that_opens_with_a_pronoun_goes_on(tmp_path: Path) -> None:
    assert _dates(tmp_path, "They then closed the office") == (MAY_4, MAY_4)


def test_what_goes_on_from_a_sentence() -> None:
    told = "The talks collapsed on Monday after the envoys walked out."
    assert goes_on_from("They blamed each other.", told)
    assert goes_on_from("Both sides blamed the talks' format.", None)
    assert not goes_on_from("Each side left the table.", told)
    assert goes_on_from("Observers called the talks a failure.", told)
    assert goes_on_from("Officials condemned the attack.", "Two attacks hit the port.")
    assert goes_on_from("Observers called the deal a failure.", None)  # the news itself
    assert not goes_on_from("Observers called the deal a failure.", told)


def test_goes_on_from_is_linear() -> None:
    """Each sentence is read once: the nouns named, then a set of the told sentence's words
    (not a search of the told sentence per noun)."""
    from tests.core.workcount import counting_patterns, growth, lines_run
    from viewer.core.events import paragraph_anchor

    def work(copies: int) -> int:
        told = "The envoys walked out of the meeting on Monday. " * copies * 50
        text = "Observers called the talks and the deal a failure, " * copies * 50
        counter = [0]
        with counting_patterns(paragraph_anchor, counter):
            lines_run(lambda: goes_on_from(text, told), counter)
        return counter[0]

    assert growth(work) < 4.6
