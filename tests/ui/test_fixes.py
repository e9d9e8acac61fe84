"""Bugs a user met on a real display, each pinned by the test that would have caught it."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.core.store.analyst_store import Store
from viewer.core.words import plural
from viewer.ui.edit_dialogs import DocumentDateDialog
from viewer.ui.export_dialog import default_export_dir
from viewer.ui.main_window import MainWindow
from viewer.ui.problems_panel import OrphanDialog
from viewer.ui.shortcuts_help import shortcut_table
from viewer.ui.tasks import TaskRunner


def reject_next_dialog(seen: list[str]) -> None:
    """Close the next modal dialog as soon as it is shown, noting its class."""

    def close() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            seen.append(type(widget).__name__)
            widget.reject()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def test_article_date_dialog_builds(qtbot: QtBot) -> None:
    dialog = DocumentDateDialog("Geneva round", dt.date(2026, 2, 17))
    qtbot.addWidget(dialog)
    assert dialog.value() == dt.date(2026, 2, 17)
    dialog.undated.setChecked(True)
    assert dialog.value() is None


def test_article_date_action_opens_the_dialog(window: MainWindow) -> None:
    row = window.first_event_row()
    assert row is not None
    window.select_rows([row], row)
    seen: list[str] = []
    reject_next_dialog(seen)
    window.editing.actions["doc_date"].trigger()
    assert seen == ["DocumentDateDialog"]


def test_no_key_is_bound_twice(window: MainWindow) -> None:
    keys: Counter[str] = Counter(
        sequence.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction) for sequence in action.shortcuts())
    assert {k: n for k, n in keys.items() if n > 1} == {}
    redo = {s.toString() for s in window.editing.redo.shortcuts()}
    assert redo == {"Ctrl+Shift+Z", "Ctrl+Y"}


def test_export_dialog_defaults_outside_the_folder(window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.folder is not None
    monkeypatch.setenv("HOME", str(window.folder))  # even a home inside the folder is passed
    chosen = default_export_dir(window.folder, str(window.folder))
    assert window.folder.resolve() not in (chosen.resolve(), *chosen.resolve().parents)
    seen: list[str] = []
    paths: list[str] = []

    def close() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            paths.append(widget.findChild(QLineEdit, "export-path").text())
            seen.append(type(widget).__name__)
            widget.reject()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)
    window.exports.export()
    assert seen == ["ExportDialog"]
    target = Path(paths[0]).resolve()
    assert window.folder.resolve() not in target.parents


def test_picture_exports_follow_the_umask(window: MainWindow, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        window.exports.export_to(tmp_path / "t.png", "png")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "t.png").stat().st_mode) == 0o644


def lane_rows(window: MainWindow) -> set[int]:
    scene = window.timeline.scene
    assert scene is not None
    return {r for lane in scene.lanes for r in (*lane.events, *lane.undated)}


def test_undated_events_are_in_lanes_and_the_tray(window: MainWindow) -> None:
    shown = set(window.proxy.shown_source_rows())
    undated = {r for r in shown if window.model.events[r].start is None}
    assert lane_rows(window) == shown  # every shown event is in some lane
    window.set_lane_mode("single")
    scene = window.timeline.scene
    assert scene is not None and sum(lane.count for lane in scene.lanes) == len(shown)
    assert window.undated_tray.count == len(undated)
    assert window.undated_tray.isHidden() == (not undated)


def test_a_folder_of_undated_articles_opens_the_tray(qtbot: QtBot, runner: TaskRunner,
                                                    tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks resumed on Tuesday in Geneva, officials said.\n\n"
                                    "Russia and Ukraine met again on Wednesday.")
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    open_and_wait(qtbot, win, tmp_path)
    assert win.proxy.rowCount() > 0
    tray = win.undated_tray
    assert tray.isVisible() and tray.toggle.isChecked() and tray.set_dates.isVisible()
    assert tray.count == win.proxy.rowCount()
    seen: list[str] = []
    reject_next_dialog(seen)
    tray.set_dates.click()
    assert seen == ["DocumentDateDialog"]


def visible_days(window: MainWindow) -> float:
    first, last = window.timeline.visible_range()
    return (last - first).days


def test_a_filter_refits_the_view_unless_the_user_zoomed(window: MainWindow) -> None:
    full = visible_days(window)
    window.filters.use_from.setChecked(True)
    window.filters.date_from.setDate(QDate(2026, 1, 1))
    window.filters.emit_filter()
    shown = [window.model.events[r] for r in window.proxy.shown_source_rows()]
    first = min(e.start for e in shown if e.start is not None)
    last = max(e.end for e in shown if e.end is not None)
    assert visible_days(window) < full / 3  # fitted to a few months, not the whole year
    assert (last - first).days / visible_days(window) > 0.5
    window.timeline.zoom(3.0)
    zoomed = window.timeline.scale.px_per_day
    window.filters.reset()
    assert window.timeline.scale.px_per_day == zoomed  # the user's zoom is kept…
    assert window.timeline.fit_hint.isVisible()  # …and a one-click Fit is offered
    window.timeline.fit_hint.click()
    assert not window.timeline.fit_hint.isVisible()
    assert abs(visible_days(window) - full) <= 2


def test_a_reload_refits_the_view(window: MainWindow, qtbot: QtBot) -> None:
    assert window.folder is not None
    window.filters.use_from.setChecked(True)
    window.filters.date_from.setDate(QDate(2026, 1, 1))
    window.filters.emit_filter()
    narrow = visible_days(window)
    for path in window.folder.glob("00[0-2]*.txt"):  # the events after January 2026 remain
        path.unlink()
    window.filters.reset()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    dated = [e for e in (window.model.events[r] for r in window.proxy.shown_source_rows())
             if e.start is not None]
    span = (max(e.end for e in dated if e.end) - min(e.start for e in dated if e.start)).days
    assert visible_days(window) < 3 * max(span, 7) and visible_days(window) != narrow


def test_problems_panel_is_compact_and_acts(qtbot: QtBot, runner: TaskRunner,
                                           tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("date 2026-02-17 Talks resumed in Geneva on Monday.")
    (tmp_path / "undated.txt").write_text("Talks resumed on Tuesday in Geneva, officials said.")
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    open_and_wait(qtbot, win, tmp_path)
    qtbot.waitUntil(win.problem_dock.isVisible)
    assert win.problem_dock.height() < 0.25 * win.height()
    panel = win.problem_list
    group = panel.topLevelItem(0)
    assert group.text(0).startswith("undated (1)")
    seen: list[str] = []
    reject_next_dialog(seen)
    panel.itemActivated.emit(group.child(0), 0)
    assert seen == ["DocumentDateDialog"]


def test_an_orphaned_edit_can_be_discarded_and_undone(window: MainWindow, qtbot: QtBot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.folder is not None
    row = next(r for r, e in enumerate(window.model.events) if "He vowed" in e.text)
    event = window.model.events[row]
    window.editing.set_note(event, "check this")
    path = window.folder / event.document
    path.write_text(path.read_text().replace(event.text, "A different sentence now."))
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    assert any(p.kind == "orphaned edit" for p in window.problems)
    orphan = next(iter(window.problem_list.orphan_at.values()))
    assert orphan.text == event.text
    monkeypatch.setattr(OrphanDialog, "exec", lambda self: (setattr(self, "choice", "discard"),
                                                            1)[1])
    window.editing.resolve_orphan(orphan)
    assert not any(p.kind == "orphaned edit" for p in window.problems)
    window.editor.stack.undo()
    assert any(p.kind == "orphaned edit" for p in window.problems)


def test_a_note_typed_but_not_left_survives_closing(window: MainWindow, qtbot: QtBot) -> None:
    assert window.folder is not None
    row = window.first_event_row()
    assert row is not None
    window.select_rows([row], row)
    event_id = window.model.events[row].id
    window.detail.note.setPlainText("typed, never left")
    window.close()
    store = Store.for_folder(window.folder)
    try:
        assert store.note(event_id) == "typed, never left"
    finally:
        store.close()


def test_shortcut_help_lists_every_key(window: MainWindow) -> None:
    text = shortcut_table(window.findChildren(QAction))
    for key in ("Ctrl+D", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+0", "F5"):
        assert f"<b>{key}" in text or f", {key}" in text, key
    for label in ("Accept", "Reject", "Tag", "Not an Event", "Article Date", "Next Unreviewed"):
        assert label in text, label


def test_titles_where_a_person_reads(window: MainWindow) -> None:
    titles = window.titles()
    assert titles
    row = window.first_event_row()
    assert row is not None
    proxy_row = window.proxy.proxy_row_of_source(row)
    assert proxy_row is not None
    cell = window.proxy.index(proxy_row, 6)
    document = window.model.events[row].document
    assert cell.data() == titles[document]
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == document
    window.set_lane_mode("document")
    scene = window.timeline.scene
    assert scene is not None and {lane.label for lane in scene.lanes} <= set(titles.values())
    facet = window.filters.facets["documents"]
    assert any(text.startswith(titles[document]) for text in facet.rows.texts)


def test_the_sentence_column_has_room(window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    assert header.sectionSize(5) >= 320
    assert header.sectionSize(5) >= max(header.sectionSize(c) for c in range(7) if c != 5)


def test_one_event_is_not_events() -> None:
    assert plural(1, "event") == "1 event" and plural(2, "event") == "2 events"


def test_reset_shows_the_folder_bounds_in_the_date_boxes(window: MainWindow) -> None:
    first = window.filters.date_from.date()
    window.filters.use_from.setChecked(True)
    window.filters.date_from.setDate(QDate(2026, 2, 1))
    window.filters.emit_filter()
    window.filters.reset()
    assert window.filters.date_from.date() == first
    assert not window.filters.date_from.isEnabled()


def test_single_lane_stacks_before_it_badges(window: MainWindow) -> None:
    window.set_lane_mode("single")
    window.timeline.zoom(6)
    scene = window.timeline.scene
    assert scene is not None
    rows_used = max(item.row for item in scene.lanes[0].items) + 1
    assert rows_used > 5


def test_the_detail_pane_names_other_sources_by_title(window: MainWindow) -> None:
    titles = window.titles()
    row = next(r for r, e in enumerate(window.model.events) if e.sources > 1)
    event = window.model.events[row]
    window.select_rows([row], row)
    other = next(e for e in window.model.events
                 if e.cluster == event.cluster and e.document != event.document)
    header = window.detail.header.text()
    assert f">{titles[other.document]}</a>" in header.replace("&amp;", "&")
    assert f">{other.document}</a>" not in header


def test_an_export_into_the_folder_is_ignored_on_reload(window: MainWindow,
                                                        qtbot: QtBot) -> None:
    assert window.folder is not None
    total = len(window.model.events)
    for fmt in ("html", "md"):
        task = window.exports.export_to(window.folder / f"timeline.{fmt}", fmt)
        assert task is not None
        with qtbot.waitSignal(task.finished, timeout=30_000):
            pass
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    assert len(window.model.events) == total
    ignored = sorted(p.path for p in window.problems if p.kind == "ignored (export)")
    assert ignored == ["timeline.html", "timeline.md"]


def test_detail_pane_keeps_qt_event_handler(window: MainWindow) -> None:
    """The pane once stored its event as `self.event`, hiding `QWidget.event`, the handler Qt
    calls for every event the widget gets; the shown event now has its own name."""
    window.select_rows([0], 0)
    assert window.detail.current_event == window.model.events[0]
    assert "event" not in vars(window.detail)
    assert window.detail.event(QEvent(QEvent.Type.User)) in (True, False)
