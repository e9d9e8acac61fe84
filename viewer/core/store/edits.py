"""Analyst edits as small operations: each applies itself, can revert itself, and says what
changed, so the UI can wrap them in undo commands and refresh only what they touched.

Every edit reads the state it replaces when it is made, so undo restores exactly that state
(for example, tagging three events of which one already had the tag untags only two).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.events.document_events import Event
from viewer.core.ingest.sidecar import read_sidecar, write_sidecar_value
from viewer.core.store.analyst_store import Store, encode_set


@dataclass(frozen=True, slots=True)
class Change:
    """What an edit touched: event ids, whether the tag list changed, documents redated,
    whether the folder's topics changed (every event's topics follow: a reload), and facet
    values renamed (facet, old, new) or removed (new None), which a filter choosing the old
    value follows."""

    events: frozenset[str] = frozenset()
    tags: bool = False
    documents: frozenset[str] = frozenset()
    renamed: tuple[tuple[str, str, str | None], ...] = ()
    periods: bool = False  # the folder's periods changed
    topics: bool = False


@dataclass
class Edit:
    text: str = ""

    def apply(self, store: Store) -> Change:
        raise NotImplementedError

    def revert(self, store: Store) -> Change:
        raise NotImplementedError


@dataclass
class TagEvents(Edit):
    tag: str = ""
    ids: tuple[str, ...] = ()
    on: bool = True
    changed: tuple[str, ...] = ()

    @classmethod
    def make(cls, store: Store, tag: str, ids: list[str], on: bool) -> TagEvents:
        current = store.event_tags(ids)
        changed = tuple(i for i in ids if (tag in current.get(i, set())) != on)
        verb = "Tag" if on else "Untag"
        return cls(f"{verb} {len(changed)} event(s) “{tag}”", tag, tuple(ids), on, changed)

    def apply(self, store: Store) -> Change:
        store.tag_events(self.tag, self.changed, self.on)
        return Change(frozenset(self.changed))

    def revert(self, store: Store) -> Change:
        store.tag_events(self.tag, self.changed, not self.on)
        return Change(frozenset(self.changed))


@dataclass
class CreateTag(Edit):
    tag: str = ""
    color: str = "#888888"

    def apply(self, store: Store) -> Change:
        store.set_tag(self.tag, self.color)
        return Change(tags=True)

    def revert(self, store: Store) -> Change:
        ids = store.tagged(self.tag)
        store.set_tag(self.tag, None)
        return Change(frozenset(ids), tags=True)


@dataclass
class RenameTag(Edit):
    old: str = ""
    new: str = ""

    def apply(self, store: Store) -> Change:
        ids = store.tagged(self.old)
        store.rename_tag(self.old, self.new)
        return Change(frozenset(ids), tags=True, renamed=(("tags", self.old, self.new),))

    def revert(self, store: Store) -> Change:
        ids = store.tagged(self.new)
        store.rename_tag(self.new, self.old)
        return Change(frozenset(ids), tags=True, renamed=(("tags", self.new, self.old),))


@dataclass
class RecolorTag(Edit):
    tag: str = ""
    old: str = ""
    new: str = ""

    def apply(self, store: Store) -> Change:
        store.set_tag(self.tag, self.new)
        return Change(tags=True)

    def revert(self, store: Store) -> Change:
        store.set_tag(self.tag, self.old)
        return Change(tags=True)


@dataclass
class DeleteTag(Edit):
    tag: str = ""
    color: str = ""
    ids: tuple[str, ...] = ()

    @classmethod
    def make(cls, store: Store, tag: str) -> DeleteTag:
        return cls(f"Delete tag “{tag}”", tag, store.tags().get(tag, "#888888"),
                   tuple(store.tagged(tag)))

    def apply(self, store: Store) -> Change:
        store.set_tag(self.tag, None)
        return Change(frozenset(self.ids), tags=True, renamed=(("tags", self.tag, None),))

    def revert(self, store: Store) -> Change:
        store.restore_tag(self.tag, self.color, self.ids)
        return Change(frozenset(self.ids), tags=True)


@dataclass
class SetNote(Edit):
    event_id: str = ""
    old: str = ""
    new: str = ""

    @classmethod
    def make(cls, store: Store, event_id: str, text: str) -> SetNote:
        return cls("Edit note", event_id, store.note(event_id), text)

    def apply(self, store: Store) -> Change:
        store.set_note(self.event_id, self.new)
        return Change(frozenset({self.event_id}))

    def revert(self, store: Store) -> Change:
        store.set_note(self.event_id, self.old)
        return Change(frozenset({self.event_id}))


@dataclass
class Correct(Edit):
    """Correct fields of one event; `values` maps field → new stored value (None: reset)."""

    event_id: str = ""
    values: dict[str, str | None] = field(default_factory=dict)
    old: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def make(cls, store: Store, event_id: str, values: dict[str, str | None],
             text: str) -> Correct:
        old = {name: store.correction(event_id, name) for name in values}
        return cls(text, event_id, dict(values), old)

    def apply(self, store: Store) -> Change:
        store.set_corrections(self.event_id, self.values)  # one transaction for all fields
        return Change(frozenset({self.event_id}))

    def revert(self, store: Store) -> Change:
        store.set_corrections(self.event_id, self.old)
        return Change(frozenset({self.event_id}))


def correct_date(store: Store, event: Event, start: dt.date, end: dt.date,
                 precision: str) -> Correct:
    return Correct.make(store, event.id, {"start": start.isoformat(), "end": end.isoformat(),
                                          "precision": precision},
                        f"Correct date to {start.isoformat()}"
                        + ("" if start == end else f" – {end.isoformat()}"))


def correct_set(store: Store, event: Event, name: str, values: set[str]) -> Correct:
    return Correct.make(store, event.id, {name: encode_set(values)}, f"Correct {name}")


def correct_modality(store: Store, event: Event, modality: str, speaker: str) -> Correct:
    """Modality and speaker in one correction (one transaction, one undo step)."""
    return Correct.make(store, event.id, {"modality": modality, "speaker": speaker},
                        f"Correct modality to {modality}"
                        + (f", said by {speaker}" if speaker else ""))


def mark_not_event(store: Store, event: Event, hidden: bool) -> Correct:
    return Correct.make(store, event.id, {"not_event": "1" if hidden else None},
                        "Mark as not an event" if hidden else "Restore as an event")


@dataclass
class SetReview(Edit):
    states: dict[str, str] = field(default_factory=dict)
    old: dict[str, str] = field(default_factory=dict)

    @classmethod
    def make(cls, store: Store, ids: list[str], state: str) -> SetReview:
        old = {i: store.review(i) for i in ids}
        verb = {"accepted": "Accept", "rejected": "Reject"}.get(state, "Clear review of")
        return cls(f"{verb} {len(ids)} event(s)", dict.fromkeys(ids, state), old)

    def apply(self, store: Store) -> Change:
        store.set_reviews(self.states)
        return Change(frozenset(self.states))

    def revert(self, store: Store) -> Change:
        store.set_reviews(self.old)
        return Change(frozenset(self.old))


@dataclass
class SetDocumentDate(Edit):
    """Set an article's publication date in the folder's sidecar; its relative dates then
    resolve again against it when the folder is re-extracted."""

    folder: str = ""
    relpath: str = ""
    old: str | None = None
    new: str | None = None

    @classmethod
    def make(cls, folder: str | Path, relpath: str, date: dt.date | None) -> SetDocumentDate:
        old = read_sidecar(folder).get(relpath, {}).get("date")
        new = date.isoformat() if date else None
        return cls(f"Set date of {relpath} to {new or 'none'}", str(folder), relpath, old, new)

    def apply(self, store: Store) -> Change:
        write_sidecar_value(self.folder, self.relpath, "date", self.new)
        return Change(documents=frozenset({self.relpath}))

    def revert(self, store: Store) -> Change:
        write_sidecar_value(self.folder, self.relpath, "date", self.old)
        return Change(documents=frozenset({self.relpath}))
