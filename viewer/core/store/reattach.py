"""What to do with an orphaned edit (its sentence left the folder): move it onto another
event, or discard it. Both are undoable edits that restore exactly what they replaced."""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.core.store.analyst_store import CORRECTION_FIELDS, Store
from viewer.core.store.edits import Change, Edit


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the analyst attached to one event id."""

    tags: frozenset[str] = frozenset()
    note: str = ""
    corrections: tuple[tuple[str, str], ...] = ()
    review: str = "unreviewed"

    @classmethod
    def read(cls, store: Store, event_id: str) -> Snapshot:
        corrections = tuple((name, value) for name in CORRECTION_FIELDS
                            if (value := store.correction(event_id, name)) is not None)
        return cls(frozenset(store.event_tags([event_id]).get(event_id, set())),
                   store.note(event_id), corrections, store.review(event_id))

    def write(self, store: Store, event_id: str, current: Snapshot) -> None:
        """Make `event_id` carry exactly this snapshot, given what it carries now."""
        for tag in current.tags - self.tags:
            store.tag_events(tag, [event_id], False)
        for tag in self.tags - current.tags:
            store.tag_events(tag, [event_id], True)
        if self.note != current.note:
            store.set_note(event_id, self.note)
        wanted = dict(self.corrections)
        for name in CORRECTION_FIELDS:
            if wanted.get(name) != dict(current.corrections).get(name):
                store.set_correction(event_id, name, wanted.get(name))
        if self.review != current.review:
            store.set_reviews({event_id: self.review})


def merged(onto: Snapshot, moved: Snapshot) -> Snapshot:
    """The target keeps its own edits; the orphan's fill in and add to them."""
    note = "\n\n".join(n for n in (onto.note, moved.note) if n)
    corrections = dict(moved.corrections) | dict(onto.corrections)
    review = onto.review if onto.review != "unreviewed" else moved.review
    return Snapshot(onto.tags | moved.tags, note, tuple(sorted(corrections.items())), review)


@dataclass
class MoveEdits(Edit):
    """Re-attach the edits of `source` to `target`, or discard them (`target` None)."""

    source: str = ""
    target: str | None = None
    old_source: Snapshot = field(default_factory=Snapshot)
    old_target: Snapshot = field(default_factory=Snapshot)

    @classmethod
    def make(cls, store: Store, source: str, target: str | None) -> MoveEdits:
        text = "Re-attach an orphaned edit" if target else "Discard an orphaned edit"
        return cls(text, source, target, Snapshot.read(store, source),
                   Snapshot.read(store, target) if target else Snapshot())

    def apply(self, store: Store) -> Change:
        Snapshot().write(store, self.source, self.old_source)
        if self.target is not None:
            merged(self.old_target, self.old_source).write(store, self.target, self.old_target)
        return self._change()

    def revert(self, store: Store) -> Change:
        if self.target is not None:
            now = merged(self.old_target, self.old_source)
            self.old_target.write(store, self.target, now)
        self.old_source.write(store, self.source, Snapshot())
        return self._change()

    def _change(self) -> Change:
        ids = {self.source} | ({self.target} if self.target else set())
        return Change(frozenset(ids))
