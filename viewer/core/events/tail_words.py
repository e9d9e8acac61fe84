"""A quick refusal for expressions anchored at the end of a window ("… officials in " before
a capital, "…, he" before a verb, "analyst " before a name).

Such an expression (`…(?:phrases)\\s*$`) is searched for over a window of up to 160 characters:
the engine tries its alternatives at every position, though a match can only end the window.
Where it matches, the window less its trailing spaces (and commas, where the expression takes
them) ends with the last word of one of its phrases, compared as a case-blind expression
compares (`cue_scan.fold`: lower case, the dotted and dotless i and the long s read as i and
s, ’ as '). Testing that ending first refuses most windows for the price of a few string
operations; the expression still decides the rest, so the answers are the expression's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from viewer.core.events.cue_scan import SPACES, fold

# `cue_scan.fold` after lower case, as one table: a tail is a few characters, where one
# `str.translate` costs less than the fold's test for each of its thirty-odd characters
# (which pays off over a whole document). Each replacement is a character no other one
# replaces, so one pass gives what the fold's passes in turn give.
_AFTER_LOWER = str.maketrans({"ı": "i", "ſ": "s", "’": "'", **dict.fromkeys(SPACES, " ")})


def fold_short(text: str) -> str:
    """`fold(text)` for a short text: the same string, in fewer steps."""
    return text.replace("İ", "I").lower().translate(_AFTER_LOWER)


@dataclass(frozen=True, slots=True)
class TailWords:
    """The folded last words an anchored expression's match can end with."""

    finals: tuple[str, ...]
    longest: int
    trailing: str  # every space character, and what else the expression takes after a phrase

    def may_end(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end], less its trailing spaces (and commas, where the expression
        takes them), ends with one of the words: False means the anchored expression cannot
        match in that window."""
        tail = text[start:end].rstrip(self.trailing)[-self.longest :]
        # (ASCII, as most windows are, needs no more than lower case)
        return (tail.lower() if tail.isascii() else fold_short(tail)).endswith(self.finals)


def tail_words(phrases: Iterable[str], extra: Iterable[str] = (), strip: str = ""
               ) -> TailWords | None:
    """The test for an expression whose matches end with one of `phrases` (or one of the
    `extra` words the expression may end with after them: "the" in "talks in the "). None
    where it could not be exact (no phrases, or a word beyond ASCII, whose case-blind matches
    the fold does not follow): the caller then searches as before."""
    finals = {fold(phrase.split()[-1]) for phrase in phrases if phrase.split()}
    finals |= {fold(word) for word in extra}
    if not finals or not all(word.isascii() and word for word in finals):
        return None
    return TailWords(tuple(sorted(finals)), max(map(len, finals)), " " + SPACES + strip)


def may_end(words: TailWords | None, text: str, start: int = 0, end: int | None = None
            ) -> bool:
    """`words.may_end` over text[start:end]; always True without a test."""
    return words is None or words.may_end(text, start, len(text) if end is None else end)
