"""A dated file's snapshot entry holds its document and time expressions, not its events:
the events live in the columns the snapshot keeps with the folder stage. An undated file
keeps its events (the folder may date it, which extracts it again from them). When the
stage's columns are lost (a cancelled open saves none), the dated files are extracted again
and the folder reads the same as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import copy_seeds
from viewer.core.session import Session
from viewer.core.session.snapshot import VERSION, snapshot_path, unpack

UNDATED = ("Talks in Geneva\n\nGENEVA, March 3 (Reuters) - Talks resumed on Tuesday in Geneva, "
           "the ministry said. The envoys will meet again on Friday.\n")


def _folder(tmp_path: Path) -> Path:
    folder = copy_seeds(tmp_path / "seeds")
    (folder / "zz-undated.txt").write_text(UNDATED, encoding="utf-8")
    return folder


def _entries(folder: Path) -> dict[str, dict[str, object]]:
    with sqlite3.connect(snapshot_path(folder)) as db:
        return {bytes(path).decode(): unpack(blob)
                for path, blob in db.execute("SELECT path, payload FROM files")}


def test_only_undated_entries_hold_events(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    cold = Session.open(folder, with_store=False)
    entries = _entries(folder)
    undated = {k for k, v in entries.items() if "document" in v and v["document"]["date"] is None}
    assert undated and len(undated) < len(entries)
    assert all(("events" in v) == (k in undated) for k, v in entries.items() if "document" in v)
    assert all("timexes" in v for v in entries.values() if "document" in v)
    assert cold.documents["zz-undated.txt"].date_source == "inferred"
    warm = Session.open(folder, with_store=False)
    assert warm.loaded.extracted == 0 and warm.events() == cold.events()


def test_lost_stage_extracts_dated_files_again(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    cold = Session.open(folder, with_store=False)
    dated = sum(1 for v in _entries(folder).values()
                if "document" in v and "events" not in v)
    with sqlite3.connect(snapshot_path(folder)) as db:  # as after a cancelled first open
        db.execute("DELETE FROM memory")
        db.execute("DELETE FROM folder")
        db.execute("DELETE FROM arrays")
    again = Session.open(folder, with_store=False)
    assert again.loaded.extracted == dated
    assert again.loaded.cached == len(cold.loaded.files) - dated
    assert again.events() == cold.events()
    assert [again.documents[r] for r in again.loaded.order] == [
        cold.documents[r] for r in cold.loaded.order]


def test_an_older_snapshot_is_built_again(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    Session.open(folder, with_store=False)
    with sqlite3.connect(snapshot_path(folder)) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'version'", (str(int(VERSION) - 1),))
    again = Session.open(folder, with_store=False)
    assert again.loaded.cached == 0 and again.loaded.extracted == len(again.loaded.files)
