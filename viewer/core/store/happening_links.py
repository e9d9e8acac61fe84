"""The analyst's links between events that report one happening, as undoable edits.

Clustering never links an event dated only by its article, nor spans over ten days, so two
reports of one round of talks can stay apart; and it can link two that are not one happening.
The analyst corrects both. What is stored is per event, like every other correction, so an
event that leaves the folder leaves an orphaned edit, never a dangling group:

- `link`: the keys of the links the event takes part in (a JSON list). Events sharing a key
  are one happening, together with the events clustering put with each of them.
- `unlinked`: "1" when the analyst took the event out of its happening; it then starts as a
  cluster of its own (a later link can join it to another happening again).

The Session resolves both into cluster ids (`viewer.core.session.happening_merge`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from viewer.core.events.document_events import Event
from viewer.core.store.analyst_store import Store, decode_set, encode_set
from viewer.core.store.edits import Change, Edit

LINK, UNLINKED = "link", "unlinked"
Values = dict[str, dict[str, str | None]]  # event id → correction field → stored value (None: none)


def link_key(ids: Sequence[str]) -> str:
    """A link's key: the same selection gives the same key, so linking twice adds nothing."""
    return hashlib.sha1("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:12]


def write_corrections(store: Store, values: Mapping[str, Mapping[str, str | None]]) -> None:
    """Corrections of several events in one transaction: a link is saved whole or not at all."""
    store.set_many_corrections(values)


@dataclass
class LinkCorrection(Edit):
    """Link or unlink events: each event's `link` and `unlinked` before and after."""

    new: Values = field(default_factory=dict)
    old: Values = field(default_factory=dict)

    def apply(self, store: Store) -> Change:
        write_corrections(store, self.new)
        return Change(frozenset(self.new))

    def revert(self, store: Store) -> Change:
        write_corrections(store, self.old)
        return Change(frozenset(self.old))


def _stored(store: Store, event_id: str) -> dict[str, str | None]:
    return {LINK: store.correction(event_id, LINK), UNLINKED: store.correction(event_id, UNLINKED)}


def link_events(store: Store, events: Sequence[Event]) -> LinkCorrection:
    """Link two or more events as one happening (with what clustering put with each)."""
    ids = sorted({e.id for e in events})
    if len(ids) < 2:
        raise ValueError("a link needs two events or more")
    key = link_key(ids)
    old = {i: _stored(store, i) for i in ids}
    new: Values = {}
    for i in ids:
        keys = decode_set(old[i][LINK] or "[]") | {key}
        new[i] = {LINK: encode_set(keys), UNLINKED: old[i][UNLINKED]}
    return LinkCorrection(f"Link {len(ids)} events as one happening", new, old)


def unlink_event(store: Store, event: Event) -> LinkCorrection:
    """Take one event out of its happening: its links go, and it stands alone."""
    old = {event.id: _stored(store, event.id)}
    return LinkCorrection("Unlink an event from its happening", {event.id: {LINK: None,
                                                                            UNLINKED: "1"}}, old)
