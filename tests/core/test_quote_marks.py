"""The speaker pass's quotation-mark scan finds what its plain reading finds: an opening or
closing mark, or a ’ or ' with no letter or digit after it (seeded random texts)."""

from __future__ import annotations

import random
import re

from viewer.core.events import speech_patterns

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
