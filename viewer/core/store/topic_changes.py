"""Topic edits as undoable steps: the entries of the folder's `topics.toml` they touched and
the hand-set topic lists they moved, each with its value before and after.

Applying or reverting one reads the file as it is *now* and changes only those fields, under
the folder's topics lock, then replaces the file atomically: an undo never puts back an old
copy of the whole file, so what another window, the command line or a hand edit wrote since
stays. A field someone else changed since the edit is left as they wrote it (counted in
`kept`). Hand-set topic lists (the analyst's `topics` corrections in the store) follow a
merge (to the merged topic) and a delete (the topic dropped, as deleting a tag takes it off
its events), and a topic made from selected events joins their hand-set lists. The store's
rows and the file change together: the file is written inside the store's transaction, so a
file that cannot be written rolls the store back, and a store that cannot commit puts the
file's fields back.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.core.events.topics import Taxonomy
from viewer.core.store import topic_edits
from viewer.core.store.analyst_store import SaveFailed, Store, decode_set, encode_set
from viewer.core.store.edits import Change, Edit

# One topic's entry fields an edit changed: key → (before, after); None is "no such key",
# and an entry left with no keys is no entry.
Fields = dict[str, dict[str, tuple[Any, Any]]]


@dataclass
class TopicEdit(Edit):
    """One edit of the folder's topics (see the module's docstring)."""

    folder: str = ""
    fields: Fields = field(default_factory=dict)
    hand_set: dict[str, tuple[str, str]] = field(default_factory=dict)  # event → (before, after)
    kept: int = 0  # fields the last apply or revert left, since someone else had changed them

    def apply(self, store: Store) -> Change:
        return self._write(store, forward=True)

    def revert(self, store: Store) -> Change:
        return self._write(store, forward=False)

    def apply_to(self, store: Store | None) -> Change:
        """`apply`, also where the folder has no store (hand-set lists then stay)."""
        return self._write(store, forward=True)

    def revert_to(self, store: Store | None) -> Change:
        return self._write(store, forward=False)

    def _write(self, store: Store | None, forward: bool) -> Change:
        try:
            self._write_locked(store, forward)
        except topic_edits.TopicError as exc:  # the file was damaged (by hand) since
            raise SaveFailed(f"Not saved: {exc}.") from exc
        return Change(events=frozenset(self.hand_set), topics=True)

    def _write_locked(self, store: Store | None, forward: bool) -> None:
        with topic_edits.locked(self.folder):
            data = topic_edits.read(self.folder)
            before = json.loads(json.dumps(data))  # a deep copy, to put back on failure
            self.kept = _put(data, self.fields, forward)
            write = functools.partial(topic_edits.write, self.folder, data)
            if not self.hand_set or store is None:
                write()
            else:
                wanted = {e: (old, new) if forward else (new, old)
                          for e, (old, new) in self.hand_set.items()}
                _hand_set(store, wanted, write,
                          functools.partial(topic_edits.write, self.folder, before))


def _put(data: dict[str, Any], fields: Fields, forward: bool) -> int:
    """Set the fields to their after (forward) or before values where they still hold the
    other one; the number left because someone changed them since."""
    topics: dict[str, dict[str, Any]] = data.setdefault("topic", {})
    kept = 0
    for topic_id, changes in fields.items():
        entry = topics.get(topic_id, {})
        for key, (old, new) in changes.items():
            want, was = (new, old) if forward else (old, new)
            if entry.get(key) != was:
                kept += entry.get(key) != want  # (someone set it so already: nothing kept)
                continue
            if want is None:
                entry.pop(key, None)
            else:
                entry[key] = want
        if entry.keys() & {"label", "color"} and "cues" not in entry and (
                changes.get("discovered", (None, None))[0 if forward else 1]):
            entry["discovered"] = True  # a look someone else gave it stays a look
        if entry:
            topics[topic_id] = entry
        else:
            topics.pop(topic_id, None)
    return kept


def _hand_set(store: Store, wanted: Mapping[str, tuple[str, str]],
              write: Callable[[], None], undo_write: Callable[[], None]) -> None:
    """Hand-set topic lists (event → (value now, value wanted)) and the file as one step:
    the file is written inside the store's transaction; a list someone changed since is
    left as it is."""
    current = store.hand_set_topics(wanted)
    changes: dict[str, Mapping[str, str | None]] = {
        event_id: {"topics": new} for event_id, (old, new) in wanted.items()
        if current.get(event_id) == old}
    written = False

    def then() -> None:
        nonlocal written
        write()
        written = True

    try:
        store.set_many_corrections(changes, then=then)
    except BaseException:
        if written:  # the commit failed after the file was written: put the file back
            undo_write()
        raise


def _diff(before: dict[str, Any], after: dict[str, Any]) -> Fields:
    old: dict[str, dict[str, Any]] = before.get("topic", {})
    new: dict[str, dict[str, Any]] = after.get("topic", {})
    fields: Fields = {}
    for topic_id in [*old, *(t for t in new if t not in old)]:
        a, b = old.get(topic_id, {}), new.get(topic_id, {})
        changed = {key: (a.get(key), b.get(key)) for key in [*a, *(k for k in b if k not in a)]
                   if a.get(key) != b.get(key)}
        if changed:
            fields[topic_id] = changed
    return fields


def _make(text: str, folder: str | Path, change: Callable[[dict[str, Any]], None],
          hand_set: dict[str, tuple[str, str]] | None = None) -> TopicEdit:
    """The edit `change` makes to the file as it is now (nothing is written yet)."""
    before = topic_edits.read(folder)
    after = json.loads(json.dumps(before))
    change(after)
    return TopicEdit(text, str(folder), _diff(before, after), hand_set or {})


def _moved(store: Store | None, rewrite: Callable[[set[str]], set[str]]) -> dict[
        str, tuple[str, str]]:
    """The hand-set topic lists `rewrite` changes: event id → (stored value, new value)."""
    if store is None:
        return {}
    moved = {}
    for event_id, value in store.hand_set_topics().items():
        topics = decode_set(value)
        changed = rewrite(set(topics))
        if changed != topics:
            moved[event_id] = (value, encode_set(changed))
    return moved


def create(folder: str | Path, taxonomy: Taxonomy, topic_id: str, label: str, color: str,
           cues: list[str], store: Store | None = None,
           events: Iterable[str] = ()) -> TopicEdit:
    """A new topic; the `events` it was made from whose topics were set by hand get it in
    their lists too (a hand-set list is never extended by cues)."""
    chosen = set(events)
    hand = {} if store is None or not chosen else {
        event_id: (value, encode_set(decode_set(value) | {topic_id}))
        for event_id, value in store.hand_set_topics(chosen).items()}
    return _make(f"Create topic “{label}”", folder, lambda d: topic_edits.create(
        d, taxonomy, topic_id, label, color, cues), hand)


def rename(folder: str | Path, taxonomy: Taxonomy, topic_id: str, label: str) -> TopicEdit:
    return _make(f"Rename topic to “{label}”", folder,
                 lambda d: topic_edits.rename(d, taxonomy, topic_id, label))


def recolour(folder: str | Path, taxonomy: Taxonomy, topic_id: str, color: str) -> TopicEdit:
    return _make("Recolour topic", folder,
                 lambda d: topic_edits.recolour(d, taxonomy, topic_id, color))


def edit_cues(folder: str | Path, taxonomy: Taxonomy, topic_id: str,
              add: Sequence[str] = (), remove: Sequence[str] = ()) -> TopicEdit:
    return _make("Edit topic cues", folder, lambda d: topic_edits.edit_cues(
        d, taxonomy, topic_id, add=list(add), remove=list(remove)))


def merge(folder: str | Path, taxonomy: Taxonomy, sources: list[str], into: str,
          store: Store | None = None) -> TopicEdit:
    """Fold topics into one; events whose hand-set topics name a merged one get the target."""
    gone = set(sources) - {into}
    edit = _make("Merge topics", folder,
                 lambda d: topic_edits.merge(d, taxonomy, sources, into))
    edit.hand_set = _moved(store, lambda t: (t - gone) | {into} if t & gone else t)
    return edit


def delete(folder: str | Path, taxonomy: Taxonomy, topic_id: str,
           store: Store | None = None) -> TopicEdit:
    """Remove a topic; it is dropped from the hand-set topic lists that name it."""
    edit = _make("Delete topic", folder,
                 lambda d: topic_edits.delete(d, taxonomy, topic_id))
    edit.hand_set = _moved(store, lambda t: t - {topic_id})
    return edit
