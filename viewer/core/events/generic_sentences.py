"""A sentence that tells what happens as a rule has no day: "Cholera returns each season".

Read on a sentence without a date of its own: a habitual word (`generic_cues` in
resources/events.toml) in its main clause, and no past or future there, so that neither the
narrative's day nor the report's is given to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from viewer.core.events import cues
from viewer.core.events.clause_ends import main_clause_end

_GENERIC = re.compile(rf"\b(?:{cues.alternation(cues.CUES.get('generic_cues', []))})\b"
                      r"(?!\s+(?:other|of)\b)", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”]")
_MAIN = re.compile(r",(?!\d)|;|—|–")
# The longest word of each cue, in lower case: a match of `_GENERIC` holds one of them, so
# an ASCII sentence without any (most sentences) needs no search. (ASCII only, text and
# cues: ignoring case, a few letters beyond it match ASCII ones, "ſ" an "s".) None where
# that cannot be told: no cues (the empty alternation matches anywhere), or a cue of none.
_CUE_LIST: list[str] = cues.CUES.get("generic_cues", [])
_KEY_WORDS = (tuple(sorted({max(c.lower().split(), key=len) for c in _CUE_LIST}))
              if _CUE_LIST and all(c.split() and c.isascii() for c in _CUE_LIST) else None)


def may_tell_a_rule(text: str) -> bool:
    """False only where `_GENERIC` cannot match `text`."""
    if _KEY_WORDS is None or not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in _KEY_WORDS)


_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


class KeyWordIndex:
    """`may_tell_a_rule` of a document's sentences from one pass over the document: where
    each key word occurs in its lowercased text and where a character beyond ASCII is, so a
    sentence's answer is two binary searches instead of a lowercased copy and a search per
    key word (asked of most sentences). A document's lower case has its offsets where it
    keeps its length (no "İ"), and in an ASCII stretch of it reads as the stretch's own."""

    __slots__ = ("_ends", "_others", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None  # None: ask `may_tell_a_rule` of the slice
        self._ends: list[int] = []
        self._others: list[int] = []  # where the characters beyond ASCII are
        lowered = text.lower()
        if _KEY_WORDS is None or len(lowered) != len(text):
            return
        found: list[tuple[int, int]] = []
        for word in _KEY_WORDS:
            at = lowered.find(word)
            while at >= 0:  # each occurrence once: linear in the text per word
                found.append((at, at + len(word)))
                at = lowered.find(word, at + 1)
        found.sort()
        self._starts = [start for start, _ in found]
        # From each occurrence on, the least end: one starting at or after a sentence's
        # start lies inside it exactly when that least end is not past the sentence's end.
        ends = [end for _, end in found]
        for index in range(len(ends) - 2, -1, -1):
            ends[index] = min(ends[index], ends[index + 1])
        self._ends = ends
        if not text.isascii():
            self._others = [match.start() for match in _BEYOND_ASCII.finditer(text)]

    def may_tell_a_rule(self, start: int, end: int) -> bool:
        """`may_tell_a_rule(text[start:end])`."""
        starts = self._starts
        if starts is None:
            return may_tell_a_rule(self._text[start:end])
        others = self._others
        if others:
            at = bisect_left(others, start)
            if at < len(others) and others[at] < end:
                return True  # (beyond ASCII: always searched)
        at = bisect_left(starts, start)
        return at < len(starts) and self._ends[at] <= end


def tells_a_rule(text: str, may: bool | None = None) -> bool:
    """Whether the sentence `text` (no date of its own) tells what happens as a rule.
    `may`: its `may_tell_a_rule`, when the caller knows it."""
    found = (_GENERIC.search(text) if (may_tell_a_rule(text) if may is None else may)
             else None)
    if found is None or _QUOTE.search(text, 0, found.start()) is not None:
        return False  # (a habit inside a quotation is the speaker's, told that day)
    clause = _MAIN.search(text, found.end())
    end = min(main_clause_end(text), clause.start() if clause else len(text))
    return (found.start() < end and cues.PAST.search(text, 0, end) is None
            and cues.FUTURE.search(text, 0, end) is None)
