"""Link events from different articles that report the same happening.

Two events are linked when their date intervals overlap (both narrow enough to mean a
happening, not a season), they share a topic, their parties agree (overlap, or one names
none), and their wording is close: three shared content words, or a word-overlap ratio of at
least a quarter. Linked events form a cluster; each event learns its cluster id (the smallest
event id in it, so it is stable) and how many documents report it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from viewer.core.events.document_events import Event, evolve

MAX_SPAN_DAYS = 10
MIN_SHARED, MIN_OVERLAP = 3, 0.25  # wording close enough to link: shared words, or their share
# Pairs are compared within a date window; where thousands of articles share a few days, each
# event is compared with at most this many later events of other articles (the cap keeps a
# folder linear; below it the result is exact).
MAX_COMPARED = 400
T = TypeVar("T")
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    "the and that with from have has had were was for this their they them than then there "
    "which while what when where who will would could should been being into over under about "
    "after before between also said says such just only more most other some both each very "
    "its his her our your not but are any all can may might one two new day days week weeks "
    "month months year years time first last next earlier later today yesterday "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december".split()
)


@functools.lru_cache(maxsize=1 << 16)  # a folder's vocabulary repeats: stem each word once
def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=1 << 15)  # clustering and near-date merging read the same texts
def content_words(text: str) -> frozenset[str]:
    return frozenset(
        _stem(w) for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in _STOP
    )


def close_wording(wa: frozenset[T], wb: frozenset[T], min_shared: int = MIN_SHARED,
                  min_overlap: float = MIN_OVERLAP, min_share: float = 0.0) -> bool:
    """Whether two events' content words (strings, or their codes) say the same thing:
    `min_shared` words in common making at least `min_share` of the union, or at least two
    making `min_overlap` of it."""
    shared = len(wa & wb)
    if shared < 2:
        return False
    if shared >= min_shared and not min_share:
        return True  # (clustering: no union to build)
    share = shared / max(1, len(wa | wb))
    return (shared >= min_shared and share >= min_share) or share >= min_overlap


def is_candidate(e: Event) -> bool:
    """Whether an event may join a cluster: a dated happening, not the publication date."""
    return (not e.boilerplate and e.start is not None and e.end is not None
            and (e.end - e.start).days <= MAX_SPAN_DAYS and e.date_source != "document")


def _sorted_candidates(events: Sequence[Event]) -> tuple[list[int], list[int], list[str]]:
    """Candidates by start (then position), for each the next one from another
    document (a long article's own events are stepped over in one jump), and each one's
    document."""
    candidates = [i for i, e in enumerate(events) if is_candidate(e)]
    candidates.sort(key=lambda i: events[i].start)  # type: ignore[arg-type, return-value]
    documents = [events[i].document for i in candidates]
    other_document = [len(candidates)] * len(candidates)
    for pos in range(len(candidates) - 2, -1, -1):
        nxt = pos + 1
        same = documents[nxt] == documents[pos]
        other_document[pos] = other_document[nxt] if same else nxt
    return candidates, other_document, documents


def links(events: Sequence[Event], owner: Callable[[Event], bool] | None = None,
          reach: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """Pairs of positions in `events` that report the same happening. Only pairs whose
    earlier event (by start, then position) satisfies `owner` are looked for: a shard of a
    corpus passes its own date bucket plus the MAX_SPAN_DAYS after it, and owns the bucket.
    With `reach` (whether the event at one position may be compared with the one at
    another, from `comparison_reach` over the whole date bucket), the cap is that instead
    of a count: a bucket of one topic then compares the pairs the date bucket would."""
    candidates, other_document, documents = _sorted_candidates(events)
    # What each comparison reads, as columns in candidate order: dates (a candidate has both,
    # `is_candidate`, so `_linkable`'s other tests reduce to these), documents, and the topic
    # and party sets, made when an event is first compared (a one-article folder compares
    # none).
    chosen = [events[i] for i in candidates]
    firsts = [e.start for e in chosen]
    lasts = [e.end for e in chosen]
    count = len(candidates)
    topic_sets: list[frozenset[str] | None] = [None] * count
    party_sets: list[frozenset[str] | None] = [None] * count
    cap = MAX_COMPARED if reach is None else count
    words: dict[int, frozenset[str]] = {}  # content words, for the events ever compared

    def words_of(i: int) -> frozenset[str]:
        found = words.get(i)
        if found is None:
            found = words[i] = content_words(events[i].text)
        return found

    pairs: list[tuple[int, int]] = []
    for pos, i in enumerate(candidates):
        if owner is not None and not owner(chosen[pos]):
            continue
        first, last, document = firsts[pos], lasts[pos], documents[pos]
        topics = parties = None
        compared = 0
        j = pos + 1
        while j < count and compared < cap:
            if firsts[j] > last:  # type: ignore[operator]
                break
            if reach is not None and not reach(i, candidates[j]):
                break
            if documents[j] == document:
                j = other_document[j]
                continue
            compared += 1
            if first <= lasts[j]:  # type: ignore[operator]
                if topics is None:
                    topics = topic_sets[pos] or frozenset(chosen[pos].topics)
                    parties = party_sets[pos] or frozenset(chosen[pos].parties)
                    topic_sets[pos], party_sets[pos] = topics, parties
                other_topics, other_parties = topic_sets[j], party_sets[j]
                if other_topics is None or other_parties is None:
                    other_topics = topic_sets[j] = frozenset(chosen[j].topics)
                    other_parties = party_sets[j] = frozenset(chosen[j].parties)
                if (not topics.isdisjoint(other_topics)
                        and not (parties and other_parties
                                 and parties.isdisjoint(other_parties))
                        and close_wording(words_of(i), words_of(candidates[j]))):
                    pairs.append((i, candidates[j]))
            j += 1
    return pairs


def comparison_reach(events: Sequence[Event], owner: Callable[[Event], bool] | None = None
                     ) -> dict[int, int]:
    """For each owned candidate that meets the cap, the position in `events` of the last
    event `links` compares it with (its MAX_COMPARED-th later event of another article
    starting before its end). Reads dates and documents only, never the text: a date bucket
    finds its events' reach, and its topics' buckets then link within it."""
    candidates, other_document, _ = _sorted_candidates(events)
    out: dict[int, int] = {}
    for pos, i in enumerate(candidates):
        a = events[i]
        if owner is not None and not owner(a):
            continue
        compared = 0
        j = pos + 1
        while j < len(candidates):
            b = events[candidates[j]]
            if b.start is not None and a.end is not None and b.start > a.end:
                break
            if b.document == a.document:
                j = other_document[j]
                continue
            compared += 1
            if compared == MAX_COMPARED:
                out[i] = candidates[j]
                break
            j += 1
    return out


def cluster(events: Sequence[Event]) -> list[Event]:
    """The events with `cluster` and `sources` set."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    linked: set[int] = set()
    for i, j in links(events):
        parent[root(j)] = root(i)
        linked.update((i, j))
    out = list(events)
    # An event no pair names is a cluster of its own (its id, one source): most events of
    # any folder, and every one of a one-article folder, so they skip the grouping.
    for i, event in enumerate(events):
        if i not in linked and (event.cluster != event.id or event.sources != 1):
            out[i] = evolve(event, cluster=event.id, sources=1)
    groups: dict[int, list[int]] = {}
    for i in sorted(linked):
        groups.setdefault(root(i), []).append(i)
    for members in groups.values():
        cluster_id = min(events[i].id for i in members)
        sources = len({events[i].document for i in members})
        for i in members:
            if (events[i].cluster, events[i].sources) != (cluster_id, sources):
                out[i] = evolve(events[i], cluster=cluster_id, sources=sources)
    return out
