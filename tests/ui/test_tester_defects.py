"""Defects a tester found in the shown window, each with the check that would have caught it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.core.workcount import growth, lines_run
from tests.ui.conftest import open_and_wait
from viewer.ui.edit_dialogs import DateDialog
from viewer.ui.legend_paint import split_rows
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskRunner


def test_the_selected_event_keeps_its_label_in_every_lane(window: MainWindow) -> None:
    """Lanes by party put one event in several lanes; selecting it drew its bold label in the
    first lane only and left a bare mark in the others."""
    events = window.model.events
    rows = [r for r in window.proxy.rows
            if "Talks between Russia and Ukraine" in events[r].text
            and len(events[r].parties) >= 2]
    assert rows, "the seeds hold the Geneva talks event with several parties"
    window.select_rows([rows[0]], rows[0])
    timeline = window.timeline
    timeline.zoom_to_selection()
    assert not timeline.grab().isNull()
    scene = timeline.scene
    assert scene is not None
    left, right = timeline.painter.labels.visible
    lanes = {i.lane for i in scene.visible(left, right)
             if i.kind != "badge" and rows[0] in i.events}
    assert len(lanes) >= 2, "the event is shown in several lanes"
    assert len(timeline.painter.labels.current_label_boxes) == len(lanes)


def test_the_status_bar_counts_problems_from_the_first_paint(qtbot: QtBot, runner: TaskRunner,
                                                             seeds_copy: Path) -> None:
    """The status line was written by the model's reset before the problems were stored, so
    it named them only after the next filter change."""
    (seeds_copy / "blank.txt").write_text("\n", encoding="utf-8")
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.show()
    open_and_wait(qtbot, win, seeds_copy)
    assert win.problems, "an empty article is a problem"
    assert win.status_label.text().endswith(f"· {len(win.problems)} problem"
                                            + ("s" if len(win.problems) > 1 else ""))


def test_topic_names_are_dark_text_beside_a_swatch(window: MainWindow) -> None:
    """Names drawn in pale topic colours on white were unreadable; the colour is a swatch."""
    dialog = window.show_topics()
    plain = dialog.list.palette().text().color()
    for index in range(dialog.list.topLevelItemCount()):
        item = dialog.list.topLevelItem(index)
        assert item is not None
        assert item.data(0, Qt.ItemDataRole.ForegroundRole) is None
        assert item.foreground(0).color() in (plain, Qt.GlobalColor.black) \
            or item.foreground(0).style() == Qt.BrushStyle.NoBrush
        assert not item.icon(0).isNull(), "each topic shows its colour as a swatch"
    dialog.close()


def test_the_date_dialog_is_wide_enough_for_its_title(qtbot: QtBot) -> None:
    dialog = DateDialog(dt.date(2026, 2, 16), dt.date(2026, 2, 22), "week")
    qtbot.addWidget(dialog)
    dialog.show()
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + 100, "room for the title beside the frame's buttons"


def test_the_date_dialog_says_when_to_is_before_from(qtbot: QtBot) -> None:
    """OK with To before From used to store From alone, or nothing, and said nothing."""
    dialog = DateDialog(dt.date(2026, 2, 16), dt.date(2026, 2, 22), "week")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and ok.isEnabled() and not dialog.order.isVisible()
    dialog.end.setDate(QDate(2026, 2, 10))
    assert not ok.isEnabled() and dialog.order.isVisible()
    dialog.start.setDate(QDate(2026, 2, 1))  # To moves with From: still before it
    assert not ok.isEnabled()
    dialog.end.setDate(QDate(2026, 2, 28))
    assert ok.isEnabled() and not dialog.order.isVisible()


def test_the_progress_text_fits_its_bar_on_one_line(window: MainWindow) -> None:
    bar = window.progress
    bar.setRange(0, 2008)
    bar.setValue(383)
    assert bar.width() >= bar.fontMetrics().horizontalAdvance(bar.text()) + 30
    assert bar.minimumWidth() >= bar.fontMetrics().horizontalAdvance("20,000 / 20,000 documents")


def test_the_filter_pane_fits_its_widgets_at_1600_by_1000(qtbot: QtBot,
                                                         runner: TaskRunner) -> None:
    """The first resize came before the splitter had laid out, leaving the filters at 170 px:
    texts cut, the search box's clear button off the right edge behind a scroll bar."""
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitUntil(lambda: win.splitter.sizes()[0] >= win.filter_width())
    viewport = win.filter_scroll.viewport()
    assert win.filters.width() <= viewport.width()
    assert not win.filter_scroll.horizontalScrollBar().isVisible()
    search = win.filters.search
    assert search.mapTo(win.filters, search.rect().topRight()).x() <= viewport.width()


def test_the_legend_lists_every_mark_colour_largest_first(qtbot: QtBot, runner: TaskRunner,
                                                          tmp_path: Path) -> None:
    """The key filled right to left and gave up its first entries when two lines ran out, so
    the biggest topic (Negotiations, first in the taxonomy) was missing, or sat alone at the
    far right of the second line."""
    folder = tmp_path / "gaza"
    shutil.copytree(Path(__file__).parents[1] / "data" / "unseen" / "gaza-hostage-truce", folder)
    win = MainWindow(runner)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    open_and_wait(qtbot, win, folder)
    timeline = win.timeline
    assert not timeline.grab().isNull()
    entries = timeline.legend_entries()
    assert entries[0][0] == "Negotiations", "the largest topic comes first"
    rows = timeline.painter.legend_rows
    shown = [colour.name() for row in rows for _label, colour, shape in row if shape == "dot"]
    assert all(colour.name() in shown for _label, colour in entries), "every colour is keyed"
    assert len(rows) == 1 or min(len(row) for row in rows) >= 2, "no entry alone on a line"
    labels = {label for row in rows for label, _c, _s in row}
    assert "Negotiations" in labels
    timeline.resize(700, timeline.height())  # narrow: names are cut, no colour is lost
    assert not timeline.grab().isNull()
    rows = timeline.painter.legend_rows
    assert len(rows) <= 2
    shown = [colour.name() for row in rows for _label, colour, shape in row if shape == "dot"]
    assert all(colour.name() in shown for _label, colour in entries)


def test_two_legend_lines_are_balanced() -> None:
    widths = [100.0] * 9 + [40.0]
    split = split_rows(widths, 600.0)
    assert split is not None
    assert abs(sum(widths[:split]) - sum(widths[split:])) <= 100
    assert split_rows([100.0] * 3, 600.0) == 3
    assert split_rows([500.0] * 3, 600.0) is None


def test_splitting_the_legend_is_linear() -> None:
    def work(copies: int) -> int:
        counter = [0]
        lines_run(lambda: split_rows([30.0] * 200 * copies, 60.0 * 100 * copies), counter)
        return counter[0]

    assert growth(work) < 4.6
