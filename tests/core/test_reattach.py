"""Orphaned edits: re-attached onto another event or discarded, and both undo exactly."""

from __future__ import annotations

from pathlib import Path

from viewer.core.store.analyst_store import Store
from viewer.core.store.reattach import MoveEdits, Snapshot


def test_reattach_and_discard_undo_exactly(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    store.set_tag("key", "#ff0000")
    store.tag_events("key", ["old"], True)
    store.set_note("old", "from the old sentence")
    store.set_correction("old", "parties", '["Russia"]')
    store.set_reviews({"old": "accepted"})
    store.set_note("new", "already here")
    before_old, before_new = Snapshot.read(store, "old"), Snapshot.read(store, "new")

    move = MoveEdits.make(store, "old", "new")
    move.apply(store)
    assert Snapshot.read(store, "old") == Snapshot()
    moved = Snapshot.read(store, "new")
    assert moved.tags == {"key"} and moved.review == "accepted"
    assert moved.note == "already here\n\nfrom the old sentence"
    assert dict(moved.corrections) == {"parties": '["Russia"]'}
    move.revert(store)
    assert (Snapshot.read(store, "old"), Snapshot.read(store, "new")) == (before_old, before_new)

    discard = MoveEdits.make(store, "old", None)
    discard.apply(store)
    assert Snapshot.read(store, "old") == Snapshot()
    discard.revert(store)
    assert Snapshot.read(store, "old") == before_old
    store.close()


def test_an_orphan_says_what_its_corrections_were() -> None:
    """The orphaned-edit list named "corrections: end, precision, start" without the values,
    so re-attaching meant guessing what would come back."""
    from viewer.core.store.analyst_store import UserData
    from viewer.core.store.merge_edits import orphans_among

    data = UserData(notes={"gone": "check the ministry's figure, it changed twice since"},
                    corrections={"gone": {"start": "2026-03-02", "end": "2026-03-19",
                                          "precision": "day", "parties": '["Peru", "Bolivia"]',
                                          "link": "k1"}})
    (orphan,) = orphans_among(data, ["gone"])
    assert orphan.what == (
        "note “check the ministry's figure, it changed twice since”",
        "corrections: end 2026-03-19, link to one happening, parties Bolivia, Peru, "
        "precision day, start 2026-03-02")
