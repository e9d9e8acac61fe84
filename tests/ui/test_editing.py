"""Tags, notes, corrections, review and undo, as an analyst uses them; nothing is ever lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.core.events.document_events import Event
from viewer.core.store import edits
from viewer.core.store.analyst_store import store_path
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner

D = dt.date


def find(window: MainWindow, fragment: str) -> Event:
    return next(e for e in window.model.events if fragment in e.text)


def select(window: MainWindow, *fragments: str) -> list[Event]:
    events = [find(window, f) for f in fragments]
    rows = [window.model.row_of[e.id] for e in events]
    window.select_rows(rows, rows[0])
    return events


def test_tags_survive_closing_and_reopening(qtbot: QtBot, runner: TaskRunner, window: MainWindow,
                                            seeds_copy: Path) -> None:
    events = select(window, "On Wednesday, Russian forces launched",
                    "Rustem Umerov, said the first day", "set to engage in a fresh round")
    window.editing.add_tag("key moment", events)
    assert all("key moment" in find(window, e.text[:30]).tags for e in events)
    assert window.proxy.counts["tags"]["key moment"] == 3
    window.close()
    again = MainWindow(runner)
    qtbot.addWidget(again)
    open_and_wait(qtbot, again, seeds_copy)
    tagged = sorted(e.text[:25] for e in again.model.events if "key moment" in e.tags)
    assert len(tagged) == 3
    again.set_lane_mode("tag")
    assert "key moment" in [lane.label for lane in again.timeline.scene.lanes]  # type: ignore[union-attr]


def test_undo_redo_of_every_kind_of_edit(window: MainWindow) -> None:
    stack = window.editor.stack
    store = window.editor.store
    assert store is not None
    (attack,) = select(window, "On Wednesday, Russian forces launched")

    def current() -> Event:
        return window.model.events[window.model.row_of[attack.id]]

    checks = []
    window.editing.add_tag("disputed", [attack])
    checks.append(("tag", lambda: "disputed" in current().tags))
    window.editing.set_note(current(), "Casualty figure unconfirmed.")
    checks.append(("note", lambda: current().note == "Casualty figure unconfirmed."))
    window.editor.perform(edits.correct_date(store, current(), D(2026, 1, 27), D(2026, 1, 28),
                                             "day"), [attack])
    checks.append(("date", lambda: (current().start, current().end) == (D(2026, 1, 27),
                                                                       D(2026, 1, 28))))
    window.editor.perform(edits.correct_set(store, current(), "parties", {"Russia"}), [attack])
    checks.append(("parties", lambda: current().parties == ("Russia",)))
    window.editor.perform(edits.correct_set(store, current(), "topics", {"strikes"}), [attack])
    checks.append(("topics", lambda: current().topics == ("strikes",)))
    window.editor.perform(edits.correct_modality(store, current(), "claimed", "Kyiv"), [attack])
    checks.append(("modality", lambda: (current().modality, current().speaker)
                   == ("claimed", "Kyiv")))
    window.editing.review("accepted")
    checks.append(("review", lambda: current().review == "accepted"))
    window.editing.toggle_not_event()
    checks.append(("not_event", lambda: current().not_event))
    for name, holds in checks:
        assert holds(), name
    assert "Mark as not an event" in window.editing.undo.text()
    for name, holds in reversed(checks):
        stack.undo()
        assert not holds(), f"undo {name}"
    assert current() == attack
    for name, holds in checks:
        stack.redo()
        assert holds(), f"redo {name}"
    assert "corrected" in window.detail.header.text() or current().not_event


def test_tag_rename_and_delete_undo(window: MainWindow) -> None:
    events = select(window, "On Wednesday, Russian forces launched")
    window.editing.add_tag("disputed", events)
    store = window.editor.store
    assert store is not None
    window.editor.perform(edits.RenameTag("Rename", "disputed", "contested"))
    assert find(window, "On Wednesday, Russian").tags == ("contested",)
    window.editor.perform(edits.DeleteTag.make(store, "contested"))
    assert find(window, "On Wednesday, Russian").tags == ()
    window.editor.stack.undo()
    assert find(window, "On Wednesday, Russian").tags == ("contested",)
    window.editor.stack.undo()
    assert find(window, "On Wednesday, Russian").tags == ("disputed",)


def test_document_date_change_moves_its_events(qtbot: QtBot, window: MainWindow) -> None:
    wednesday = find(window, "On Wednesday, Russian forces launched")
    assert wednesday.start == D(2026, 1, 28)
    select(window, "On Wednesday, Russian forces launched")
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.editing.set_document_date("000_1e2c16be113f8953.txt", D(2026, 2, 5))
    moved = find(window, "On Wednesday, Russian forces launched")
    assert moved.start == D(2026, 2, 4)  # the Wednesday before 5 February
    assert window.documents["000_1e2c16be113f8953.txt"].date == D(2026, 2, 5)
    assert moved.id == wednesday.id
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.editor.stack.undo()
    assert find(window, "On Wednesday, Russian forces launched").start == D(2026, 1, 28)


def test_file_edited_on_disk_keeps_tags_of_unchanged_sentences(
        qtbot: QtBot, window: MainWindow, seeds_copy: Path) -> None:
    events = select(window, "On Wednesday, Russian forces launched",
                    "The military escalation is accompanied")
    window.editing.add_tag("key moment", events)
    path = seeds_copy / "000_1e2c16be113f8953.txt"
    text = path.read_text()
    path.write_text(text.replace(
        "The military escalation is accompanied by preparations from both sides for a new "
        "round of talks.", "The escalation came as both sides prepared for talks."))
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.folder_watch.files_changed()
    assert "key moment" in find(window, "On Wednesday, Russian forces launched").tags
    orphaned = [p for p in window.problems if p.kind == "orphaned edit"]
    assert len(orphaned) == 1 and "military escalation" in orphaned[0].message


def test_corrupt_store_is_moved_aside_and_the_folder_opens(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path) -> None:
    path = store_path(seeds_copy)
    path.write_bytes(b"garbage" * 500)
    win = MainWindow(runner)
    qtbot.addWidget(win)
    open_and_wait(qtbot, win, seeds_copy)
    assert win.proxy.rowCount() > 50
    assert any(p.kind == "store" and "moved aside" in p.message for p in win.problems)
    assert list(path.parent.glob("store.sqlite.corrupt-*"))
    events = select(win, "On Wednesday, Russian forces launched")
    win.editing.add_tag("works again", events)
    assert "works again" in find(win, "On Wednesday, Russian forces launched").tags


def test_next_unreviewed_and_review_filter(window: MainWindow) -> None:
    select(window, "On Wednesday, Russian forces launched")
    window.editing.review("accepted")
    window.editing.next_unreviewed()
    shown = window.detail.current_event
    assert shown is not None and shown.review == "unreviewed"
    window.filters.facets["review"].check(frozenset({"accepted"}))
    window.filters.emit_filter()
    assert window.proxy.rowCount() == 1


def test_gui_and_cli_give_the_same_events(window: MainWindow, seeds_copy: Path,
                                          tmp_path: Path) -> None:
    import json

    from viewer.cli import main
    from viewer.core.query import Filter

    window.proxy.set_filter(Filter(parties=frozenset({"United States"}),
                                   topics=frozenset({"negotiations"})))
    shown = [window.proxy.event_at(i).id for i in range(window.proxy.rowCount())]
    out = tmp_path / "cli.json"
    assert main(["export", str(seeds_copy), "--format", "json", "-o", str(out),
                 "--party", "United States", "--topic", "negotiations"]) == 0
    assert [e["id"] for e in json.loads(out.read_text())["events"]] == shown  # in its order


def test_export_from_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    events = select(window, "On Wednesday, Russian forces launched")
    window.editing.add_tag("key moment", events)
    target = tmp_path / "shown.csv"
    task = window.exports.export_to(target, "csv", "filtered")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000) as blocker:
        pass
    assert blocker.args[0] == window.proxy.rowCount()
    text = target.read_text(encoding="utf-8-sig")
    assert "key moment" in text
    picture = tmp_path / "selected.png"
    assert window.exports.export_to(picture, "png", "selected") is None
    assert picture.read_bytes()[:4] == b"\x89PNG"


def test_picture_of_the_visible_range(window: MainWindow, tmp_path: Path) -> None:
    window.timeline.zoom(8)
    first, last = window.timeline.visible_range()
    picture = tmp_path / "visible.svg"
    assert window.exports.export_to(picture, "svg", "filtered", visible_only=True) is None
    assert picture.read_text().lstrip().startswith("<?xml") and (last - first).days < 120


def test_a_chosen_tag_renamed_or_deleted_stays_followed_by_the_filter(
        window: MainWindow) -> None:
    """Renaming the tag the window filtered on left the filter on the old name: "0 of N
    events", no box ticked, every facet empty; only Reset cleared it."""
    events = select(window, "On Wednesday, Russian forces launched")
    window.editing.add_tag("compensation", events)
    tags = window.filters.facets["tags"]
    tags.check(frozenset({"compensation"}))
    window.filters.emit_filter()
    assert window.proxy.rowCount() == 1
    window.editor.perform(edits.RenameTag("Rename", "compensation", "Compensation pledge"))
    assert window.proxy.filter.tags == {"Compensation pledge"}
    assert tags.checked() == {"Compensation pledge"} and window.proxy.rowCount() == 1
    window.editor.stack.undo()
    assert tags.checked() == {"compensation"} and window.proxy.rowCount() == 1
    store = window.editor.store
    assert store is not None
    window.editor.perform(edits.DeleteTag.make(store, "compensation"))
    assert window.proxy.filter.tags == frozenset() and tags.checked() == frozenset()
    assert window.proxy.rowCount() > 50
