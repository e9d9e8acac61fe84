"""The events table under the timeline: sortable rows sharing the window's selection, with
the Sentence column always given the room the table has left (never squeezed to a sliver)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from viewer.ui.event_proxy import with_hint
from viewer.ui.plain_cells import paint_plain_cells
from viewer.ui.table_cells import CellDelegate
from viewer.ui.table_scroll_bar import SteadyScrollBar

SENTENCE = 5
# The other columns, in pixels.
WIDTHS = {0: 150, 1: 100, 2: 140, 3: 130, 4: 70, 6: 170, 7: 80, 8: 120, 9: 120}
MIN_SENTENCE = 320
# The widest text of the Date and Precision columns: at their fixed widths every range was
# cut to "2025-01-01 – 2025-0…" and every inherited date to "day (docume…".
WIDEST = {0: "0000-00-00 – 0000-00-00", 1: "quarter (inherited)"}
CELL_PADDING = 14  # the cell's margins and the sort arrow's room


def _muted() -> QBrush:
    """The greyed rows' text (boilerplate, undated): what the model's foreground gives."""
    return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))


class ColumnHeader(QHeaderView):
    """The table's column header, which lays itself out again only when its columns may have
    changed. An item view lays itself out and repaints after every layout change of its
    model; a filter change is the proxy's rows-only layout change, which leaves the columns,
    their titles and sizes as they were, so the header repainted the same pixels on each
    one (0.5–0.8 ms at 1600×1000). While rows are selected the header still follows them:
    its sections' titles are bold where the selection crosses them, which a filter can
    change, so it lays out and repaints as before."""

    def __init__(self, parent: QTableView) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.table = parent
        self._rows_only = False  # the pending layout follows a rows-only change alone
        self._dirty = False  # something else happened since the last layout
        self._selected_before = False  # rows were selected when the layout change began

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal, slot in self._links(old):
                signal.disconnect(slot)
        super().setModel(model)
        if model is not None:
            for signal, slot in self._links(model):
                signal.connect(slot)
        self._dirty = True

    def _links(self, model: QAbstractItemModel) -> list[tuple[Any, Callable[..., None]]]:
        """The model's signals this header follows, each with its slot."""
        columns = (model.modelReset, model.columnsInserted, model.columnsRemoved,
                   model.columnsMoved, model.headerDataChanged)
        return [(with_hint(model.layoutAboutToBeChanged), self._layout_changing),
                (with_hint(model.layoutChanged), self._layout_changed),
                *((signal, self._columns_may_change) for signal in columns)]

    def _columns_may_change(self, *_args: object) -> None:
        self._dirty = True

    def _selected(self) -> bool:
        selection = self.table.selectionModel()
        return selection is None or selection.hasSelection()

    def _layout_changing(self, _parents: object = None, _hint: object = None) -> None:
        self._selected_before = self._selected()

    def _layout_changed(self, _parents: object = None, hint: object = None) -> None:
        """Rows only, and no row selected before or after: the header stays as it is."""
        if (hint == QAbstractItemModel.LayoutChangeHint.VerticalSortHint
                and not self._selected_before and not self._selected()):
            self._rows_only = True
        else:
            self._dirty = True

    def doItemsLayout(self) -> None:
        skip = self._rows_only and not self._dirty and self.count() == (
            self.model().columnCount() if self.model() is not None else 0)
        self._rows_only = self._dirty = False
        if not skip:
            super().doItemsLayout()


class EventTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(ColumnHeader(self))
        # A filter change's new row count repaints the bar only when its picture changes.
        self.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical, self))
        header = self.horizontalHeader()
        header.setSectionsClickable(True)  # as Qt's table sets up its own header
        header.setHighlightSections(True)
        self.setObjectName("events")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Rows are selected whole: Tab moves on to the next pane (it walked the cells, and a
        # keyboard user could not leave the table with Tab or Shift+Tab at all).
        self.setTabKeyNavigation(False)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._resized)
        self._fitting = False

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
                 ) -> None:
        """Bring the row into view without scrolling sideways: a click on the wide Sentence
        column would otherwise push the Date column off the left edge."""
        bar = self.horizontalScrollBar()
        left = bar.value()
        super().scrollTo(index, hint)
        bar.setValue(left)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        cell = getattr(model, "cell", None)
        if callable(cell):  # the events' models: one question per cell drawn
            self.setItemDelegate(CellDelegate(cell, _muted, self))
        metrics = self.fontMetrics()
        for column, width in WIDTHS.items():
            text = WIDEST.get(column)
            if text is not None:
                width = max(width, metrics.horizontalAdvance(text) + CELL_PADDING)
            self.horizontalHeader().resizeSection(column, width)
        self._fit_sentence()

    def _fit_sentence(self) -> None:
        """Give the Sentence column what the others leave, and at least MIN_SENTENCE."""
        header = self.horizontalHeader()
        if header.count() <= SENTENCE:
            return
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != SENTENCE)
        self._fitting = True
        header.resizeSection(SENTENCE, max(MIN_SENTENCE, self.viewport().width() - others))
        self._fitting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column != SENTENCE and not self._fitting:
            self._fit_sentence()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The rows in sight are made at once (`prepare`) before their cells ask for them; the
        cells' delegate hears when the paint starts and ends (`CellDelegate.painting`), and
        draws the cells it had no picture for together at the end (`CellDelegate.finish`)."""
        prepare = getattr(self.model(), "prepare", None)
        top = self.rowAt(0)
        if callable(prepare) and top >= 0:
            bottom = self.rowAt(self.viewport().height() - 1)
            prepare(top, bottom if bottom >= 0 else self.model().rowCount() - 1)
        delegate = self.itemDelegate()
        if isinstance(delegate, CellDelegate):
            delegate.painting(True)
            try:
                if not paint_plain_cells(self, delegate, event):
                    super().paintEvent(event)
                delegate.finish(self.viewport())
            finally:
                delegate.painting(False)
        else:
            super().paintEvent(event)

    def updateGeometries(self) -> None:
        """Qt's table sets its viewport margins here, which lays its scroll area out and
        raises the horizontal scroll bar, then the vertical one; raising a bar that is not on
        top repaints it, so every model reset repainted the horizontal bar, whose range a
        filter does not move (Fusion: 1–2 ms at 1600×1000). With the vertical bar stacked
        under the horizontal one first, only the vertical bar moves up and repaints."""
        horizontal = self.horizontalScrollBar().parentWidget()
        vertical = self.verticalScrollBar().parentWidget()
        if horizontal is not None and vertical is not None and not (
                horizontal.isHidden() or vertical.isHidden()):
            vertical.stackUnder(horizontal)
        super().updateGeometries()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sentence()
