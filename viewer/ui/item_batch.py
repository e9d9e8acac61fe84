"""The timeline's visible items as batches of draw calls, built once per layout and view.

A paint of thousands of items was one QPainter call per shape, count and label, each after a
Python walk over the item's event (colour, kind, tags). Here that walk happens once when the
layout, the scroll, the selection or the colours change: shapes are grouped by pen and
brush (one `drawRects` per group, or a loop without changing the pen), badge counts and
labels become `QStaticText` kept between paints, so a repaint of an unchanged view only
replays the groups. Items in a row never overlap, so drawing them group by group instead
of item by item shows the same picture (marks first, then counts, tags and labels).

A batch's boxes and count places are Qt objects, one per visible item, made and later freed
by the hundred on every filter change; the batch the painter drops when it keeps a new one
hands them on instead (`Spares`), set to the new places.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QStaticText

from viewer.core.scene.label_layout import MIN_ROOM
from viewer.core.scene.layout import LABEL_ROOM, LANE_PAD, ROW_HEIGHT, Item, label_room
from viewer.core.scene.row_group import RowGroup
from viewer.ui.batch_spares import Spares
from viewer.ui.item_looks import looks
from viewer.ui.modality_marks import paint_conflict_badge
from viewer.ui.palette import over

if TYPE_CHECKING:
    from viewer.ui.timeline_paint import TimelinePainter

OFF_EDGE = 12.0  # how far past a visible edge a bar is still drawn
BIN_ALPHA = (0.28, 0.48, 0.72, 0.95)  # a crowded lane's bins, by crowding (`lane_density`)
DARK_COUNT = "#1e1e1e"  # a count on a light bin
MAX_COUNT_TEXTS = 4096  # count texts kept across batches (a few hundred bytes each)


def bin_shade(colour: QColor, base: QColor, level: int) -> tuple[QColor, bool]:
    """A bin's fill: the lane's colour, stronger the more crowded the bin, as the opaque
    colour it shows over the background; and whether its count needs dark text."""
    tint = QColor(colour)
    tint.setAlphaF(BIN_ALPHA[max(0, min(level, len(BIN_ALPHA) - 1))])
    fill = over(tint, base) if base.alpha() == 255 else tint
    return fill, fill.lightness() > 150


def compact_count(count: int) -> str:
    """A count short enough for a bin: 950, 9.5k, 95k, 1.2M."""
    if count < 1000:
        return str(count)
    if count < 10_000:
        return f"{count / 1000:.1f}k"
    if count < 1_000_000:
        return f"{count // 1000}k"
    return f"{count / 1_000_000:.1f}M"


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
class _Shade:
    """A crowded lane's bins at one level: fill, dark count text, their unselected group."""

    fill: QColor
    dark: bool
    group: ShapeGroup | None = None

    def keep(self, group: ShapeGroup) -> ShapeGroup:
        self.group = group
        return group


@dataclass(slots=True)
class ItemBatch:
    """Everything the visible items draw, in the order it is drawn."""

    groups: list[ShapeGroup] = field(default_factory=list)
    rings: list[QPointF] = field(default_factory=list)  # selected marks' outer circles
    counts: list[QPointF] = field(default_factory=list)  # where each count text is drawn
    count_texts: list[QStaticText] = field(default_factory=list)  # the texts, in that order
    dark_counts: list[QPointF] = field(default_factory=list)  # counts on light bins
    dark_count_texts: list[QStaticText] = field(default_factory=list)
    conflicts: list[tuple[float, float]] = field(default_factory=list)
    tags: dict[int, tuple[QColor, list[QRectF]]] = field(default_factory=dict)
    labels: list[tuple[QPointF, QStaticText]] = field(default_factory=list)
    badge_labels: list[tuple[QPointF, QStaticText]] = field(default_factory=list)
    # labels on a chip: where, the text, a badge's?, and whether the chip goes under the
    # marks (a label that won room over crowded dots: they show through it)
    chips: list[tuple[QPointF, str, bool, bool]] = field(default_factory=list)


class BatchBuilder:
    """Builds the batch of a timeline painter's visible items, and keeps static texts."""

    def __init__(self, owner: TimelinePainter) -> None:
        self.owner = owner
        # A static text holds its laid-out glyphs (about 3 KB): only the texts of the last
        # batch are kept (a zoom back reuses them), not every label ever shown.
        self._texts: dict[str, QStaticText] = {}
        self._previous: dict[str, QStaticText] = {}
        self._mask: tuple[object, int, npt.NDArray[np.bool_]] = (None, 0, np.zeros(0, bool))
        self._count_texts: dict[str, tuple[QStaticText, float, float]] = {}  # in `_count_font`
        self._count_font = ""
        # a bin's fill and text by lane colour, background and level: the same few on every
        # filter change, each worked out anew (a colour over the background, its lightness)
        self._shades: dict[tuple[int, int, int], tuple[QColor, bool]] = {}

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

    def shade(self, colour: QColor, base: QColor, level: int) -> tuple[QColor, bool]:
        """`bin_shade`, kept per colour, background and level (never stale: keyed by them)."""
        key = (colour.rgba(), base.rgba(), level)
        found = self._shades.get(key)
        if found is None:
            if len(self._shades) >= MAX_COUNT_TEXTS:
                self._shades.clear()
            found = self._shades[key] = bin_shade(colour, base, level)
        return found

    def count_text(self, text: str, size_of: Callable[[QStaticText], tuple[float, float]]
                   ) -> tuple[QStaticText, float, float]:
        """A count's static text, half its width and half its height, kept across batches
        (a filter change back and forth showed hundreds of counts laid out anew each time)."""
        found = self._count_texts.get(text)
        if found is None:
            if len(self._count_texts) >= MAX_COUNT_TEXTS:
                self._count_texts.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            width, height = size_of(static)
            found = self._count_texts[text] = (static, width / 2, height / 2)
        return found

    def build(self, items: list[Item], fast: bool, ascent: float,
              size_of: Callable[[QStaticText], tuple[float, float]],
              font: str = "", spares: Spares | None = None) -> ItemBatch:
        """The batch for `items`; `ascent` puts a label's baseline where `drawText` would,
        `size_of` gives a static text's width and height in the painter's font; `spares`:
        the boxes and places of a batch that is dropped (no one draws it again)."""
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

        # the group of a colour object, kind, selection and shape: the colours are a few
        # shared objects (one per value, alive through the build), so the colour's value
        # is read once per object, not once per item
        by_object: dict[tuple[int, str, bool, str], ShapeGroup] = {}

        def group(colour: QColor, kind: str, selected: bool, shape: str,
                  radius: float) -> ShapeGroup:
            found = by_object.get((id(colour), kind, selected, shape))
            if found is None:
                key = (colour.rgba(), kind, selected, shape)
                found = groups.get(key)
                if found is None:
                    pen, brush = owner.style(colour, kind)
                    found = groups[key] = ShapeGroup(selected_pen if selected else pen,
                                                     brush, shape, radius)
                by_object[(id(colour), kind, selected, shape)] = found
            return found

        # the middle of row 0 of each lane: an item's y is this plus its row's offset
        middles = [lane.y + LANE_PAD + ROW_HEIGHT / 2 for lane in scene.lanes]
        if font != self._count_font:
            self._count_texts, self._count_font = {}, font
        events = view.events
        # the looks of every item but the bins, read at once (`item_looks`), taken in order
        singles = [item for item in items if item.level < 0]
        found = looks(events, [item.events[0] for item in singles],
                      [item.kind == "bar" for item in singles], owner.colour_of_first,
                      owner.colour_field)
        looked = zip(found.colours, found.styles, found.conflicts, found.tags, strict=True)
        # the events whose labels may show (marks' own, badges' representatives), at once:
        # only the items with label room are handed over (the scene skips the others)
        scene.prepare_labels([item for item in singles
                              if label_room(item) >= LABEL_ROOM])
        box_shape = "rect" if fast else "rounded"
        # (lane, level) → fill, dark text?, the group of its unselected bins once it has one
        shades: dict[tuple[int, int], _Shade] = {}
        count_texts = self._count_texts  # cleared in place when full: the same dict
        # a badge's group by its colour object and selection: most items are badges, and
        # their group was looked up through a tuple of four keys each
        badge_groups: dict[tuple[int, bool], ShapeGroup] = {}
        any_selected = bool(selection)
        add_count = batch.counts.append
        # a bar's group by its colour object, style and selection, as the badges'
        bar_groups: dict[tuple[int, str, bool], ShapeGroup] = {}
        left_edge, right_edge = left - OFF_EDGE, right + OFF_EDGE
        spares = spares if spares is not None else Spares()
        rect, place = spares.rect, spares.place
        add_text = batch.count_texts.append
        for item in items:
            # one unpacking instead of a dozen attribute reads per item
            kind, lane, row, x0, x1, rows, _label, label_x1, over, level = item
            y = middles[lane] + row * ROW_HEIGHT
            if level >= 0:  # a bin of a crowded lane: no event of its own is looked at
                shade = shades.get((lane, level))
                if shade is None:
                    shade = shades[(lane, level)] = _Shade(*self.shade(
                        owner.lane_colour(scene.lanes[lane].key), colours.base, level))
                if selection and self._selected(rows, selection):
                    bins = group(shade.fill, "bin", True, "rect", 0)
                else:  # the group asked for once per shade, made where it was before
                    bins = shade.group or shade.keep(group(shade.fill, "bin", False, "rect", 0))
                bins.rects.append(rect(x0, y - 7, x1 - x0, 14))
                size = len(rows)
                text = str(size)
                count = count_texts.get(text) or self.count_text(text, size_of)
                if 2 * count[1] > x1 - x0 - 4:
                    count = self.count_text(compact_count(size), size_of)
                if 2 * count[1] <= x1 - x0 - 2:
                    at = place((x0 + x1) / 2 - count[1], y - count[2])
                    if shade.dark:
                        batch.dark_counts.append(at)
                        batch.dark_count_texts.append(count[0])
                    else:
                        add_count(at)
                        add_text(count[0])
                continue
            colour, style, conflict, tag = next(looked)
            selected = any_selected and self._selected(rows, selection)
            if kind == "badge":
                badges = badge_groups.get((id(colour), selected))
                if badges is None:
                    badges = badge_groups[(id(colour), selected)] = group(
                        colour, "badge", selected, box_shape, 7)
                badges.rects.append(rect(x0, y - 7, x1 - x0, 14))
                text = str(len(rows))
                count = count_texts.get(text) or self.count_text(text, size_of)
                add_count(place((x0 + x1) / 2 - count[1], y - count[2]))
                add_text(count[0])
                if label_x1 - x1 - 4 < MIN_ROOM:
                    continue  # no room: no label (most badges of a dense view)
            elif kind == "bar":
                # Cut at the visible edges (the ends past them are not seen): a dashed
                # outline thousands of pixels long cost milliseconds per bar zoomed in.
                start = x0 if x0 > left_edge else left_edge
                end = x1 if x1 < right_edge else right_edge
                bars = bar_groups.get((id(colour), style, selected))
                if bars is None:
                    bars = bar_groups[(id(colour), style, selected)] = group(
                        colour, style, selected, box_shape, 3)
                bars.rects.append(rect(start, y - 5, end - start if end - start > 2.0
                                       else 2.0, 10))
            else:
                centre = QPointF((x0 + x1) / 2, y)
                radius = 5.0 if style == "explicit" else 4.5
                group(colour, style, False, "ellipse", radius).centres.append(centre)
                if selected:
                    batch.rings.append(centre)
            if kind != "badge":
                if conflict:
                    batch.conflicts.append((x0 - 3, y - 8))
                if tag is not None:
                    if tag not in tag_colours:
                        tag_colours[tag] = colours.tag(tag)
                    self._tag(batch, tag_colours[tag], QRectF(x1 - 1, y - 9, 5, 5))
                if current is not None and current in rows:
                    continue  # the current event's label is drawn last, bold
            if label_x1 - x1 - 4 < MIN_ROOM:
                continue  # no room: no label (most marks of a dense view), nothing asked
            fitted = labels.fit_scene_label(scene, item)
            if fitted is None:
                continue
            x, label = fitted
            at = QPointF(x, y + 4)
            if over or x < x1 + 4:
                batch.chips.append((at, label, kind == "badge", bool(over)))  # on a chip
            else:
                target = batch.labels if kind != "badge" else batch.badge_labels
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
    draw_text = painter.drawStaticText
    if batch.counts:
        painter.setPen(QColor("white"))
        for at, count in zip(batch.counts, batch.count_texts, strict=True):
            draw_text(at, count)
    if batch.dark_counts:
        painter.setPen(QColor(DARK_COUNT))
        for at, count in zip(batch.dark_counts, batch.dark_count_texts, strict=True):
            draw_text(at, count)
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
                draw_text(at, label)
