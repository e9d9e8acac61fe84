"""The boxes and count places of a timeline batch the painter no longer keeps, handed to the
next batch it builds (`item_batch`): a filter change to a value not shown before made a few
hundred Qt rectangles and points for the new batch and freed as many of the dropped one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF

if TYPE_CHECKING:
    from viewer.ui.item_batch import ItemBatch


class Spares:
    """The boxes and count places of a batch no longer kept, handed to the next batch: a
    box set to a new rectangle costs about half of one made anew and freed later (two
    fifths for a place), and fewer Qt objects made means fewer garbage collections."""

    __slots__ = ("places", "rects")

    def __init__(self, batch: ItemBatch | None = None) -> None:
        self.rects: list[QRectF] = []
        self.places: list[QPointF] = []
        if batch is not None:
            for group in batch.groups:
                self.rects += group.rects
            self.places += batch.counts
            self.places += batch.dark_counts

    def rect(self, x: float, y: float, width: float, height: float) -> QRectF:
        """A box at (x, y) of that size: a spare one when any is left."""
        if self.rects:
            box = self.rects.pop()
            box.setRect(x, y, width, height)
            return box
        return QRectF(x, y, width, height)

    def place(self, x: float, y: float) -> QPointF:
        """A point at (x, y): a spare one when any is left."""
        if self.places:
            point = self.places.pop()
            point.setX(x)
            point.setY(y)
            return point
        return QPointF(x, y)
