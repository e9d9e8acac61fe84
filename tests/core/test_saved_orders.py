"""The table's order and the first lane mode's order are saved with the folder's columns and
read back instead of sorted; they give exactly what sorting gives, and an edit of a field
they are sorted by (or a saved order that does not fit the columns) sorts again."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from bench.synthetic import events as synthetic_events
from tests.conftest import copy_seeds
from tests.core.workcount import count_sorts, growth, lines_run
from viewer.core.scene import lane_order as lane_order_module
from viewer.core.scene.lane_order import LaneOrder, lane_order
from viewer.core.session import Session, saved_orders
from viewer.core.session.columns import EventColumns
from viewer.core.store.edits import correct_date, correct_set


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def _sorted_afresh(columns: EventColumns, mode: str) -> LaneOrder:
    return lane_order_module._build(columns, mode, ())


def _same(found: LaneOrder, expected: LaneOrder) -> None:
    assert found.keys == expected.keys
    for a, b in ((found.points, expected.points), (found.spans, expected.spans),
                 (found.undated, expected.undated)):
        for name in ("rows", "lanes", "starts", "ends"):
            assert getattr(a, name).tolist() == getattr(b, name).tolist(), name


def test_a_reopen_reads_the_orders_back_and_sorts_nothing(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Session.open(folder, with_store=False).close()
    warm = Session.open(folder, with_store=False)
    assert warm.loaded.extracted == 0
    columns = warm.columns
    sorts = count_sorts(monkeypatch)
    found = lane_order(columns, saved_orders.FIRST_MODE)
    table = saved_orders.table_order(columns)
    assert sorts[0] == 0
    monkeypatch.undo()
    _same(found, _sorted_afresh(columns, saved_orders.FIRST_MODE))
    assert table.tolist() == saved_orders._table_order(columns).tolist()
    assert not table.flags.writeable  # shared: nobody sorts it in place


def test_an_edit_of_a_sort_field_sorts_again(folder: Path) -> None:
    Session.open(folder, with_store=False).close()
    session = Session.open(folder)
    columns = session.columns
    saved_lanes = lane_order(columns, "party")
    saved_table = saved_orders.table_order(columns)
    event = session.event(3)
    day = dt.date(2020, 5, 1)
    session.perform(correct_date(session.store, event, day, day, "day"), [event])
    table = saved_orders.table_order(columns)
    assert table is not saved_table and int(table[0]) == 3  # the earliest event now
    assert table.tolist() == saved_orders._table_order(columns).tolist()
    lanes = lane_order(columns, "party")
    assert lanes is not saved_lanes
    _same(lanes, _sorted_afresh(columns, "party"))
    session.undo()
    event = session.event(0)
    session.perform(correct_set(session.store, event, "parties", {"Mars"}), [event])
    _same(lane_order(columns, "party"), _sorted_afresh(columns, "party"))
    assert "Mars" in lane_order(columns, "party").keys


def _synthetic(count: int) -> EventColumns:
    events = [dataclasses.replace(e, document=f"d{i // 7:05d}.txt")
              for i, e in enumerate(synthetic_events(count, seed=4))]
    return EventColumns.build(events, lambda doc, a, b: "")


def test_orders_that_do_not_fit_the_columns_are_not_used() -> None:
    columns = _synthetic(300)
    saved = saved_orders.to_save(columns)
    other = _synthetic(300)
    saved_orders.keep(other, saved, saved_orders.VERSION + 1)  # another meaning: ignored
    assert not saved_orders._SAVED.get(other)
    short = dict(saved, **{saved_orders.TABLE: saved[saved_orders.TABLE][:-1]})
    short["order.party.points.rows"] = short["order.party.points.rows"] + 10_000
    saved_orders.keep(other, short, saved_orders.VERSION)
    held = saved_orders._SAVED.get(other, {})  # rows beyond the columns, a short table:
    assert saved_orders.TABLE not in held and "order.party.points.rows" not in held
    assert "party" not in lane_order_module._ORDERS.get(other, {})  # not whole: sorted
    _same(lane_order(other, "party"), _sorted_afresh(columns, "party"))
    assert saved_orders.table_order(other).tolist() == saved[saved_orders.TABLE].tolist()


def test_reading_saved_orders_back_runs_python_per_lane_not_per_event() -> None:
    def work(copies: int) -> int:
        columns = _synthetic(1000 * copies)
        saved = saved_orders.to_save(columns)
        again = _synthetic(1000 * copies)
        counter = [0]
        lines_run(lambda: saved_orders.keep(again, saved, saved_orders.VERSION), counter)
        lines_run(lambda: saved_orders.table_order(again), counter)
        lines_run(lambda: lane_order(again, saved_orders.FIRST_MODE), counter)
        return counter[0]

    assert growth(work) < 1.3


def test_the_folder_row_holds_columns_as_narrow_as_they_are_held(folder: Path) -> None:
    cold = Session.open(folder)
    assert cold.loaded.snapshot is not None
    found = cold.loaded.snapshot.folder(None)
    assert found is not None
    arrays, _ = found
    assert arrays["a.precision"].dtype.itemsize == 1  # a handful of values: one byte
    assert all(a.dtype == np.int32 for k, a in arrays.items() if k.startswith("o."))
    cold.close()
    warm = Session.open(folder)
    assert warm.loaded.extracted == 0 and warm.events() == cold.events()
    event = warm.event(0)
    day = dt.date(2020, 5, 1)
    warm.perform(correct_date(warm.store, event, day, day, "day"), [event])
    assert warm.event(0).start == day and warm.event(0).precision == "day"


def test_a_damaged_saved_order_fails_its_checksum_and_the_folder_is_read_again(
        folder: Path) -> None:
    import sqlite3

    cold = Session.open(folder, with_store=False)
    expected = cold.events()
    cold.close()
    path = folder / ".timeline-viewer" / "snapshot.sqlite"
    with sqlite3.connect(path) as db:  # same length, other rows: only the checksum can tell
        (data,) = db.execute("SELECT data FROM arrays WHERE name = ?",
                             (saved_orders.TABLE,)).fetchone()
        db.execute("UPDATE arrays SET data = ? WHERE name = ?",
                   (bytes(reversed(data)), saved_orders.TABLE))
    again = Session.open(folder, with_store=False)
    assert again.loaded.extracted >= 1 and again.events() == expected
    assert saved_orders.table_order(again.columns).tolist() == (
        saved_orders._table_order(again.columns).tolist())


def test_after_a_file_changed_the_saved_orders_are_those_of_the_new_columns(
        folder: Path) -> None:
    first = Session.open(folder, with_store=False)
    first.close()
    path = folder / first.loaded.order[1]
    path.write_text(path.read_text(encoding="utf-8") + "\nTalks resumed on 3 March 2019.\n",
                    encoding="utf-8")
    Session.open(folder, with_store=False).close()  # extracts the file, saves the folder
    warm = Session.open(folder, with_store=False)
    assert warm.loaded.extracted == 0 and warm.size > first.size
    columns = warm.columns
    assert saved_orders._SAVED.get(columns)  # read back, not sorted
    _same(lane_order(columns, "party"), _sorted_afresh(columns, "party"))
    assert saved_orders.table_order(columns).tolist() == (
        saved_orders._table_order(columns).tolist())


def test_the_sentence_order_is_saved_and_read_back_while_it_holds(folder: Path) -> None:
    """The table's order by sentence is saved with the columns (and held for the columns just
    extracted): read back it is exactly the order sorted afresh; once a field it is read from
    has changed it is sorted again."""
    from viewer.core.session.text_order import sentence_order, text_order

    cold = Session.open(folder, with_store=False)
    fresh = saved_orders.saved_sentence_order(cold.columns)
    assert fresh is not None and fresh.tolist() == sentence_order(cold.columns).tolist()
    cold.close()
    warm = Session.open(folder, with_store=False)
    columns = warm.columns
    saved = saved_orders.saved_sentence_order(columns)
    assert saved is not None and not saved.flags.writeable
    assert text_order(columns, "text") is saved
    assert saved.tolist() == sentence_order(columns).tolist()
    columns.generation["char_end"] = columns.generation.get("char_end", 0) + 1
    assert saved_orders.saved_sentence_order(columns) is None
    assert text_order(columns, "text") is not saved
