"""The speaker pass's quotation-mark scan finds what its plain reading finds: an opening or
closing mark, or a ’ or ' with no letter or digit after it (seeded random texts)."""

from __future__ import annotations

import random
import re

from viewer.core.events import speech_patterns
from viewer.core.events.speaker_marks import QuoteMarks

_PLAIN = re.compile(r'[“”«»"‘]|[’\'](?![^\W_])')


def test_quote_marks_match_the_plain_reading() -> None:
    rnd = random.Random(5)
    alphabet = "a’'“”«»\"‘ 1_éZ.-"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        assert ([m.span() for m in speech_patterns.QUOTE.finditer(text, lo, hi)]
                == [m.span() for m in _PLAIN.finditer(text, lo, hi)]), (text, lo, hi)


def test_a_documents_marks_answer_for_every_range() -> None:
    """`QuoteMarks` finds the document's marks once and answers each range by a binary
    search: the same marks the expression finds run over that range alone, the range's last
    character included (its look-ahead sees the range's end there, not the next letter)."""
    rnd = random.Random(16)
    alphabet = "a’'“”«»\"‘ 1_éZ.-"
    for _ in range(3_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        marks = QuoteMarks(text)
        for _ in range(6):
            lo = rnd.randint(0, len(text))
            hi = rnd.randint(lo, len(text) + 2)
            assert marks.within(lo, hi) == [
                m.start() for m in speech_patterns.QUOTE.finditer(text, lo, hi)], (text, lo, hi)


def test_a_documents_marks_are_scanned_once() -> None:
    text = "“We will,” she said. " * 200
    marks = QuoteMarks(text)
    assert marks.within(0, 21) == [0, 9]
    scanned = marks._at
    assert marks.within(21, 42) == [21, 30]
    assert marks._at is scanned
