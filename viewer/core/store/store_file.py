"""Where a folder's store file lives, its schema and version, and how it is migrated,
opened read-only or moved aside: what `Store` needs before its first read or write."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

from viewer.core.resources import FOLDER_DIR
from viewer.core.store.faults import NewerStore, read_only_uri

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


def _user_store(folder: Path, make: bool = True) -> Path:
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    key = hashlib.sha256(os.fsencode(folder)).hexdigest()[:16]
    outside = base / "timeline-viewer" / key
    if make:
        outside.mkdir(parents=True, exist_ok=True)
    return outside / STORE_NAME


def has_store(folder: str | Path) -> bool:
    """Whether the folder has a store already (a command that only reads it makes none)."""
    folder = Path(folder).resolve()
    return ((folder / FOLDER_DIR / STORE_NAME).exists()
            or _user_store(folder, make=False).exists())


def store_path(folder: str | Path) -> Path:
    """The folder's own store if it has one (even when it cannot be written: it is opened
    read-only then, never replaced by an empty one); else a new one in the folder if it is
    writable, else in the user data directory."""
    folder = Path(folder).resolve()
    inside = folder / FOLDER_DIR
    if (inside / STORE_NAME).exists():
        return inside / STORE_NAME
    try:
        inside.mkdir(parents=True, exist_ok=True)
        if os.access(inside, os.W_OK):
            return inside / STORE_NAME
    except OSError:
        pass
    return _user_store(folder)


def newer_message(path: Path, version: object) -> str:
    return (f"{path} was written by a newer Timeline Viewer (store version "
            f"{version!s}, this app reads up to {SCHEMA_VERSION}); update the app to open "
            "this folder's tags and corrections.")


def schema_version(db: sqlite3.Connection, path: Path) -> int:
    """The schema version; 0 for a new file. A value this app cannot read is refused."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0
        raise
    if row is None:
        return 0
    text = str(row[0]).strip()
    if not text.isdigit():
        raise NewerStore(newer_message(path, repr(row[0])))
    return int(text)


def migrate(db: sqlite3.Connection, path: Path) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)  # not executescript: that would commit midway
        version = schema_version(db, path)
        if version > SCHEMA_VERSION:
            raise NewerStore(newer_message(path, version))
        # Future migrations go here, one `if version < N:` block each.
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                   (str(SCHEMA_VERSION),))
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


def prepare(db: sqlite3.Connection, path: Path, busy_seconds: float) -> None:
    """Check a fresh writable connection and set it up: WAL, foreign keys, current schema."""
    db.execute(f"PRAGMA busy_timeout = {int(busy_seconds * 1000)}")
    if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    if schema_version(db, path) != SCHEMA_VERSION:
        migrate(db, path)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The existing store, read-only (never an empty stand-in when there is one)."""
    if path.exists():
        for immutable in (False, True):
            try:
                db = sqlite3.connect(read_only_uri(path, immutable), uri=True,
                                     timeout=0.5, isolation_level=None,
                                     check_same_thread=False)
            except sqlite3.Error:
                continue
            try:
                version = schema_version(db, path)
            except sqlite3.Error:
                db.close()  # never leave a handle open: it would pin the file system
                continue
            except NewerStore:
                db.close()
                raise
            if version > SCHEMA_VERSION:
                db.close()
                raise NewerStore(newer_message(path, version))
            if version == SCHEMA_VERSION:
                return db
            db.close()
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(db, path)
    return db


def move_aside(path: Path) -> Path:
    """Rename a damaged store (and its WAL files) out of the way; never delete it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target
