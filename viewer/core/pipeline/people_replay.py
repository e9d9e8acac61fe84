"""The order-dependent people mentions, replayed in shares by surname key.

Why: `people_reduce.replay` resolves every order-dependent mention of a corpus in one list,
so whoever runs it holds all of them. But `PeopleRegistry.resolve` reads and changes only the
people under the mention's own surname key (it looks them up in `by_key`, and creates or
updates people there), so mentions of different keys never meet. An engine can therefore
send each key's mentions to one share (`share_of`), replay each share in corpus order
against that key's people alone (`replay_share`), and fold the shares' people back into the
registry (`merge_replayed`): the answers and the final registry are those of one pass.
"""

from __future__ import annotations

import copy
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.core.events.people import PeopleRegistry, Person, PersonMention, surname_key
from viewer.core.pipeline.people_reduce import Found, as_found

# Where a mention stands in the corpus: (partition's rank, event in it, mention in the event).
Position = tuple[int, int, int]


def share_of(mention: PersonMention, shares: int) -> int:
    """The share a mention's surname key belongs to (the same in every process)."""
    key = surname_key(mention.tokens[-1])
    return zlib.crc32(key.encode("utf-8", "surrogateescape")) % max(1, shares)


@dataclass(frozen=True, slots=True)
class Replayed:
    """A share's outcome: what each mention named (in the order given), every key's people
    as they end (the ones the registry had first, in its order), and the people the share
    created, each with the position of the mention that created it and its registry slot."""

    answers: tuple[Found | None, ...]
    people: tuple[tuple[str, tuple[Person, ...]], ...]
    created: tuple[tuple[Position, tuple[str, str | None], str, int], ...]  # slot, key, index


def replay_share(registry: PeopleRegistry,
                 mentions: Sequence[tuple[Position, PersonMention]]) -> Replayed:
    """Resolve `mentions` (in corpus order; whole keys only) against a copy of their keys'
    people; the registry itself is not changed."""
    keys = list(dict.fromkeys(surname_key(m.tokens[-1]) for _, m in mentions))
    part = copy.copy(registry)  # shares the rules and the leaders list, not the people
    part.people = {}
    part.by_key = {k: copy.deepcopy(registry.by_key.get(k, [])) for k in keys}
    answers: list[Found | None] = []
    created: list[tuple[Position, tuple[str, str | None], str, int]] = []
    for position, mention in mentions:
        known = len(part.people)
        answers.append(as_found(part.resolve(mention)))
        if len(part.people) != known:  # resolve adds at most one person, at the end
            slot = next(reversed(part.people))
            created.append((position, slot, slot[0], len(part.by_key[slot[0]]) - 1))
    return Replayed(tuple(answers), tuple((k, tuple(part.by_key[k])) for k in keys),
                    tuple(created))


def merge_replayed(registry: PeopleRegistry, shares: Iterable[Replayed]) -> PeopleRegistry:
    """The registry after every share's replay, as one pass in corpus order leaves it: the
    people it had are updated in place, and the people created follow them in the order of
    the mentions that created them. Holds the registry and the shares' people, no mention."""
    final = copy.deepcopy(registry)
    created: list[tuple[Position, tuple[str, str | None], Person]] = []
    for share in shares:
        ended = dict(share.people)
        for key, people in share.people:
            if not people:
                continue  # a key no one answers to: nothing to keep
            had = final.by_key.setdefault(key, [])
            for mine, theirs in zip(had, people, strict=False):
                mine.name, mine.first = theirs.name, theirs.first
                mine.forms, mine.party_votes = theirs.forms, theirs.party_votes
            had.extend(people[len(had):])
        created.extend((position, slot, ended[key][index])
                       for position, slot, key, index in share.created)
    created.sort(key=lambda c: c[0])
    for _, slot, person in created:
        final.people[slot] = person
    return final
