"""The table's cells drawn in one pass when they are plain: no selection, hover, focus,
editor, alternating rows, spans, hidden or moved columns, right-to-left layout.

Qt's table paint calls into Python three times per visible cell (the model's index and flags,
the delegate's drawing, each with a style option and an index wrapped anew for Python): some
30 µs a cell, 2.7-3.5 ms for the ~100 cells of a 1600×1000 window whose every cell has a kept
picture, on every filter change. In the plain case each such cell looks as the view's one
style option says (Qt's paint gives every cell that option with the cell's place, and
changes it only for selection, hover, focus, a disabled item or alternating rows), so the
table draws the cells itself in one call (`CellDelegate.paint_cells`), then the rest of
what Qt's paint draws, the grid outside every cell (`table_grid`). Any other case, or a
model other than the app's proxy, is Qt's paint as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QTableView

from viewer.ui.event_proxy import EventFilterProxy
from viewer.ui.table_cells import CellDelegate
from viewer.ui.table_grid import paint_grid

_ENABLED = QStyle.StateFlag.State_Enabled.value


def _plain(table: QTableView, event: QPaintEvent) -> bool:
    """Whether every visible cell is drawn from the view's one option (see the module)."""
    viewport = table.viewport()
    selection = table.selectionModel()
    header, rows = table.horizontalHeader(), table.verticalHeader()
    current = table.currentIndex()
    return (event.rect() == viewport.rect()
            and table.state() == QAbstractItemView.State.NoState
            and table.showGrid() and table.gridStyle() == Qt.PenStyle.SolidLine
            and not table.alternatingRowColors()
            and table.layoutDirection() == Qt.LayoutDirection.LeftToRight
            and (selection is None or not selection.hasSelection())
            and not (current.isValid() and (table.hasFocus() or viewport.hasFocus()))
            and not viewport.underMouse()
            and header.hiddenSectionCount() == 0 and not header.sectionsMoved()
            and rows.hiddenSectionCount() == 0 and not rows.sectionsMoved())


def paint_plain_cells(table: QTableView, delegate: CellDelegate, event: QPaintEvent) -> bool:
    """Draw the table's paint with its cells drawn in one pass, when they are plain; False
    (nothing drawn) otherwise, and Qt's own paint is left to draw it all."""
    model = table.model()
    if not isinstance(model, EventFilterProxy) or not _plain(table, event):
        return False
    count = model.rowCount()
    top = table.rowAt(0)
    if top < 0 or count == 0:
        return False
    viewport = table.viewport()
    bottom = table.rowAt(viewport.height() - 1)
    bottom = count - 1 if bottom < 0 else bottom
    width = viewport.width()
    columns: list[tuple[int, int, int]] = []
    for column in range(model.columnCount()):
        x, span = table.columnViewportPosition(column), table.columnWidth(column)
        if x + span > 0 and x < width and span > 1:
            columns.append((column, x, span - 1))  # a cell is its section less the grid line
    cells: list[tuple[int, int, int, int, int, int]] = []
    for row in range(top, bottom + 1):
        y, height = table.rowViewportPosition(row), table.rowHeight(row) - 1
        cells.extend((row, column, x, y, span, height) for column, x, span in columns)
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    if not option.state.value & _ENABLED:
        return False  # a disabled view's cells: Qt's paint, as before
    option.palette.setCurrentColorGroup(QPalette.ColorGroup.Active if table.isActiveWindow()
                                        else QPalette.ColorGroup.Inactive)
    painter = QPainter(viewport)
    try:
        delegate.paint_cells(painter, option, cells, model.index)
        paint_grid(table, painter, option)  # what Qt's table paint drew besides the cells
    finally:
        painter.end()
    return True


