"""Every gazetteer name in a document, found in one pass by an Aho-Corasick automaton.

The gazetteer's names were one regular expression of ~1,500 alternatives, run again over
each sentence (and over windows around each person's name): the engine tried the
alternatives one by one at every capitalised word. Here all occurrences in the whole text
are found once per document; a question about a range (a sentence, a window) is then a
binary search and a walk over the few names that start in it.

The answers are those the expression gave: names are case-sensitive literals, tried longest
first at each position, and a name counts only where it stands as a word of its own — not
after a letter, digit, "_", "." or "-", and not before a letter or digit, "-" and a
capital, or "." and a letter or digit, where the range ends the text.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable

import ahocorasick

# A character that makes a name part of a word: what `[\w.-]` matches (`\w` is what
# `str.isalnum` accepts and "_"; a test holds the two to each other), tested as a string so
# each occurrence the automaton reports costs no call into the expression engine.
_JOINING = "_.-"
_JOINED_AFTER = re.compile(r"\w|-[A-Z]|\.\w")  # the same after it
_SHIFT = 32  # an occurrence sorts as one number: its start, then the longest name first
_LONGEST = (1 << _SHIFT) - 1


class NameScanner:
    """Occurrences of fixed names (case-sensitive) as whole words, per range of a text.

    The last text scanned is kept, so the many ranges of one document cost one scan of it.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._automaton: ahocorasick.Automaton | None = None
        automaton = ahocorasick.Automaton()
        for name in names:
            if name:
                automaton.add_word(name, len(name))
        if len(automaton):
            automaton.make_automaton()
            self._automaton = automaton
        # The text last scanned and the starts and ends of its names, in order (by start; at
        # one start, the longest name first). Kept as arrays of machine integers: as lists of
        # tuples they held 75 bytes a name, 23 MB for a 16 MB file, through its extraction.
        self._last: tuple[str, array[int], array[int]] | None = None

    def _occurrences(self, text: str) -> tuple[array[int], array[int]]:
        last = self._last  # read once: another thread may replace it
        if last is not None and last[0] is text:
            return last[1], last[2]
        keys: list[int] = []
        if self._automaton is not None:
            for end, length in self._automaton.iter(text):
                start = end + 1 - length
                if start and ((before := text[start - 1]).isalnum() or before in _JOINING):
                    continue
                keys.append(start << _SHIFT | (_LONGEST - length))
        keys.sort()
        starts = array("q", [key >> _SHIFT for key in keys])
        stops = array("q", [(key >> _SHIFT) + _LONGEST - (key & _LONGEST) for key in keys])
        self._last = (text, starts, stops)
        return starts, stops

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of every name in text[start:end], left to right, never overlapping:
        at each position the longest name that fits the range and stands alone."""
        end = len(text) if end is None or end > len(text) else end  # (as the engine reads it)
        last = self._last  # (the document's own scan, as a sentence of it asks: no call)
        starts, stops = (last[1], last[2]) if last is not None and last[0] is text \
            else self._occurrences(text)
        joined = _JOINED_AFTER.match
        out: list[tuple[int, int]] = []
        free = start  # names may not begin inside the last one taken
        index = bisect_left(starts, start)
        while index < len(starts):
            at = starts[index]
            stop = stops[index]
            index += 1
            if at >= end:
                break
            # (most names end before a space or a stop: only a letter, a digit or one of
            # `_JOINING` there can join, and only those three ask the expression)
            if at < free or stop > end or (stop < end and (
                    (after := text[stop]).isalnum()
                    or (after in _JOINING and joined(text, stop, end) is not None))):
                continue
            out.append((at, stop))
            free = stop
        return out
