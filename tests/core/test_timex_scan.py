"""The tagger's scan: the words each rule can start with, the word tries, the trigger scan."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.timex import Tagger
from viewer.core.timex.lexicon import bundled
from viewer.core.timex.rule_index import (
    DIGIT,
    QUOTE,
    first_words,
    followers,
    start_keys,
    trie_pattern,
)


def test_first_words_follow_optional_parts_and_placeholders() -> None:
    body = r"(?<!\w)(?:(?P<rel>last|the next)\s+)?(?P<day>monday|tue(?:sday)?)\b(?!\s+of)"
    assert first_words(body) == {"last", "the", "monday", "tue", "tuesday"}
    assert first_words(r"(?:the\s+)?(?P<n>\d+)[- ]years?") == {"the", DIGIT}
    assert first_words(r"['’](?P<d>\d0)s") == {QUOTE}
    assert first_words(r"mid-?\s*summer") == {"mid", "midsummer"}


def test_first_words_give_up_rather_than_guess() -> None:
    assert first_words(r"\w+ ago") is None
    assert first_words(r"[^x]+") is None
    assert first_words(r"(") is None  # does not compile


def test_a_rule_is_indexed_under_its_written_start_words_only() -> None:
    """Words inside the pattern ("of") or in a look-behind ("than") start no match."""
    body = r"(?<!\w)(?<!than )(?:the\s+)?end\s+of\s+(?P<year>\d{4})"
    words, digit, quote = start_keys(body, body)
    assert words == {"the", "end"}
    assert not digit and not quote


def test_a_trie_can_require_a_pattern_where_a_word_ends() -> None:
    pattern = re.compile(trie_pattern(["a", "an", "the"], {"a": r"(?=\s+b)", "the": "$"}))
    assert [pattern.match(t) is not None for t in ("a b", "a c", "an", "the", "the x")] == [
        True, False, True, True, False]


def test_a_trie_matches_what_the_longest_first_list_matches() -> None:
    words = ["a", "an", "a few", "a couple", "and", "the", "then", "th", "(?!)"]
    listed = "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                              for w in sorted(words, key=len, reverse=True)) + ")"
    text = "a  few then th the an anda couple and (?!) a\tcouple"
    for pattern in (trie_pattern(words), listed):
        assert re.compile(pattern).match("a few") is not None
    trie, flat = re.compile(trie_pattern(words) + r"\b"), re.compile(listed + r"\b")
    for at in range(len(text)):
        one, two = trie.match(text, at), flat.match(text, at)
        assert (one and one.span()) == (two and two.span())


def test_every_rule_set_word_is_a_trigger() -> None:
    lex = bundled()
    for word in lex.by_word:
        assert lex.scan.trigger_any_case.fullmatch(" " + word.upper()), word
        assert (lex.scan.trigger.fullmatch(" " + word) is None) == (word in lex.scan.guards), word
    assert lex.scan.trigger.search(" of and in to") is None
    # the character before the word is matched too, and must not be a word character (no
    # "5" in "x5"); "days" is guarded ("days ago"), and ";" lets no rule go on
    assert [m.span(1) for m in lex.scan.trigger.finditer(" today, 5 days; x5 daily")] == [
        (1, 6), (8, 9), (19, 24)]


def test_text_whose_lowercase_is_longer_keeps_its_offsets() -> None:
    """'İ' lowercases to two characters: the scan falls back to the text itself."""
    text = "İİ İstanbul officials met on Monday, 4 March 2024, and again next week."
    found = Tagger().tag(text, dt.date(2024, 3, 6))
    assert [(t.text, text[t.start : t.end]) for t in found] == [
        ("Monday, 4 March 2024", "Monday, 4 March 2024"), ("next week", "next week")]


def test_a_span_of_the_text_is_tagged_alone() -> None:
    text = "Yesterday and on Monday, then next week."
    found = Tagger().tag(text, dt.date(2024, 3, 6), start=10, end=24)
    assert [t.text for t in found] == ["Monday"]


def test_followers_are_the_starts_of_the_next_word() -> None:
    body = r"(?<!\w)(?:the\s+)?(?P<n>\d+|two|a few)[- ](?:years?|weeks?)\b"
    assert followers(body, ["the", "two", "a"]) == {
        "the": {"0", "two", "a"}, "two": {"year", "week"}, "a": {"few"}}
    assert followers(body, ["two"]) == {"two": {"year", "week"}}
    # a rule that may end after its first word lets anything follow it
    assert followers(r"(?<!\w)(?P<w>today|the\s+day\s+before)\b", ["today", "the"]) == {
        "today": None, "the": {"day"}}
    # a final look-ahead says what must follow
    assert followers(r"(?P<unit>days|weeks)(?=\s+(?:ago|later)\b)", ["days", "weeks"]) == {
        "days": {"ago", "late"}, "weeks": {"ago", "late"}}
    assert followers(r"\w+", ["a"]) is None


def test_a_guarded_word_is_skipped_unless_a_rule_can_go_on() -> None:
    lex = bundled()
    guard = re.compile(lex.scan.guards["the"])  # a source: only the trigger compiles it
    text = "the government said the day before, the 1990s"
    assert guard.match(text, 3) is None  # "government" starts no rule after "the"
    assert guard.match(text, text.index(" day")) is not None
    assert guard.match(text, text.index(" 1990s")) is not None  # a number
    assert "yesterday" not in lex.scan.guards  # "yesterday" may end an expression
    # the trigger scan checks the guards itself: "the government" never reaches Python
    assert [m.start(1) for m in lex.scan.trigger.finditer(" " + text)] == [
        1 + text.index("the day"), 1 + text.index("the 1990s"), 1 + text.index("1990s")]
    found = Tagger().tag(text, dt.date(2024, 3, 6))
    assert [t.text for t in found] == ["the day before", "the 1990s"]


def test_cue_words_as_a_trie_find_what_the_word_list_found() -> None:
    """The tense cues are a trie now; the longest cue still wins and a cue still ends where
    its word does ("took place" over "took", no "will" in "willing")."""
    lex = bundled()
    text = ("It took place after talks that were planned for May; they willingly said "
            "they will meet, as we'll see, and agreed.")
    future = [text[m.start() : m.end()] for m in lex.future_cues.finditer(text)]
    past = [text[m.start() : m.end()] for m in lex.past_cues.finditer(text)]
    assert future == ["planned for", "will"]
    assert past == ["took place", "were", "planned", "said", "agreed"]


def test_clause_breaks_are_punctuation_and_the_word_that() -> None:
    from viewer.core.timex.context import TenseIndex

    text = 'He said, that "thatch" and What that: done'
    index = TenseIndex(text, bundled())
    assert index.clauses(0, len(text)) == [7, 9, 14, 21, 32, 36]  # not "thatch", not "What"
    assert index.clauses(8, 30) == [9, 14, 21]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([
    "Mr", "Gen", "Jan", "approx", "U", "S", "P", "said", "Washington", "x", "etc", "A", "é",
    "3", ".", ". ", "!", "?", "\n", " ", "..."]), min_size=1, max_size=40).map("".join),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 20)), max_size=12))
def test_each_sentence_asked_about_is_the_one_its_breaks_make(
        text: str, questions: list[tuple[int, int]]) -> None:
    """Sentences are found from the last question's bounds (in text order, but any order
    must work), with a cache keyed by the characters before each full stop."""
    from viewer.core.timex.context import TenseIndex, _decimal_point, _ends_sentence

    breaks = [i for i, char in enumerate(text) if char in ".!?\n" and _ends_sentence(text, i)
              and not (char == "." and _decimal_point(text, i))]  # "3.3" is one number
    index = TenseIndex(text, bundled())
    asked = sorted(questions)[: len(questions) // 2] + questions[len(questions) // 2 :]
    for at, length in asked:
        start = min(at, len(text) - 1)
        end = min(start + length, len(text))
        left = max((b + 1 for b in breaks if b < start), default=0)
        right = min((b for b in breaks if b >= end), default=len(text))
        assert index.sentence(start, end) == (left, right)


def test_a_glued_rule_is_scanned_only_where_its_gate_finds_a_place() -> None:
    """The glued year's full pattern tries a look-ahead at every position of the text; its
    gate (a first character right after a character its look-behinds end with) is found
    with the engine's fast search for one character (a scan per first character), and where
    it finds none the rule cannot match."""
    from viewer.core.timex.lexicon import _gate

    body = r"(?:(?<=\bin)|(?<=\bsince))(?P<year>1[5-9]\d\d|20\d\d)\b"
    gate = _gate(body)
    assert gate is not None
    text = "the invasion in2022 and since1999, not 2022, A12 or in 2023"
    assert [g.pattern[0] for g in gate] == ["1", "2"]
    assert sorted(m.start() for g in gate for m in g.finditer(text)) == [15, 29]
    assert _gate(r"(?P<year>\d{4})") is None  # no look-behind: nothing to say
    assert _gate(r"(?<=\b)(?P<year>\d{4})") is None  # a look-behind with no character
    found = Tagger().tag("Russia's invasion in2022 and the war since2014.", dt.date(2024, 1, 1))
    assert [(t.text, t.value) for t in found] == [("2022", "2022"), ("2014", "2014")]


_CUE_WORDS = [
    "took", "place", "took place", "United", "agreed", "freed", "hundred", "unnamed", "is",
    "expected", "the", "proposed", "planned", "for", "will", "willing", "we'll", "'ll", "said",
    "SAID", "set", "to", "going", "ended", "about", "over", "more than", "nearly", "late",
    "Tuesday", ",", " ", "-", "—", "'", "that", "3", "x5", "Agreed", "ENDED", "ſaid", "ıs",
    "had", "been", "due to", "had been due to"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=30).map(" ".join))
def test_patterns_led_by_the_character_before_find_what_look_behinds_find(
        sentence: str) -> None:
    """Cues and span modifiers are found by patterns that match the character before the
    word instead of looking behind (so the engine can skip along the text), the cues in the
    lowercased sentence: the same matches, in a sentence after a break and in any window of
    it ("United" and "ENDED" are no verbs, "ſaid" is "said" to IGNORECASE)."""
    from viewer.core.timex.context import TenseIndex

    lex = bundled()
    assert lex.led_modifier is not None
    text = "x. " + sentence
    found = TenseIndex(text, lex).cues(3, len(text))
    for (starts, ends), plain in zip(found, (lex.future_cues, lex.past_cues), strict=True):
        assert list(zip(starts, ends, strict=True)) == [
            m.span() for m in plain.finditer(text, 3, len(text))]
    for lo in range(1, len(text)):
        for start in (lo + 5, lo + 12, len(text)):
            led = lex.led_modifier.search(text, lo - 1, start)
            plain = lex.modifier_before.search(text, lo, start)
            assert (led and led.span("mod")) == (plain and plain.span("mod"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    *_CUE_WORDS, "About", "around\t", "more  than", "late-", "early", "Later", "approximately",
    "almost", "after", "Over", "10", "a.m.", "hours", "'s", "’s"]), max_size=20).map(" ".join))
def test_widening_after_the_quick_tests_is_widening_without_them(text: str) -> None:
    """`widen` first looks at the two letters before the white space before an expression
    (and for an apostrophe after it); the spans and mods are those of the search alone."""
    import dataclasses

    from viewer.core.timex.modifiers import widen

    lex = bundled()
    plain = dataclasses.replace(lex, modifier_ends=None, led_modifier=None)
    for start in range(len(text)):
        for end in (start + 2, start + 5):
            for kind, value in (("DATE", "2024-06-01"), ("DURATION", "P2D"), ("TIME", "T10")):
                assert (widen(text, start, end, 0, kind, value, None, lex)
                        == widen(text, start, end, 0, kind, value, None, plain))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "About", "around\t", "more  than", "late-", "early", "Later", "nearly", "over", "at",
    "least", "the", "Tuesday", "10", "a.m.", "two", "hours", "last", "week", "-", "said", ",",
    "'s", "March", "5,", "2024"]), max_size=16).map(" ".join))
def test_tagging_with_the_modifier_quick_test_is_tagging_without_it(text: str) -> None:
    """The tagger calls `widen` only where one character of white space or hyphen comes
    after the last expression and the word before it ends in a modifier's last two letters
    (or more such characters follow): the expressions are those of calling it everywhere."""
    import dataclasses

    lex = bundled()
    plain = dataclasses.replace(lex, modifier_ends=None, led_modifier=None)
    for dct in (dt.date(2024, 6, 1), None):
        assert Tagger(lex).tag(text, dct) == Tagger(plain).tag(text, dct)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_CUE_WORDS, ",", ";", "that", "and", "x"]), max_size=24)
       .map(" ".join), st.integers(0, 200), st.integers(1, 12))
def test_tense_finds_clause_breaks_only_to_weigh_two_cues(sentence: str, at: int,
                                                         length: int) -> None:
    """`tense` looks for the clause breaks only when two or more cues are near the
    expression: the sign is the one of weighing every near cue with them (a firm future
    cue says +2 where others say +1), and a sentence with at most one near cue has none
    found."""
    from bisect import bisect_left

    from viewer.core.timex.context import Match, TenseIndex

    lex = bundled()
    text = "x. " + sentence + "."
    start = min(3 + at, len(text) - 1)
    end = min(start + length, len(text))
    index = TenseIndex(text, lex)
    sign = Match(text, start, end, {}, None, None, lex, index).tense()
    left, right = TenseIndex(text, lex).sentence(start, end)
    clauses = index.clauses(left, right)
    best, near = None, 0
    for cue_sign, (starts, ends) in zip((1, -1), index.cues(left, right), strict=True):
        before = bisect_left(starts, start)
        after = bisect_left(starts, end, before)
        for i in (before - 1, after):
            if 0 <= i < len(starts):
                near += 1
                lo, hi = (ends[i], start) if ends[i] <= start else (end, starts[i])
                cut = bisect_left(clauses, lo)
                key = (int(hi > lo and cut < len(clauses) and clauses[cut] < hi),
                       max(0, hi - lo), int(i == after), cue_sign)
                if best is None or key[:3] < best[:3]:
                    best = key
    assert min(sign, 1) == (best[3] if best else 0)
    if near < 2:
        fresh = TenseIndex(text, lex)
        Match(text, start, end, {}, None, None, lex, fresh).tense()
        assert not fresh._clauses


def test_the_tagger_builds_the_same_frozen_records_as_the_dataclass() -> None:
    import dataclasses

    import pytest

    from viewer.core.timex.model import Timex
    from viewer.core.timex.tagger import _make_timex

    day = dt.date(2024, 6, 1)
    args = (3, 9, "Monday", "DATE", "2024-06-03", day, day, "START", "dct", "weekday")
    made = _make_timex(*args)
    assert made == Timex(*args) and hash(made) == hash(Timex(*args))
    assert type(made) is Timex and repr(made) == repr(Timex(*args))
    for tagged in Tagger().tag("Talks ended on Monday, 3 June 2024, after two days.", day):
        assert type(tagged) is Timex and tagged == Timex(*dataclasses.astuple(tagged))
        assert hash(tagged) == hash(Timex(*dataclasses.astuple(tagged)))
    assert dataclasses.astuple(made) == args
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = "x"  # type: ignore[misc]


def test_taggers_of_one_lexicon_share_their_pair_tables_and_no_other() -> None:
    """A new tagger used to work out again the rules to try at each (word, next word) pair;
    those depend on the lexicon alone. A tagger of another lexicon (other rules) must not
    read them."""
    import dataclasses

    lex = bundled()
    text = "Talks resumed on Wednesday, two days after the strikes of 10 March 2024."
    first, second = Tagger(lex), Tagger(lex)
    found = first.tag(text, dt.date(2024, 3, 15))
    assert first._tables is second._tables and first._tables.folded_pairs
    never = re.compile("(?!)")  # the weekday rule, in its place, that matches nothing
    other_lex = dataclasses.replace(lex, rules=tuple(
        dataclasses.replace(rule, pattern=never, folded=None) if rule.id == "weekday" else rule
        for rule in lex.rules))
    other = Tagger(other_lex)
    assert other._tables is not first._tables and not other._tables.folded_pairs
    assert second.tag(text, dt.date(2024, 3, 15)) == found
    assert "Wednesday" not in [t.text for t in other.tag(text, dt.date(2024, 3, 15))]
