"""Where a document's quotation marks are, found in one scan of its text.

The speaker pass asks for the marks of every sentence, and most sentences hold none: one
expression run over the whole document and a binary search per sentence answer what the
expression run over each sentence did (`QuoteMarks.within`).
"""

from __future__ import annotations

from bisect import bisect_left

from viewer.core.events.speech_patterns import QUOTE

_MARKS = "“”«»\"‘’'"  # every character `QUOTE` matches, where its conditions hold


class QuoteMarks:
    """One document's quotation marks, scanned the first time a range is asked for."""

    __slots__ = ("_at", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: list[int] | None = None

    def within(self, start: int, end: int) -> list[int]:
        """Where `QUOTE.finditer(text, start, end)` matches, in order. A match is one
        character, and its look-ahead reads the one after it: before the range's last
        character the range reads the text as the document does, so the document's matches
        answer there; at the last one the look-ahead meets the range's end, where every
        mark matches."""
        end = min(end, len(self.text))
        if end <= start:
            return []
        at = self._at
        if at is None:
            at = self._at = [match.start() for match in QUOTE.finditer(self.text)]
        first = bisect_left(at, start)
        found = at[first : bisect_left(at, end - 1, first)]
        if self.text[end - 1] in _MARKS:
            found.append(end - 1)
        return found
