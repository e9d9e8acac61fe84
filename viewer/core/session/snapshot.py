"""A folder's snapshot: one SQLite file in `FOLDER/.timeline-viewer/` holding what the last open
found, so reopening is reading it and stating the files.

Each file's row is keyed by its size and modification time (its content hash is compared
only when those disagree) and by its sidecar entry; it holds the file's extraction, or the
problem that kept it from being read, so a failed file is not read again either. A folder row
holds the whole folder's result (events after people and clusters, as columns) under a key of
every file's row key. Anything that does not read back intact (SQLite errors, a bad checksum,
a payload of the wrong shape) makes the snapshot start over: it is never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from viewer.core.pipeline.file_cache import cache_dir
from viewer.core.resources import FOLDER_DIR

NAME = "snapshot.sqlite"
SEARCH_NAME = "search.bin"  # the text search's buffer (`search_file`), beside the snapshot
WORDS_NAME = "search.words"  # the search's word index (`words_file`), beside it too
VERSION = "9"  # 8: a dated file's entry holds no events; 9: arrays checked by CRC-32
_BATCH = 500  # documents per query of `texts_of` (under any SQLite's bound on parameters)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path BLOB PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT, side TEXT,
    payload BLOB NOT NULL, text BLOB);
CREATE TABLE IF NOT EXISTS folder (
    id INTEGER PRIMARY KEY CHECK (id = 1), key TEXT NOT NULL, extra BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS memory (id INTEGER PRIMARY KEY CHECK (id = 1), extra BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS arrays (
    owner TEXT NOT NULL, name TEXT NOT NULL, dtype TEXT NOT NULL, shape TEXT NOT NULL,
    digest TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (owner, name));
"""


class SnapshotDamaged(Exception):
    """The snapshot did not read back intact."""


@dataclass(frozen=True, slots=True)
class FileKey:
    """What a file's entry is valid for."""

    size: int
    mtime_ns: int
    hash: str | None
    side: str


def snapshot_path(folder: str | Path) -> Path:
    """Inside the folder when it can be written, else beside the user's cache."""
    folder = Path(folder).resolve()
    inside = folder / FOLDER_DIR
    with contextlib.suppress(OSError):
        inside.mkdir(parents=True, exist_ok=True)
        if os.access(inside, os.W_OK):
            return inside / NAME
    return cache_dir(folder) / NAME


def pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False,
                                    separators=(",", ":")).encode("utf-8", "surrogatepass"), 1)


def unpack(blob: bytes) -> Any:
    try:
        return json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
    except (zlib.error, ValueError) as exc:  # zlib's checksum catches damaged bytes
        raise SnapshotDamaged(str(exc)) from exc


_DECODER = json.JSONDecoder()


def unpack_lead(blob: bytes, key: str) -> Any:
    """`{key: value}` of a packed dict whose first key is `key`, parsing only that value
    (the whole dict when it starts otherwise). Why: a document is the first part of its
    file's entry, and parsing the events after it only to drop them cost a command writing
    2,000 documents about 0.5 s of CPU, after the workers had finished."""
    try:
        text = zlib.decompress(blob).decode("utf-8", "surrogatepass")
        start = "{" + json.dumps(key, ensure_ascii=False) + ":"
        if not text.startswith(start):
            return json.loads(text)
        value, _ = _DECODER.raw_decode(text, len(start))
        return {key: value}
    except (zlib.error, ValueError) as exc:  # zlib's checksum catches damaged bytes
        raise SnapshotDamaged(str(exc)) from exc


class Snapshot:
    """One connection to a folder's snapshot; `fingerprint` is the extractor's identity."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.db: sqlite3.Connection | None = None
        self.closed = False
        try:
            self.db = self._connect(fresh=False)
        except (sqlite3.Error, SnapshotDamaged, OSError):
            self.db = self._start_over()

    def _connect(self, fresh: bool) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=2.0, isolation_level=None,
                             check_same_thread=False)
        try:
            db.executescript(_SCHEMA)
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if fresh or meta.get("version") != VERSION or meta.get(
                    "fingerprint") != self.fingerprint:
                if meta and not fresh:  # another app version, other rules: nothing holds
                    raise SnapshotDamaged("snapshot of another extractor")
                db.execute("BEGIN IMMEDIATE")
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                               [("version", VERSION), ("fingerprint", self.fingerprint)])
                db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def _start_over(self) -> sqlite3.Connection | None:
        """Remove the snapshot and begin an empty one (None when none can be written)."""
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                self.path.with_name(self.path.name + suffix).unlink()
        for name in (SEARCH_NAME, WORDS_NAME):  # the text search's files saved beside it
            with contextlib.suppress(OSError):
                self.path.with_name(name).unlink()
        try:
            return self._connect(fresh=True)
        except (sqlite3.Error, SnapshotDamaged, OSError):
            return None

    def damaged(self) -> None:
        """Something read back wrong: drop everything, begin again."""
        if not self.closed:
            self.db = self._start_over()

    def close(self) -> None:
        self.closed = True
        if self.db is not None:
            self.db.close()
            self.db = None

    # -- files -------------------------------------------------------------------------------
    def keys(self) -> dict[bytes, FileKey]:
        if self.db is None:
            return {}
        try:
            return {bytes(path): FileKey(size, mtime, digest, side)
                    for path, size, mtime, digest, side in self.db.execute(
                        "SELECT path, size, mtime_ns, hash, side FROM files")}
        except sqlite3.Error:
            self.damaged()
            return {}

    def payloads(self, paths: Iterable[bytes],
                 convert: Callable[[Any], Any] | None = None,
                 lead: str | None = None) -> dict[bytes, Any]:
        """Unpacked payloads of the given files (a missing or damaged one is left out), each
        passed through `convert` as soon as it is read, so the plain values of many files are
        never held together; with `lead`, only that first part of each (`unpack_lead`)."""
        if self.db is None:
            return {}
        wanted = list(paths)
        out: dict[bytes, Any] = {}
        try:
            for chunk in range(0, len(wanted), 500):
                part = wanted[chunk : chunk + 500]
                marks = ",".join("?" * len(part))
                for path, blob in self.db.execute(
                        f"SELECT path, payload FROM files WHERE path IN ({marks})", part):
                    with contextlib.suppress(SnapshotDamaged):
                        value = unpack(blob) if lead is None else unpack_lead(blob, lead)
                        out[bytes(path)] = convert(value) if convert is not None else value
        except sqlite3.Error:
            self.damaged()
            return {}
        return out

    def put_files(self, rows: Iterable[tuple[bytes, FileKey, Any]]) -> None:
        """Write entries in one transaction; a snapshot that cannot be written costs time,
        never correctness."""
        if self.db is None:
            return
        values = [(path, key.size, key.mtime_ns, key.hash, key.side, pack(payload),
                   _pack_text(payload)) for path, key, payload in rows]
        self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", values)

    def put_packed(self, rows: Iterable[Any]) -> bool:
        """Entries packed already (`batch_extraction.FileRow`: a worker packed them); False
        when they could not be written."""
        values = [(row.rel, row.key.size, row.key.mtime_ns, row.key.hash, row.key.side,
                   row.payload, row.text) for row in rows]
        return self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", values)

    def texts(self) -> dict[bytes, str]:
        """Every document's text, in one query: sentences are slices of these, and reading
        them alone is far cheaper than decoding whole documents."""
        if self.db is None:
            return {}
        try:
            rows = self.db.execute("SELECT path, text FROM files WHERE text IS NOT NULL")
            return {bytes(path): unpack_text(blob) for path, blob in rows}
        except (sqlite3.Error, zlib.error, UnicodeDecodeError) as exc:
            raise SnapshotDamaged(str(exc)) from exc

    def texts_of(self, rels: Sequence[bytes]) -> dict[bytes, str]:
        """The texts of some documents, read together: a query per `_BATCH` documents, not
        one each (those the snapshot holds no text for are left out). The rows a filter
        change shows for the first time span some tens of documents."""
        found: dict[bytes, str] = {}
        for first in range(0, len(rels), _BATCH):
            part = rels[first:first + _BATCH]
            marks = ", ".join("?" * len(part))
            try:
                rows = self._rows(f"SELECT path, text FROM files WHERE path IN ({marks})", part)
                found.update((bytes(path), unpack_text(blob))
                             for path, blob in rows if blob is not None)
            except (sqlite3.Error, zlib.error, UnicodeDecodeError):
                continue  # read one at a time then, as before
        return found

    def text(self, rel: bytes) -> str | None:
        """One document's text (None when the snapshot holds none for it)."""
        try:
            rows = self._rows("SELECT text FROM files WHERE path = ?", (rel,))
            if not rows or rows[0][0] is None:
                return None
            return unpack_text(rows[0][0])
        except (sqlite3.Error, zlib.error, UnicodeDecodeError):
            return None

    def _rows(self, query: str, parameters: Sequence[Any]) -> list[Any]:
        """A reading query's rows. After `close` it runs on a short read-only connection, so
        columns that outlive their folder's Session still show their sentences."""
        if self.db is not None:
            return self.db.execute(query, parameters).fetchall()
        with contextlib.closing(sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)) as db:
            return db.execute(query, parameters).fetchall()

    def touch(self, rows: Iterable[tuple[bytes, FileKey]]) -> None:
        """Files whose time changed but whose content did not: keep them, with the new time."""
        self._write("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                    [(key.size, key.mtime_ns, path) for path, key in rows])

    def keep_only(self, paths: set[bytes]) -> None:
        """Forget files no longer in the folder."""
        gone = [(p,) for p in self.keys() if p not in paths]
        self._write("DELETE FROM files WHERE path = ?", gone)

    def _write(self, sql: str, rows: list[tuple[Any, ...]]) -> bool:
        """True when written (or nothing to write)."""
        if not rows:
            return True
        if self.db is None:
            return False
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(sql, rows)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError):
            return False
        return True

    # -- the whole folder --------------------------------------------------------------------
    def folder(self, key: str | None) -> tuple[dict[str, np.ndarray[Any, Any]], Any] | None:
        """The folder's columns and extra data if they were saved under `key` (None: under
        whatever key they were saved)."""
        sql = "SELECT extra FROM folder WHERE id = 1" + (" AND key = ?" if key is not None
                                                         else "")
        return self._read(FOLDER, sql, (key,) if key is not None else ())

    def put_folder(self, key: str, columns: dict[str, np.ndarray[Any, Any]],
                   extra: Any) -> None:
        self._put(FOLDER, columns, "INSERT OR REPLACE INTO folder VALUES (1, ?, ?)",
                  (key, pack(extra)))

    def memory(self) -> tuple[dict[str, np.ndarray[Any, Any]], Any] | None:
        """What the last folder stage left for the next (`stage_memory`)."""
        return self._read(MEMORY, "SELECT extra FROM memory WHERE id = 1", ())

    def put_memory(self, arrays: dict[str, np.ndarray[Any, Any]], extra: Any) -> None:
        self._put(MEMORY, arrays, "INSERT OR REPLACE INTO memory VALUES (1, ?)",
                  (pack(extra),))

    def _put(self, owner: str, arrays: dict[str, np.ndarray[Any, Any]], sql: str,
             row: tuple[Any, ...]) -> None:
        """One row per array, each converted to bytes only as it is written (a folder's
        columns in one blob cost their size twice over while it was built)."""
        if self.db is None:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.execute("DELETE FROM arrays WHERE owner = ?", (owner,))
                self.db.executemany("INSERT INTO arrays VALUES (?, ?, ?, ?, ?, ?)",
                                    (_array_row(owner, name, a) for name, a in arrays.items()))
                self.db.execute(sql, row)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError, ValueError):
            pass

    def _read(self, owner: str, sql: str, args: tuple[Any, ...]
              ) -> tuple[dict[str, np.ndarray[Any, Any]], Any] | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute(sql, args).fetchone()
            if row is None:
                return None
            found = self.db.execute(
                "SELECT name, dtype, shape, digest, data FROM arrays WHERE owner = ?", (owner,))
            arrays = {name: _array(dtype, shape, digest, data)
                      for name, dtype, shape, digest, data in found}
        except sqlite3.Error:
            self.damaged()
            return None
        return arrays, unpack(row[0])


FOLDER, MEMORY = "folder", "memory"


def _array_row(owner: str, name: str, array: np.ndarray[Any, Any]) -> tuple[Any, ...]:
    if array.dtype.kind == "O":
        raise ValueError(f"{name}: Python objects are never saved")
    data = np.ascontiguousarray(array).tobytes()
    return (owner, name, array.dtype.str, json.dumps(list(array.shape)), _digest(data), data)


def _digest(data: bytes) -> str:
    """A saved array's check: CRC-32 catches damaged bytes as SHA-256 did (nothing here is
    kept from anyone on purpose: the columns are plain data), at 0.04 s per 128 MB against
    0.11, a million events' columns checked at every open from the snapshot."""
    return f"crc32:{zlib.crc32(data):08x}"


def _array(dtype: str, shape: str, digest: str, data: bytes) -> np.ndarray[Any, Any]:
    """A saved array, checked; writable (edits change columns in place)."""
    if _digest(data) != digest:
        raise SnapshotDamaged("saved columns fail their checksum")
    try:
        kind = np.dtype(dtype)
        if kind.kind == "O":
            raise ValueError("object arrays are never read")
        found: np.ndarray[Any, Any] = np.frombuffer(data, dtype=kind).reshape(
            json.loads(shape)).copy()
    except (ValueError, TypeError) as exc:
        raise SnapshotDamaged(str(exc)) from exc
    return found


def _pack_text(payload: Any) -> bytes | None:
    document = payload.get("document") if isinstance(payload, dict) else None
    if not isinstance(document, dict) or not isinstance(document.get("text"), str):
        return None
    return zlib.compress(document["text"].encode("utf-8", "surrogatepass"), 1)


def file_hash(path: str | Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def unpack_text(blob: bytes) -> str:
    """A document's text as the snapshot stores it: compressed UTF-8 (lone surrogates kept)."""
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")
