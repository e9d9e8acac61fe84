"""The parties an article has named so far, which the next sentence's references resolve to.

Why a record of its own: "the ministry", "it" or a sentence's subject only name a party
through what came before (the dateline's state, the last party named, how often each was
named), and that state is read and written once per sentence of the document's pass.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from viewer.core.events.cue_scan import fold
from viewer.core.events.parties import Gazetteer, Mention


@dataclass(slots=True)
class PartyContext:
    gazetteer: Gazetteer
    text: str  # the document's
    named: dict[str, int] = field(default_factory=dict)  # party → where last named
    opened: str | None = None  # the party the last body sentence opened with
    times: dict[str, int] = field(default_factory=dict)  # party → how often named
    # Where a pair reference's word may be ("both", "two": `pair_word_starts`), found once
    # per document; None: not known, every sentence asks the expression.
    pair_at: Sequence[int] | None = None


    def read(self, start: int, end: int, body: bool, reference_cues: list[tuple[int, int]] | None
             ) -> tuple[list[Mention], list[Mention]]:
        """The sentence start..end's own party mentions and its references to parties named
        before; a body sentence (not page furniture) then updates what the article named."""
        gazetteer, text = self.gazetteer, self.text
        if body and not self.named:
            seat = gazetteer.dateline_state(text, start, end)
            if seat is not None:
                self.named[seat] = -1  # named before anything the article names
        mentions = gazetteer.mentions(text, start, end)
        referring = gazetteer.references(text, start, end, self.named, reference_cues,
                                         self.times, self.pair_at)
        if body:
            if self.opened is not None:  # (without a party before, "It …" names none)
                it = gazetteer.pronoun_reference(text, start, end, self.opened)
                referring = [*referring, it] if it is not None else referring
            # (a sentence that names nothing opens with no party)
            self.opened = (gazetteer.subject(text, start, [*mentions, *referring])
                           if mentions or referring else None)
            named, times = self.named, self.times
            for mention in mentions:
                named[mention.party] = mention.start
                times[mention.party] = times.get(mention.party, 0) + 1
        return mentions, referring


def pair_word_starts(words: tuple[str, ...], text: str) -> array[int] | None:
    """Where one of `words` (lower case) starts in `text` read case-blind, in order: a few
    substring searches over the document, after which a sentence asks a binary search
    whether its expression for them could match. Only the places are kept (the folded copy
    of the text is dropped at once: events, not text copies, make an article's memory).
    None where the fold cannot say (no words, or a text whose lower case changes length)."""
    if not words:
        return None
    folded = fold(text)
    if len(folded) != len(text):
        return None
    found: list[int] = []
    for word in words:
        at = folded.find(word)
        while at >= 0:
            found.append(at)
            at = folded.find(word, at + 1)
    found.sort()
    return array("q", found)  # (8 bytes a place, not a list's 36)
