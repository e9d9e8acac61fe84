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
        self.chips: list[tuple[QPointF, str, bool, bool]] = []  # `ItemBatch.chips`
        self.current_label_box: QRectF | None = None  # where the selected label was drawn
        self.current_label_boxes: list[QRectF] = []  # one per lane the selected event is in
        self._current_labels: list[tuple[QRectF, str]] = []  # those boxes and their texts

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

    def paint_grounds(self, painter: QPainter, chips: list[tuple[QPointF, str, bool, bool]],
                      base: QColor) -> None:
        """Before the marks: the chips of labels that won room over crowded dots, so that
        the dots they run over are drawn on them, never hidden (the text comes after the
        marks, `paint_chips`)."""
        metrics = QFontMetricsF(painter.font())
        chip = _faint(base)
        for point, label, _badge, under in chips:
            if under:
                painter.fillRect(_chip(point, metrics.horizontalAdvance(label)), chip)

    def paint_chips(self, painter: QPainter, text: QColor, base: QColor,
                    badge_text: QColor) -> None:
        """After the marks: the labels on chips, and the chips that go over their own mark
        (a label over its bar where the bar runs past the right edge)."""
        if not self.chips:
            return
        metrics = QFontMetricsF(painter.font())
        chip = _faint(base)
        for point, label, badge, under in self.chips:
            if not under:
                painter.fillRect(_chip(point, metrics.horizontalAdvance(label)), chip)
            painter.setPen(text if not badge else badge_text)
            painter.drawText(point, label)

    def place_current_label(self, painter: QPainter, items: list[Item], base: QColor,
                            right: float) -> None:
        """Before the marks: where the current event's label goes, bold, in every lane the
        event is in (it wins the label contest in each), and its chip of the background, so
        that the marks it runs over are drawn on it (`paint_current_label` writes it)."""
        self.current_label_box = None
        self.current_label_boxes = []
        self._current_labels = []
        current = self.owner.view.current
        if self.owner.scene is None or current is None:
            return
        metrics = QFontMetricsF(_bold(painter.font()))
        for item in items:
            if item.kind != "badge" and current in item.events:
                self._place_current_in(metrics, item, right)
        for chip, _label in self._current_labels:
            painter.fillRect(chip, base)
        if self.current_label_boxes:
            self.current_label_box = self.current_label_boxes[0]

    def paint_current_label(self, painter: QPainter, text: QColor) -> None:
        """After the marks: the current event's bold labels placed by `place_current_label`."""
        if not self._current_labels:
            return
        font = painter.font()
        painter.setFont(_bold(font))
        painter.setPen(text)
        for chip, label in self._current_labels:
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(font)

    def _place_current_in(self, metrics: QFontMetricsF, item: Item, right: float) -> None:
        """The bold label of the current event after one of its marks, in the room the
        layout gave it (it wins where labels crowd, and stops before a bar, a badge or a
        labelled mark: drawn further, it hid them); none where that room is too small."""
        scene, view = self.owner.scene, self.owner.view
        assert scene is not None and view.current is not None
        left = self.visible[0]
        y = scene.item_y(item) + ROW_HEIGHT / 2
        # After the mark, clear of the bar's drag handles, so its ends stay visible to drag;
        # when the bar runs past the right edge, on the line below it instead of over it.
        x = max(item.x1 + HANDLE_ROOM, left + 2)
        end = item.label_x1
        if x > right - 60:
            x, y = max(item.x0, left) + 5, y + ROW_HEIGHT - 2
            end = right
        room = max(0.0, min(MAX_LABEL, right - x - 6, end - x))
        label = metrics.elidedText(view.label_of(view.events[view.current]),
                                   Qt.TextElideMode.ElideRight, room)
        if room < LABEL_MIN or label in ("", "…"):
            return
        chip = QRectF(x - 2, y - 8, metrics.horizontalAdvance(label) + 4, 16)
        self.current_label_boxes.append(chip)  # content coordinates, for tests and hit checks
        self._current_labels.append((chip, label))


def _chip(point: QPointF, width: float) -> QRectF:
    """The chip under a label drawn at `point` (its baseline's start), `width` wide."""
    return QRectF(point.x() - 2, point.y() - 12, width + 4, 16)


def _faint(base: QColor) -> QColor:
    """A chip's colour: the background, letting what lies under it show through."""
    chip = QColor(base)
    chip.setAlpha(170)
    return chip


def _bold(font: QFont) -> QFont:
    """The selected label's font: the labels' own, bold."""
    bold = QFont(font)
    bold.setBold(True)
    return bold
