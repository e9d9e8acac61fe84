"""The analyst's store: edits commit at once, undo restores exactly, data merges into events,
orphans are kept, versions are checked and a corrupt file is moved aside."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from viewer.core.events.document_events import Event
from viewer.core.ingest.sidecar import read_sidecar
from viewer.core.query import EventIndex, Filter
from viewer.core.store import edits
from viewer.core.store.analyst_store import SCHEMA_VERSION, Store, StoreError, store_path
from viewer.core.store.merge_edits import apply_user_data, orphans

D = dt.date


def event(eid: str, **changes: object) -> Event:
    base = Event(id=eid, document="a.txt", text=f"Sentence {eid}.", char_start=0, char_end=10,
                 start=D(2026, 2, 17), end=D(2026, 2, 17), precision="day",
                 date_source="explicit", timex=None, timex_value=None,
                 parties=("Russia",), people=(), topics=("strikes",), boilerplate=False,
                 sentence=0)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store.for_folder(tmp_path)


def test_store_lives_in_the_folder(tmp_path: Path) -> None:
    assert store_path(tmp_path) == tmp_path.resolve() / ".timeline-viewer" / "store.sqlite"


def test_tagging_undo_restores_exactly(store: Store) -> None:
    edits.CreateTag("Create tag", "key moment", "#ff0000").apply(store)
    edits.TagEvents.make(store, "key moment", ["a"], True).apply(store)
    tag_three = edits.TagEvents.make(store, "key moment", ["a", "b", "c"], True)
    assert tag_three.changed == ("b", "c")
    tag_three.apply(store)
    assert store.event_tags(["a", "b", "c"]) == {k: {"key moment"} for k in "abc"}
    tag_three.revert(store)
    assert store.event_tags(["a", "b", "c"]) == {"a": {"key moment"}}


def test_tag_rename_recolour_delete_and_undo(store: Store) -> None:
    edits.CreateTag("", "disputed", "#00ff00").apply(store)
    edits.TagEvents.make(store, "disputed", ["a", "b"], True).apply(store)
    rename = edits.RenameTag("", "disputed", "contested")
    rename.apply(store)
    assert store.event_tags(["a"]) == {"a": {"contested"}}
    rename.revert(store)
    assert store.tags() == {"disputed": "#00ff00"}
    recolour = edits.RecolorTag("", "disputed", "#00ff00", "#0000ff")
    recolour.apply(store)
    assert store.tags()["disputed"] == "#0000ff"
    recolour.revert(store)
    delete = edits.DeleteTag.make(store, "disputed")
    delete.apply(store)
    assert store.tags() == {} and store.event_tags(["a", "b"]) == {}
    delete.revert(store)
    assert store.tags() == {"disputed": "#00ff00"}
    assert store.event_tags(["a", "b"]) == {"a": {"disputed"}, "b": {"disputed"}}


def test_notes_corrections_reviews_merge_into_events(store: Store) -> None:
    e = event("a")
    edits.SetNote.make(store, "a", "Check with a second source.").apply(store)
    edits.correct_date(store, e, D(2026, 2, 16), D(2026, 2, 18), "week").apply(store)
    edits.correct_set(store, e, "parties", {"Ukraine", "Russia"}).apply(store)
    edits.correct_set(store, e, "topics", {"negotiations"}).apply(store)
    edits.SetReview.make(store, ["a"], "accepted").apply(store)
    merged = apply_user_data([e, event("b")], store.load())
    a, b = merged
    assert a.note == "Check with a second source."
    assert (a.start, a.end, a.precision) == (D(2026, 2, 16), D(2026, 2, 18), "week")
    assert a.parties == ("Russia", "Ukraine") and a.topics == ("negotiations",)
    assert a.review == "accepted" and set(a.corrected) == {"date", "parties", "topics"}
    assert b == event("b")


def test_modality_and_speaker_correction_is_one_step(store: Store) -> None:
    e = event("a")
    edit = edits.correct_modality(store, e, "denied", "the Kremlin")
    edit.apply(store)
    (a,) = apply_user_data([e], store.load())
    assert (a.modality, a.speaker) == ("denied", "the Kremlin")
    assert set(a.corrected) == {"modality", "speaker"}
    edit.revert(store)
    assert apply_user_data([e], store.load()) == [e]


def test_correction_undo(store: Store) -> None:
    e = event("a")
    first = edits.correct_date(store, e, D(2026, 2, 1), D(2026, 2, 1), "day")
    first.apply(store)
    second = edits.correct_date(store, e, D(2026, 3, 1), D(2026, 3, 1), "day")
    second.apply(store)
    second.revert(store)
    assert store.correction("a", "start") == "2026-02-01"
    first.revert(store)
    assert store.correction("a", "start") is None
    assert apply_user_data([e], store.load()) == [e]


def test_not_an_event_is_hidden_and_recoverable(store: Store) -> None:
    e = event("a")
    hide = edits.mark_not_event(store, e, True)
    hide.apply(store)
    merged = apply_user_data([e, event("b")], store.load())
    index = EventIndex.build(merged)
    assert [merged[i].id for i in index.rows(Filter())] == ["b"]
    assert [merged[i].id for i in index.rows(Filter(include_hidden=True))] == ["a", "b"]
    hide.revert(store)
    assert not apply_user_data([e], store.load())[0].not_event


def test_review_filter(store: Store) -> None:
    events = [event("a"), event("b"), event("c")]
    edits.SetReview.make(store, ["a"], "accepted").apply(store)
    edits.SetReview.make(store, ["b"], "rejected").apply(store)
    merged = apply_user_data(events, store.load())
    index = EventIndex.build(merged)
    assert [merged[i].id for i in index.rows(Filter(review=frozenset({"unreviewed"})))] == ["c"]
    assert index.counts(Filter())["review"] == {"accepted": 1, "rejected": 1, "unreviewed": 1}


def test_document_date_goes_to_the_sidecar_and_back(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text("Talks resumed on Tuesday.")
    change = edits.SetDocumentDate.make(tmp_path, "a.txt", D(2026, 2, 19))
    assert change.apply(store).documents == {"a.txt"}
    assert read_sidecar(tmp_path) == {"a.txt": {"date": "2026-02-19"}}
    change.revert(store)
    assert read_sidecar(tmp_path) == {}  # no empty [a.txt] left behind


def test_orphans_are_listed_not_dropped(store: Store) -> None:
    store.remember([("gone", "a.txt", "A sentence that was deleted.")])
    edits.CreateTag("", "key", "#123456").apply(store)
    edits.TagEvents.make(store, "key", ["gone", "a"], True).apply(store)
    found = orphans(store.load(), [event("a")])
    assert [(o.event_id, o.text, o.what) for o in found] == [
        ("gone", "A sentence that was deleted.", ("tags: key",))]


def test_two_connections_see_each_others_edits(tmp_path: Path) -> None:
    first, second = Store.for_folder(tmp_path), Store.for_folder(tmp_path)
    edits.CreateTag("", "shared", "#abcdef").apply(first)
    assert second.tags() == {"shared": "#abcdef"}


def test_newer_store_is_refused_with_a_message(tmp_path: Path) -> None:
    path = store_path(tmp_path)
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
               (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer Timeline Viewer"):
        Store(path)


def test_corrupt_store_is_moved_aside(tmp_path: Path) -> None:
    path = store_path(tmp_path)
    path.write_bytes(b"this is not a database" * 100)
    store = Store(path)
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.moved_aside.read_bytes().startswith(b"this is not a database")
    assert store.tags() == {}
