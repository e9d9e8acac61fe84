"""The main window's panes: filters | timeline over table | details, the Problems dock and
the status bar's progress; and how the side panes give way in a small window.

Apart from `main_window` so the window's module keeps to what it does with them (loading,
filtering, edits); the window declares the attributes set here, so type checks see them.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.lane_headers import HEADER_WIDTH
from viewer.ui.overview_strip import OverviewStrip
from viewer.ui.problems_panel import ProblemsPanel
from viewer.ui.status_line import StatusLine
from viewer.ui.undated_tray import UndatedTray

DOCUMENTS_FORMAT = "%v / %m documents"  # the progress bar while a folder loads
MIN_FILTER_WIDTH = 170  # the filter pane's least width, though its widgets fit in less

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


def order_tabs(window: MainWindow) -> None:
    """Tab through the centre as it is laid out: the overview strip, the timeline, the
    Undated tray (its toggle, its button, its list), then the table. The strip and the
    tray could not be reached with Tab at all."""
    tray = window.undated_tray
    chain = [window.overview, window.timeline, tray.toggle, tray.set_dates, tray.tree,
             window.table]
    for before, after in itertools.pairwise(chain):
        QWidget.setTabOrder(before, after)


def build_panes(window: MainWindow) -> None:
    """Arrange the window's filters, timeline, table and detail pane, with the dock and the
    status bar's widgets."""
    filter_scroll = QScrollArea()
    filter_scroll.setWidget(window.filters)
    filter_scroll.setWidgetResizable(True)
    filter_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop showing nothing focused
    window.filter_scroll = filter_scroll
    window.undated_tray = UndatedTray()
    timeline_box = QWidget()
    box = QVBoxLayout(timeline_box)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(0)
    window.overview = OverviewStrip(HEADER_WIDTH)
    window.overview.rangeRequested.connect(window.timeline.show_range)
    window.timeline.viewChanged.connect(window.overview.set_lens)
    window.timeline.redateRequested.connect(window.editing.redate)
    window.model.dataChanged.connect(window.timeline.events_changed)  # an edit: draw it anew
    box.addWidget(window.overview)
    box.addWidget(window.timeline, 1)
    box.addWidget(window.undated_tray)
    window.centre = QSplitter(Qt.Orientation.Vertical)
    window.centre.addWidget(timeline_box)
    window.centre.addWidget(window.table)
    window.centre.setStretchFactor(0, 3)
    window.centre.setStretchFactor(1, 2)
    window.splitter = QSplitter(Qt.Orientation.Horizontal)
    window.splitter.addWidget(filter_scroll)
    window.splitter.addWidget(window.centre)
    window.splitter.addWidget(window.detail)
    # The timeline takes what the window gains or loses; the side panes keep their width.
    window.splitter.setStretchFactor(0, 0)
    window.splitter.setStretchFactor(1, 1)
    window.splitter.setStretchFactor(2, 0)
    # The filters fit the pane's width (their texts elide, their lists scroll): a sideways
    # scroll bar cut them mid-word at the pane's edge. The pane is no narrower than they fit.
    filter_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    filter_scroll.setMinimumWidth(filter_minimum(window))
    window.splitter.setSizes([255, 985, 360])
    window.centre.setSizes([560, 300])
    window.setCentralWidget(window.splitter)
    window.panes_dragged = False
    window.splitter.splitterMoved.connect(lambda _pos, _index: keep_dragged_sizes(window))

    window.problem_list = ProblemsPanel()
    window.problem_dock = QDockWidget("Problems", window)
    window.problem_dock.setObjectName("problems-dock")
    window.problem_dock.setWidget(window.problem_list)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.problem_dock)
    window.problem_dock.hide()

    window.progress = QProgressBar()
    window.progress.setFormat(DOCUMENTS_FORMAT)
    # Room for the longest count on one line: a narrower bar wrapped and clipped its text.
    room = window.progress.fontMetrics().horizontalAdvance("888,888 / 888,888 documents")
    window.progress.setFixedWidth(room + 40)
    window.cancel_button = QPushButton("Cancel")
    window.status_label = QLabel("No folder open")
    window.statusBar().addWidget(StatusLine(window.status_label), 1)
    window.statusBar().addPermanentWidget(window.progress)
    window.statusBar().addPermanentWidget(window.cancel_button)
    window.progress.hide()  # until a load is under way
    window.cancel_button.hide()
    window.cancel_button.clicked.connect(window.cancel_load)


def hold_timeline_room(window: MainWindow) -> None:
    """The timeline and table are never narrower than the detail pane may be: at the window's
    least width the timeline was squeezed to 70 px beside a 158 px detail pane. (After the
    detail pane has its buttons, which set its least width.)"""
    window.centre.setMinimumWidth(window.detail.minimumWidth())


def filter_width(window: MainWindow) -> int:
    """The width the filter pane needs to show its widgets without a horizontal scroll."""
    scroll = window.filter_scroll
    return (window.filters.sizeHint().width() + 2 * scroll.frameWidth()
            + scroll.verticalScrollBar().sizeHint().width())


def filter_minimum(window: MainWindow) -> int:
    """The narrowest the filter pane may be: its widgets at their least, and its scroll bar."""
    scroll = window.filter_scroll
    return max(MIN_FILTER_WIDTH, window.filters.minimumSizeHint().width()
               + 2 * scroll.frameWidth() + scroll.verticalScrollBar().sizeHint().width())


def fit_panes(window: MainWindow) -> None:
    """Until the user drags a splitter handle (or their sizes are restored), the side panes
    take the widths they ask for while the timeline keeps at least half the window's width,
    and in a small window they give way to it (at 900 px it was squeezed to 130 px behind
    fixed side panes; at 640 px it was narrower than the detail pane)."""
    sizes = window.splitter.sizes()
    total = sum(sizes)
    if window.panes_dragged or len(sizes) != 3 or total <= 0:
        return
    # The filters as wide as they ask, else their texts elide; the detail pane's buttons in
    # two columns: it came back from a small window at one column's width.
    wants = [filter_width(window), window.detail.preferred_width()]
    grown = list(sizes)
    for pane, want in zip((0, 2), wants, strict=True):
        more = want - grown[pane]
        if more > 0 and grown[1] - more >= total // 2:
            grown[pane] += more
            grown[1] -= more
    if grown != sizes:
        window.splitter.setSizes(grown)
        return
    if sizes[1] >= total // 2:
        return
    side = total - total // 2
    left = max(window.filter_scroll.minimumWidth(), min(sizes[0], side * 2 // 5))
    right = max(window.detail.minimumWidth(), side - left)
    window.splitter.setSizes([left, max(0, total - left - right), right])


def keep_dragged_sizes(window: MainWindow) -> None:
    """The user's own pane widths stand: the window stops fitting its panes once a handle
    of the splitter between filters, timeline and details is dragged."""
    window.panes_dragged = True
