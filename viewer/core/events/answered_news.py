"""Which day's news a reaction answers (`answered_*` in resources/events.toml).

"On Friday, Turkey agreed to a 15-day pause … The Syrian Democratic Forces said on Saturday
they would respect the pause … Syria's government welcomed the pause.": the welcome answers the
news of Friday, the day the article first told of the pause, not the narrative's Saturday. A
reaction without a day of its own whose object ("welcomed the pause", "accused the union") the
article first named in a sentence told on an earlier day spans from that day to the report,
as the reading rules date reactions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Generic, TypeVar

from viewer.core.events import cues

# (word-led, `cues.word_led`: the same matches as `\b(?:…)`, which the engine tried at every
# character of every reaction sentence asked)
_OBJECT = re.compile(
    rf"{cues.word_led(cues.CUES.get('reaction', []))}\s+"
    rf"(?:{cues.alternation(cues.CUES.get('answered_determiners', ['the']))})\s+"
    rf"([a-z]{{{int(cues.CUES.get('answered_word_length', 4))},}})\b")
_WORD = re.compile(rf"\b[a-z]{{{int(cues.CUES.get('answered_word_length', 4))},}}\b")

P = TypeVar("P")


class FirstTold(Generic[P]):
    """The day-dated sentence part each word was first told in, over one document."""

    def __init__(self) -> None:
        self._first: dict[str, P] = {}

    def note(self, text: str, told: P) -> None:
        """Remember `told` for each word of `text` not seen in a told sentence before (one
        pass over the sentence's words)."""
        first = self._first
        for word in _WORD.findall(text):
            if word not in first:
                first[word] = told

    def answered(self, text: str) -> P | None:
        """The part whose news the reaction in `text` answers: where its object was first
        told, or None (no reaction with an object, or an object never told on a day)."""
        if not self._first:
            return None  # no word told on a day yet: whatever the object, none was
        found = _OBJECT.search(text)
        return None if found is None else self._first.get(found.group(1))


def answers_earlier(day: dt.date | None, earliest: dt.date | None,
                    published: dt.date | None) -> bool:
    """The answered news `day` lies before the day the reaction would otherwise start on and
    before the report."""
    return (day is not None and published is not None and day < published
            and (earliest is None or day < earliest))
