"""The Session without Qt: open, edit, undo, redo, orphaned edits, reopen, and the column
filter engine agreeing with the object one."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import copy_seeds
from viewer.core.query import EventIndex, Filter
from viewer.core.session import Session
from viewer.core.session.columns import EventColumns
from viewer.core.session.vocabulary import Ragged
from viewer.core.store.analyst_store import Store
from viewer.core.store.edits import CreateTag, TagEvents, correct_date, correct_set


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def test_columns_give_back_the_events_they_were_built_from(folder: Path) -> None:
    session = Session.open(folder, with_store=False)
    from viewer.core.pipeline.folder_extraction import extract_folder

    assert session.events() == list(extract_folder(folder).events)


FILTERS = [
    Filter(), Filter(parties=frozenset({"Russia"})), Filter(search="talks"),
    Filter(include_boilerplate=True, min_sources=2), Filter(include_undated=False),
    Filter(topics=frozenset({"(none)"}), date_from=dt.date(2026, 1, 1)),
    Filter(documents=frozenset({"002_8df9e0d371d214c9.txt"}), parties=frozenset({"Ukraine"})),
    Filter(review=frozenset({"accepted"}), tags=frozenset({"key"})),
]


@pytest.mark.parametrize("chosen", FILTERS)
def test_column_index_agrees_with_the_object_index(folder: Path, chosen: Filter) -> None:
    session = Session.open(folder)
    first = session.events()[:3]
    session.perform(CreateTag("Create tag", "key", "#ff0000"))
    session.perform(TagEvents.make(session.store, "key", [e.id for e in first], True), first)
    index = EventIndex.build(session.events())
    assert session.index.rows(chosen) == index.rows(chosen)
    assert session.index.counts(chosen) == index.counts(chosen)
    for facet in ("parties", "topics", "tags", "documents", "review"):
        assert session.index.values(facet) == index.values(facet)


def test_edit_undo_redo_touch_only_their_rows(folder: Path) -> None:
    session = Session.open(folder)
    assert session.store is not None
    rows = [3, 7]
    events = session.events(rows)
    session.perform(CreateTag("Create tag", "key", "#ff0000"))
    change = session.perform(TagEvents.make(session.store, "key", [e.id for e in events], True),
                             events)
    assert change.rows == (3, 7) and change.ids == {e.id for e in events}
    assert change.facets == {"tags"} and not change.reset
    assert session.event(3).tags == ("key",)
    assert session.index.rows(Filter(tags=frozenset({"key"}))) == [
        r for r in rows if not session.event(r).boilerplate]
    undone = session.undo()
    assert undone.rows == (3, 7) and session.event(3).tags == ()
    assert session.index.rows(Filter(tags=frozenset({"key"}))) == []
    redone = session.redo()
    assert redone.rows == (3, 7) and session.event(7).tags == ("key",)
    assert session.undo_text.startswith("Tag 2 event(s)")


def test_a_correction_moves_the_event_and_undo_restores_it(folder: Path) -> None:
    session = Session.open(folder)
    assert session.store is not None
    event = session.event(0)
    day = dt.date(2020, 5, 1)
    change = session.perform(correct_date(session.store, event, day, day, "day"), [event])
    assert change.rows == (0,) and {"start", "end", "corrected"} <= change.fields
    assert session.event(0).start == day and session.event(0).corrected == ("date",)
    assert session.index.rows(Filter(date_to=dt.date(2020, 12, 31), include_undated=False)) == [0]
    session.undo()
    assert session.event(0) == event
    change = session.perform(correct_set(session.store, event, "parties", {"Mars"}), [event])
    assert change.facets == {"parties"} and session.event(0).parties == ("Mars",)
    assert "Mars" in session.index.values("parties")


def test_reopen_keeps_edits_and_lists_orphans(folder: Path) -> None:
    session = Session.open(folder)
    assert session.store is not None
    event = session.event(0)
    session.perform(CreateTag("Create tag", "key", "#ff0000"))
    session.perform(TagEvents.make(session.store, "key", [event.id], True), [event])
    session.close()
    again = Session.open(folder)
    assert again.event(0).tags == ("key",) and again.tags == {"key": "#ff0000"}
    assert again.orphans == []
    again.close()
    path = folder / event.document
    path.write_text(path.read_text(encoding="utf-8").replace(event.text, "Nothing happened."),
                    encoding="utf-8")
    third = Session.open(folder)
    assert [o.event_id for o in third.orphans] == [event.id]
    orphaned = [p for p in third.problems if p.kind == "orphaned edit"]
    assert len(orphaned) == 1 and event.text in orphaned[0].message


def test_store_problems_are_listed(folder: Path) -> None:
    store_dir = folder / ".timeline-viewer"
    store_dir.mkdir()
    (store_dir / "store.sqlite").write_bytes(b"not a database at all" * 100)
    session = Session.open(folder)
    assert any(p.kind == "store" and "moved aside" in p.message for p in session.problems)


def test_ragged_replace_keeps_other_rows() -> None:
    ragged = Ragged.of([[1, 2], [], [3], [4, 5, 6]])
    ragged.replace({1: [7, 8], 3: []})
    assert [ragged.row(i) for i in range(4)] == [[1, 2], [7, 8], [3], []]
    assert list(ragged.rows) == [0, 0, 1, 1, 2]
    assert np.diff(ragged.offsets).tolist() == [2, 2, 1, 0]


def test_session_runs_with_qt_unimportable(seeds_dir: Path) -> None:
    code = f"""
import sys
sys.modules['PySide6'] = None
from viewer.core.session import Session
session = Session.open({str(seeds_dir)!r}, with_store=False, use_snapshot=False)
assert session.size > 50
print('ok')
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_cli_export_gives_the_sessions_events_with_orphans_and_edits(folder: Path,
                                                                     tmp_path: Path) -> None:
    session = Session.open(folder)
    assert session.store is not None
    event = session.event(0)
    session.perform(CreateTag("Create tag", "key", "#ff0000"))
    session.perform(TagEvents.make(session.store, "key", [event.id], True), [event])
    ghost = Store.for_folder(folder)
    ghost.tag_events("key", ["0123456789ab"], True)  # an orphaned edit
    ghost.close()
    session.close()
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "viewer", "export", str(folder), "--format",
                           "jsonl", "-o", str(out), "--tag", "key"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    again = Session.open(folder)
    rows = again.index.rows(Filter(tags=frozenset({"key"})))
    import json

    exported = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert exported == [again.event(r).id for r in rows] == [event.id]
    assert [o.event_id for o in again.orphans] == ["0123456789ab"]


def test_warm_reopen_reads_the_snapshot_and_extracts_nothing(folder: Path) -> None:
    (folder / "broken.txt").write_bytes(b"\x00\x01binary" * 50)
    cold = Session.open(folder, with_store=False)
    assert cold.loaded.extracted == 6 and cold.loaded.cached == 0
    assert [p.path for p in cold.loaded.problems] == ["broken.txt"]
    warm = Session.open(folder, with_store=False)
    assert warm.loaded.extracted == 0 and warm.loaded.cached == 6  # the failed file too
    assert warm.events() == cold.events()
    assert warm.problems == cold.problems
    assert warm.document_dates() == cold.document_dates() and len(warm.document_dates()) == 5
    assert warm.loaded.files == cold.loaded.files
    assert [warm.documents[r].text for r in warm.loaded.order] == [
        cold.documents[r].text for r in cold.loaded.order]
    assert warm.index.rows(Filter(search="geneva")) == cold.index.rows(Filter(search="geneva"))


def test_reopen_after_one_change_extracts_that_file_only(folder: Path) -> None:
    first = Session.open(folder, with_store=False)
    name = first.loaded.order[1]
    path = folder / name
    os.utime(path, ns=(1, 1))  # touched, not changed: the content hash says so
    assert Session.open(folder, with_store=False).loaded.extracted == 0
    path.write_text(path.read_text(encoding="utf-8") + "\nTalks resumed on 3 March 2026.\n",
                    encoding="utf-8")
    again = Session.open(folder, with_store=False)
    assert again.loaded.extracted == 1 and again.loaded.cached == 4
    assert again.size > first.size


@pytest.mark.parametrize("damage", ["garbage", "flip"])
def test_a_damaged_snapshot_is_rebuilt_never_trusted(folder: Path, damage: str) -> None:
    first = Session.open(folder, with_store=False)
    expected = first.events()
    first.close()
    path = folder / ".timeline-viewer" / "snapshot.sqlite"
    data = bytearray(path.read_bytes())
    if damage == "garbage":
        data[:200] = b"\xff" * 200
    else:  # flip bytes inside the stored data, behind SQLite's back
        for at in range(len(data) // 2, len(data) - 64, 997):
            data[at] ^= 0x5A
    path.write_bytes(bytes(data))
    again = Session.open(folder, with_store=False)
    assert again.events() == expected
    assert again.loaded.extracted >= 1


def test_one_changed_bit_of_a_saved_array_fails_its_check() -> None:
    from viewer.core.session.snapshot import SnapshotDamaged, _array, _array_row

    column = np.arange(1000, dtype=np.int32)
    _, _, dtype, shape, digest, data = _array_row("folder", "start", column)
    assert np.array_equal(_array(dtype, shape, digest, data), column)
    for at in (0, 1, len(data) // 2, len(data) - 1):
        changed = bytearray(data)
        changed[at] ^= 0x01
        with pytest.raises(SnapshotDamaged):
            _array(dtype, shape, digest, bytes(changed))


def test_a_snapshot_of_the_sha256_format_is_rebuilt_with_the_same_events(
        folder: Path) -> None:
    """Version 8 checked its arrays by SHA-256, 9 by CRC-32: a version 8 snapshot (its arrays
    and their digests as that version wrote them) is never read, but rebuilt."""
    import hashlib
    import sqlite3

    first = Session.open(folder, with_store=False)
    expected = first.events()
    first.close()
    with sqlite3.connect(folder / ".timeline-viewer" / "snapshot.sqlite") as db:
        for name, owner, data in db.execute("SELECT name, owner, data FROM arrays").fetchall():
            db.execute("UPDATE arrays SET digest = ? WHERE name = ? AND owner = ?",
                       (hashlib.sha256(data).hexdigest(), name, owner))
        db.execute("UPDATE meta SET value = '8' WHERE key = 'version'")
    again = Session.open(folder, with_store=False)
    assert again.loaded.cached == 0 and again.loaded.extracted == len(again.loaded.files)
    assert again.events() == expected
    third = Session.open(folder, with_store=False)  # and read back from the rebuilt one
    assert third.loaded.extracted == 0 and third.events() == expected


def test_columns_built_in_batches_equal_columns_built_at_once(folder: Path) -> None:
    session = Session.open(folder, with_store=False)
    events = session.events()
    whole = EventColumns.build(events, session.columns.text_of)
    parts = [EventColumns.build(events[i : i + 17], session.columns.text_of)
             for i in range(0, len(events), 17)]
    joined = EventColumns.concat(parts, session.columns.text_of)
    assert joined.events() == whole.events() == events


def test_redating_an_article_asks_for_a_reload_that_extracts_it_alone(folder: Path) -> None:
    from viewer.core.store.edits import SetDocumentDate

    session = Session.open(folder)
    relpath = session.loaded.order[0]
    before = {e.id: e.start for e in session.events() if e.document == relpath}
    edit = SetDocumentDate.make(folder, relpath, dt.date(2020, 1, 6))
    change = session.perform(edit)
    assert change.reset and change.documents == {relpath} and session.needs_reload
    session.reload()
    assert session.loaded.extracted == 1 and not session.needs_reload
    after = {e.id: e.start for e in session.events() if e.document == relpath}
    assert after != before and session.undo_text == edit.text
    session.undo()
    session.reload()
    assert {e.id: e.start for e in session.events() if e.document == relpath} == before


def test_a_read_only_store_is_a_problem_and_a_banner_and_edits_are_refused(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from viewer.core.store.analyst_store import StoreReadOnly

    first = Session.open(folder)
    event = first.event(0)
    first.perform(CreateTag("Create tag", "kept", "#ff0000"))
    assert first.store is not None
    first.perform(TagEvents.make(first.store, "kept", [event.id], True), [event])
    first.close()

    def full(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "_connect", full)
    session = Session.open(folder)
    assert session.read_only is not None and "disk is full" in session.read_only
    assert [p.kind for p in session.problems if p.path == ".timeline-viewer"] == ["store"]
    assert session.event(0).tags == ("kept",)  # read, never an empty stand-in
    assert session.store is not None
    with pytest.raises(StoreReadOnly):
        session.perform(TagEvents.make(session.store, "kept", [event.id], False), [event])
    assert not session.can_undo and session.event(0).tags == ("kept",)


def test_a_newer_store_is_an_error_the_cli_reports(folder: Path) -> None:
    import sqlite3

    Session.open(folder).close()
    path = folder / ".timeline-viewer" / "store.sqlite"
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    session = Session.open(folder)
    assert session.store is None and session.store_error is not None
    assert any("newer Timeline Viewer" in p.message for p in session.problems)
    done = subprocess.run([sys.executable, "-m", "viewer", "export", str(folder), "--format",
                           "json", "-o", str(folder.parent / "out.json")],
                          capture_output=True, text=True, check=False)
    assert done.returncode != 0 and "newer Timeline Viewer" in done.stderr


def test_ragged_replace_keeps_four_byte_offsets() -> None:
    """A column read back from a snapshot holds 4-byte offsets; an edit kept them at 8."""
    ragged = Ragged(np.array([1, 2, 3], dtype=np.int32), np.array([0, 2, 2, 3], dtype=np.int32))
    ragged.replace({1: [9]})
    assert ragged.offsets.dtype == np.int32
    assert [ragged.row(i) for i in range(3)] == [[1, 2], [9], [3]]
