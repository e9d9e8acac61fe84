"""Conflict flags and planned→outcome links follow the analyst's corrections inside the
Session (they were once redone only when the folder was extracted again)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.session import Session
from viewer.core.session.cluster_marks import marked
from viewer.core.store.edits import SetNote, correct_date, correct_modality, mark_not_event


def _two_dates(folder: Path) -> None:
    """Two articles on one prisoner exchange that disagree on its day only."""
    (folder / "a.txt").write_text(
        "date 2026-03-06 On March 5, Russia and Ukraine exchanged 150 prisoners of war in a "
        "swap brokered by the United Arab Emirates at the Belarus border.\n")
    (folder / "b.txt").write_text(
        "date 2026-03-09 On March 7, Russia and Ukraine exchanged 150 prisoners of war in a "
        "swap brokered by the United Arab Emirates at the Belarus border.\n")


def _flagged(session: Session) -> dict[str, tuple[str, ...]]:
    return {e.document: e.conflict for e in session.events() if e.conflict}


def _as_folder_stage_would(session: Session) -> list[tuple[tuple[str, ...], str]]:
    events = session.events()
    return [(e.conflict, e.outcome) for e in marked(events, session._published)]


def test_correcting_one_source_date_removes_the_conflict_and_undo_restores_it(
        tmp_path: Path) -> None:
    _two_dates(tmp_path)
    session = Session.open(tmp_path, workers=1)
    assert session.store is not None
    assert _flagged(session) == {"a.txt": ("date",), "b.txt": ("date",)}
    (late,) = [e for e in session.events() if e.document == "b.txt"]
    (early,) = [e for e in session.events() if e.document == "a.txt"]
    day = dt.date(2026, 3, 5)
    change = session.perform(correct_date(session.store, late, day, day, "day"), [late])
    assert _flagged(session) == {}
    early_row = session.columns.rows_of([early.id])[early.id]
    assert change.marked == (early_row,), "the other source's row is named as re-marked"
    assert set(change.rows) == {early_row, session.columns.rows_of([late.id])[late.id]}
    assert "conflict" in change.fields and "conflict" in change.facets
    assert [(e.conflict, e.outcome) for e in session.events()] == _as_folder_stage_would(
        session)
    change = session.undo()
    assert _flagged(session) == {"a.txt": ("date",), "b.txt": ("date",)}
    assert change.marked == (early_row,)
    session.redo()
    assert _flagged(session) == {}
    session.close()
    reopened = Session.open(tmp_path, workers=1)  # the stored correction is merged on open
    assert _flagged(reopened) == {}
    reopened.close()


def test_marking_the_report_not_an_event_unlinks_the_planned_event(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-01-20 Russian and Ukrainian negotiators are set to meet in Geneva for "
        "talks on a ceasefire on February 1.\n")
    (tmp_path / "b.txt").write_text(
        "date 2026-01-30 Talks in Geneva between Russian and Ukrainian negotiators on a "
        "ceasefire on February 1 have been postponed.\n")
    session = Session.open(tmp_path, workers=1)
    assert session.store is not None
    planned = next(e for e in session.events() if e.document == "a.txt")
    report = next(e for e in session.events() if e.document == "b.txt")
    assert planned.outcome.startswith("postponed")
    session.perform(mark_not_event(session.store, report, True), [report])
    assert session.events()[session.columns.rows_of([planned.id])[planned.id]].outcome == ""
    session.undo()
    row = session.columns.rows_of([planned.id])[planned.id]
    assert session.event(row).outcome.startswith("postponed")
    session.perform(correct_modality(session.store, report, "happened", ""), [report])
    assert session.event(row).outcome.startswith("happened")
    session.close()


def test_an_event_without_a_cluster_id_is_a_cluster_of_its_own() -> None:
    """Events with no cluster id (synthetic folders, old saved columns) were one cluster:
    re-marking after an edit to one of them made an object of every one."""
    import dataclasses

    from bench.synthetic import events as synthetic_events
    from viewer.core.session.cluster_marks import cluster_rows
    from viewer.core.session.columns import EventColumns

    events = synthetic_events(50, seed=1)
    events[3] = dataclasses.replace(events[3], cluster="c1")
    events[9] = dataclasses.replace(events[9], cluster="c1")
    columns = EventColumns.build(events, lambda doc, a, b: "")
    assert cluster_rows(columns, [5]) == [5]
    assert cluster_rows(columns, [5, 3]) == [3, 5, 9]
    assert cluster_rows(columns, []) == []


def test_a_note_on_a_corrected_source_keeps_the_redone_flags(tmp_path: Path) -> None:
    """A later edit of the corrected event merged it again from its extracted version, whose
    conflict flag the correction had removed: the flag came back on that event alone."""
    _two_dates(tmp_path)
    session = Session.open(tmp_path, workers=1)
    assert session.store is not None
    (late,) = [e for e in session.events() if e.document == "b.txt"]
    day = dt.date(2026, 3, 5)
    session.perform(correct_date(session.store, late, day, day, "day"), [late])
    (late,) = [e for e in session.events() if e.document == "b.txt"]
    session.perform(SetNote.make(session.store, late.id, "checked"), [late])
    assert _flagged(session) == {}
    session.close()
