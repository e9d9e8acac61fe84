"""The table's grid, drawn as one-pixel rectangles where Qt's table paint strokes lines.

With its cells drawn in one pass (`plain_cells`), what was left of Qt's table paint was the
grid: a walk over every visible cell (asking the model for each one's index, answered with
none) and a line per row and per column stroked with a one-pixel pen, which the raster
engine fills span by span (some 2.7 M instructions of a 1600×1000 table's paint, on every
filter change). Each grid line covers one row or column of pixels: a row's line lies on
the row's last pixel row, from the viewport's left to the columns' end, a column's on its
last pixel column, from the top to the rows' end, rows first. Those pixels are filled
here in the grid's colour, rows first as Qt does (the same blending where lines cross). The
plain case only: the whole viewport, left to right, no hidden or moved sections, a solid
grid (`plain_cells._plain`).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView


def paint_grid(table: QTableView, painter: QPainter, option: QStyleOptionViewItem) -> None:
    """Fill the grid lines Qt's paint of `table`'s whole viewport strokes (the plain case)."""
    header, rows = table.horizontalHeader(), table.verticalHeader()
    if header.count() == 0 or rows.count() == 0:
        return
    hint = table.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, table)
    colour = QColor.fromRgba(hint & 0xFFFFFFFF)
    viewport = table.viewport()
    right = min(viewport.width() - 1, header.length() - header.offset() - 1)
    bottom = min(viewport.height() - 1, rows.length() - rows.offset() - 1)
    if right < 0 or bottom < 0:
        return
    first_row = rows.visualIndexAt(0)
    last_row = rows.visualIndexAt(bottom)
    last_row = rows.count() - 1 if last_row < 0 else last_row
    first_column = header.visualIndexAt(0)
    first_column = 0 if first_column < 0 else first_column
    last_column = header.visualIndexAt(right)
    last_column = header.count() - 1 if last_column < 0 else last_column
    if first_row < 0 or first_row > last_row:
        return
    for row in range(first_row, last_row + 1):
        y = table.rowViewportPosition(row) + table.rowHeight(row) - 1
        painter.fillRect(QRect(0, y, right + 1, 1), colour)
    for column in range(first_column, last_column + 1):
        x = table.columnViewportPosition(column) + table.columnWidth(column) - 1
        painter.fillRect(QRect(x, 0, 1, bottom + 1), colour)
