"""Property: on any text the tagger never raises and its offsets are valid and ordered."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.timex import tag

WORDS = [
    "on", "Wednesday", "next", "last", "this", "the", "day", "before", "after", "week", "year",
    "ago", "earlier", "later", "Feb.", "17", ",", "2026", "in2022", "three", "years", "a", "of",
    "March", "May", "may", "morning", "night", "overnight", "recent", "weeks", "early", "late",
    "mid-", "1990s", "'90s", "Q3", "quarter", "third", "9", "a.m.", "p.m.", "noon", "every",
    "daily", "-", ".", "\n", "  ", "’s", "now", "that", "first", "summer", "fiscal", "FY",
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9998, 12, 31))),
)
def test_never_raises_and_offsets_are_valid(text: str, dct: dt.date | None) -> None:
    last_end = 0
    for timex in tag(text, dct):
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.start >= last_end
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.value
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest
        last_end = timex.end
