"""The Undated tray under the timeline: events without a date, grouped by the timeline's
lanes, so that nothing shown is missing from the picture. Collapsed it is one line; for a
folder with no dated events it opens and invites the user to set the articles' dates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.events.document_events import Event
from viewer.core.scene.layout import Lane
from viewer.core.words import plural

MAX_PER_LANE = 200
MAX_TREE_PX = 170  # the timeline keeps most of the height; the tree scrolls
ROW_PX = 20  # beyond this the table (filter "undated") is the better place to read
ROW = Qt.ItemDataRole.UserRole


class UndatedTray(QWidget):
    """Emits the source row of an event the user picks, or the article whose date to set."""

    eventChosen = Signal(int)
    dateRequested = Signal(str)  # document relpath

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undated-tray")
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self.set_open)
        self.invitation = QLabel()
        self.invitation.setWordWrap(True)
        self.set_dates = QPushButton("Set article date…")
        self.set_dates.clicked.connect(self._request_date)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.toggle)
        header.addWidget(self.invitation, 1)
        header.addWidget(self.set_dates)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemExpanded.connect(lambda _item: self._fit_height())
        self.tree.itemCollapsed.connect(lambda _item: self._fit_height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.tree)
        self.count = 0
        self._first_document = ""
        self.set_open(False)
        self.hide()

    def set_open(self, on: bool) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(on)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.tree.setVisible(on)
        self._fit_height()

    def show_lanes(self, lanes: Sequence[Lane], events: Sequence[Event],
                   titles: Mapping[str, str], all_undated: bool) -> None:
        """Fill the tray from the timeline's lanes (each lane's `undated` rows)."""
        self.tree.clear()
        first_document = ""
        for lane in lanes:
            if not lane.undated:
                continue
            parent = QTreeWidgetItem([f"{lane.label} ({len(lane.undated)})"])
            parent.setData(0, ROW, -1)
            self.tree.addTopLevelItem(parent)
            for row in lane.undated[:MAX_PER_LANE]:
                event = events[row]
                first_document = first_document or event.document
                title = titles.get(event.document)
                child = QTreeWidgetItem([" ".join(event.text.split())])
                child.setToolTip(0, f"{title} ({event.document})" if title else event.document)
                child.setData(0, ROW, row)
                parent.addChild(child)
            if len(lane.undated) > MAX_PER_LANE:
                more = QTreeWidgetItem([f"… {len(lane.undated) - MAX_PER_LANE} more: "
                                        "see the table"])
                more.setData(0, ROW, -1)
                parent.addChild(more)
        self.count = len({row for lane in lanes for row in lane.undated})
        listed = sum(len(lane.undated) for lane in lanes)
        self._first_document = first_document
        self.setVisible(self.count > 0)
        # An event with two parties sits in both lanes: say so, or the groups seem to miscount.
        again = (f" ({plural(listed - self.count, 'listing')} under a second lane)"
                 if listed > self.count else "")
        self.toggle.setText(f"Undated: {plural(self.count, 'event')}{again}" if self.count
                            else "Undated")
        self.invitation.setText(
            "No shown event has a date yet. Their articles have no publication date: set "
            "one (or confirm it) and their relative dates resolve." if all_undated else "")
        self.set_dates.setVisible(all_undated and bool(first_document))
        if all_undated and self.count:
            self.set_open(True)
            self.tree.expandAll()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the rows shown (groups, and the events of open groups), up to
        MAX_TREE_PX: an open tray never takes the timeline's lanes for empty space."""
        tops = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        rows = len(tops) + sum(item.childCount() for item in tops
                               if item is not None and item.isExpanded())
        tree_px = min(MAX_TREE_PX, 8 + rows * ROW_PX)
        self.tree.setFixedHeight(tree_px)
        header_px = self.toggle.sizeHint().height() + 4
        if self.invitation.text():
            self.setMaximumHeight(16777215)  # the wrapped invitation needs its lines
        else:
            self.setMaximumHeight(header_px + tree_px + 6 if self.toggle.isChecked()
                                  else header_px)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        row = item.data(0, ROW)
        if isinstance(row, int) and row >= 0:
            self.eventChosen.emit(row)

    def _request_date(self) -> None:
        if self._first_document:
            self.dateRequested.emit(self._first_document)
