"""The window over the Session: an edit refreshes its own rows only, and the window shows the
same events and problems as the command line for the same filter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.core.query import Filter
from viewer.core.store.analyst_store import Store
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner


def test_an_edit_emits_data_changed_for_its_rows_only(window: MainWindow) -> None:
    model = window.model
    rows = [2, 9]
    events = [model.events[r] for r in rows]
    window.editing.add_tag("first", events[:1])  # the tag exists from here on
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: seen.append((top.row(), bottom.row())))
    window.editing.add_tag("first", events)
    assert seen == [(9, 9)]  # row 2 already had it: the edit touched row 9 alone
    seen.clear()
    window.editor.stack.undo()
    assert seen == [(9, 9)]
    seen.clear()
    window.editor.stack.undo()  # the first tagging
    assert seen == [(2, 2)]
    assert window.session is not None
    assert window.session.undo_text == window.editor.stack.undoText() == "Create tag “first”"


def test_window_and_cli_export_agree_with_orphans_and_store_problems(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path, tmp_path: Path) -> None:
    store = Store.for_folder(seeds_copy)
    store.set_tag("key", "#ff0000")
    store.tag_events("key", ["0123456789ab"], True)  # an edit on a sentence that is gone
    store.close()
    window = MainWindow(runner)
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, seeds_copy)
    events = [window.model.events[r] for r in (1, 4, 30)]
    window.editing.add_tag("key", events)
    window.filters.filterChanged.emit(Filter(tags=frozenset({"key"}), include_boilerplate=True))
    shown = [window.model.events[r].id for r in sorted(window.proxy.shown_source_rows())]
    out = tmp_path / "key.jsonl"
    done = subprocess.run([sys.executable, "-m", "viewer", "export", str(seeds_copy),
                           "--format", "jsonl", "-o", str(out), "--tag", "key",
                           "--include-boilerplate"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    exported = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert exported == shown and len(shown) == 3
    assert [p.kind for p in window.problems].count("orphaned edit") == 1
    assert window.session is not None
    assert [o.event_id for o in window.session.orphans] == ["0123456789ab"]


def test_an_edit_that_keeps_the_shown_rows_does_not_reset_the_views(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path) -> None:
    """A tag on one event announced only that row: the table kept its selection and the
    filter did not apply again; a tag the filter asks for does apply it again (as a layout
    change over the same source rows, never a reset)."""
    window = MainWindow(runner)
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, seeds_copy)
    proxy, model = window.proxy, window.model
    window.editing.add_tag("seen", [model.events[proxy.rows[0]]])
    resets: list[int] = []
    proxy.modelReset.connect(lambda: resets.append(1))
    applied: list[int] = []
    proxy.layoutChanged.connect(lambda *_: applied.append(1))
    announced: list[int] = []
    proxy.dataChanged.connect(lambda top, bottom, *_: announced.append(top.row()))
    window.select_rows([proxy.rows[3]], proxy.rows[3])
    window.editing.add_tag("seen", [model.events[proxy.rows[3]]])
    assert resets == [] and announced == [3]
    assert window.selected_source_rows() == [proxy.rows[3]]
    assert window.proxy.counts["tags"]["seen"] == 2
    window.filters.filterChanged.emit(Filter(tags=frozenset({"seen"})))
    resets.clear()
    applied.clear()
    shown = list(proxy.rows)
    window.editor.stack.undo()  # the second tagging: one row leaves the filter
    assert applied == [1] and resets == [] and len(proxy.rows) == len(shown) - 1


def test_an_edit_sorts_the_table_again_only_when_it_changes_the_sorted_column(
        window: MainWindow) -> None:
    """Sorted by sentence, a tag leaves the table's order as it was (not worked out again:
    at 100,000 rows every such edit took seconds); sorted by tags, a tag moves its row to
    where a fresh sort puts it."""
    proxy, model = window.proxy, window.model
    proxy.sort(5, Qt.SortOrder.AscendingOrder)
    kept = proxy._order_array
    assert kept is not None
    window.editing.add_tag("zz", [model.events[proxy.rows[0]]])
    assert proxy._order_array is kept
    proxy.sort(4, Qt.SortOrder.DescendingOrder)
    before = list(proxy.rows)
    window.editing.add_tag("zzz", [model.events[before[-1]]])
    after = list(proxy.rows)
    assert after != before and after[0] == before[-1]  # "zzz" sorts first, descending
    proxy.sort(4, Qt.SortOrder.DescendingOrder)
    assert list(proxy.rows) == after


def test_a_text_columns_kept_order_follows_edits_made_while_sorted_otherwise(
        window: MainWindow) -> None:
    """Sorted by tags one way then the other, the order is worked out once (the other way
    is the same rows reversed); a tag added while sorted by date is in it when the table is
    sorted by tags again."""
    proxy, model = window.proxy, window.model
    proxy.sort(4, Qt.SortOrder.AscendingOrder)
    kept = proxy._text_order
    assert kept is not None
    proxy.sort(4, Qt.SortOrder.DescendingOrder)
    assert proxy._text_order is kept
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    window.editing.add_tag("aaa", [model.events[proxy.rows[-1]]])
    proxy.sort(4, Qt.SortOrder.DescendingOrder)
    after = list(proxy.rows)
    proxy._text_order = None  # worked out afresh
    proxy.sort(4, Qt.SortOrder.DescendingOrder)
    assert list(proxy.rows) == after
