"""Edits that another window or process saved to the same store, noticed without a reload.

Two windows on one folder share its store; each saw the other's tags, notes and corrections
only after Reload (F5). SQLite's `PRAGMA data_version` changes on a connection when another
connection commits (never for its own commits), so asking it costs one statement; only when
it moved is the store read whole and compared with what was last read, which names exactly
the events whose edits changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.store.analyst_store import Store, UserData


def _edits_of(data: UserData, event_id: str) -> tuple[object, ...]:
    return (frozenset(data.event_tags.get(event_id, ())), data.notes.get(event_id),
            data.corrections.get(event_id), data.reviews.get(event_id))


def changed_ids(old: UserData, new: UserData) -> set[str]:
    """The events whose tags, note, corrections or review differ between two reads."""
    return {event_id for event_id in old.edited_ids() | new.edited_ids()
            if _edits_of(old, event_id) != _edits_of(new, event_id)}


@dataclass(slots=True)
class StoreWatch:
    """What a Session last read of its store, to tell what others have written since."""

    version: int
    seen: UserData

    @classmethod
    def start(cls, store: Store | None, data: UserData) -> StoreWatch:
        return cls(store.data_version() if store is not None else 0, data)

    def news(self, store: Store | None) -> tuple[frozenset[str], bool] | None:
        """(events whose edits another writer changed, whether the tag list changed), or
        None when nobody else has committed since the last look."""
        if store is None:
            return None
        version = store.data_version()
        if version == self.version:
            return None
        self.version = version
        data = store.load()
        ids = changed_ids(self.seen, data)
        tags = data.tags != self.seen.tags
        self.seen = data
        return (frozenset(ids), tags) if ids or tags else None
