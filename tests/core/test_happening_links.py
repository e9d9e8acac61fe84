"""The analyst links events as one happening, or takes one out of its happening: undoable,
stored with the other corrections, merged on every open, exact in what it reports changed."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from tests.core.workcount import growth, lines_run
from viewer.cli import main
from viewer.core.events.document_events import Event
from viewer.core.session import Session
from viewer.core.session.columns import EventColumns
from viewer.core.session.happening_merge import Linked, link_state, relink
from viewer.core.store.analyst_store import Store
from viewer.core.store.edits import SetNote
from viewer.core.store.happening_links import link_events, unlink_event, write_corrections
from viewer.core.store.reattach import MoveEdits

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def _istanbul(session: Session) -> tuple[Event, Event]:
    """Article 003's Istanbul talks (dated by its article) and article 001's "previous
    direct talks in Istanbul earlier this year" (a year): clustering links neither."""
    events = session.events()
    talks = next(e for e in events if e.document.startswith("003") and "Istanbul" in e.text)
    earlier = next(e for e in events if e.text.startswith("Previous direct talks in Istanbul"))
    return talks, earlier


def _state(session: Session, *events: Event) -> list[tuple[str, int]]:
    rows = session.columns.rows_of([e.id for e in events])
    return [(session.event(rows[e.id]).cluster, session.event(rows[e.id]).sources)
            for e in events]


def test_link_undo_redo_and_reopen_on_the_seeds(tmp_path: Path) -> None:
    folder = _seeds(tmp_path)
    session = Session.open(folder, workers=1)
    assert session.store is not None
    talks, earlier = _istanbul(session)
    assert talks.cluster != earlier.cluster and talks.sources == earlier.sources == 1
    rows = session.columns.rows_of([talks.id, earlier.id])
    change = session.perform(link_events(session.store, [talks, earlier]), [talks, earlier])
    assert change.ids == {talks.id, earlier.id} and set(change.rows) == set(rows.values())
    assert change.marked == () and {"cluster", "sources"} <= change.fields
    joined = min(talks.cluster, earlier.cluster)
    assert _state(session, talks, earlier) == [(joined, 2), (joined, 2)]
    linked = session.event(rows[earlier.id])
    assert (linked.first_reported, linked.last_reported) == (dt.date(2025, 6, 5),
                                                            dt.date(2025, 7, 22))
    assert linked.reported == dt.date(2025, 7, 22), "its own report stays its article's"
    change = session.undo()
    assert change.ids == {talks.id, earlier.id}
    assert _state(session, talks, earlier) == [(talks.cluster, 1), (earlier.cluster, 1)]
    assert session.event(rows[earlier.id]).first_reported == dt.date(2025, 7, 22)
    session.redo()
    assert _state(session, talks, earlier) == [(joined, 2), (joined, 2)]
    # Other edits on a linked event keep the link (the merge starts from the extracted event).
    session.perform(SetNote.make(session.store, talks.id, "same round"), [talks])
    assert _state(session, talks, earlier) == [(joined, 2), (joined, 2)]
    extracted = {e.id: e.cluster for e in session.extracted_events()}
    assert extracted[talks.id] == talks.cluster, "the extraction is kept apart from edits"
    session.close()
    reopened = Session.open(folder, workers=1)  # the stored link is merged on every open
    assert _state(reopened, talks, earlier) == [(joined, 2), (joined, 2)]
    reopened.close()
    window_path = Session.open(folder, workers=1, with_store=False)  # the window's way
    assert _state(window_path, talks, earlier) == [(talks.cluster, 1), (earlier.cluster, 1)]
    window_path.attach_store(Store.for_folder(folder), [])
    assert _state(window_path, talks, earlier) == [(joined, 2), (joined, 2)]
    window_path.attach_store(Store.for_folder(folder), [])  # again: nothing doubles
    assert _state(window_path, talks, earlier) == [(joined, 2), (joined, 2)]
    window_path.close()


def test_exports_follow_the_link(tmp_path: Path) -> None:
    folder = _seeds(tmp_path)
    session = Session.open(folder, workers=1)
    assert session.store is not None
    talks, earlier = _istanbul(session)
    session.perform(link_events(session.store, [talks, earlier]), [talks, earlier])
    session.close()
    out = tmp_path / "out.json"
    assert main(["export", str(folder), "--format", "json", "-o", str(out)]) == 0
    exported = json.loads(out.read_text())
    rows = exported["events"] if isinstance(exported, dict) else exported
    by_id = {e["id"]: e for e in rows}
    assert by_id[talks.id]["cluster"] == by_id[earlier.id]["cluster"]
    assert by_id[talks.id]["sources"] == by_id[earlier.id]["sources"] == 2
    lines = tmp_path / "out.jsonl"
    assert main(["export", str(folder), "--format", "jsonl", "-o", str(lines)]) == 0
    clusters = {e["id"]: e["cluster"] for e in map(json.loads, lines.read_text().splitlines())}
    assert clusters[talks.id] == clusters[earlier.id]
    table = tmp_path / "out.csv"
    assert main(["export", str(folder), "--format", "csv", "-o", str(table)]) == 0
    with table.open(newline="", encoding="utf-8-sig") as handle:
        found = {r["id"]: (r["cluster"], r["sources"]) for r in csv.DictReader(handle)}
    assert found[talks.id] == found[earlier.id] == (clusters[talks.id], "2")


def _two_reports(folder: Path) -> None:
    """One prisoner exchange reported twice: a day with 150 prisoners, and later a month
    with 120. A month is too wide for clustering, so they start apart."""
    (folder / "a.txt").write_text(
        "date 2026-03-06 On March 5, Russia and Ukraine exchanged 150 prisoners of war in a "
        "swap brokered by the United Arab Emirates at the Belarus border.\n")
    (folder / "b.txt").write_text(
        "date 2026-04-20 In March, Russia and Ukraine exchanged 120 prisoners of war in a "
        "swap brokered by the United Arab Emirates.\n")


def test_a_link_brings_the_sources_disagreement_and_an_unlink_takes_it_away(
        tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    _two_reports(folder)
    session = Session.open(folder, workers=1)
    assert session.store is not None
    day = next(e for e in session.events() if e.document == "a.txt")
    month = next(e for e in session.events() if e.document == "b.txt")
    assert day.cluster != month.cluster and not day.conflict and not month.conflict
    change = session.perform(link_events(session.store, [day, month]), [day, month])
    flagged = {e.document: e.conflict for e in session.events()}
    assert flagged["a.txt"] == flagged["b.txt"] and "figure:prisoners" in flagged["a.txt"]
    assert "conflict" in change.facets
    report = tmp_path / "report.md"
    assert main(["export", str(folder), "--format", "md", "-o", str(report)]) == 0
    assert "disputed: number of prisoners" in report.read_text(), "the chronology follows"
    change = session.perform(unlink_event(session.store, month), [month])
    assert change.ids == {day.id, month.id}, "the other member's flags went with it"
    assert main(["export", str(folder), "--format", "md", "-o", str(report)]) == 0
    assert "disputed:" not in report.read_text()
    assert [e.conflict for e in session.events()] == [(), ()]
    assert _state(session, day, month) == [(day.cluster, 1), (month.id, 1)]
    session.undo()
    assert "figure:prisoners" in session.events()[0].conflict
    session.close()


def test_unlinking_takes_an_event_out_of_what_clustering_joined(tmp_path: Path) -> None:
    for name, day, text in (("a.txt", "2026-03-06", "On March 5"), ("b.txt", "2026-03-07",
                                                                      "On March 5")):
        (tmp_path / name).write_text(
            f"date {day} {text}, Russia and Ukraine exchanged 150 prisoners of war in a swap "
            "brokered by the United Arab Emirates at the Belarus border.\n")
    session = Session.open(tmp_path, workers=1)
    assert session.store is not None
    first, second = session.events()
    assert first.cluster == second.cluster and first.sources == 2
    session.perform(unlink_event(session.store, second), [second])
    # Each stands alone, named by the folder stage's rule: its smallest (own) event id.
    assert _state(session, first, second) == [(first.id, 1), (second.id, 1)]
    session.perform(link_events(session.store, [first, second]), [first, second])
    assert _state(session, first, second) == [(first.cluster, 2), (first.cluster, 2)]
    session.undo()
    session.undo()
    assert _state(session, first, second) == [(first.cluster, 2), (first.cluster, 2)]
    session.close()


def test_a_link_on_a_sentence_that_left_the_folder_is_an_orphaned_edit(tmp_path: Path) -> None:
    _two_reports(tmp_path)
    session = Session.open(tmp_path, workers=1)
    assert session.store is not None
    day, month = session.events()
    session.perform(link_events(session.store, [day, month]), [day, month])
    session.close()
    (tmp_path / "b.txt").write_text("date 2026-04-20 Nothing about any exchange here.\n")
    reopened = Session.open(tmp_path, workers=1)
    assert [o.event_id for o in reopened.orphans] == [month.id]
    assert reopened.orphans[0].what == ("corrections: link to one happening",)
    assert "In March" in reopened.orphans[0].text
    assert any(p.kind == "orphaned edit" for p in reopened.problems)
    (kept,) = [e for e in reopened.events() if e.id == day.id]
    assert (kept.cluster, kept.sources) == (day.cluster, 1)
    reopened.close()


def test_an_orphaned_link_re_attached_joins_its_new_event(tmp_path: Path) -> None:
    _two_reports(tmp_path)
    session = Session.open(tmp_path, workers=1)
    assert session.store is not None
    day, month = session.events()
    session.perform(link_events(session.store, [day, month]), [day, month])
    session.close()
    (tmp_path / "b.txt").write_text(
        "date 2026-04-20 In March, the two sides exchanged 120 prisoners of war.\n")
    reopened = Session.open(tmp_path, workers=1)
    assert reopened.store is not None
    (orphan,) = reopened.orphans
    (target,) = [e for e in reopened.events() if e.document == "b.txt"]
    change = reopened.perform(MoveEdits.make(reopened.store, orphan.event_id, target.id),
                              [target])
    assert change.orphans and not reopened.orphans
    assert _state(reopened, day, target) == [(min(day.id, target.id), 2)] * 2
    reopened.undo()
    assert _state(reopened, day, target) == [(day.cluster, 1), (target.cluster, 1)]
    reopened.close()


def test_the_store_keeps_a_link_whole(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    write_corrections(store, {"a": {"link": '["k"]'}, "b": {"link": '["k"]', "unlinked": "1"}})
    state = link_state(store.load().corrections)
    assert state == {"a": Linked(frozenset({"k"})), "b": Linked(frozenset({"k"}), True)}
    write_corrections(store, {"a": {"link": None}, "b": {"link": None, "unlinked": None}})
    assert link_state(store.load().corrections) == {}
    store.close()


def test_a_failed_link_saves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    with pytest.raises(ValueError):
        write_corrections(store, {"a": {"link": '["k"]'}, "b": {"bogus": "1"}})
    assert store.load().corrections == {}
    store.close()


def _columns(size: int) -> EventColumns:
    """`size` events in clusters of two, one article each."""
    day = dt.date(2026, 3, 5)
    events = [Event(f"e{i:07d}", f"d{i}.txt", "x", 0, 1, day, day, "day", "explicit", None,
                    None, (), (), (), False, 0, cluster=f"e{i - i % 2:07d}", sources=2)
              for i in range(size)]
    return EventColumns.build(events, lambda doc, a, b: "x")


def test_resolving_links_is_linear() -> None:
    """Links over n events (one per ten): work grows with the links and their clusters."""

    def work(copies: int) -> int:
        columns = _columns(400 * copies)
        links = {f"e{i:07d}": Linked(frozenset({f"k{i // 20}"})) for i in range(0, 400 * copies,
                                                                                10)}
        counter = [0]
        lines_run(lambda: relink(columns, columns.event, links, (), {}), counter)
        return counter[0]

    assert growth(work) < 4.6
