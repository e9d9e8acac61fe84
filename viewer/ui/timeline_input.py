"""Pointer, wheel and key input on the timeline: drag to pan, click to select, wheel to scroll
or zoom, keys to zoom and step.

Apart from the widget (which owns the zoom, the scroll and painting) so each stays small: the
widget's event handlers pass their events here and call Qt's own handler when this one did
not take the event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QToolTip

from viewer.core.scene.zoom_targets import clicked_rows
from viewer.ui.lane_headers import lane_name_at
from viewer.ui.timeline_tips import legend_name

if TYPE_CHECKING:
    from viewer.ui.timeline_widget import TimelineWidget

DRAG_SLOP = 4  # pixels the pointer moves (x + y) before a press becomes a drag


class TimelineInput:
    """The press-and-drag state of one timeline and what each input does to it."""

    def __init__(self, widget: TimelineWidget) -> None:
        self.widget = widget
        self._press: QPointF | None = None
        self._press_scroll = (0, 0)
        self._dragging = False

    def press(self, event: QMouseEvent) -> bool:
        """True when the press was taken (on an end of the current event, to change its
        dates); else a left press starts a possible drag and Qt's handler runs too."""
        w = self.widget
        left = event.button() == Qt.MouseButton.LeftButton
        if left and w.redate.press(event.position()):
            return True
        if left:
            self._press = event.position()
            self._press_scroll = (w.horizontalScrollBar().value(), w.verticalScrollBar().value())
            self._dragging = False
        return False

    def move(self, event: QMouseEvent) -> None:
        w = self.widget
        if w.redate.item is not None:
            w.redate.move(event.position())
            return
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = event.position() - self._press
            if self._dragging or abs(delta.x()) + abs(delta.y()) > DRAG_SLOP:
                self._dragging = True
                w.user_zoomed = True
                w.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                w.horizontalScrollBar().setValue(int(self._press_scroll[0] - delta.x()))
                w.verticalScrollBar().setValue(int(self._press_scroll[1] - delta.y()))
            return
        item = w.item_at(event.position())
        if item is None:
            w.viewport().unsetCursor()
            name = legend_name(w.painter.legend_rows, w.painter.legend,
                               QRectF(w.viewport().rect()), event.position(),
                               w.viewport().font())
            if name is None and w.scene is not None:
                name = lane_name_at(QRectF(w.viewport().rect()),
                                    w.verticalScrollBar().value(), w.scene, event.position())
            if name is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), name, w)
        else:
            w.viewport().setCursor(
                Qt.CursorShape.SizeHorCursor if w.redate.edge_at(event.position())
                else Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), w.tooltip(item), w)

    def release(self, event: QMouseEvent) -> bool:
        """True when a date drag took the release; else a click (not a drag) selects."""
        w = self.widget
        if w.redate.item is not None:
            if not w.redate.release(event.position()):
                self.click(event.position(), event.modifiers())
            return True
        if event.button() == Qt.MouseButton.LeftButton and not self._dragging:
            self.click(event.position(), event.modifiers())
        self._press = None
        self._dragging = False
        w.viewport().unsetCursor()
        return False

    def click(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        """Select what lies under `pos` (Ctrl toggles, Shift adds); a plain click on nothing
        clears the selection."""
        w = self.widget
        toggle = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        extend = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        item = w.item_at(pos)
        if item is None:
            if not (toggle or extend):
                w.selectionRequested.emit([], -1)
            return
        rows = list(item.events)
        w.selectionRequested.emit(clicked_rows(w.selected, rows, toggle, extend), rows[0])

    def double_click(self, event: QMouseEvent) -> None:
        item = self.widget.item_at(event.position())
        if item is not None and item.kind == "badge":
            self.widget.open_badge(item)

    def wheel(self, event: QWheelEvent) -> None:
        """Ctrl zooms about the pointer; Shift or a sideways wheel scrolls in time; else the
        lanes scroll, or time when all lanes fit."""
        w = self.widget
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            w.zoom(1.25 ** (delta.y() / 120.0), event.position().x())
            return
        w.user_zoomed = True  # the user moves the view: filters no longer refit it
        h, v = w.horizontalScrollBar(), w.verticalScrollBar()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or delta.x():
            h.setValue(h.value() - (delta.x() or delta.y()))
        elif v.maximum() > 0:
            v.setValue(v.value() - delta.y())
        else:
            h.setValue(h.value() - delta.y())

    def key(self, event: QKeyEvent) -> bool:
        """True when the key was taken: + and - zoom, arrows step in time, Home fits."""
        w = self.widget
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            w.zoom(1.5)
        elif key == Qt.Key.Key_Minus:
            w.zoom(1 / 1.5)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            w.step(-1 if key == Qt.Key.Key_Left else 1)
        elif key == Qt.Key.Key_Home:
            w.fit()
        else:
            return False
        return True
