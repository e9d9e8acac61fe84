"""What a normaliser may know about a match: its groups, the document date, tense, anchor."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from viewer.core.segment import load_rules
from viewer.core.timex.lexicon import Lexicon

_CLAUSE_BREAKS = ",;:—–()\"“”"
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)
_SENTENCE_BREAKS = ".!?\n"


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
        while left > 0 and not (text[left - 1] in _SENTENCE_BREAKS
                                 and _ends_sentence(text, left - 1)):
            left -= 1
        right = self.end
        while right < len(text) and not (text[right] in _SENTENCE_BREAKS
                                         and _ends_sentence(text, right)):
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
                # "had been scheduled to expire Friday": a plan told in the past perfect.
                past_plan = sign > 0 and _PLUPERFECT.search(text, max(0, cue.start() - 10),
                                                            cue.start()) is not None
                key = (int(other), distance, -1 if past_plan else sign)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best[2] if best else 0
