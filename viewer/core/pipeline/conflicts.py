"""Where sources reporting one happening disagree: on its date, a figure, or who took part.

Clustering links events whose dates overlap; two reports of one round of talks that give
different days are linked here instead, when their dates lie within a few days and their
wording is very close. Each cluster reported by two or more articles is then read for
disagreements. The limits and the figure nouns are data (`resources/conflicts.toml`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from viewer.core.events.document_events import Event, evolve
from viewer.core.pipeline.cluster import close_wording, content_words
from viewer.core.pipeline.union_find import MinRootForest
from viewer.core.resources import load_data

DATE, FIGURE, PARTIES = "date", "figure", "parties"


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's version: the value it gives and where it says so."""

    value: str
    event: str
    document: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    kind: str  # date, figure or parties
    what: str  # "date", a figure's kind ("prisoners"), "who took part"
    claims: tuple[Claim, ...]

    @property
    def label(self) -> str:
        return self.what if self.kind != FIGURE else f"number of {self.what}"


@dataclass(frozen=True, slots=True)
class Conflict:
    cluster: str
    disagreements: tuple[Disagreement, ...]

    @property
    def flags(self) -> tuple[str, ...]:
        """Short names for the event's `conflict` field: "date", "figure:prisoners", …"""
        return tuple(d.kind if d.kind != FIGURE else f"{FIGURE}:{d.what}"
                     for d in self.disagreements)


def flag_label(flag: str) -> str:
    """A conflict flag in words: "figure:prisoners" → "number of prisoners disputed"."""
    kind, _, what = flag.partition(":")
    if kind == FIGURE:
        return f"number of {what} disputed"
    return {DATE: "date disputed", PARTIES: "who took part disputed"}.get(flag, flag)


@dataclass(frozen=True, slots=True)
class ConflictRules:
    tolerance_days: int
    min_shared: int
    min_overlap: float
    min_share: float
    max_compared: int
    figure: re.Pattern[str]
    kind_of: dict[str, str]  # noun phrase (lower case) → figure kind
    numbers: dict[str, int]
    min_parties: int
    participation: re.Pattern[str]
    date_stance: dict[str, str]  # modality → the stance a date dispute compares within
    # The same two expressions without IGNORECASE, for an ASCII sentence lower-cased: there
    # they match alike (the groups read are lower-cased anyway) in half the time, since a
    # case-blind expression is tried character by character. None when a phrase of the data
    # is not ASCII (a case-blind match of it could then differ).
    figure_lower: re.Pattern[str] | None = None
    participation_lower: re.Pattern[str] | None = None


def _alternation(phrases: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split()))
                    for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def load_rules() -> ConflictRules:
    data: dict[str, Any] = load_data("conflicts.toml")
    kind_of = {" ".join(noun.lower().split()): kind
               for kind, nouns in data["figures"].items() for noun in nouns}
    numbers = {k.lower(): int(v) for k, v in data["numbers"].items()}
    nouns = _alternation(list(kind_of))
    words = _alternation(list(numbers))
    gap = int(data["max_gap_words"])
    figure = (rf"\b(\d{{1,3}}(?:,\d{{3}})+|\d+|{words})\b((?:\s+[a-z][\w-]*){{0,{gap}}}?)"
              rf"\s+({nouns})\b")
    phrases = [str(p) for p in data["parties"]["participation"]]
    participation = rf"\b(?:{_alternation(phrases)})\b"
    ascii_data = all(p.isascii() for p in [*kind_of, *numbers, *phrases])
    lowered = rf"\b(?:{_alternation([p.lower() for p in phrases])})\b"
    return ConflictRules(
        tolerance_days=int(data["date_tolerance_days"]),
        min_shared=int(data["min_shared_words"]), min_overlap=float(data["min_overlap"]),
        min_share=float(data["min_share"]),
        max_compared=int(data["max_compared"]), figure=re.compile(figure, re.IGNORECASE),
        kind_of=kind_of, numbers=numbers, min_parties=int(data["parties"]["min_parties"]),
        participation=re.compile(participation, re.IGNORECASE),
        date_stance={str(k): str(v) for k, v in data["date_stance"].items()},
        figure_lower=re.compile(figure) if ascii_data else None,
        participation_lower=re.compile(lowered) if ascii_data else None)


def figures(text: str, rules: ConflictRules | None = None) -> dict[str, frozenset[int]]:
    """The counts a sentence gives, by kind: "five people were killed" → casualties {5}."""
    rules = rules or load_rules()
    found: dict[str, set[int]] = {}
    scan = rules.figure
    if rules.figure_lower is not None and text.isascii():
        scan, text = rules.figure_lower, text.lower()
    for match in scan.finditer(text):
        raw = match.group(1).lower().replace(",", "")
        value = int(raw) if raw.isdigit() else rules.numbers.get(raw)
        kind = rules.kind_of.get(" ".join(match.group(3).lower().split()))
        if value is not None and kind is not None:
            found.setdefault(kind, set()).add(value)
    return {kind: frozenset(values) for kind, values in found.items()}


def _comparable(a: Event, b: Event) -> bool:
    if a.document == b.document or a.cluster == b.cluster or a.boilerplate or b.boilerplate:
        return False
    if a.date_source != "explicit" or b.date_source != "explicit":
        return False
    if a.precision not in ("day", "time") or b.precision not in ("day", "time"):
        return False
    if not set(a.topics) & set(b.topics):
        return False
    return not (a.parties and b.parties and not set(a.parties) & set(b.parties))


def near_date_pairs(events: Sequence[Event], rules: ConflictRules | None = None,
                    owner: Callable[[Event], bool] | None = None) -> list[tuple[int, int]]:
    """Index pairs of events whose clusters are one happening reported with different dates
    (day-dated, within the tolerance, worded alike). Events are compared in date order, each
    with a bounded number of later ones, so the cost is linear. With `owner`, only pairs
    whose earlier event it accepts: a date bucket of a corpus (its own month plus the
    tolerance after it) finds the pairs of its month alone, the same as over the corpus."""
    rules = rules or load_rules()
    order = sorted((i for i, e in enumerate(events) if e.start is not None
                    and e.date_source == "explicit" and not e.boilerplate),
                   key=lambda i: events[i].start)  # type: ignore[arg-type, return-value]
    joined = MinRootForest()  # only to skip clusters already joined

    # What each comparison reads, once per event rather than once per pair; a run of one
    # article's events (never comparable with each other) is stepped over in one move.
    days = [events[i].start.toordinal() for i in order]  # type: ignore[union-attr]
    articles = [events[i].document for i in order]
    other_from = list(range(1, len(order) + 1))  # the next place holding another article
    for pos in range(len(order) - 2, -1, -1):
        if articles[pos + 1] == articles[pos]:
            other_from[pos] = other_from[pos + 1]
    # (topic and party sets made when an event is first compared: a one-article folder
    # compares none)
    topic_sets: list[frozenset[str] | None] = [None] * len(order)
    party_sets: list[frozenset[str] | None] = [None] * len(order)

    def sets_at(at: int) -> tuple[frozenset[str], frozenset[str]]:
        topics, parties = topic_sets[at], party_sets[at]
        if topics is None or parties is None:
            event = events[order[at]]
            topics = topic_sets[at] = frozenset(event.topics)
            parties = party_sets[at] = frozenset(event.parties)
        return topics, parties

    day_dated = [events[i].precision in ("day", "time") for i in order]
    words: dict[int, frozenset[str]] = {}
    pairs: list[tuple[int, int]] = []
    for pos, i in enumerate(order):
        a = events[i]
        if not day_dated[pos]:
            continue  # comparable with nothing
        if owner is not None and not owner(a):
            continue
        stop = min(len(order), pos + 1 + rules.max_compared,
                   bisect_right(days, days[pos] + rules.tolerance_days, pos + 1))
        if other_from[pos] >= stop:
            continue  # only its own article's events in reach
        own_topics, own_parties = sets_at(pos)
        at = pos + 1
        while at < stop:
            if articles[at] == articles[pos]:
                at = other_from[at]
                continue
            j = order[at]
            b = events[j]
            comparable = day_dated[at] and a.cluster != b.cluster
            if comparable:
                other_topics, other_parties = topic_sets[at], party_sets[at]
                if other_topics is None or other_parties is None:
                    other_topics, other_parties = sets_at(at)
                comparable = (not own_topics.isdisjoint(other_topics)
                              and not (own_parties and other_parties
                                       and own_parties.isdisjoint(other_parties)))
            at += 1
            if not comparable or joined.root(a.cluster) == joined.root(b.cluster):
                continue
            wa, wb = words.get(i), words.get(j)
            if wa is None:
                wa = words[i] = content_words(a.text)
            if wb is None:
                wb = words[j] = content_words(b.text)
            if close_wording(wa, wb, rules.min_shared, rules.min_overlap, rules.min_share):
                joined.union(a.cluster, b.cluster)
                pairs.append((i, j))
    return pairs


def join_clusters(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Cluster id → the id of the cluster it joins (the smallest id of its group), for every
    cluster of the pairs. The groups do not depend on the pairs' order."""
    forest = MinRootForest()
    for a, b in pairs:
        forest.union(a, b)
    return {c: forest.root(c) for c in list(forest.ids())}


def merge_near_dates(events: Sequence[Event], rules: ConflictRules | None = None) -> list[Event]:
    """Join clusters whose day-dated reports are within the tolerance and worded alike: one
    happening reported with different dates (see `near_date_pairs`)."""
    joined = join_clusters((events[i].cluster, events[j].cluster)
                           for i, j in near_date_pairs(events, rules))
    if not joined:
        return list(events)
    documents: dict[str, set[str]] = {}
    for e in events:
        documents.setdefault(joined.get(e.cluster, e.cluster), set()).add(e.document)
    out = list(events)
    for k, e in enumerate(events):
        new = joined.get(e.cluster, e.cluster)
        if new != e.cluster:
            out[k] = evolve(e, cluster=new, sources=len(documents[new]))
        elif len(documents[new]) != e.sources:
            out[k] = evolve(e, sources=len(documents[new]))
    return out


def _disagreement(kind: str, what: str, values: dict[str, tuple[str, Event]]
                  ) -> Disagreement | None:
    """`values`: document → (value, the event saying it). A disagreement needs two values."""
    if len({v for v, _ in values.values()}) < 2:
        return None
    # Earliest report first (once reports are dated), then by article.
    order = sorted(values.items(), key=lambda kv: (kv[1][1].reported or dt.date.max, kv[0]))
    claims = tuple(Claim(value, e.id, doc) for doc, (value, e) in order)
    return Disagreement(kind, what, claims)


def _date_disagreement(members: list[Event], rules: ConflictRules) -> Disagreement | None:
    """Two day-dated versions whose days do not overlap, among reports of one stance: both
    say it happened, or both say it is planned. A plan for the 15th and a report that it
    happened on the 17th are a plan and its outcome (`reporting`), not a dispute. Nor are
    versions further apart than the tolerance: links chain (a week-long report joins the
    days inside it, a near-date join another), so such a cluster holds several happenings."""
    by_stance: dict[str, list[Event]] = {}
    for e in members:
        stance = rules.date_stance.get(e.modality)
        if stance is not None and e.date_source == "explicit" and e.start is not None \
                and e.end is not None and e.precision in ("day", "time"):
            by_stance.setdefault(stance, []).append(e)
    for stance in dict.fromkeys(rules.date_stance.values()):  # in the data's order; one flag
        dated = by_stance.get(stance, [])
        if not dated:
            continue
        starts = [e.start for e in dated if e.start is not None]
        ends = [e.end for e in dated if e.end is not None]
        if min(ends) < max(starts) <= min(ends) + dt.timedelta(days=rules.tolerance_days):
            dates = {e.document: (str(e.start), e) for e in dated}
            if (d := _disagreement(DATE, "date", dates)) is not None:
                return d
    return None


# What one event says that disputes read: each figure kind it gives exactly one count of, and
# whether it says who took part. Read from the text unless the caller has it already (a worker
# reads it where the event is extracted, so the folder stage never needs the text).
Said = Callable[[Event], tuple[Mapping[str, int], bool]]


def said_in_text(text: str, rules: ConflictRules) -> tuple[dict[str, int], bool]:
    """`Said` of a sentence: its single-count figures by kind, and a participation cue."""
    single = {kind: min(values) for kind, values in figures(text, rules).items()
              if len(values) == 1}  # a sentence giving two counts of one kind is not a version
    if rules.participation_lower is not None and text.isascii():
        return single, rules.participation_lower.search(text.lower()) is not None
    return single, rules.participation.search(text) is not None


def _conflict(cluster_id: str, members: list[Event], rules: ConflictRules,
              said: Said | None = None) -> Conflict | None:
    found: list[Disagreement] = []
    if (d := _date_disagreement(members, rules)) is not None:
        found.append(d)
    read = said or (lambda e: said_in_text(e.text, rules))
    by_kind: dict[str, dict[str, tuple[str, Event]]] = {}
    named: dict[str, tuple[str, Event]] = {}
    for e in members:
        counts, takes_part = read(e)
        for kind, value in counts.items():
            by_kind.setdefault(kind, {}).setdefault(e.document, (str(value), e))
        if takes_part and len(e.parties) >= rules.min_parties:
            named[e.document] = (", ".join(sorted(e.parties)), e)
    for kind in sorted(by_kind):
        if (d := _disagreement(FIGURE, kind, by_kind[kind])) is not None:
            found.append(d)
    if (d := _disagreement(PARTIES, "who took part", named)) is not None:
        found.append(d)
    return Conflict(cluster_id, tuple(found)) if found else None


def find_conflicts(events: Sequence[Event], rules: ConflictRules | None = None,
                   said: Said | None = None) -> dict[str, Conflict]:
    """Cluster id → what its sources disagree on, for clusters reported by two or more."""
    rules = rules or load_rules()
    clusters: dict[str, list[Event]] = {}
    for e in events:
        if e.sources >= 2 and e.cluster and not e.not_event:
            clusters.setdefault(e.cluster, []).append(e)
    out = {}
    for cluster_id, members in clusters.items():
        if (c := _conflict(cluster_id, members, rules, said)) is not None:
            out[cluster_id] = c
    return out


def with_conflicts(events: Sequence[Event]) -> list[Event]:
    """The events, clusters joined across near dates, each flagged with what its sources
    disagree on (empty when they agree)."""
    return flag_conflicts(merge_near_dates(events))


def flag_conflicts(events: Sequence[Event]) -> list[Event]:
    """Each event flagged with what its cluster's sources disagree on. Needs every member of
    a cluster (in corpus order), nothing else: a corpus may be split by cluster."""
    conflicts = find_conflicts(events)
    if not conflicts:  # (most folders: no event needs a flag, only stale ones clearing)
        return [e if not e.conflict else evolve(e, conflict=()) for e in events]
    out = []
    for e in events:
        found = conflicts.get(e.cluster)
        flags = found.flags if found else ()
        out.append(e if e.conflict == flags else evolve(e, conflict=flags))
    return out
