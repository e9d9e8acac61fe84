"""A topic for the body events no cue reached: the topic whose events share most of their
words, in a folder that discovers its own topics.

Why: a discovered topic's cues are a few dozen phrases, so many sentences about it match
none of them (on the unseen-story sample one body sentence in seven had no topic) while
they share other words with the sentences that did. Each topic's profile is how many of
its events hold each content word, weighted by that word's rarity in the folder (tf-idf);
an event without a topic takes the topic whose profile is nearest to its words (cosine),
when it shares at least one word with it. Events that have topics keep them: every way
tried of letting the profiles take topics away lost more than it gained.

Every statistic is an integer count over events (`NearCounts`), so the counts of shares of
a folder add up and a corpus split into partitions gets the same profiles as one process.
One pass to count, one to assign: O(words) each.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.core.events.event_record import Event, evolve
from viewer.core.pipeline.discovery_passes import TOKEN, key_of, normal_word


def words_of(text: str, stop: frozenset[str]) -> frozenset[str]:
    """The content words of `text` (singular keys, and each pair of neighbours), without
    stop words and without capitalised words after the first (names: who, not what)."""
    out: set[str] = set()
    previous: str | None = None
    for match in TOKEN.finditer(text):
        word = match.group(0)
        lower = normal_word(word)
        if lower in stop or len(lower) < 3 or (match.start() > 0 and word[0].isupper()):
            previous = None
            continue
        key = key_of(lower)
        out.add(key)
        if previous is not None:
            out.add(previous + " " + key)
        previous = key
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class NearCounts:
    """What the profiles read of (a share of) a folder's body events with content words."""

    events: int
    documents: Counter[str]  # word → events holding it (its document frequency)
    topics: dict[str, Counter[str]]  # topic → word → its events holding the word


def near_counts(events: Iterable[Event], stop: frozenset[str]) -> NearCounts:
    """One pass over (a share of) the events, as they are after `with_topics`."""
    size = 0
    df: Counter[str] = Counter()
    topics: dict[str, Counter[str]] = {}
    for event in events:
        if event.boilerplate:
            continue
        words = words_of(event.text, stop)
        if not words:
            continue
        size += 1
        df.update(words)
        for topic in event.topics:
            topics.setdefault(topic, Counter()).update(words)
    return NearCounts(size, df, topics)


def add_near_counts(shares: Iterable[NearCounts]) -> NearCounts:
    size, df, topics = 0, Counter[str](), dict[str, Counter[str]]()
    for share in shares:
        size += share.events
        df.update(share.documents)
        for topic, words in share.topics.items():
            topics.setdefault(topic, Counter()).update(words)
    return NearCounts(size, df, topics)


@dataclass(frozen=True, slots=True)
class Profiles:
    """Each topic's words with their weights (tf-idf, the profile's length one) and each
    word's rarity; `order` lists the topics in taxonomy order (ties go to the first)."""

    order: tuple[str, ...]
    stop: frozenset[str]  # the folder's stop words (discovery.toml)
    weights: dict[str, dict[str, float]]  # word → topic → weight in the topic's profile
    rarity: dict[str, float]  # word → its idf

    def nearest(self, words: Iterable[str]) -> tuple[str, str] | None:
        """The nearest topic to an event's words and the word that brought it closest, or
        None when no profile shares a word with them."""
        score: dict[str, float] = {}
        best_word: dict[str, tuple[float, str]] = {}
        for word in sorted(words):
            by_topic = self.weights.get(word)
            if not by_topic:
                continue
            idf = self.rarity[word]
            for topic, weight in by_topic.items():
                part = idf * weight
                score[topic] = score.get(topic, 0.0) + part
                if part > best_word.get(topic, (0.0, ""))[0]:
                    best_word[topic] = (part, word)
        chosen = max((t for t in self.order if score.get(t, 0.0) > 0.0),
                     key=lambda t: score[t], default=None)
        return None if chosen is None else (chosen, best_word[chosen][1])


def profiles(counts: NearCounts, order: Sequence[str], stop: frozenset[str]) -> Profiles:
    """The topics' profiles from the folder's counts (summed over its shares)."""
    n = counts.events
    rarity = {w: math.log((n + 1) / (df + 1)) for w, df in counts.documents.items()}
    weights: dict[str, dict[str, float]] = {}
    kept = tuple(t for t in order if t in counts.topics)
    for topic in kept:
        held = counts.topics[topic]
        # summed in word order: a folder's counts, however its shares were added, give the
        # same float
        length = math.sqrt(sum((k * rarity[w]) ** 2 for w, k in sorted(held.items())))
        if length <= 0.0:
            continue
        for word, k in held.items():
            if rarity[word] > 0.0:
                weights.setdefault(word, {})[topic] = k * rarity[word] / length
    return Profiles(kept, stop, weights, rarity)


def with_nearest(events: Sequence[Event], near: Profiles) -> list[Event]:
    """The events, those of the body without a topic given their nearest one (with the
    reason "topic:<id>:like <word>", the word that weighed most)."""
    out = []
    for event in events:
        if not event.topics and not event.boilerplate:
            found = near.nearest(words_of(event.text, near.stop))
            if found is not None:
                topic, word = found
                event = evolve(event, topics=(topic,),
                               why=(*event.why, f"topic:{topic}:like {word}"))
        out.append(event)
    return out


def nearest_topics(events: Sequence[Event], order: Sequence[str], stop: frozenset[str]
                   ) -> list[Event]:
    """`with_nearest` with the profiles of these events (the whole folder, in one process)."""
    return with_nearest(events, profiles(near_counts(events, stop), order, stop))
