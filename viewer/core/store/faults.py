"""What went wrong with a store, told apart: busy, full or read-only, newer, or corrupt.

Only a store that fails SQLite's own `PRAGMA integrity_check` is treated as damaged and moved
aside; a lock held by another program, a full disk or a read-only folder leave the file
alone, so a healthy store is never renamed under a process still writing to it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

BUSY, READ_ONLY, FULL, CORRUPT, OTHER = "busy", "read-only", "full", "corrupt", "other"
_CODES = {5: BUSY, 6: BUSY, 3: READ_ONLY, 8: READ_ONLY, 14: READ_ONLY, 23: READ_ONLY,
          13: FULL, 10: FULL, 11: CORRUPT, 26: CORRUPT}
_WORDS = ((("locked", "busy"), BUSY), (("disk is full", "disk i/o"), FULL),
          (("readonly", "read-only", "unable to open"), READ_ONLY),
          (("malformed", "not a database"), CORRUPT))


class StoreError(Exception):
    """The store cannot be used as asked; the message says why, for the analyst."""


class NewerStore(StoreError):
    """Written by a newer app (or a version this app cannot read): refused, left alone."""


class StoreReadOnly(StoreError):
    """The store is open read-only (busy, full disk, read-only folder): edits are refused."""


class SaveFailed(StoreError):
    """An edit could not be saved; nothing of it was kept."""


def kind_of(exc: BaseException) -> str:
    """BUSY, READ_ONLY, FULL, CORRUPT or OTHER for an exception from SQLite or the OS."""
    if isinstance(exc, OSError):
        return FULL if exc.errno in (28, 122) else READ_ONLY
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _CODES:
        return _CODES[code & 0xFF]
    text = str(exc).lower()
    for words, kind in _WORDS:
        if any(word in text for word in words):
            return kind
    return OTHER


def explain(kind: str) -> str:
    return {
        BUSY: "another program has held the store's lock for too long",
        READ_ONLY: "the store's folder cannot be written (read-only or no permission)",
        FULL: "the disk is full (or failed while writing)",
        CORRUPT: "the store is damaged",
    }.get(kind, "the store could not be written")


_ROOM = 128 * 1024  # below this, an edit's few pages of WAL may not fit


def disk_full(path: Path) -> bool:
    """Whether the store's disk has no room left for an edit (checked at opening)."""
    if str(path) == ":memory:":
        return False
    try:
        return shutil.disk_usage(path.parent).free < _ROOM
    except OSError:
        return False


def cannot_write(path: Path) -> str | None:
    """FULL or READ_ONLY when the store's place visibly cannot take an edit, else None."""
    if str(path) == ":memory:":
        return None
    if disk_full(path):
        return FULL
    if not all(os.access(p, os.W_OK) for p in (path, path.parent) if p.exists()):
        return READ_ONLY
    return None


def read_only_uri(path: Path, immutable: bool = False) -> str:
    flag = "immutable=1" if immutable else "mode=ro"
    return f"file:{quote(str(path))}?{flag}"


def integrity_fails(path: Path) -> bool:
    """True only when SQLite itself says the file is damaged (or is no database at all)."""
    for immutable in (False, True):
        try:
            db = sqlite3.connect(read_only_uri(path, immutable), uri=True, timeout=2)
        except sqlite3.Error:
            continue
        try:
            rows = db.execute("PRAGMA integrity_check").fetchall()
            return [tuple(r) for r in rows] != [("ok",)]
        except sqlite3.DatabaseError as exc:
            if kind_of(exc) == CORRUPT:
                return True
        finally:
            db.close()
    return False
