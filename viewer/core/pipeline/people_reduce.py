"""The people registry as a map/reduce, for engines that never hold a whole corpus.

`PeopleRegistry` learns people in document order and then resolves every mention in the same
order, and a few resolutions create people (a name seen only in page furniture, a bare surname
the leaders list knows). To give exactly the answer of one process over the whole folder:

1. map: each partition learns on its own (`learn_partition`), keeping first-seen order;
2. reduce: partial registries merge in partition order (`merge_learned`), which is
   associative, so a tree of merges equals one pass; `finish` settles names;
3. map: each partition names the surname keys whose mentions would create someone
   (`creating_keys`); only mentions of those keys depend on order;
4. reduce: those mentions alone are replayed in document order (`replay`);
5. map: each partition resolves its events (`resolve_events`) from the finished registry,
   read-only, plus the replayed answers.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from viewer.core.events.document_events import Event, evolve
from viewer.core.events.people import (
    ROLE_JOIN,
    PeopleRegistry,
    Person,
    PersonMention,
    is_role,
    surname_key,
)
from viewer.core.events.story_roles import ROLE_MARK

# A resolved mention: the person's display name and their party at that moment.
Found = tuple[str, str | None]
# (event position in its partition, mention position in its event)
MentionRef = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Learned:
    """One partition's (or a merge's) learned people, in first-seen order."""

    people: tuple[tuple[str, str | None, str, tuple[tuple[str, int], ...],
                        tuple[tuple[str, int], ...]], ...]  # key, first, name, forms, votes


def taught(mentions: Sequence[PersonMention], boilerplate: bool) -> Sequence[PersonMention]:
    """What a sentence teaches the registry. Page furniture teaches only a party its own
    title states ("Chinese Commerce Minister Gao Jianming" in a caption); a name it merely
    shows, or a role, may be another story's."""
    if not boilerplate:
        return mentions
    return [m for m in mentions if m.title_party is not None and not is_role(m)]


def learn_partition(folder: str | Path | None,
                    events: Iterable[tuple[str, bool, Sequence[PersonMention]]]) -> Learned:
    """`events` as (document, boilerplate, mentions), in text order."""
    registry = PeopleRegistry(folder)
    learned: set[PersonMention] = set()  # a mention shared by events counts once per document
    current = None
    for document, boilerplate, mentions in events:
        if document != current:
            learned, current = set(), document
        fresh = [m for m in mentions if m not in learned]
        learned.update(fresh)
        registry.learn(taught(fresh, boilerplate))
    return _export(registry)


def _export(registry: PeopleRegistry) -> Learned:
    return Learned(tuple(
        (p.key, p.first, p.name, tuple(p.forms.items()), tuple(p.party_votes.items()))
        for p in registry.people.values()
    ))


def merge_learned(parts: Iterable[Learned]) -> Learned:
    """Partial registries in partition order → one, as if learned in one pass."""
    merged: dict[tuple[str, str | None], tuple[str, Counter[str], Counter[str]]] = {}
    for part in parts:
        for key, first, name, forms, votes in part.people:
            slot = merged.get((key, first))
            if slot is None:
                merged[(key, first)] = (name, Counter(dict(forms)), Counter(dict(votes)))
            else:
                slot[1].update(dict(forms))
                slot[2].update(dict(votes))
    return Learned(tuple((key, first, name, tuple(forms.items()), tuple(votes.items()))
                         for (key, first), (name, forms, votes) in merged.items()))


def finished_registry(folder: str | Path | None, learned: Learned) -> PeopleRegistry:
    """The registry one pass of `learn` over the corpus would have, then `finish`ed."""
    registry = PeopleRegistry(folder)
    for key, first, name, forms, votes in learned.people:
        person = Person(name, key, first, Counter(dict(forms)), Counter(dict(votes)))
        registry.people[(key, first)] = person
        registry.by_key.setdefault(key, []).append(person)
    registry.finish()
    return registry


def would_create(registry: PeopleRegistry, mention: PersonMention) -> bool:
    """Whether `registry.resolve(mention)` would add a person (mirrors its branches)."""
    if is_role(mention):
        return False
    candidates = registry.by_key.get(surname_key(mention.tokens[-1]), [])
    if len(mention.tokens) >= 2:
        if any(p.first in (None, mention.tokens[0]) for p in candidates):
            return False
        return mention.evidence or mention.title_party is not None
    if candidates or registry.named_first(mention.tokens[-1]) is not None:
        return False
    return (registry._leader(mention.tokens[-1]) is not None
            or (mention.evidence and mention.title_party is not None))


def creating_keys(registry: PeopleRegistry,
                  events: Iterable[Sequence[PersonMention]]) -> frozenset[str]:
    """Surname keys some mention of this partition would create a person under. Resolving
    only adds people, so a mention that creates nobody against the finished registry creates
    nobody later either: these keys are all the order can matter for."""
    return frozenset(surname_key(m.tokens[-1]) for mentions in events for m in mentions
                     if would_create(registry, m))


def ordered_mentions(keys: frozenset[str], events: Sequence[Sequence[PersonMention]]
                     ) -> list[tuple[MentionRef, PersonMention]]:
    """This partition's mentions under `keys`, in text order, for the replay."""
    return [((e, m), mention) for e, mentions in enumerate(events)
            for m, mention in enumerate(mentions) if surname_key(mention.tokens[-1]) in keys]


def as_found(person: Person | None) -> Found | None:
    return None if person is None else (person.name, person.party)


def replay(registry: PeopleRegistry,
           partitions: Iterable[Sequence[tuple[MentionRef, PersonMention]]],
           spent: bool = False) -> tuple[PeopleRegistry, list[dict[MentionRef, Found | None]]]:
    """Resolve the order-dependent mentions in document order on a copy of the registry;
    returns the final registry and, per partition, what each of those mentions named.
    `spent`: the caller has no further use for `registry`, so it is resolved on in place
    (the copy took 40 ms of the open's serial tail at 2,000 articles)."""
    final = registry if spent else copy.deepcopy(registry)
    answers = [{ref: as_found(final.resolve(m)) for ref, m in part} for part in partitions]
    return final, answers


def attach_people(event: Event, mentions: Sequence[PersonMention],
                  lookup: Callable[[int, PersonMention], Found | None]) -> Event:
    """The event with the people its mentions name, those people's parties added and its
    speaker's name as the registry settles it."""
    if not mentions and len(set(event.parties)) == len(event.parties):
        return event  # what `with_people` says of no mentions: nothing changes
    found = [(lookup(index, mention), " ".join(mention.tokens))
             for index, mention in enumerate(mentions)]
    changed = with_people(event.parties, event.why, event.speaker, found)
    if changed is None:
        return event
    people, parties, speaker, why = changed
    return evolve(event, people=people, parties=parties, speaker=speaker, why=why)


# An event's people, parties, speaker and reasons.
People = tuple[tuple[str, ...], tuple[str, ...], str, tuple[str, ...]]


def with_people(parties: Sequence[str], why: Sequence[str], speaker: str,
                found: Sequence[tuple[Found | None, str]]) -> People | None:
    """An event's people, parties, speaker and reasons once its mentions are resolved
    (`found`: each mention's person, and the mention as written), or None when nothing
    changes. Plain values, so events held as columns are updated the same way."""
    names: dict[str, None] = {}
    kept = dict.fromkeys(parties)
    reasons = list(why)
    speakers = speaker.split("; ") if speaker else []
    for person, written in found:
        if person is None:
            continue
        if person[0].startswith(ROLE_MARK):  # "the mediators": the parties the folder binds
            role = person[0].partition(":")[2]
            for party in (person[1] or "").split(ROLE_JOIN):
                if party and party not in kept:
                    kept[party] = None
                    reasons.append(f"party:{party}:{role}")
            continue
        names.setdefault(person[0])
        if person[1] and person[1] not in kept:
            kept[person[1]] = None
            reasons.append(f"party:{person[1]}:{person[0]}")  # the reason: this person's party
        # a speaker named as written gets the full name
        speakers = [person[0] if name == written else name for name in speakers]
    if names or len(kept) != len(parties):
        return (tuple(names), tuple(kept), "; ".join(dict.fromkeys(speakers)), tuple(reasons))
    return None


def resolve_events(registry: PeopleRegistry, keys: frozenset[str],
                   answers: dict[MentionRef, Found | None],
                   events: Sequence[tuple[Event, Sequence[PersonMention]]]) -> list[Event]:
    """A partition's events with people, read-only against the finished registry."""
    out: list[Event] = []
    for e, (event, mentions) in enumerate(events):
        def lookup(m: int, mention: PersonMention, e: int = e) -> Found | None:
            if surname_key(mention.tokens[-1]) in keys:
                return answers.get((e, m))
            return as_found(registry.resolve(mention))
        out.append(attach_people(event, mentions, lookup))
    return out


def people_table(registry: PeopleRegistry) -> dict[str, str | None]:
    return {p.name: p.party for p in registry.people.values()
            if not p.key.startswith(ROLE_MARK)}
