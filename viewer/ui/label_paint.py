"""Painting the timeline's labels: where each starts and how it is cut so that it stays inside
the visible part and says "…" where its room ends, the chips of labels that won room over
crowded dots, and the selected event's label, after its bar and clear of the drag handles."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from viewer.core.scene.layout import ROW_HEIGHT, SHORTEN_ROOM, Item, Scene
from viewer.ui.font_advances import char_advances
from viewer.ui.text_widths import text_widths

if TYPE_CHECKING:
    from viewer.ui.timeline_paint import TimelinePainter

MAX_LABEL = 520.0  # the longest the current event's label may run
LABEL_MIN = 24.0  # narrower room than this shows no label
HANDLE_ROOM = 10.0  # the selected label starts this far after its bar: the handles show
SLACK = 4.0  # pixels beyond a word's bound (`_cut_before_room`)


class LabelPainter:
    """The labels of one timeline painter, whose scene and view (events, selection) it reads;
    the painter sets the visible part and the font metrics before each paint."""

    def __init__(self, owner: TimelinePainter) -> None:
        self.owner = owner
        self.visible: tuple[float, float] = (-math.inf, math.inf)  # content x, set per paint
        self.metrics = QFontMetricsF(QFont())  # the plain label font's, set per paint
        self.width_of = text_widths(QFont())  # its kept widths, set per paint
        self.chars = char_advances(QFont())  # its characters' advances, set per paint
        self.chips: list[tuple[QPointF, str, bool]] = []  # label position, text, badge's?
        self.current_label_box: QRectF | None = None  # where the selected label was drawn
        self.current_label_boxes: list[QRectF] = []  # one per lane the selected event is in

    def fit_scene_label(self, scene: Scene, item: Item) -> tuple[float, str] | None:
        """`fit_label` of the scene's label for `item`. Where the visible part cuts a mark's
        label well before its room ends (most labels at the right edge), neither the scene's
        cut to whole words nor the label's width can change what shows (`_cut_before_room`):
        the whole label is cut at the edge without them."""
        if item.kind != "badge" and scene.measure is self.width_of:
            span = self._span(item)
            if span is None:
                return None
            full = scene.room.label(item.events[0])
            if self._cut_before_room(item, full, span[1] - span[0]):
                label = self.metrics.elidedText(full, Qt.TextElideMode.ElideRight,
                                                span[1] - span[0])
                return None if label in ("", "…") else (span[0], label)
        return self.fit_label(item, scene.label(item))

    def _cut_before_room(self, item: Item, full: str, shown: float) -> bool:
        """Whether `fit_label` cuts the whole label `full` at the `shown` width whichever
        text the scene gives: `full` itself, or `full` cut to the most leading words that fit
        the room, with "…". Each word the scene's cut could take more widens it by less than
        `bound` (its characters' own advances, a space, a pixel of kerning each, `SLACK`:
        ASCII text, whose shaping moves no more), so that cut is wider than the room less
        `bound`; when that is still wider than `shown`, and `full` is wider than it by its
        characters' advances less a pixel each, both texts are too wide for the shown part.
        (The scene cuts in the same font: its `measure` is this painter's widths.)"""
        room = item.label_x1 - item.x1 - 4
        if room <= SHORTEN_ROOM or room - shown <= SLACK:
            return False
        if not (full[:-1] if full.endswith("…") else full).isascii():
            return False
        chars = self.chars
        advances = chars.advances
        for char in {*full, " "} - advances.keys():  # (a few labels a paint ask)
            advances[char] = chars.metrics.horizontalAdvance(char)
        words = [sum(map(advances.__getitem__, word)) + len(word) for word in full.split()]
        least = sum(map(advances.__getitem__, full)) - len(full) - SLACK
        bound = max(words, default=0.0) + advances[" "] + 2 + SLACK
        return room - bound > shown and least > shown

    def _span(self, item: Item) -> tuple[float, float] | None:
        """Where `item`'s label may start and end in the visible part (`fit_label`); None
        when there is too little room for any label."""
        left, right = self.visible
        x = item.x1 + 4
        end = item.label_x1
        if item.kind == "bar" and item.x1 > right - LABEL_MIN and item.x0 < right - LABEL_MIN:
            x, end = max(item.x0, left) + 5, right  # the bar runs on past the right edge
        x = max(x, left + 2)
        end = min(end, right - 2)
        return None if end - x < LABEL_MIN else (x, end)

    def fit_label(self, item: Item, label: str) -> tuple[float, str] | None:
        """Where a label starts and its text, kept inside the visible part: after its mark,
        or from the left edge when the mark is off it, or over a bar that runs past the right
        edge; cut with "…" wherever the room ends, the picture's edge included."""
        if not label:
            return None
        span = self._span(item)
        if span is None:
            return None
        x, end = span
        metrics = self.metrics
        if self.width_of(label) > end - x:
            if item.kind != "badge":
                view, scene = self.owner.view, self.owner.scene
                label = (scene.room.label(scene.representative(item.events))
                         if scene is not None else view.label_of(view.events[item.first]))
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, end - x)
            if label in ("", "…"):
                return None
        return x, label

    def paint_chips(self, painter: QPainter, text: QColor, base: QColor,
                    badge_text: QColor) -> None:
        """Labels that won room over crowded marks: after every mark, on a chip that lets
        the marks they cover show through."""
        if not self.chips:
            return
        metrics = QFontMetricsF(painter.font())
        chip = QColor(base)
        chip.setAlpha(170)
        for point, label, badge in self.chips:
            width = metrics.horizontalAdvance(label)
            painter.fillRect(QRectF(point.x() - 2, point.y() - 12, width + 4, 16), chip)
            painter.setPen(text if not badge else badge_text)
            painter.drawText(point, label)

    def paint_current_label(self, painter: QPainter, items: list[Item], text: QColor,
                             base: QColor, right: float) -> None:
        """The current event's label comes first: in full (up to the visible edge), bold, on
        a chip of the background over whatever it would overlap, in every lane the event is
        in (it wins the label contest in each, so none shows it as a bare mark)."""
        self.current_label_box = None
        self.current_label_boxes = []
        current = self.owner.view.current
        if self.owner.scene is None or current is None:
            return
        font = painter.font()
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        for item in items:
            if item.kind != "badge" and current in item.events:
                self._paint_current_in(painter, item, text, base, right)
        if self.current_label_boxes:
            self.current_label_box = self.current_label_boxes[0]
        painter.setFont(font)

    def _paint_current_in(self, painter: QPainter, item: Item, text: QColor, base: QColor,
                          right: float) -> None:
        """The bold label of the current event after one of its marks (the painter's font is
        already the bold one)."""
        scene, view = self.owner.scene, self.owner.view
        assert scene is not None and view.current is not None
        current = view.current
        metrics = QFontMetricsF(painter.font())
        left = self.visible[0]
        y = scene.item_y(item) + ROW_HEIGHT / 2
        # After the mark, clear of the bar's drag handles, so its ends stay visible to drag;
        # when the bar runs past the right edge, on the line below it instead of over it.
        x = max(item.x1 + HANDLE_ROOM, left + 2)
        # The room the layout gave it (it wins where labels crowd), so the bold text never
        # half-covers the next label; the visible edge cuts it too.
        end = item.label_x1 if item.label_x1 - item.x1 >= LABEL_MIN else x + 60
        if x > right - 60:
            x, y = max(item.x0, left) + 5, y + ROW_HEIGHT - 2
            end = right
        room = max(0.0, min(MAX_LABEL, right - x - 6, end - x))
        label = metrics.elidedText(view.label_of(view.events[current]),
                                   Qt.TextElideMode.ElideRight, room)
        if room < LABEL_MIN or label in ("", "…"):
            return
        chip = QRectF(x - 2, y - 8, metrics.horizontalAdvance(label) + 4, 16)
        self.current_label_boxes.append(chip)  # content coordinates, for tests and hit checks
        painter.fillRect(chip, base)
        painter.setPen(text)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
