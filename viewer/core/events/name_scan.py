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
from bisect import bisect_left
from collections.abc import Iterable

import ahocorasick

_JOINED_BEFORE = re.compile(r"[\w.-]")  # a character that makes a name part of a word
_JOINED_AFTER = re.compile(r"\w|-[A-Z]|\.\w")  # the same after it


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
        # The text last scanned, the starts of its names, and (start, -length) in order.
        self._last: tuple[str, list[int], list[tuple[int, int]]] | None = None

    def _occurrences(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        last = self._last  # read once: another thread may replace it
        if last is not None and last[0] is text:
            return last[1], last[2]
        found: list[tuple[int, int]] = []
        if self._automaton is not None:
            joined = _JOINED_BEFORE.match
            for end, length in self._automaton.iter(text):
                start = end + 1 - length
                if start == 0 or not joined(text, start - 1):
                    found.append((start, -length))
        found.sort()  # by start; at one start, the longest name first
        starts = [start for start, _ in found]
        self._last = (text, starts, found)
        return starts, found

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of every name in text[start:end], left to right, never overlapping:
        at each position the longest name that fits the range and stands alone."""
        end = len(text) if end is None else end
        starts, found = self._occurrences(text)
        joined = _JOINED_AFTER.match
        out: list[tuple[int, int]] = []
        free = start  # names may not begin inside the last one taken
        index = bisect_left(starts, start)
        while index < len(found):
            at, negative = found[index]
            index += 1
            if at >= end:
                break
            stop = at - negative
            if at < free or stop > end or (stop < end and joined(text, stop, end)):
                continue
            out.append((at, stop))
            free = stop
        return out
