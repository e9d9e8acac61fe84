"""A past happening whose reported clause looks ahead ("agreed that the kingdom would fund
fuel", "did not object, but said they would appeal") is still the narrative's: it takes the
day the narrative is at, not the report's; a plain "said … would" or a future of the
sentence's own stays the report's (invented article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events.narrative_focus import future_of_its_own

D = dt.date
SUNDAY, REPORT = D(2026, 6, 7), D(2026, 6, 9)  # the report is the Tuesday after

ARTICLE = (
    "date 2026-06-09 Ministers agree on fuel for vaccinators\n\n"
    "The health ministers of the two countries met in Riyadh on Sunday. The two ministers "
    "agreed that the kingdom would fund fuel for the vaccination teams for three months.\n\n"
    "The governors met the ministers on Sunday as well. They did not object, but said they "
    "would ask for more doses.\n\n"
    "The ministry will publish the figures next month.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_a_past_happening_with_a_future_in_its_reported_clause(tmp_path: Path) -> None:
    assert _dates(tmp_path, "agreed that the kingdom would fund") == (SUNDAY, SUNDAY)
    # (a reply to the governors' meeting may reach the report; it starts on its day)
    assert _dates(tmp_path, "They did not object")[0] == SUNDAY


def test_what_counts_as_a_future_of_its_own() -> None:
    assert not future_of_its_own("The ministers agreed that the kingdom would fund fuel.")
    assert not future_of_its_own("They did not object, but said they would appeal.")
    assert not future_of_its_own("Talks ended in Riyadh.")  # no future at all
    # a verb of saying or reacting before the future is no happening of its own
    assert future_of_its_own("The ministry said it would publish the figures.")
    assert future_of_its_own("The union rejected the offer and said it would strike.")
    # nor is a past verb inside a quotation
    assert future_of_its_own('"We came to talk," he said, adding that talks would resume.')
    assert future_of_its_own("The ministry will publish the figures.")


def test_a_long_sentence_is_read_in_one_pass() -> None:
    # many past verbs inside an open quotation before the future: each mark counted once
    text = "\u201c" + "They came and went. " * 2000 + "\u201d they said it would end."
    assert future_of_its_own(text)
