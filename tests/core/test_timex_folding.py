"""The folded rule patterns (`timex.rule_folding`) find what the rules find."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.timex import Tagger
from viewer.core.timex.context import Match
from viewer.core.timex.lexicon import bundled
from viewer.core.timex.resolution import READS_CASE
from viewer.core.timex.rule_folding import folded_pattern, lowered_folding

_WORDS = st.sampled_from([
    "5", "12", "2024", "1,000", "3.5", "the", "The", "a", "An", "about", "Nearly", "more than",
    "hours", "HOURS", "days", "Weeks", "years", "ago", "Earlier", "later", "last", "Next",
    "week", "month", "Monday", "tuesday", "March", "may", "May", "spring", "overnight",
    "Yesterday", "today", "a.m.", "p.m.", "GMT", "and", "or", "&", "of", "year-old", "long",
    "half", "quarter", "fiscal", "Christmas", "century", "decade", "’95", "'90s", "mid-",
    "İ", "ı", "ſ", "K", "µ", "é", "É", "\u00a0", "—", "“", "”", "(", ")", ",", ".",
])
_SEPARATORS = st.sampled_from([" ", " ", " ", "-", ", ", "\n", "", "’s "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=1, max_size=12))
    return "".join(word + draw(_SEPARATORS) for word in words)


@given(_texts())
@settings(max_examples=400, deadline=None)
def test_folded_patterns_match_as_the_rules_on_the_lowercased_text(text: str) -> None:
    """Where `lowered_folding` says the folded patterns read a text as the rules do, each
    rule and its folded pattern match the same span at every position, with the same
    groups, lowercased; and it says so of no text with a character that ignoring case
    reads as another letter."""
    lowered, _, folds = lowered_folding(text)
    assert lowered == text.lower()
    if "ı" in text or "ſ" in text or len(lowered) != len(text):
        assert not folds
    if not folds:
        return
    for rule in bundled().rules:
        if rule.folded is None:
            continue
        for at in range(len(text)):
            theirs = rule.pattern.match(text, at)
            ours = rule.folded.match(lowered, at)
            assert (theirs is None) == (ours is None), (rule.id, text, at)
            if theirs is not None and ours is not None:
                assert theirs.span() == ours.span(), (rule.id, text, at)
                assert tuple(g.lower() if g is not None else None for g in theirs.groups()) \
                    == ours.groups(), (rule.id, text, at)


def test_patterns_that_mind_case_or_reach_beyond_ascii_are_not_folded() -> None:
    assert folded_pattern(r"(?P<month>may)\b(?!\s+(?-i:[A-Z]))") is None
    assert folded_pattern(r"(?P<w>[à-ÿ]+)") is None
    assert folded_pattern(r"(?P<w>\w+) (?P=w)") is None
    folded = folded_pattern(r"(?<!\w)(?:The\s+)?(?P<n>\d+)[- ](?P<unit>HOURS?|days?)\b[’']?")
    assert folded is not None and not folded.flags & re.IGNORECASE
    found = folded.match("the 5 hours’")
    assert found is not None and found.groupdict() == {"n": "5", "unit": "hours"}
    assert folded.match("The 5 hours") is None  # for the lowercased text only


def test_most_rules_are_folded_and_the_case_readers_keep_their_own() -> None:
    """The rules whose values read the case of their words ("May" or "may") match the
    text itself; a folded match refuses to give its groups as the text writes them."""
    rules = [rule for rule in bundled().rules if not rule.glued]
    assert sum(rule.folded is not None for rule in rules) >= len(rules) * 3 // 4
    match = Match("in May", 3, 6, {"month": "may"}, None, None, bundled(), folded=True)
    assert match.g("month") == "may"
    with pytest.raises(TypeError):
        match.raw("month")
    text = "Prices may rise in May, 5 Hours after the talks, LAST WEEK and on Tuesday."
    lowered = text.replace("İ", "I")  # the same text, folded (ASCII) or not ("İ")
    for sample in (text, lowered + " İ"):
        values = [(t.text, t.value) for t in Tagger().tag(sample, dt.date(2024, 6, 5))]
        assert values[:4] == [("May", "2024-05"), ("5 Hours", "PT5H"),
                              ("LAST WEEK", "2024-W22"), ("Tuesday", "2024-06-04")]
    assert {"weekday", "month", "calendar_date"} <= READS_CASE


_PLAIN_WORDS = st.sampled_from([
    "was", "were", "had", "said", "will", "would", "is", "to", "be", "been", "the", "a", "set",
    "up", "took", "place", "expected", "agreed", "United", "hundred", "un", "ended", "'ll",
    "planning", "for", "next", "last", "Monday", "March", "due", "had been", "is expected",
    "—", "“", "”", "’s", "5", "(", ")", ",", ".", "don't", "rock'n'roll", "_", "x_ed",
])


@given(st.lists(_PLAIN_WORDS, min_size=1, max_size=16).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_the_tense_cues_are_the_same_read_from_the_tagger_s_lowered_text(text: str) -> None:
    """Cues sliced from the tagger's lowercased text, with the ASCII-class patterns where
    those read the text alike, are the cues each sentence's own lowering finds."""
    from viewer.core.timex.context import TenseIndex
    from viewer.core.timex.rule_index import ascii_reading

    text = ". " + text
    lowered, plain, folds = lowered_folding(text)
    assert folds and plain == ascii_reading(text)
    ours = TenseIndex(text, bundled(), lowered, plain)
    theirs = TenseIndex(text, bundled())
    for left in range(1, len(text)):
        assert ours.cues(left, len(text)) == theirs.cues(left, len(text)), (text, left)
