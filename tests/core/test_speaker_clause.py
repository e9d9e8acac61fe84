"""The clause a speech verb sits in starts after the last clause mark before it, found with
one backward search per mark (a `[^,;:—–]*$` search tried every position of the window and
backtracked at each, the square of the window)."""

from __future__ import annotations

import random
import re

from viewer.core.events.speakers import SpeakerFinder

_LAST_CLAUSE = re.compile(r"[^,;:—–]*$")  # what the clause start used to be read with
_SUBORDINATOR = re.compile(r"\b(?:after|before|because|since|although|though|while|whereas|"
                           r"unless|if|once|until)\b", re.IGNORECASE)


def test_subordinate_verbs_are_those_the_clause_expression_found() -> None:
    rng = random.Random(4)
    words = ["said", "after", "Because", "talks", "while", ",", ";", ":", "—", "–", " ", "\n"]
    for _ in range(5000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        verb = rng.randint(0, len(text))
        start = rng.randint(0, verb)
        clause = _LAST_CLAUSE.search(text, max(start, verb - 80), verb)
        assert clause is not None
        want = _SUBORDINATOR.search(text, clause.start(), verb) is not None
        assert SpeakerFinder(text)._subordinate(start, verb) == want, (text, start, verb)
