"""The main window's menu bar: File, Edit, View and Help, with their keys."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer import __version__
from viewer.ui.event_model import date_text
from viewer.ui.legend_dialog import LegendDialog
from viewer.ui.printing import print_preview
from viewer.ui.shortcuts_help import shortcut_table

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


def add(window: MainWindow, menu: Any, text: str, slot: Any, shortcut: Any = None,
        checkable: bool = False) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    add(window, file_menu, "&Open Folder…", window.choose_folder, QKeySequence.StandardKey.Open)
    window.recent_menu = file_menu.addMenu("Open &Recent")
    add(window, file_menu, "&Reload", window.reload, QKeySequence(Qt.Key.Key_F5))
    file_menu.addSeparator()
    add(window, file_menu, "&Export…", window.exports.export, QKeySequence("Ctrl+E"))
    add(window, file_menu, "&Print…", lambda: print_preview(window),
                 QKeySequence.StandardKey.Print)
    file_menu.addSeparator()
    add(window, file_menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)

    edit = bar.addMenu("&Edit")
    window.editing.fill_menu(edit)
    edit.addSeparator()
    add(window, edit, "&Copy Events", partial(copy_events, window), QKeySequence.StandardKey.Copy)
    add(window, edit, "Select &All Shown", window.table.selectAll,
                 QKeySequence.StandardKey.SelectAll)
    add(window, edit, "Clear Se&lection", window.table.clearSelection,
        QKeySequence(Qt.Key.Key_Escape))
    add(window, edit, "&Find…", window.focus_search, QKeySequence.StandardKey.Find)
    add(window, edit, "&Reset Filters", window.filters.reset, QKeySequence("Ctrl+R"))

    view = bar.addMenu("&View")
    add(window, view, "Zoom &In", lambda: window.timeline.zoom(1.5),
                 QKeySequence.StandardKey.ZoomIn)
    add(window, view, "Zoom &Out", lambda: window.timeline.zoom(1 / 1.5),
                 QKeySequence.StandardKey.ZoomOut)
    add(window, view, "&Fit", window.timeline.fit, QKeySequence("Ctrl+0"))
    add(window, view, "Zoom to &Selection", window.timeline.zoom_to_selection,
                 QKeySequence("Z"))
    # The keyboard back to a pane from anywhere (from the filters it took some 15 Tabs).
    add(window, view, "Go to &Timeline", window.timeline.setFocus, QKeySequence("Ctrl+1"))
    add(window, view, "Go to T&able", window.table.setFocus, QKeySequence("Ctrl+2"))
    add(window, view, "Go to Fi&lters", window.filters.facets["parties"].setFocus,
        QKeySequence("Ctrl+3"))
    lanes = view.addMenu("&Lanes")
    group = QActionGroup(window)
    window.lane_actions = {}
    for mode, label in (("party", "By &Party"), ("topic", "By &Topic"),
                        ("document", "By &Document"), ("tag", "By T&ag"),
                        ("single", "&Single Lane")):
        action = add(window, lanes, label, lambda _c=False, m=mode: window.set_lane_mode(m),
                              checkable=True)
        group.addAction(action)
        window.lane_actions[mode] = action
    window.lane_actions["party"].setChecked(True)
    add(window, view, "&Periods…", window.edit_periods)
    window.lag_action = add(window, view, "Reporting &Lag", window.set_show_lag,
                            QKeySequence("Ctrl+Shift+L"), checkable=True)
    add(window, view, "&Coverage…", window.show_coverage, QKeySequence("Ctrl+Shift+C"))
    add(window, view, "T&opics…", window.show_topics, QKeySequence("Ctrl+Shift+T"))
    view.addSeparator()
    window.boilerplate_action = add(window,
        view, "Show &Boilerplate", lambda on: window.filters.boilerplate.setChecked(on),
        checkable=True)
    window.undated_action = add(window,
        view, "Show &Undated", lambda on: window.filters.undated.setChecked(on),
        checkable=True)
    window.undated_action.setChecked(True)
    window.filters.boilerplate.toggled.connect(window.boilerplate_action.setChecked)
    window.filters.undated.toggled.connect(window.undated_action.setChecked)
    view.addAction(window.problem_dock.toggleViewAction())

    help_menu = bar.addMenu("&Help")
    add(window, help_menu, "&Keyboard Shortcuts", partial(show_shortcuts, window),
                 QKeySequence.StandardKey.HelpContents)
    add(window, help_menu, "&Legend", lambda: LegendDialog(window.timeline).exec())
    add(window, help_menu, "&About", partial(show_about, window))


def copy_events(window: MainWindow) -> None:
    """The selected events, or every shown one, in the table's order, as tab-separated lines
    on the clipboard: the dates as the table shows them (a span whole: only its first day
    was copied), parties, the sentence and the article's file."""
    rows = list(window.selected_source_rows())
    if rows:
        place = window.proxy.proxy_of
        rows.sort(key=lambda r: int(place[r]))  # (selected rows came in folder order)
    else:
        rows = list(window.proxy.shown_source_rows())
    lines = [f"{date_text(e)}\t{', '.join(e.parties)}\t{e.text}\t{e.document}"
             for e in (window.model.events[r] for r in rows)]
    QApplication.clipboard().setText("\n".join(lines))


def show_shortcuts(window: MainWindow) -> None:
    QMessageBox.information(window, "Keyboard shortcuts",
                            shortcut_table(window.findChildren(QAction)))


def show_about(window: MainWindow) -> None:
    QMessageBox.about(window, "About Timeline Viewer",
                      f"Timeline Viewer {__version__}\n"
                      "Dated events from a folder of news articles, on a timeline.")
