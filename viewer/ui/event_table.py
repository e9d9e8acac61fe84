"""The events table under the timeline: sortable rows sharing the window's selection, with
the Sentence column always given the room the table has left (never squeezed to a sliver)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from viewer.ui.table_cells import CellDelegate

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


class EventTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self._columns_from_source(model)
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

    def _columns_from_source(self, model: QAbstractItemModel | None) -> None:
        """The column header reads the filter proxy's source, whose columns and titles are
        the proxy's own: a filter change is the proxy's layout change, and an item view
        lays itself out and repaints on every layout change of its model, so the header,
        whose sections a filter never changes, repainted on each one (0.5–0.8 ms at
        1600×1000). Over its source the header hears of new columns or a new folder only."""
        source = getattr(model, "sourceModel", lambda: None)()
        if isinstance(source, QAbstractItemModel) and (
                source.columnCount() == model.columnCount() if model is not None else False):
            self.horizontalHeader().setModel(source)

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
        """The rows in sight are made at once (`prepare`) before their cells ask for them."""
        prepare = getattr(self.model(), "prepare", None)
        top = self.rowAt(0)
        if callable(prepare) and top >= 0:
            bottom = self.rowAt(self.viewport().height() - 1)
            prepare(top, bottom if bottom >= 0 else self.model().rowCount() - 1)
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
