"""Replaying the order-dependent people mentions in shares by surname key gives the answers
and the registry of one replay over all of them (`people_reduce.replay`)."""

from __future__ import annotations

import random

import pytest

from viewer.core.events.people import PeopleRegistry, PersonMention
from viewer.core.pipeline.people_reduce import (
    creating_keys,
    ordered_mentions,
    people_table,
    replay,
)
from viewer.core.pipeline.people_replay import merge_replayed, replay_share, share_of

FIRSTS = ("John", "Jane", "Olena", "Mark", "Volodymyr", "Vladimir")
LASTS = ("Doe", "Smith", "Kovalenko", "Zelensky", "Zelenskyy", "Putin", "Rubio", "Lavrov",
         "Hart", "Novak")
PARTIES = (None, None, "Ukraine", "Russia", "European Union")


def _mention(rnd: random.Random) -> PersonMention:
    last = rnd.choice(LASTS)
    tokens = (last,) if rnd.random() < 0.4 else (rnd.choice(FIRSTS), last)
    return PersonMention(0, 1, tokens, rnd.random() < 0.5, rnd.choice(PARTIES))


def _corpus(seed: int) -> tuple[PeopleRegistry, list[list[list[PersonMention]]]]:
    """A finished registry that learned a few people, and partitions of events' mentions."""
    rnd = random.Random(seed)
    registry = PeopleRegistry(None)
    registry.learn([PersonMention(0, 1, ("Jane", "Doe"), True, "Ukraine"),
                    PersonMention(0, 1, ("Mark", "Hart"), True, None),
                    PersonMention(0, 1, ("Olena", "Kovalenko"), True, "Ukraine")])
    registry.finish()
    partitions = [[[_mention(rnd) for _ in range(rnd.randrange(3))]
                   for _ in range(rnd.randrange(1, 12))] for _ in range(6)]
    return registry, partitions


def _state(registry: PeopleRegistry) -> list[tuple[object, ...]]:
    return [(slot, p.name, p.first, dict(p.forms), dict(p.party_votes))
            for slot, p in registry.people.items()]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("shares", [1, 2, 5])
def test_shares_give_the_one_replay(seed: int, shares: int) -> None:
    registry, partitions = _corpus(seed)
    keys = frozenset().union(*(creating_keys(registry, p) for p in partitions))
    ordered = [ordered_mentions(keys, p) for p in partitions]
    want_final, want_answers = replay(registry, ordered)

    by_share: dict[int, list[tuple[tuple[int, int, int], PersonMention]]] = {}
    for rank, part in enumerate(ordered):
        for (e, m), mention in part:
            by_share.setdefault(share_of(mention, shares), []).append(((rank, e, m), mention))
    before = _state(registry)
    replayed = [replay_share(registry, mentions) for mentions in by_share.values()]
    assert _state(registry) == before  # the shared registry is read, never changed
    answers: list[dict[tuple[int, int], object]] = [{} for _ in partitions]
    for mentions, share in zip(by_share.values(), replayed, strict=True):
        for ((rank, e, m), _), said in zip(mentions, share.answers, strict=True):
            answers[rank][(e, m)] = said
    assert answers == want_answers
    final = merge_replayed(registry, reversed(replayed))  # the shares' order does not matter
    assert _state(final) == _state(want_final)
    assert list(people_table(final).items()) == list(people_table(want_final).items())
    created = sum(len(share.created) for share in replayed)
    assert created == len(want_final.people) - len(registry.people) > 0


def test_an_event_without_mentions_is_kept_as_it_is_unless_a_party_repeats() -> None:
    """`attach_people` returns an event with no mentions untouched (no copy) exactly when
    `with_people` would change nothing: a party named twice is still made unique."""
    import datetime as dt

    from viewer.core.events.document_events import Event
    from viewer.core.pipeline.people_reduce import attach_people, with_people

    day = dt.date(2024, 1, 2)
    event = Event("e1", "a.txt", "Talks ended.", 0, 12, day, day, "day", "explicit", "Tuesday",
                  "2024-01-02", ("Russia", "Ukraine"), (), ("talks",), False, 3)
    assert with_people(event.parties, event.why, event.speaker, []) is None
    assert attach_people(event, (), lambda _i, _m: None) is event
    twice = Event("e2", "a.txt", "Talks ended.", 0, 12, day, day, "day", "explicit", "Tuesday",
                  "2024-01-02", ("Russia", "Russia"), (), ("talks",), False, 3)
    assert with_people(twice.parties, twice.why, twice.speaker, []) is not None
    assert attach_people(twice, (), lambda _i, _m: None).parties == ("Russia",)
