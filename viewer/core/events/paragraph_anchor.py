"""Whether a new paragraph goes on with the day the paragraph before it was at.

A paragraph opens on the story's news day unless its first sentence refers back: by a pronoun
("They …"), or by naming a happening ("the talks", "the agreement") that the sentence which
set the last day told of. A happening that sentence never named is the story's own news:
after "The ban, imposed on June 8, forced lorries onto ferries." a paragraph on "the
agreement" is about the deal of the lead, not about June 8.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from viewer.core.events import cues

_WORD = re.compile(r"[a-z]+")


def _stem(word: str) -> str:
    """The noun without a plural ending, so "talks" and "talk", "attacks" and "attack" meet."""
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def goes_on_from(text: str, told: str | None) -> bool:
    """The sentence `text`, opening a paragraph, continues the narrative of the sentence
    `told` that set the last day (None: that day is the news day itself, or unknown, and any
    back-reference continues it). One pass over each sentence."""
    if cues.ANAPHOR_OPENING.match(text) is not None:
        return True
    named = [m.group(0).rsplit(None, 1)[-1].lower() for m in cues.NAMED_HAPPENING.finditer(text)]
    if not named:
        return False
    if told is None:
        return True
    words = {_stem(w) for w in _WORD.findall(told.lower())}
    return any(_stem(noun) in words for noun in named)


class _Dated(Protocol):
    """A dated part of a sentence (`sentence_dating.Part`)."""

    @property
    def latest(self) -> dt.date | None: ...


def past_anchor(focus: _Dated | None, lead: _Dated | None, told: int,
                published: dt.date | None) -> bool:
    """The last day is a past day of its own, not the news day, whose sentence (number `told`)
    a new paragraph must name a happening of to go on with it. A day ahead of the report is
    left to the checks that keep a plan's day off a past sentence."""
    return (focus is not None and focus is not lead and told >= 0
            and focus.latest is not None and published is not None
            and focus.latest <= published)

