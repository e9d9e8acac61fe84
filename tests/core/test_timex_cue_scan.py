"""The tense's cues are found from the sentence's start only as far as a question needs."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.timex.context import Match, TenseIndex
from viewer.core.timex.lexicon import bundled

_WORDS = [
    "said", "SAID", "will", "'ll", "had", "had been due to", "due to", "United", "ended",
    "ENDED", "agreed", "expected", "is", "the", "Tuesday", "on", ",", "that", "x", "ſaid",
    "ıs", "3.5", ".", "(", ")", "Oct.", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join),
       st.lists(st.tuples(st.integers(0, 250), st.integers(0, 10)), min_size=1, max_size=6),
       st.booleans())
def test_tense_from_cues_found_as_far_as_needed_is_the_tense_from_all_cues(
        sentence: str, questions: list[tuple[int, int]], folded: bool) -> None:
    """Questions in any order on one index (each scan going on from where the last one
    stopped, or not at all) answer as an index that found every cue of the sentence first,
    and the cues found are the first ones of all of them."""
    lex = bundled()
    text = "x. " + sentence + "."
    lowered = text.lower() if folded and len(text.lower()) == len(text) else None
    if lowered is not None and ("ı" in lowered or "ſ" in lowered):
        lowered = None
    index = TenseIndex(text, lex, lowered)
    for at, length in questions:
        start = min(3 + at, len(text) - 1)
        end = min(start + length, len(text))
        told = Match(text, start, end, {}, None, None, lex, index).tense()
        whole = TenseIndex(text, lex, lowered)
        left, right = whole.sentence(start, end)
        every = whole.cues(left, right)  # every cue of the sentence, found before asking
        assert told == Match(text, start, end, {}, None, None, lex, whole).tense()
        for (starts, ends), (all_starts, all_ends) in zip(
                index.cues(left, right, end), every, strict=True):
            assert starts == all_starts[: len(starts)] and ends == all_ends[: len(ends)]
            assert len(starts) == len(all_starts) or starts[-1] >= end
        assert index.cues(left, right) == every


class _Counted:
    """A cue pattern that counts the matches its scans yield."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.groupindex, self.yielded = pattern, pattern.groupindex, 0

    def finditer(self, string: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        for found in self.pattern.finditer(string, pos, endpos):
            self.yielded += 1
            yield found


def test_a_cue_sentence_is_read_once_however_many_questions_and_only_as_far_as_asked(
        ) -> None:
    """A 40,000-word sentence of cues: a question near its start reads a few of them, and
    questions at every word in order read each cue once (no scan starts over)."""
    lex = bundled()
    assert lex.led_future_ascii is not None and lex.led_past_ascii is not None
    future, past = _Counted(lex.led_future_ascii), _Counted(lex.led_past_ascii)
    lex = dataclasses.replace(lex, led_future_ascii=future, led_past_ascii=past)
    words = 40_000
    text = "Then. " + " ".join(["said", "will"] * (words // 2)) + "."
    index = TenseIndex(text, lex, text.lower(), True)
    Match(text, 6, 10, {}, None, None, lex, index).tense()
    assert future.yielded + past.yielded <= 4
    step = len("said will ")
    for start in range(6, len(text) - step, step):
        Match(text, start, start + 4, {}, None, None, lex, index).tense()
    assert future.yielded + past.yielded <= words
    every = TenseIndex(text, bundled(), text.lower(), True).cues(*index.sentence(6, 10))
    assert index.cues(*index.sentence(6, 10)) == every
    assert future.yielded == past.yielded == words // 2 == len(every[0][0])
