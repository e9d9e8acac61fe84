"""What a normaliser may know about a match: its groups, the document date, tense, anchor."""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from viewer.core.ingest.segment import load_rules
from viewer.core.timex.lexicon import Lexicon

_CLAUSE_BREAKS = ",;:—–()\"“”"
_SENTENCE_BREAKS = ".!?\n"
# "that" opens a reported clause: in "told … on Wednesday that it would not", "would" is not
# the tense of the telling.
# Two scans merged, each of which the engine can run fast (a character set; a literal word),
# where one alternation of both was tried at every position of the text (four times slower).
_CLAUSE_CHARS = re.compile("[" + re.escape(_CLAUSE_BREAKS) + "]")
_THAT = re.compile(r"that(?<!\wthat)\b")
_DOT = re.compile(r"\.")  # a full stop may end a sentence (`_ends_sentence`), the rest do
_OTHER_BREAK = re.compile("[" + re.escape(_SENTENCE_BREAKS.replace(".", "")) + "]")


def _ends_sentence(text: str, index: int) -> bool:
    """A break character at `index` that ends a sentence: not the dot of "Oct." or "P."."""
    if text[index] != ".":
        return True
    word_start = index
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:index]
    if len(word) == 1:  # an initial ("P."), but an acronym ("U.S.") may end a sentence
        return word_start > 0 and text[word_start - 1] == "."
    return word.lower() not in load_rules().never_final

@functools.cache
def _abbreviation_reach() -> int:
    """How many characters before a full stop decide whether it ends a sentence: the
    longest abbreviation that never ends one, and the character before it."""
    return max((len(w) for w in load_rules().never_final if w.isalpha()), default=1) + 2


@functools.lru_cache(maxsize=1 << 16)
def _dot_ends_sentence(before: str) -> bool:
    """`_ends_sentence` for a full stop after `before`, the characters that decide it (fewer
    at the text's start): a longer word is no listed abbreviation, and a shorter one and
    the character before it are in them. News repeats the words before its full stops, so
    for most of them this is a dictionary look-up, not a walk back over the word."""
    return _ends_sentence(before + ".", len(before))


def _sentence_breaks(text: str) -> list[int]:
    reach = _abbreviation_reach()
    ends = _dot_ends_sentence
    dots = [at for at in [m.start() for m in _DOT.finditer(text)]
            if ends(text[max(0, at - reach) : at])]
    others = [m.start() for m in _OTHER_BREAK.finditer(text)]
    return sorted(dots + others) if others and dots else dots or others


_Cues = tuple[list[int], list[int]]  # starts, ends of one cue pattern's matches


class TenseIndex:
    """Where a text's sentences and clauses break and where its tense cues are, found once.

    `Match.tense()` is asked for every candidate expression; scanning its sentence each time
    (and the text between each cue and the expression) made tagging one long sentence cubic.
    With this index a question costs a few binary searches, and each sentence is scanned for
    cues once per distinct span asked about.
    """

    __slots__ = ("_clauses", "_cues", "_lex", "_sentences", "_text")

    def __init__(self, text: str, lex: Lexicon) -> None:
        self._text = text
        self._lex = lex
        self._sentences: list[int] | None = None
        self._clauses: list[int] | None = None
        self._cues: dict[tuple[int, int], tuple[_Cues, _Cues]] = {}

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The span from the sentence break before `start` to the one at or after `end`."""
        if self._sentences is None:
            self._sentences = _sentence_breaks(self._text)
        breaks = self._sentences
        before = bisect_left(breaks, start)
        after = bisect_left(breaks, end)
        left = breaks[before - 1] + 1 if before else 0
        right = breaks[after] if after < len(breaks) else len(self._text)
        return left, right

    def clause_break_in(self, lo: int, hi: int) -> bool:
        if hi <= lo:
            return False
        if self._clauses is None:
            self._clauses = [m.start() for m in _CLAUSE_CHARS.finditer(self._text)]
            that = [m.start() for m in _THAT.finditer(self._text)]
            if that:
                self._clauses = sorted(self._clauses + that)
        at = bisect_left(self._clauses, lo)
        return at < len(self._clauses) and self._clauses[at] < hi

    def cues(self, left: int, right: int) -> tuple[_Cues, _Cues]:
        """Future and past cue matches inside text[left:right], as the patterns find them."""
        found = self._cues.get((left, right))
        if found is None:
            future, past = ([], []), ([], [])  # type: tuple[_Cues, _Cues]
            for into, pattern in ((future, self._lex.future_cues), (past, self._lex.past_cues)):
                for cue in pattern.finditer(self._text, left, right):
                    into[0].append(cue.start())
                    into[1].append(cue.end())
            found = self._cues[(left, right)] = (future, past)
        return found


@dataclass(slots=True)
class Anchor:
    """The latest date the narrative mentioned, at the precision it was mentioned."""

    day: dt.date
    unit: str  # "D", "W", "M", "Q"
    end: int = 0  # where the expression that set it ends in the text


@dataclass(slots=True)
class Match:
    text: str
    start: int
    end: int
    groups: dict[str, str]
    dct: dt.date | None
    anchor: Anchor | None
    lex: Lexicon
    index: TenseIndex | None = field(default=None, repr=False)
    # The latest year named alone ("in 1988", "last year") and where it ends: "that year"
    # and "the year before" refer to it, while the anchor above stays at the finer date.
    year: tuple[dt.date, int] | None = None

    def g(self, name: str) -> str | None:
        value = self.groups.get(name)
        return value.lower() if value is not None else None

    def raw(self, name: str) -> str | None:
        return self.groups.get(name)

    def surface(self) -> str:
        return self.text[self.start : self.end]

    def tense(self) -> int:
        """+1 if the clause points to the future, -1 to the past, 0 if no cue was found.

        The nearest cue in the same clause wins; otherwise the nearest in the sentence, since
        a fronted "On Wednesday, forces launched…" takes its tense from the clause after it.
        """
        index = self.index
        if index is None:
            index = self.index = TenseIndex(self.text, self.lex)
        left, right = index.sentence(self.start, self.end)
        best: tuple[int, int, int] | None = None  # (in other clause, distance, sign)
        # The nearest cue of a pattern on either side is the last one starting before the
        # expression and the first one starting after it (a pattern's matches never overlap,
        # so their ends are in order too); the order of the four keeps the scan's tie-breaks.
        for sign, (starts, ends) in zip((1, -1), index.cues(left, right), strict=True):
            before = bisect_left(starts, self.start)
            after = bisect_left(starts, self.end, before)
            for at in (before - 1, after):
                if not 0 <= at < len(starts):
                    continue
                start, end = starts[at], ends[at]
                lo, hi = (end, self.start) if end <= self.start else (self.end, start)
                other = index.clause_break_in(lo, hi)
                key = (int(other), max(0, hi - lo), sign)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best[2] if best else 0
