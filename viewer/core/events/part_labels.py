"""The parties and topics of one event (a whole sentence or a dated part of it), with the
words that gave each of them (the detail pane's "why").

A sentence's mentions and topics are read once; a part takes the mentions inside it and its
own topics, and falls back to the sentence's when it has none of its own, so "…, while Kyiv
said talks would resume on Friday" keeps the sentence's parties when the part names none.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.events.parties import Mention
from viewer.core.events.shared_values import Shared
from viewer.core.events.topics import Taxonomy

TopicPairs = tuple[tuple[str, str], ...]  # (topic id, cue) pairs, in taxonomy order
# per document: a pairs tuple → its shared topic ids and their reasons (the reasons of an
# event without parties are those of its topics alone)
TopicReasons = dict[TopicPairs, tuple[tuple[str, ...], tuple[str, ...]]]


class SentenceLabels:
    """One sentence's mentions and parties; its topics worked out when first asked for (a
    sentence whose parts all have topics of their own never needs them)."""

    __slots__ = ("_every", "_parties", "_reasons", "_share", "_taxonomy", "_text", "_topics")

    def __init__(self, text: str, every: Sequence[Mention], taxonomy: Taxonomy,
                 reasons: TopicReasons, share: Shared) -> None:
        self._text = text
        self._every = every
        # (a list, not a generator, for `dict.fromkeys` to read: once a sentence)
        self._parties = list(dict.fromkeys([m.party for m in every])) if every else []
        self._taxonomy = taxonomy
        self._reasons = reasons
        self._share = share
        self._topics: TopicPairs | None = None

    def _sentence_topics(self) -> TopicPairs:
        if self._topics is None:
            self._topics = self._taxonomy.explain(self._text)
        return self._topics

    def of_part(self, doc_text: str, start: int, end: int, whole: bool, span_text: str
                ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The parties, topics and reasons of the part `start`–`end` of the document
        (`whole` when it is the sentence itself)."""
        every, share = self._every, self._share
        if whole:
            parties = self._parties
            pairs = self._topics if self._topics is not None else self._sentence_topics()
        else:
            parties = (list(dict.fromkeys([m.party for m in every
                                           if start <= m.start and m.end <= end]))
                       or self._parties)
            pairs = self._taxonomy.explain(span_text) or self._sentence_topics()
        known = self._reasons.get(pairs)
        if known is None:  # (a few hundred distinct pairs in a long article)
            known = self._reasons[pairs] = (
                share[tuple([t for t, _ in pairs])],
                share[tuple([share[f"topic:{t}:{cue}"] for t, cue in pairs])])
        topics, topic_why = known
        if not parties:  # (no party: the reasons are the topics' own, pooled once)
            return share[()], topics, topic_why
        party_why: dict[str, str] = {}
        for mention in every:  # (a whole sentence's parties are those of all of them)
            if (whole or mention.party in parties) and start <= mention.start < end:
                party_why.setdefault(mention.party, doc_text[mention.start:mention.end])
        if len(party_why) != len(parties):
            for party in parties:
                if party not in party_why:  # (the search ran for every party before)
                    party_why[party] = next(doc_text[m.start:m.end] for m in every
                                            if m.party == party)
        why = share[(*[share[f"party:{p}:{surface}"] for p, surface in party_why.items()],
                     *topic_why)]
        return share[tuple(parties)], topics, why
