"""The analyst's work for one folder: tags, notes, corrections and review states, in SQLite.

Every edit commits at once in its own transaction (WAL mode, so a crash loses nothing that
was committed and readers never block writers); two windows or two app instances share the
file safely. The store lives in `FOLDER/.timeline-viewer/store.sqlite` when the folder is
writable, else in the user's data directory under a key made from the folder's path. A store
written by a newer app is refused with a message; an older one is migrated; a corrupt one is
moved aside (never deleted) and a fresh one started.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.resources import FOLDER_DIR

SCHEMA_VERSION = 1
STORE_NAME = "store.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tags(name TEXT PRIMARY KEY, color TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS event_tags(
    event_id TEXT NOT NULL, tag TEXT NOT NULL REFERENCES tags(name) ON UPDATE CASCADE
        ON DELETE CASCADE,
    PRIMARY KEY(event_id, tag));
CREATE TABLE IF NOT EXISTS notes(event_id TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS corrections(
    event_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY(event_id, field));
CREATE TABLE IF NOT EXISTS reviews(event_id TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS anchors(
    event_id TEXT PRIMARY KEY, document TEXT NOT NULL, text TEXT NOT NULL);
"""
CORRECTION_FIELDS = ("start", "end", "precision", "parties", "topics", "not_event")
REVIEW_STATES = ("unreviewed", "accepted", "rejected")


class StoreError(Exception):
    """The store cannot be used as it is (for example, it is from a newer app)."""


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


def store_path(folder: str | Path) -> Path:
    folder = Path(folder).resolve()
    inside = folder / FOLDER_DIR
    try:
        inside.mkdir(parents=True, exist_ok=True)
        if os.access(inside, os.W_OK):
            return inside / STORE_NAME
    except OSError:
        pass
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    key = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
    outside = base / "timeline-viewer" / key
    outside.mkdir(parents=True, exist_ok=True)
    return outside / STORE_NAME


class Store:
    """One connection to a folder's store. Methods commit before they return."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.moved_aside: Path | None = None
        try:
            self.db = self._connect()
        except sqlite3.DatabaseError:
            self.moved_aside = self._move_aside()
            self.db = self._connect()

    @classmethod
    def for_folder(cls, folder: str | Path) -> Store:
        return cls(store_path(folder))

    # -- opening -------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                             check_same_thread=False)
        try:
            db.execute("PRAGMA busy_timeout = 10000")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            self._migrate(db)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)  # not executescript: that would commit midway
            row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer Timeline Viewer (store version "
                    f"{version}, this app reads up to {SCHEMA_VERSION}); update the app to open "
                    "this folder's tags and corrections.")
            # Future migrations go here, one `if version < N:` block each.
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                       (str(SCHEMA_VERSION),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _move_aside(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        self.path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        return target

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

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

    def review(self, event_id: str) -> str:
        row = self.db.execute("SELECT state FROM reviews WHERE event_id = ?",
                              (event_id,)).fetchone()
        return row[0] if row else "unreviewed"

    # -- writing (each call one transaction) ---------------------------------------------------
    def remember(self, anchors: Iterable[tuple[str, str, str]]) -> None:
        """Keep the sentence an edit was made on, so an orphaned edit can still be shown."""
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO anchors VALUES (?, ?, ?)", list(anchors))

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
        if name not in CORRECTION_FIELDS:
            raise ValueError(f"unknown correction field {name!r}")
        with self.transaction() as db:
            if value is None:
                db.execute("DELETE FROM corrections WHERE event_id = ? AND field = ?",
                           (event_id, name))
            else:
                db.execute("INSERT OR REPLACE INTO corrections VALUES (?, ?, ?)",
                           (event_id, name, value))

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
