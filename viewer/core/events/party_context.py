"""The parties an article has named so far, which the next sentence's references resolve to.

Why a record of its own: "the ministry", "it" or a sentence's subject only name a party
through what came before (the dateline's state, the last party named, how often each was
named), and that state is read and written once per sentence of the document's pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.core.events.parties import Gazetteer, Mention


@dataclass(slots=True)
class PartyContext:
    gazetteer: Gazetteer
    text: str  # the document's
    named: dict[str, int] = field(default_factory=dict)  # party → where last named
    opened: str | None = None  # the party the last body sentence opened with
    times: dict[str, int] = field(default_factory=dict)  # party → how often named

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
                                         self.times)
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
