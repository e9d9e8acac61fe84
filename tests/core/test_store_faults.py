"""A healthy store is never taken for a damaged one: busy, full, read-only and newer stores
are told apart, edits are one transaction, and only a failed integrity check moves a store
aside."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from viewer.core.events.document_events import Event
from viewer.core.store import edits
from viewer.core.store import faults as store_faults
from viewer.core.store.analyst_store import (
    NewerStore,
    SaveFailed,
    Store,
    StoreReadOnly,
    store_path,
)

D = dt.date


def _edited(folder: Path) -> Path:
    store = Store.for_folder(folder)
    edits.CreateTag("", "kept", "#ff0000").apply(store)
    edits.TagEvents.make(store, "kept", ["e1"], True).apply(store)
    store.close()
    return store_path(folder)


def test_a_held_write_lock_is_busy_not_corrupt(tmp_path: Path) -> None:
    path = _edited(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO notes VALUES ('e2', 'written by the other program')")
    try:
        store = Store.for_folder(tmp_path, busy_seconds=0.2)
        assert store.moved_aside is None and path.exists()
        assert store.load().event_tags == {"e1": {"kept"}}  # reads go on under the lock
        with pytest.raises(SaveFailed, match="lock"):
            edits.SetNote.make(store, "e1", "mine").apply(store)
        assert store.note("e1") == ""
    finally:
        holder.execute("COMMIT")
        holder.close()
    edits.SetNote.make(store, "e1", "mine").apply(store)  # the lock is gone: saves again
    assert store.note("e1") == "mine" and store.note("e2") == "written by the other program"
    assert not list(path.parent.glob("*.corrupt-*"))


def test_a_store_locked_at_open_opens_read_only(tmp_path: Path) -> None:
    path = _edited(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")  # a rollback-journal writer locks readers
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = Store(path, busy_seconds=0.1, attempts=2)
        assert store.read_only is not None and "lock" in store.read_only
        assert store.moved_aside is None and path.exists()
        assert store.load().event_tags == {"e1": {"kept"}}  # never an empty stand-in
        with pytest.raises(StoreReadOnly):
            edits.SetNote.make(store, "e1", "x").apply(store)
    finally:
        holder.execute("COMMIT")
        holder.close()


def _disk_full(*_args: object, **_kwargs: object) -> sqlite3.Connection:
    raise sqlite3.OperationalError("database or disk is full")


def test_full_disk_at_open_keeps_the_store_and_opens_it_read_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _edited(tmp_path)
    monkeypatch.setattr(Store, "_connect", _disk_full)
    store = Store.for_folder(tmp_path)
    assert store.read_only is not None and "disk is full" in store.read_only
    assert store.moved_aside is None
    assert store.load().tags == {"kept": "#ff0000"}
    assert path.exists() and not list(path.parent.glob("*.corrupt-*"))


class _FullDisk:
    """A connection whose writes fail as on a full disk (ENOSPC), reads pass through."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def execute(self, sql: str, *args: Any) -> object:
        if sql.startswith(("INSERT", "DELETE", "UPDATE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self.db.execute(sql, *args)

    def executemany(self, sql: str, *args: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")


def test_a_save_on_a_full_disk_fails_whole_and_says_why(tmp_path: Path) -> None:
    _edited(tmp_path)
    store = Store.for_folder(tmp_path)
    real = store.db
    store.db = _FullDisk(real)  # type: ignore[assignment]
    edit = edits.correct_date(store, _event("e1"), D(2026, 2, 1), D(2026, 2, 3), "day")
    with pytest.raises(SaveFailed, match="disk is full"):
        edit.apply(store)
    store.db = real
    assert store.correction("e1", "start") is None  # nothing of it was kept
    edit.apply(store)  # and the connection is usable again (no transaction left open)
    assert store.correction("e1", "end") == "2026-02-03"


def test_enospc_from_the_os_is_a_full_disk() -> None:
    assert store_faults.kind_of(OSError(errno.ENOSPC, "No space left")) == store_faults.FULL
    assert store_faults.kind_of(sqlite3.OperationalError("database is locked")) == "busy"


def test_read_only_folder_uses_its_own_store_read_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _edited(tmp_path)
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    assert store_path(tmp_path) == path  # not an empty one in the user data directory
    real = Store._connect

    def refuse(self: Store, busy: float) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "_connect", refuse)
    store = Store.for_folder(tmp_path)
    assert store.read_only is not None and "read-only" in store.read_only
    assert store.load().event_tags == {"e1": {"kept"}}
    monkeypatch.setattr(Store, "_connect", real)


@pytest.mark.parametrize("version", ["2.0", "99", "two"])
def test_a_store_version_this_app_cannot_read_is_refused(tmp_path: Path, version: str) -> None:
    path = _edited(tmp_path)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    db.commit()
    db.close()
    with pytest.raises(NewerStore, match="newer Timeline Viewer"):
        Store(path)
    assert path.exists() and not list(path.parent.glob("*.corrupt-*"))


def test_only_a_failed_integrity_check_moves_a_store_aside(tmp_path: Path) -> None:
    path = _edited(tmp_path)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # damage a table page; the header stays valid
    path.write_bytes(bytes(data))
    for side in ("-wal", "-shm"):
        Path(str(path) + side).unlink(missing_ok=True)
    assert store_faults.integrity_fails(path)
    store = Store(path)
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.load().tags == {}


CHILD = r"""
import sys
from viewer.core.store import edits
from viewer.core.store.analyst_store import Store
store = Store.for_folder(sys.argv[1])
i = 0
while True:
    day = f"{2000 + i % 900:04d}-0{1 + i % 9}-1{i % 10}"
    last = f"{2000 + i % 900:04d}-0{1 + i % 9}-2{i % 10}"
    edits.Correct("", "e1", {"start": day, "end": last, "precision": f"p{i}"}).apply(store)
    if i == 0:
        print("committed", flush=True)
    i += 1
"""


def test_kill_during_multi_field_edits_never_tears_a_correction(tmp_path: Path) -> None:
    Store.for_folder(tmp_path).close()
    seen = 0
    for round_ in range(8):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        child.stdout.readline()  # it is writing: kill it a moment later, mid-stream
        time.sleep(0.02 + 0.03 * (round_ % 5))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        store = Store.for_folder(tmp_path)
        assert store.moved_aside is None
        fixes = store.load().corrections.get("e1", {})
        store.close()
        if not fixes:
            continue
        seen += 1
        start, end, precision = fixes["start"], fixes["end"], fixes["precision"]
        i = int(precision[1:])  # all three fields come from the same edit
        assert start == f"{2000 + i % 900:04d}-0{1 + i % 9}-1{i % 10}"
        assert end == f"{2000 + i % 900:04d}-0{1 + i % 9}-2{i % 10}" and end > start
    assert seen == 8  # the writer did commit corrections before every kill


def _event(eid: str) -> Event:
    return Event(id=eid, document="a.txt", text="x", char_start=0, char_end=1,
                       start=None, end=None, precision="none", date_source="undated",
                       timex=None, timex_value=None, parties=(), people=(), topics=(),
                       boilerplate=False, sentence=0)



@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB tmpfs (needs root and mount rights; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_and_a_really_read_only_disk(small_disk: Path) -> None:
    folder = small_disk / "f"
    folder.mkdir()
    _edited(folder)
    filler = small_disk / "filler"
    with filler.open("wb") as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"x" * 65536)
            fh.flush()
    store = Store.for_folder(folder)  # no room: read-only from the start, data intact
    assert store.read_only is not None and "disk is full" in store.read_only
    assert store.load().event_tags == {"e1": {"kept"}}
    store.read_only = None  # try anyway: the write itself fails whole, with the reason
    with pytest.raises(SaveFailed, match="disk is full"):
        edits.SetNote.make(store, "e1", "x" * 100_000).apply(store)
    store.close()
    filler.unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    store = Store.for_folder(folder)
    assert store.read_only is not None and "cannot be written" in store.read_only
    assert store.load().event_tags == {"e1": {"kept"}} and store.moved_aside is None
    with pytest.raises(StoreReadOnly):
        edits.SetNote.make(store, "e1", "x").apply(store)
