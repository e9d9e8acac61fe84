"""A capital "Today" right after a capitalised word is part of a name (a programme, a paper),
not the report's day; written anywhere else, "today" is the day (rule `deictic-day`)."""

from __future__ import annotations

import datetime as dt

from viewer.core.timex import Tagger

DAY = dt.date(2026, 3, 30)


def _values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in Tagger().tag(text, DAY)]


def test_a_name_ending_in_today_is_no_day() -> None:
    assert _values("Gulf Today: the vaccine drive and the pause") == []
    assert _values("Gulf Today is broadcast weeknights at 20:00.") == []
    assert _values("The figures were first reported by USA Today.") == []


def test_today_elsewhere_is_the_day() -> None:
    assert _values("The talks open today.") == [("today", "2026-03-30")]
    assert _values("Today the talks open.") == [("Today", "2026-03-30")]
    assert _values("They left. Today they met again.") == [("Today", "2026-03-30")]
    assert _values("Talks open today in Geneva") == [("today", "2026-03-30")]
    # only "Today" is read so: other deictic words keep their day after a capital
    assert _values("Geneva Tomorrow") == [("Tomorrow", "2026-03-31")]
