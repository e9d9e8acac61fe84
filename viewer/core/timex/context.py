"""What a normaliser may know about a match: its groups, the document date, tense, anchor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from viewer.core.timex.lexicon import Lexicon

_CLAUSE_BREAKS = ",;:—–()\"“”"
_SENTENCE_BREAKS = ".!?\n"
#: How far either side of an expression the tense scan looks: a defensive cap, so that one
#: endless "sentence" (no full stop in megabytes) cannot stall a folder.
TENSE_REACH = 400


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
        text = self.text
        left = self.start
        floor, ceiling = max(0, left - TENSE_REACH), min(len(text), self.end + TENSE_REACH)
        while left > floor and text[left - 1] not in _SENTENCE_BREAKS:
            left -= 1
        right = self.end
        while right < ceiling and text[right] not in _SENTENCE_BREAKS:
            right += 1
        best: tuple[int, int, int] | None = None  # (in other clause, distance, sign)
        for sign, cues in ((1, self.lex.future_cues), (-1, self.lex.past_cues)):
            for cue in cues.finditer(text, left, right):
                if self.start <= cue.start() < self.end:
                    continue
                lo, hi = (cue.end(), self.start) if cue.end() <= self.start else (self.end,
                                                                                   cue.start())
                other = any(c in _CLAUSE_BREAKS for c in text[lo:hi])
                distance = max(0, hi - lo)
                key = (int(other), distance, sign)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best[2] if best else 0
