"""The next word narrows a start word's rules, and never changes what the tagger finds."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.resources import load_data
from viewer.core.timex import Tagger, rule_index
from viewer.core.timex.follower_index import can_follow, number_followers
from viewer.core.timex.lexicon import Lexicon, build, bundled
from viewer.core.timex.rule_index import DIGIT, compile_scan
from viewer.core.timex.tagger import _narrow


def test_number_followers_are_the_starts_of_the_word_after_the_number() -> None:
    body = r"(?<!\w)(?:the\s+)?(?P<n>\d+(?:\.\d+)?)[- ](?:hours?|days?)\b"
    # "3.5 hours": a digit follows; "day" may be the whole next word or begin "days"
    assert number_followers(body) == {"hour", "day", "days", DIGIT}
    assert number_followers(r"(?P<d>\d{3}0)s\b") == {"s"}  # "1990s": no space needed
    assert number_followers(r"(?P<h>\d+):(?P<m>\d\d)") == {DIGIT}
    assert number_followers(r"(?P<y>\d{4})(?!\d)") is None  # may end after the number
    assert number_followers(r"\d+_x") is None  # an underscore is a word character


def test_a_rule_can_follow_only_the_words_it_goes_on_with() -> None:
    assert can_follow(frozenset({"hou", "day"}), "hou")
    assert not can_follow(frozenset({"hou", "day"}), "ho")  # "ho…" is no "hou…"
    assert can_follow(frozenset({"in"}), "ins")  # a loose reading: tried, then fails
    assert can_follow(frozenset({DIGIT}), "7") and not can_follow(frozenset({"a"}), "7")
    assert not can_follow(frozenset({"a"}), "")  # nothing follows
    assert can_follow(None, "")


def test_a_number_before_a_unit_tries_durations_not_dates() -> None:
    lex = bundled()
    left = _narrow(lex, DIGIT, "hour")
    ids = [lex.rules[index].id for index in left]
    assert "duration" in ids and "ago" in ids and "year" in ids
    assert not {"iso-datetime", "clock-24", "weekday-month-day", "century"} & set(ids)
    assert len(left) == 5 < len(lex.by_digit)
    # a next word of three letters that is no unit's start ("hou") is no unit
    assert not {"duration", "ago"} & {lex.rules[i].id for i in _narrow(lex, DIGIT, "hou")}


def _unnarrowed(lex: Lexicon) -> Lexicon:
    """The same rules with no follower table: every rule of a start word is tried there."""
    return dataclasses.replace(lex, scan=compile_scan(lex.by_word, lex.by_digit, lex.by_quote, {}))


WORDS = [
    "on", "Wednesday", "next", "last", "this", "the", "day", "before", "after", "week", "year",
    "ago", "earlier", "later", "Feb.", "17", "5th", "3.5", "24", "2,000", "10:30", "2:05:37",
    "2026", "2024-06-01", "1998-99", "in2022", "three", "years", "hours", "a", "an", "of",
    "March", "May", "morning", "night", "overnight", "recent", "weeks", "early", "mid-",
    "1990s", "'90s", "Q3", "quarter", "third", "9", "a.m.", "p.m.", "pm", "noon", "every",
    "daily", "-", ".", ",", "\n", "’s", "now", "first", "summer", "fiscal", "FY", "old",
    "percent", "people", "and", "to", "or", "at", "least", "about", "century", "o'clock",
]
_PLAIN = Tagger(_unnarrowed(bundled()))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
       st.sampled_from([None, dt.date(2024, 6, 1), dt.date(1998, 2, 27)]))
def test_narrowing_finds_what_trying_every_rule_finds(text: str, dct: dt.date | None) -> None:
    assert Tagger().tag(text, dct) == _PLAIN.tag(text, dct)


def test_narrowing_by_bit_masks_is_asking_each_rule() -> None:
    """A new (word, next word) pair is narrowed with bit masks built with the lexicon; the
    rules left are those whose followers let the next word come (`can_follow`)."""
    lex = bundled()
    for key, row in lex.scan.follow.items():
        group = lex.by_digit if key == DIGIT else lex.by_word[key]
        starts = set().union(*(after for after in row if after is not None))
        for next_word in {*starts, *(s + "x" for s in starts), "", "7", "zzz", "q"}:
            assert _narrow(lex, key, next_word) == tuple(
                index for index, after in zip(group, row, strict=True)
                if can_follow(after, next_word)), (key, next_word)


def test_building_the_rules_parses_each_pattern_once_for_the_index(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The index reads a rule's pattern for its first words, the words that can follow them
    and what can follow a number: one parse serves all three (three parses were a sixth of
    the instructions of building the rules), and none is kept after the build."""
    seen: Counter[str] = Counter()
    real = rule_index.sre_parse.parse

    def counting(body: str, flags: int = 0) -> Any:
        seen[body] += 1
        return real(body, flags)

    monkeypatch.setattr(rule_index, "sre_parse", SimpleNamespace(parse=counting))
    rule_index.parsed.cache_clear()
    try:
        build(load_data("timex.toml"))
        # and the parse trees are let go once the lexicon is built
        assert rule_index.parsed.cache_info().currsize == 0
    finally:
        rule_index.parsed.cache_clear()
    assert len(seen) > 50
    assert max(seen.values()) == 1
