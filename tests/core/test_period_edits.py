"""Periods as undoable edits that apply their difference to the file as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.store.analyst_store import Store
from viewer.core.store.period_edits import EditPeriods
from viewer.core.store.periods import Period, load_periods, save_periods

D = dt.date
TALKS = Period("Talks", D(2026, 2, 1), D(2026, 2, 3))
TRUCE = Period("Truce", D(2026, 3, 1), D(2026, 3, 9))
OTHER = Period("Added elsewhere", D(2026, 4, 1), D(2026, 4, 2))


def test_undo_removes_only_what_the_edit_added(tmp_path: Path) -> None:
    store = Store(":memory:")
    save_periods(tmp_path, [TALKS])
    edit = EditPeriods.make(tmp_path, [TALKS], [TALKS, TRUCE])
    assert edit is not None and edit.text == "Add period “Truce”"
    edit.apply(store)
    save_periods(tmp_path, [*load_periods(tmp_path), OTHER])  # another window, meanwhile
    change = edit.revert(store)
    assert change.periods and load_periods(tmp_path) == (TALKS, OTHER)
    edit.apply(store)
    assert load_periods(tmp_path) == (TALKS, TRUCE, OTHER)


def test_no_difference_is_no_edit(tmp_path: Path) -> None:
    assert EditPeriods.make(tmp_path, [TALKS], [TALKS]) is None
    removal = EditPeriods.make(tmp_path, [TALKS, TRUCE], [TRUCE])
    assert removal is not None and removal.text == "Remove period “Talks”"
