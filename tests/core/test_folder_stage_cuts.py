"""The folder stage's and the speaker pass's cheaper paths give what the longer ones gave:
unlinked events as clusters of their own, stale conflict flags cleared, near-date pairs with
sets made on first comparison, and a verb's clause found by one match."""

from __future__ import annotations

import datetime as dt
import random

from viewer.core.events import speech_patterns as shapes
from viewer.core.events.event_record import Event, evolve, new_event
from viewer.core.pipeline.cluster import cluster
from viewer.core.pipeline.conflicts import flag_conflicts, near_date_pairs


def _event(eid: str, document: str, text: str, day: int, **more: object) -> Event:
    return new_event(
        id=eid, document=document, text=text, char_start=0, char_end=len(text),
        start=dt.date(2026, 3, day), end=dt.date(2026, 3, day), precision="day",
        date_source="explicit", timex=None, timex_value=None, parties=("Russia", "Ukraine"),
        people=(), topics=("prisoners",), boilerplate=False, sentence=0, **more)


SWAP = "Russia and Ukraine exchanged {} prisoners of war in a swap at the Belarus border."


def test_unlinked_events_are_their_own_clusters_even_when_they_held_another() -> None:
    linked_a = _event("a1", "a.txt", SWAP.format(150), 5)
    linked_b = _event("b1", "b.txt", SWAP.format(150), 5)
    # stale: a cluster and a source count from an earlier run
    alone = _event("c1", "c.txt", "Farmers protested against grain imports.", 20,
                   cluster="a1", sources=2)
    plain = _event("d1", "d.txt", "The weather was mild.", 21, cluster="d1")
    out = cluster([linked_a, alone, linked_b, plain])
    assert [(e.cluster, e.sources) for e in out] == [("a1", 2), ("c1", 1), ("a1", 2),
                                                     ("d1", 1)]
    assert out[3] is plain  # nothing to change: the same object


def test_a_folder_without_disputes_clears_stale_flags_only() -> None:
    flagged = _event("a1", "a.txt", SWAP.format(150), 5, conflict=("date",))
    clean = _event("b1", "b.txt", "Farmers protested against grain imports.", 9)
    out = flag_conflicts([flagged, clean])
    assert out[0].conflict == () and out[0].id == "a1"
    assert out[1] is clean


def test_near_date_pairs_read_topics_and_parties_of_compared_events() -> None:
    a = _event("a1", "a.txt", SWAP.format(150), 5, cluster="a1")
    b = _event("b1", "b.txt", SWAP.format(120), 7, cluster="b1")
    other_topic = evolve(_event("c1", "c.txt", SWAP.format(120), 6, cluster="c1"),
                         topics=("weather",))
    other_parties = evolve(_event("d1", "d.txt", SWAP.format(120), 6, cluster="d1"),
                           parties=("Chile",))
    same_article = _event("a2", "a.txt", SWAP.format(150), 6, cluster="a2")
    # neither the other topic nor the other parties pair; an article's own events never
    # pair with each other, each may with another article's
    assert near_date_pairs([a, other_topic, other_parties, same_article, b]) == [(0, 4),
                                                                                (3, 4)]


def _clause_start_by_finds(text: str, lo: int, verb: int) -> int:
    """What the speaker pass computed before: a reverse find of each mark."""
    return max(lo, *(text.rfind(mark, lo, verb) + 1 for mark in shapes.CLAUSE_MARKS))


def test_the_last_mark_match_is_the_reverse_finds() -> None:
    rnd = random.Random(12)
    alphabet = "ab ,;:—–\n.x"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        lo = rnd.randint(0, len(text))
        verb = rnd.randint(lo, len(text))
        marked = shapes.TO_LAST_MARK.match(text, lo, verb)
        assert (marked.end() if marked else lo) == _clause_start_by_finds(text, lo, verb)
