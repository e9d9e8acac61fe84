"""The timeline's visible items as batches of draw calls, built once per layout and view.

A paint of thousands of items was one QPainter call per shape, count and label, each after a
Python walk over the item's event (colour, kind, tags). Here that walk happens once when the
layout, the scroll, the selection or the colours change: shapes are grouped by pen and
brush (one `drawRects` per group, or a loop without changing the pen), badge counts and
labels become `QStaticText` kept between paints, so a repaint of an unchanged view only
replays the groups. Items in a row never overlap, so drawing them group by group instead
of item by item shows the same picture (marks first, then counts, tags and labels).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QStaticText

from viewer.core.scene.layout import LANE_PAD, ROW_HEIGHT, Item
from viewer.core.scene.row_group import RowGroup
from viewer.core.session.row_events import RowEvents
from viewer.ui.modality_marks import modal_kind, paint_conflict_badge

if TYPE_CHECKING:
    from viewer.ui.timeline_paint import TimelinePainter

FUZZY = ("fuzzy", "year", "decade", "century")
OFF_EDGE = 12.0  # how far past a visible edge a bar is still drawn


@dataclass(slots=True)
class ShapeGroup:
    """Shapes drawn with one pen and brush: rectangles, rounded ones or circles."""

    pen: QPen
    brush: QBrush
    shape: str  # "rect", "rounded" or "ellipse"
    radius: float
    rects: list[QRectF] = field(default_factory=list)
    centres: list[QPointF] = field(default_factory=list)


@dataclass(slots=True)
class ItemBatch:
    """Everything the visible items draw, in the order it is drawn."""

    groups: list[ShapeGroup] = field(default_factory=list)
    rings: list[QPointF] = field(default_factory=list)  # selected marks' outer circles
    counts: list[tuple[QPointF, QStaticText]] = field(default_factory=list)
    conflicts: list[tuple[float, float]] = field(default_factory=list)
    tags: dict[int, tuple[QColor, list[QRectF]]] = field(default_factory=dict)
    labels: list[tuple[QPointF, QStaticText]] = field(default_factory=list)
    badge_labels: list[tuple[QPointF, QStaticText]] = field(default_factory=list)
    chips: list[tuple[QPointF, str, bool]] = field(default_factory=list)


class BatchBuilder:
    """Builds the batch of a timeline painter's visible items, and keeps static texts."""

    def __init__(self, owner: TimelinePainter) -> None:
        self.owner = owner
        # A static text holds its laid-out glyphs (about 3 KB): only the texts of the last
        # batch are kept (a zoom back reuses them), not every label ever shown.
        self._texts: dict[str, QStaticText] = {}
        self._previous: dict[str, QStaticText] = {}
        self._mask: tuple[object, int, npt.NDArray[np.bool_]] = (None, 0, np.zeros(0, bool))

    def text(self, value: str) -> QStaticText:
        """A static text for `value`, laid out once and kept while batches show it."""
        found = self._texts.get(value)
        if found is None:
            found = self._previous.get(value)
            if found is None:
                found = QStaticText(value)
                found.setTextFormat(Qt.TextFormat.PlainText)
            self._texts[value] = found
        return found

    def build(self, items: list[Item], fast: bool, ascent: float,
              size_of: Callable[[QStaticText], tuple[float, float]]) -> ItemBatch:
        """The batch for `items`; `ascent` puts a label's baseline where `drawText` would,
        `size_of` gives a static text's width and height in the painter's font."""
        owner = self.owner
        scene, view, colours = owner.scene, owner.view, owner.colours
        assert scene is not None
        self._previous, self._texts = self._texts, {}
        batch = ItemBatch()
        groups: dict[tuple[int, str, bool, str], ShapeGroup] = {}
        selected_pen = owner.selected_pen
        selection = view.selected
        current = view.current
        labels = owner.labels
        tag_colours: dict[str, QColor] = {}
        left, right = labels.visible

        def group(colour: QColor, kind: str, selected: bool, shape: str,
                  radius: float) -> ShapeGroup:
            key = (colour.rgba(), kind, selected, shape)
            found = groups.get(key)
            if found is None:
                pen, brush = owner.style(colour, kind)
                found = groups[key] = ShapeGroup(selected_pen if selected else pen, brush,
                                                 shape, radius)
            return found

        # the middle of row 0 of each lane: an item's y is this plus its row's offset
        middles = [lane.y + LANE_PAD + ROW_HEIGHT / 2 for lane in scene.lanes]
        counts: dict[int, tuple[QStaticText, float, float]] = {}  # count → text, half w, h
        events = view.events
        styled = events.styled if isinstance(events, RowEvents) else events.__getitem__
        box_shape = "rect" if fast else "rounded"
        for item in items:
            y = middles[item.lane] + item.row * ROW_HEIGHT
            event = styled(item.events[0])  # its looks only: no sentence read
            colour = owner.colour_of(event)
            selected = bool(selection) and self._selected(item.events, selection)
            if item.kind == "badge":
                group(colour, "badge", selected, box_shape, 7).rects.append(
                    QRectF(item.x0, y - 7, item.x1 - item.x0, 14))
                size = len(item.events)
                count = counts.get(size)
                if count is None:
                    text = self.text(str(size))
                    width, height = size_of(text)
                    count = counts[size] = (text, width / 2, height / 2)
                batch.counts.append((QPointF((item.x0 + item.x1) / 2 - count[1], y - count[2]),
                                     count[0]))
            elif item.kind == "bar":
                # Cut at the visible edges (the ends past them are not seen): a dashed
                # outline thousands of pixels long cost milliseconds per bar zoomed in.
                start = max(item.x0, left - OFF_EDGE)
                box = QRectF(start, y - 5,
                             max(2.0, min(item.x1, right + OFF_EDGE) - start), 10)
                kind = "bar-fuzzy" if event.precision in FUZZY else "bar"
                if event.date_source != "explicit":
                    kind += "-dashed"
                kind = modal_kind(event.modality, kind)
                group(colour, kind, selected, box_shape, 3).rects.append(box)
            else:
                centre = QPointF((item.x0 + item.x1) / 2, y)
                kind = event.date_source if event.date_source in ("explicit",
                                                                  "document") else "ring"
                kind = modal_kind(event.modality, kind)
                radius = 5.0 if kind == "explicit" else 4.5
                group(colour, kind, False, "ellipse", radius).centres.append(centre)
                if selected:
                    batch.rings.append(centre)
            if item.kind != "badge":
                if event.conflict:
                    batch.conflicts.append((item.x0 - 3, y - 8))
                if event.tags:
                    tag = event.tags[0]
                    if tag not in tag_colours:
                        tag_colours[tag] = colours.tag(tag)
                    self._tag(batch, tag_colours[tag], QRectF(item.x1 - 1, y - 9, 5, 5))
                if current is not None and current in item.events:
                    continue  # the current event's label is drawn last, bold
            fitted = labels.fit_label(item, scene.label(item))
            if fitted is None:
                continue
            x, label = fitted
            at = QPointF(x, y + 4)
            if item.over or x < item.x1 + 4:
                batch.chips.append((at, label, item.kind == "badge"))  # drawn on a chip
            else:
                target = batch.labels if item.kind != "badge" else batch.badge_labels
                target.append((QPointF(x, y + 4 - ascent), self.text(label)))
        batch.groups = list(groups.values())
        self._previous = {}
        return batch

    def _selected(self, rows: Sequence[int], selection: Set[int]) -> bool:
        """Whether an item holds a selected row: a badge's ranges are looked up in a mask
        of the selection (made once per selection), not walked row by row in Python."""
        if not isinstance(rows, RowGroup):
            return not selection.isdisjoint(rows)
        if self._mask[0] is not selection or self._mask[1] != len(selection):
            size = len(self.owner.view.events)
            mask = np.zeros(size, dtype=bool)
            picked = np.fromiter(selection, np.int64, len(selection))
            mask[picked[(picked >= 0) & (picked < size)]] = True
            self._mask = (selection, len(selection), mask)
        return bool(self._mask[2][rows.array()].any())

    @staticmethod
    def _tag(batch: ItemBatch, colour: QColor, box: QRectF) -> None:
        found = batch.tags.get(colour.rgba())
        if found is None:
            found = batch.tags[colour.rgba()] = (colour, [])
        found[1].append(box)


def paint_batch(painter: QPainter, batch: ItemBatch, text: QColor, badge_text: QColor,
                selected_pen: QPen) -> None:
    """Replay a batch: shapes by group, selection rings, counts, conflicts, tags, labels."""
    for group in batch.groups:
        painter.setPen(group.pen)
        painter.setBrush(group.brush)
        if group.shape == "rect":
            painter.drawRects(group.rects)
        elif group.shape == "rounded":
            for box in group.rects:
                painter.drawRoundedRect(box, group.radius, group.radius)
        else:
            radius = group.radius
            for centre in group.centres:
                painter.drawEllipse(centre, radius, radius)
    if batch.rings:
        painter.setPen(selected_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for centre in batch.rings:
            painter.drawEllipse(centre, 8, 8)
    if batch.counts:
        painter.setPen(QColor("white"))
        for at, count in batch.counts:
            painter.drawStaticText(at, count)
    for x, y in batch.conflicts:
        paint_conflict_badge(painter, x, y)
    if batch.tags:
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, boxes in batch.tags.values():
            painter.setBrush(colour)
            painter.drawRects(boxes)
    for pen, labels in ((text, batch.labels), (badge_text, batch.badge_labels)):
        if labels:
            painter.setPen(pen)
            for at, label in labels:
                painter.drawStaticText(at, label)
