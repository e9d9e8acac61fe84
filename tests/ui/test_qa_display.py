"""Defects a tester met on a real display, each pinned by the test that would have caught it."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import shutil
from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_and_wait
from viewer.ui.axis_labels import GAP, spaced_labels
from viewer.ui.edit_dialogs import DocumentDateDialog
from viewer.ui.event_table import SENTENCE
from viewer.ui.export_dialog import suggested_path
from viewer.ui.legend_dialog import legend_pixmap, legend_rows
from viewer.ui.main_window import MainWindow
from viewer.ui.period_names import name_rows
from viewer.ui.periods_dialog import PeriodsDialog
from viewer.ui.tasks import TaskRunner


def test_reset_hides_the_search_clear_button(window: MainWindow, qtbot: QtBot) -> None:
    search = window.filters.search
    search.setText("Geneva")
    clear = [b for b in search.findChildren(QToolButton) if b.isVisibleTo(search)]
    assert clear, "typing shows the clear button"
    window.filters.reset()
    assert search.text() == ""
    qtbot.waitUntil(lambda: not any(b.isVisibleTo(search)
                                    for b in search.findChildren(QToolButton)), timeout=3000)


def test_formats_sharing_an_extension_get_distinct_names(tmp_path: Path) -> None:
    start = tmp_path / "timeline.csv"
    json_path = suggested_path(start, "json")
    tljs_path = suggested_path(json_path, "timelinejs")
    assert json_path.name == "timeline.json"
    assert tljs_path.name == "timeline-timelinejs.json"
    assert suggested_path(tljs_path, "json") == json_path
    assert suggested_path(tljs_path, "csv").name == "timeline.csv"


def test_publication_date_dialog_names_the_file(qtbot: QtBot) -> None:
    dialog = DocumentDateDialog("Café talks ended on Monday in Geneva.", dt.date(2026, 2, 17),
                                relpath="notes/cafe.txt")
    qtbot.addWidget(dialog)
    assert "notes/cafe.txt" in dialog.windowTitle()
    assert any(label.text() == "notes/cafe.txt" for label in dialog.findChildren(QLabel))


def test_a_deselect_empties_the_detail_pane(window: MainWindow) -> None:
    row = window.first_event_row()
    assert row is not None
    window.select_rows([row], row)
    assert window.detail.current_event is not None
    window.timeline.selectionRequested.emit([], -1)  # a click on empty timeline
    assert window.detail.current_event is None
    assert window.selected_ids() == []


def test_not_an_event_moves_the_selection_on(window: MainWindow) -> None:
    rows = window.proxy.rows
    assert len(rows) > 3
    position = 1
    hidden, following = rows[position], rows[position + 1]
    hidden_id = window.model.events[hidden].id
    following_id = window.model.events[following].id
    window.select_rows([hidden], hidden)
    window.editing.toggle_not_event()
    QApplication.processEvents()
    assert window.detail.current_event is not None
    assert window.detail.current_event.id == following_id
    assert window.selected_ids() == [following_id]
    assert hidden_id not in {window.model.events[r].id for r in window.proxy.rows}


def test_the_article_scrolls_to_the_selected_sentence(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1600, 1000)  # the size the tester saw the sentence left below the fold at
    rows = [r for r in window.proxy.rows
            if window.model.events[r].text.startswith("The Turkish government")]
    assert rows
    event = window.model.events[rows[0]]
    other = next(r for r in window.proxy.rows
                 if window.model.events[r].document != event.document)
    window.timeline.selectionRequested.emit([other], other)  # another article first
    qtbot.wait(100)
    window.timeline.selectionRequested.emit([rows[0]], rows[0])
    text = window.detail.text

    def placed() -> bool:
        # Well inside the view, not on its last line: the header above the article grows
        # after the scroll, and a sentence left at the bottom edge then drops out of sight.
        cursor = QTextCursor(text.document())
        cursor.setPosition(event.char_start)
        rect = text.cursorRect(cursor)
        return rect.top() >= 0 and rect.bottom() <= 0.8 * text.viewport().height()

    qtbot.waitUntil(placed, timeout=3000)


def test_selecting_a_row_keeps_the_date_column_in_view(window: MainWindow) -> None:
    table = window.table
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0, "the table is narrower than its columns"
    bar.setValue(0)
    row = window.proxy.rows[3]
    table.scrollTo(window.proxy.index(3, SENTENCE))  # what a click on the Sentence cell does
    window.select_rows([row], row)
    window.editing.toggle_not_event()  # X moves the selection on and scrolls to it
    assert bar.value() == 0


def test_the_legend_explains_every_grey_mark(window: MainWindow, tmp_path: Path) -> None:
    meanings = " ".join(meaning for _s, meaning, _c in legend_rows(window.timeline))
    for words in ("grey (dot, bar or badge)", "grey text", "grey bands", "tagged"):
        assert words in meanings
    picture = legend_pixmap(window.timeline)
    assert picture.save(str(tmp_path / "legend.png"))


def test_axis_labels_never_run_into_each_other() -> None:
    # Day labels 70 px wide every 60 px: every other one is dropped, majors always stay.
    spans = [(i * 60.0, 70.0, i == 4) for i in range(10)]
    kept = spaced_labels(spans)
    assert 4 in kept
    for a, b in itertools.pairwise(kept):
        assert spans[a][0] + spans[a][1] + GAP <= spans[b][0]
    assert spaced_labels([(0.0, 10.0, False), (100.0, 10.0, False)]) == [0, 1]


def test_new_periods_get_distinct_colours(qtbot: QtBot) -> None:
    dialog = PeriodsDialog([], (dt.date(2026, 2, 16), dt.date(2026, 2, 20)))
    qtbot.addWidget(dialog)
    for name in ("Geneva round", "Istanbul round"):
        dialog.name.setText(name)
        dialog.add_from_form()
    colours = [p.colour for p in dialog.periods()]
    assert len(set(colours)) == 2


def test_period_names_take_a_row_each_where_they_overlap() -> None:
    assert name_rows([(0.0, 100.0), (0.0, 120.0), (50.0, 10.0), (200.0, 30.0)]) == [0, 1, 2, 0]


def test_the_undated_tray_counts_consistently_and_stays_small(
        qtbot: QtBot, runner: TaskRunner, seeds_copy: Path) -> None:
    (seeds_copy / "undated.txt").write_text(
        "Russia and Ukraine agreed on Tuesday to exchange prisoners, officials said.\n\n"
        "Ukraine said on Monday that talks would go on.\n")
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    open_and_wait(qtbot, window, seeds_copy)
    tray = window.undated_tray
    lanes = window.timeline.scene.lanes if window.timeline.scene else []
    listed = sum(len(lane.undated) for lane in lanes)
    assert tray.count > 0
    assert listed > tray.count, "the two-party event is listed under both lanes"
    assert "under a second lane" in tray.toggle.text()
    tray.set_open(True)
    groups = tray.tree.topLevelItemCount()
    assert tray.tree.height() <= 8 + groups * 20, "collapsed groups need no more room"
    tray.tree.topLevelItem(0).setExpanded(True)
    assert tray.tree.height() > 8 + groups * 20
    assert tray.maximumHeight() < 300


def test_a_small_window_leaves_the_timeline_room(window: MainWindow) -> None:
    window.resize(900, 600)
    QApplication.processEvents()
    assert window.centre.width() >= window.width() * 0.45
    assert window.timeline.viewport().width() >= 400


def test_one_double_click_splits_a_badge(qtbot: QtBot, runner: TaskRunner,
                                         tmp_path: Path) -> None:
    # A folder whose one stray far date squeezes the rest into a single badge.
    folder = tmp_path / "kenya"
    shutil.copytree(Path(__file__).parents[1] / "data" / "unseen" / "kenya_election", folder)
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    open_and_wait(qtbot, window, folder)
    timeline = window.timeline
    assert timeline.scene is not None
    badges = [i for i in timeline.scene.visible(-math.inf, math.inf) if i.kind == "badge"
              and len({window.model.events[r].start for r in i.events}) > 1]
    assert badges, "seeds show a badge of events on different days"
    badge = max(badges, key=lambda i: len(i.events))
    before = timeline.scale.px_per_day
    timeline.open_badge(badge)
    assert timeline.scene is not None
    after = [i for i in timeline.scene.visible(-math.inf, math.inf)
             if not set(i.events).isdisjoint(badge.events)]
    days = {window.model.events[r].start for r in badge.events}
    # An event spanning several days ("a reaction from the news day to the report's") from
    # another badge can join days it overlaps into one item at any zoom; every other day of
    # the badge lies apart.
    nearby = [window.model.events[r] for i in after for r in i.events]
    joined = {d for d in days for e in nearby
              if e.start is not None and e.end is not None and e.start < e.end
              and e.start <= d <= e.end}
    assert len(after) >= len(days - joined) + (1 if joined else 0), \
        "each day of the badge lies apart after one double-click"
    assert timeline.scale.px_per_day >= before * 4
