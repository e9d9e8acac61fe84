"""The analyst's links and unlinks (`viewer.core.store.happening_links`) resolved into clusters.

Why here and not in the per-event merge: a link changes whole clusters (every member's cluster
id, its number of sources, first and last report, conflict flags and outcome), so it is
resolved over the clusters it touches, after the per-event corrections are merged. Work is in
proportion to those clusters plus one vectorised pass over the cluster column.

A cluster as extracted keeps its id while it is whole; a joined or a diminished one is named
by the folder stage's rule, its smallest event id (an event taken out: its own id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from viewer.core.events.document_events import Event, evolve
from viewer.core.pipeline.union_find import MinRootForest
from viewer.core.session.cluster_marks import marked
from viewer.core.session.columns import EventColumns
from viewer.core.store.analyst_store import decode_set
from viewer.core.store.happening_links import LINK, UNLINKED

LINKED = "happening"  # in an event's `corrected`: the analyst linked or unlinked it


@dataclass(frozen=True, slots=True)
class Linked:
    """One event's links: the keys it shares with other events, and whether it was taken out."""

    keys: frozenset[str] = frozenset()
    unlinked: bool = False


def linked_of(fixes: Mapping[str, str] | None) -> Linked | None:
    """An event's stored corrections as links, or None when it carries none."""
    if not fixes:
        return None
    keys = frozenset(decode_set(fixes[LINK])) if fixes.get(LINK) else frozenset()
    unlinked = fixes.get(UNLINKED) == "1"
    return Linked(keys, unlinked) if keys or unlinked else None


def link_state(corrections: Mapping[str, Mapping[str, str]]) -> dict[str, Linked]:
    """Every event's links, from the store's corrections."""
    out: dict[str, Linked] = {}
    for event_id, fixes in corrections.items():
        found = linked_of(fixes)
        if found is not None:
            out[event_id] = found
    return out


def _clusters(bases: dict[int, str], keyed: dict[str, list[int]],
              ids: dict[int, str]) -> dict[int, str]:
    """Each row's cluster id once the rows sharing a key are joined (union-find over the
    starting clusters). A starting cluster that is still whole keeps its id; any other is
    named by the folder stage's rule, its smallest event id."""
    forest = MinRootForest()
    for rows in keyed.values():
        for row in rows[1:]:
            forest.union(bases[rows[0]], bases[row])
    members: dict[str, list[int]] = {}
    for row, base in bases.items():
        members.setdefault(forest.root(base), []).append(row)
    named: dict[int, str] = {}
    for rows in members.values():
        starts = {bases[row] for row in rows}
        (only,) = starts if len(starts) == 1 else ("",)
        kept = only.startswith("c:") and only[2:] in {ids[row] for row in rows}
        name = only[2:] if kept else min(ids[row] for row in rows)
        named.update(dict.fromkeys(rows, name))
    return named


def relink(columns: EventColumns, extracted: Callable[[int], Event],
           links: Mapping[str, Linked], previous: Iterable[int],
           published: Mapping[str, dt.date | None]) -> tuple[dict[int, Event], list[int]]:
    """The rows whose cluster, sources or cluster marks the links change (relative to what
    the columns hold now), with their new events; and the rows covered, which the next call
    must be given as `previous` (so an unlink puts them back).

    `extracted(row)` is the row's event as the folder stage clustered it. Covered are the
    whole extracted clusters of the linked events, and the rows covered before."""
    at = columns.rows_of(links)
    wanted = {extracted(row).cluster for row in at.values()} - {""}
    column = columns.arrays["cluster"]
    found = (np.flatnonzero(np.isin(column, np.array([w.encode("utf-8") for w in wanted])))
             if wanted else np.zeros(0, dtype=np.int64))
    covered = sorted(set(found.tolist()) | set(at.values()) | set(previous))
    if not covered:
        return {}, []
    bases: dict[int, str] = {}
    ids: dict[int, str] = {}
    keyed: dict[str, list[int]] = {}
    for row in covered:
        base = extracted(row)
        link = links.get(base.id)
        ids[row] = base.id  # "e:" an event standing alone, "c:" a cluster as extracted
        alone = (link is not None and link.unlinked) or not base.cluster
        bases[row] = f"e:{base.id}" if alone else f"c:{base.cluster}"
        for key in link.keys if link is not None else ():
            keyed.setdefault(key, []).append(row)
    cluster_of = _clusters(bases, keyed, ids)
    documents: dict[str, set[str]] = {}
    current = columns.events(covered)
    for row, event in zip(covered, current, strict=True):
        documents.setdefault(cluster_of[row], set()).add(event.document)
    joined = [evolve(e, cluster=cluster_of[row], sources=len(documents[cluster_of[row]]),
                     corrected=_marked_by_hand(e.corrected, e.id in links))
              for row, e in zip(covered, current, strict=True)]
    after = marked(joined, published)
    updates = {row: new for row, old, new in zip(covered, current, after, strict=True)
               if _derived(old) != _derived(new)}
    return updates, covered if links else []


def _marked_by_hand(corrected: tuple[str, ...], linked: bool) -> tuple[str, ...]:
    kept = tuple(name for name in corrected if name != LINKED)
    return (*kept, LINKED) if linked else kept


def _derived(e: Event) -> tuple[object, ...]:
    """The fields a link decides."""
    return (e.cluster, e.sources, e.conflict, e.outcome, e.reported, e.first_reported,
            e.last_reported, e.corrected)
