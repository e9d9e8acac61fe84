"""The word tokens the name finder reads: capitalised words where a name may start, and the
words after them one at a time (never every token of a sentence: a table of every capital
word per document cost as much as the scans it replaced, since each token is a Python
object)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from viewer.core.events.parties import Mention

_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?")


def _capitals_class() -> str:
    """A character class of the letters `str.isupper` accepts (none lie beyond U+1FFFF)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x20000):
        char = chr(code)
        if char.isupper() and _LETTER.match(char):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\U{a:08x}" + (f"-\\U{b:08x}" if b > a else "") for a, b in ranges)


_LETTER = re.compile(r"[^\W\d_]")
# Where a word that begins with a capital starts: not after a letter, nor after a letter and
# an apostrophe or hyphen (those join one word). Only names' first words start this way.
_CAPITAL = re.compile(f"[{_capitals_class()}]")
_CAPITAL_START = re.compile(rf"(?<![^\W\d_])(?<![^\W\d_][-'’]){_CAPITAL.pattern}")
# A capital word's start and its whole token in one match: no start of a capital word lies
# inside a token (a letter, or a letter and an apostrophe or hyphen, comes before any capital
# inside one, and a dot only ends one), so a scan that moves past each token finds the same.
#
# Written capital first, its look-behinds after it (each one character wider, so they read
# the same two places before it), then the rest of the token. The first character is taken
# from a class the engine can skip through quickly (an ASCII capital or any character beyond
# ASCII), and a look-behind then holds it to the capitals: the class of every capital, which
# the engine reads as a list of ranges (it holds letters beyond U+FFFF), is walked only at
# those few places, not for every lower-case letter, and the look-behinds only run there. The
# same matches (`tests/core/test_capital_tokens.py`); 2.2 µs a generated sentence against 4.7.
_CAPITAL_TOKEN = re.compile(rf"[A-Z\x80-\U0010ffff](?<={_CAPITAL.pattern})"
                            rf"(?<![^\W\d_].)(?<![^\W\d_][-'’].)"
                            rf"{_TOKEN.pattern.removeprefix(_LETTER.pattern)}")
# Spaces on the same line, then a token (group 1): no token starts with a space, so the match
# holds exactly when a token starts where the spaces end.
_NEXT_TOKEN = re.compile(rf"[^\S\n]*({_TOKEN.pattern})")


class Words:
    """The word tokens of text[start:end] that do not start inside a party mention, read
    where a name may be, never all of them: a name's first word is found by searching for
    capitals, and the words after it one at a time."""

    __slots__ = ("end", "highs", "lows", "start", "text")

    def __init__(self, text: str, start: int, end: int, covered: Sequence[Mention]) -> None:
        self.text, self.start, self.end = text, start, end
        self.lows: list[int] = []
        self.highs: list[int] = []
        if not covered:  # most sentences name no party
            return
        if len(covered) == 1:  # (nothing to merge)
            self.lows.append(covered[0].start)
            self.highs.append(covered[0].end)
            return
        # overlapping mentions merged, so one bisect answers
        for low, high in sorted([(m.start, m.end) for m in covered]):
            if self.highs and low <= self.highs[-1]:
                self.highs[-1] = max(self.highs[-1], high)
            else:
                self.lows.append(low)
                self.highs.append(high)

    def covered(self, at: int) -> bool:
        index = bisect_right(self.lows, at) - 1
        return index >= 0 and at < self.highs[index]

    def capitals(self) -> Iterator[re.Match[str]]:
        """Tokens that begin with a capital, in order (the first two places are judged
        here: the look-behind would see across the start of the range)."""
        text, start, end = self.text, self.start, self.end
        before = text[start - 1] if start > 0 else ""
        # (`_LETTER` read without an expression: a letter is alphanumeric but no decimal digit)
        if not before or not ((before.isalnum() and not before.isdecimal()) or before in "-'’"):
            # Nothing before the range that a look-behind could join to its first two places
            # (a sentence starts after a space): one scan from the start answers as below.
            if not self.lows:
                yield from _CAPITAL_TOKEN.finditer(text, start, end)
                return
            # tokens and mentions both come in text order: one moving index over the
            # mentions answers `covered` for each token without a search
            lows, highs = self.lows, self.highs
            index, count = 0, len(lows)
            for word in _CAPITAL_TOKEN.finditer(text, start, end):
                at = word.start()
                while index < count and highs[index] <= at:
                    index += 1
                if index == count or at < lows[index]:
                    yield word
            return
        for at in range(start, min(start + 2, end)):
            before = text[at - 1] if at > start else ""
            if (at == start or not (_LETTER.match(before) or (
                    before in "-'’" and at - 1 > start and _LETTER.match(text, at - 2)))) \
                    and _CAPITAL.match(text, at, end) and not self.covered(at):
                token = _TOKEN.match(text, at, end)
                if token is not None:
                    yield token
        if not self.lows:
            yield from _CAPITAL_TOKEN.finditer(text, start + 2, end)
            return
        for token in _CAPITAL_TOKEN.finditer(text, start + 2, end):
            if not self.covered(token.start()):
                yield token

    def adjacent(self, after: int) -> re.Match[str] | None:
        """The next token if only spaces on the same line lie between (else None), as group 1
        of the match (one expression call: the spaces and the token together)."""
        found = _NEXT_TOKEN.match(self.text, after, self.end)
        if found is None or (self.lows and self.covered(found.start(1))):
            return None
        return found

    def following(self, after: int) -> re.Match[str] | None:
        """The next token wherever it is."""
        found = _TOKEN.search(self.text, after, self.end)
        while found is not None and self.covered(found.start()):
            found = _TOKEN.search(self.text, found.end(), self.end)
        return found
