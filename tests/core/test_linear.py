"""Work grows linearly with input: four times the text may cost about four times as much.

Counted in operations (Python lines run plus characters handed to regular expressions), never
timed. Each case is a path that was once super-linear.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.core.workcount import CountingPattern, counting_patterns, growth, lines_run
from viewer.core import segment
from viewer.core.timex import Tagger
from viewer.core.timex.lexicon import bundled

LINEAR = 4.6  # 4x the input; a little slack for fixed costs

PARAGRAPH = (
    "Mr. Smith met U.S. officials on Jan. 5 in Washington. "
    "George W. Bush said so at 5 p.m. and left! Talks resumed... "
    "Prices rose 3.5 percent. Did they agree? They did. "
)


def test_sentences_of_one_long_paragraph_are_linear() -> None:
    """The word before each full stop was searched from the paragraph's start (quadratic)."""

    def work(copies: int) -> int:
        text = PARAGRAPH * copies * 50
        counter = [0]
        with counting_patterns(segment, counter):
            lines_run(lambda: segment.sentences_in(text, 0, len(text)), counter)
        return counter[0]

    assert growth(work) < LINEAR


def test_sentences_are_still_found_in_a_long_paragraph() -> None:
    text = PARAGRAPH * 200
    spans = segment.sentences_in(text, 0, len(text))
    assert len(spans) == 6 * 200
    assert text[spans[0][0] : spans[0][1]] == (
        "Mr. Smith met U.S. officials on Jan. 5 in Washington."
    )


CLAUSE = (
    "officials said talks would resume on Monday, and on Tuesday forces launched attacks "
    "while envoys are set to meet on Friday; the army shelled towns on Sunday and "
)


def _tag_work(copies: int) -> int:
    """Tag one sentence without a full stop, full of weekdays and tense cues."""
    counter = [0]
    lex = bundled()
    counted = dataclasses.replace(
        lex,
        future_cues=CountingPattern(lex.future_cues, counter),  # type: ignore[arg-type]
        past_cues=CountingPattern(lex.past_cues, counter),  # type: ignore[arg-type]
    )
    text = CLAUSE * copies * 10
    tagger = Tagger(counted)
    found: list[object] = []
    lines_run(lambda: found.extend(tagger.tag(text, dt.date(2026, 2, 18))), counter)
    assert len(found) == 4 * copies * 10
    return counter[0]


def test_tense_in_one_long_sentence_is_linear() -> None:
    """tense() rescanned the sentence and the text between cue and expression (cubic)."""
    assert growth(_tag_work) < LINEAR


def test_tense_still_reads_the_nearest_cue() -> None:
    text = "Envoys are set to meet on Friday, and forces launched attacks on Tuesday."
    values = [t.value for t in Tagger().tag(text, dt.date(2026, 2, 18))]
    assert values == ["2026-02-20", "2026-02-17"]
