"""The analyst's work for one folder: tags, notes, corrections and review states, in SQLite.

Every edit commits at once in its own transaction (WAL mode, so a crash loses nothing that
was committed and readers never block writers); two windows or two app instances share the
file safely. The store lives in `FOLDER/.timeline-viewer/store.sqlite` when the folder is
writable (or already has one), else in the user's data directory under a key made from the
folder's path. A store written by a newer app is refused with a message; an older one is
migrated; one that is busy, on a full disk or in a read-only folder is opened read-only with
the reason in `read_only`; only one that fails `PRAGMA integrity_check` is moved aside (never
deleted) and a fresh one started. A failed write raises `SaveFailed` and keeps nothing.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.store.faults import (
    BUSY,
    CORRUPT,
    FULL,
    OTHER,
    READ_ONLY,
    NewerStore,
    SaveFailed,
    StoreError,
    StoreReadOnly,
    cannot_write,
    disk_full,
    explain,
    integrity_fails,
    kind_of,
)
from viewer.core.store.store_file import (
    SCHEMA_VERSION,
    STORE_NAME,
    connect_read_only,
    move_aside,
    prepare,
    store_path,
)

# "link": the keys of the analyst's links (JSON list); "unlinked": "1" when the analyst took
# the event out of the happening clustering put it in (see happening_links).
CORRECTION_FIELDS = ("start", "end", "precision", "parties", "topics", "not_event", "modality",
                     "speaker", "link", "unlinked")
REVIEW_STATES = ("unreviewed", "accepted", "rejected")
__all__ = ["SCHEMA_VERSION", "STORE_NAME", "NewerStore", "SaveFailed", "Store", "StoreError",
           "StoreReadOnly", "UserData", "store_path"]


@dataclass
class UserData:
    """Everything the analyst added, read in one go to merge into fresh events."""

    tags: dict[str, str] = field(default_factory=dict)  # name → colour
    event_tags: dict[str, set[str]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    corrections: dict[str, dict[str, str]] = field(default_factory=dict)
    reviews: dict[str, str] = field(default_factory=dict)
    anchors: dict[str, tuple[str, str]] = field(default_factory=dict)

    def edited_ids(self) -> set[str]:
        return (set(self.event_tags) | set(self.notes) | set(self.corrections)
                | set(self.reviews))


class Store:
    """One connection to a folder's store. Methods commit before they return.

    `read_only` is None, or says why edits are refused (busy, full disk, read-only folder);
    `moved_aside` names where a damaged store went.
    """

    def __init__(self, path: str | Path, busy_seconds: float = 3.0, attempts: int = 3) -> None:
        self.path = Path(path)
        self.moved_aside: Path | None = None
        self.read_only: str | None = None
        self._anchors: list[tuple[str, str, str]] = []
        self.db = self._open(busy_seconds, attempts)

    @classmethod
    def for_folder(cls, folder: str | Path, busy_seconds: float = 3.0) -> Store:
        try:
            path = store_path(folder)
        except OSError as exc:  # not even the user data directory can be written
            store = cls(":memory:")
            store.read_only = f"no place to keep edits ({exc.strerror or exc})"
            return store
        return cls(path, busy_seconds)

    # -- opening -------------------------------------------------------------------------------
    def _open(self, busy_seconds: float, attempts: int) -> sqlite3.Connection:
        """Open for writing; when that fails, tell the causes apart (see `store_faults`)."""
        kind = OTHER
        for attempt in range(max(1, attempts)):
            try:
                db = self._connect(busy_seconds)
                blocked = cannot_write(self.path)
                if blocked is not None:
                    self.read_only = f"{explain(blocked)}; edits are off until it can be written"
                return db
            except NewerStore:
                raise
            except (sqlite3.Error, OSError) as exc:
                kind = kind_of(exc)
                if kind != BUSY:
                    break
                time.sleep(0.1 * 2 ** attempt)  # back off, then try again
        suspect = kind == CORRUPT or (kind == OTHER and self.path.exists())
        if suspect and integrity_fails(self.path):
            self.moved_aside = move_aside(self.path)
            return self._connect(busy_seconds)
        self.read_only = f"{explain(kind)}; edits are off until it can be written"
        return connect_read_only(self.path)

    def _connect(self, busy_seconds: float) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=busy_seconds, isolation_level=None,
                             check_same_thread=False)
        try:
            prepare(db, self.path, busy_seconds)
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        self.db.close()

    def data_version(self) -> int:
        """A number that changes when another connection commits (not for this one's)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def queue_anchors(self, anchors: Iterable[tuple[str, str, str]]) -> None:
        """Sentences the next edit is made on; saved in that edit's own transaction."""
        self._anchors.extend(anchors)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One edit, all or nothing. A failure raises SaveFailed (or StoreReadOnly)."""
        anchors, self._anchors = self._anchors, []
        if self.read_only is not None:
            raise StoreReadOnly(f"Not saved: {self.read_only}.")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if anchors:
                    self.db.executemany("INSERT OR REPLACE INTO anchors VALUES (?, ?, ?)",
                                        anchors)
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as exc:
            kind = kind_of(exc)
            if kind == READ_ONLY and disk_full(self.path):
                kind = FULL  # SQLite calls a WAL it had no room to create "readonly"
            raise SaveFailed(f"Not saved: {explain(kind)} ({exc}).") from exc

    # -- reading -------------------------------------------------------------------------------
    def load(self) -> UserData:
        data = UserData()
        db = self.db
        data.tags = dict(db.execute("SELECT name, color FROM tags ORDER BY name"))
        for event_id, tag in db.execute("SELECT event_id, tag FROM event_tags"):
            data.event_tags.setdefault(event_id, set()).add(tag)
        data.notes = dict(db.execute("SELECT event_id, text FROM notes"))
        for event_id, name, value in db.execute(
                "SELECT event_id, field, value FROM corrections"):
            data.corrections.setdefault(event_id, {})[name] = value
        data.reviews = dict(db.execute("SELECT event_id, state FROM reviews"))
        data.anchors = {i: (d, t) for i, d, t in db.execute(
            "SELECT event_id, document, text FROM anchors")}
        return data

    def load_for(self, event_ids: Iterable[str]) -> UserData:
        """The analyst's data on some events only (and every tag colour): what an edit
        needs to refresh the events it touched without reading the whole store."""
        data = UserData(tags=self.tags())
        ids = list(event_ids)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            db = self.db
            for event_id, tag in db.execute(
                    f"SELECT event_id, tag FROM event_tags WHERE event_id IN ({marks})", part):
                data.event_tags.setdefault(event_id, set()).add(tag)
            data.notes.update(db.execute(
                f"SELECT event_id, text FROM notes WHERE event_id IN ({marks})", part))
            for event_id, name, value in db.execute(
                    "SELECT event_id, field, value FROM corrections "
                    f"WHERE event_id IN ({marks})", part):
                data.corrections.setdefault(event_id, {})[name] = value
            data.reviews.update(db.execute(
                f"SELECT event_id, state FROM reviews WHERE event_id IN ({marks})", part))
        return data

    def tags(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT name, color FROM tags ORDER BY name"))

    def event_tags(self, event_ids: Iterable[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        ids = list(event_ids)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            for event_id, tag in self.db.execute(
                    f"SELECT event_id, tag FROM event_tags WHERE event_id IN ({marks})", part):
                out.setdefault(event_id, set()).add(tag)
        return out

    def note(self, event_id: str) -> str:
        row = self.db.execute("SELECT text FROM notes WHERE event_id = ?", (event_id,)).fetchone()
        return row[0] if row else ""

    def correction(self, event_id: str, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM corrections WHERE event_id = ? AND field = ?",
                              (event_id, name)).fetchone()
        return row[0] if row else None

    def hand_set_topics(self, event_ids: Iterable[str] | None = None) -> dict[str, str]:
        """The stored `topics` corrections (JSON lists) of the events, or of every event."""
        rows = self.db.execute("SELECT event_id, value FROM corrections WHERE field = 'topics'")
        found = dict(rows)
        return found if event_ids is None else {
            event_id: found[event_id] for event_id in event_ids if event_id in found}

    def review(self, event_id: str) -> str:
        row = self.db.execute("SELECT state FROM reviews WHERE event_id = ?",
                              (event_id,)).fetchone()
        return row[0] if row else "unreviewed"

    # -- writing (each call one transaction) ---------------------------------------------------
    def remember(self, anchors: Iterable[tuple[str, str, str]]) -> None:
        """Keep the sentence an edit was made on, so an orphaned edit can still be shown."""
        self.queue_anchors(anchors)
        with self.transaction():
            pass

    def set_tag(self, name: str, color: str | None) -> None:
        with self.transaction() as db:
            if color is None:
                db.execute("DELETE FROM tags WHERE name = ?", (name,))
            else:
                db.execute("INSERT INTO tags VALUES (?, ?) ON CONFLICT(name) "
                           "DO UPDATE SET color = excluded.color", (name, color))

    def rename_tag(self, old: str, new: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE tags SET name = ? WHERE name = ?", (new, old))

    def tag_events(self, name: str, event_ids: Iterable[str], on: bool) -> None:
        with self.transaction() as db:
            rows = [(event_id, name) for event_id in event_ids]
            if on:
                db.executemany("INSERT OR IGNORE INTO event_tags VALUES (?, ?)", rows)
            else:
                db.executemany("DELETE FROM event_tags WHERE event_id = ? AND tag = ?", rows)

    def restore_tag(self, name: str, color: str, event_ids: Iterable[str]) -> None:
        """Undo a tag deletion: the tag and its assignments, in one transaction."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO tags VALUES (?, ?)", (name, color))
            db.executemany("INSERT OR IGNORE INTO event_tags VALUES (?, ?)",
                           [(i, name) for i in event_ids])

    def tagged(self, name: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT event_id FROM event_tags WHERE tag = ? ORDER BY event_id", (name,))]

    def set_note(self, event_id: str, text: str) -> None:
        with self.transaction() as db:
            if text:
                db.execute("INSERT OR REPLACE INTO notes VALUES (?, ?)", (event_id, text))
            else:
                db.execute("DELETE FROM notes WHERE event_id = ?", (event_id,))

    def set_correction(self, event_id: str, name: str, value: str | None) -> None:
        self.set_corrections(event_id, {name: value})

    def set_corrections(self, event_id: str, values: dict[str, str | None]) -> None:
        """Several fields of one event in one transaction: a crash never tears a date."""
        self.set_many_corrections({event_id: values})

    def set_many_corrections(self, values: Mapping[str, Mapping[str, str | None]],
                             then: Callable[[], None] | None = None) -> None:
        """Fields of several events (None: remove the field) in one transaction: a link of
        events as one happening is saved whole or not at all. `then` runs inside the
        transaction once the rows are written (a failure there rolls them back)."""
        unknown = [name for fixes in values.values() for name in fixes
                   if name not in CORRECTION_FIELDS]
        if unknown:
            raise ValueError(f"unknown correction field {unknown[0]!r}")
        with self.transaction() as db:
            for event_id, fixes in values.items():
                for name, value in fixes.items():
                    if value is None:
                        db.execute("DELETE FROM corrections WHERE event_id = ? AND field = ?",
                                   (event_id, name))
                    else:
                        db.execute("INSERT OR REPLACE INTO corrections VALUES (?, ?, ?)",
                                   (event_id, name, value))
            if then is not None:
                then()

    def set_reviews(self, states: dict[str, str]) -> None:
        with self.transaction() as db:
            for event_id, state in states.items():
                if state not in REVIEW_STATES:
                    raise ValueError(f"unknown review state {state!r}")
                if state == "unreviewed":
                    db.execute("DELETE FROM reviews WHERE event_id = ?", (event_id,))
                else:
                    db.execute("INSERT OR REPLACE INTO reviews VALUES (?, ?)", (event_id, state))


def encode_set(values: Iterable[str]) -> str:
    return json.dumps(sorted(values))


def decode_set(value: str) -> set[str]:
    try:
        loaded = json.loads(value)
    except ValueError:
        return set()
    return {str(v) for v in loaded} if isinstance(loaded, list) else set()
