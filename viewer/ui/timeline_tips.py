"""Small parts of the timeline: item and key tooltips, and the one-click Fit offered when the
shown events change while the user has zoomed or panned."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QToolButton, QWidget

from viewer.core.events.document_events import Event
from viewer.core.scene.layout import Item
from viewer.core.words import plural
from viewer.ui.legend_paint import MARKS, Key, entry_at
from viewer.ui.text_widths import text_widths


def legend_name(rows: Sequence[Sequence[Key]], entries: Sequence[tuple[str, QColor]],
                rect: QRectF, point: QPointF, font: QFont) -> str | None:
    """The whole name of the key's entry under `point` (the key as last painted in `rect`
    with `font`: `rows` of `entries` then the marks), or None off the key."""
    index = entry_at(rows, rect, point.x(), point.y(), text_widths(font))
    names = [label for label, _colour in entries] + [name for name, _shape in MARKS]
    return names[index] if index is not None and index < len(names) else None


def item_tooltip(events: Sequence[Event], item: Item) -> str:
    """A badge's count and span, or a mark's date, how it was found, parties, sentence."""
    if item.kind == "badge":
        first = events[item.events[0]]
        last = events[item.events[-1]]
        span = f"{first.start} – {last.start}" if first.start != last.start else str(
            first.start)
        count = plural(len(item.events), "event")
        return f"<b>{count}</b>, {escape(span)}<br>Zoom in to see them."
    event = events[item.first]
    date = str(event.start) if event.start == event.end else f"{event.start} – {event.end}"
    parties = ", ".join(event.parties) or "no party"
    return (f"<b>{escape(date)}</b> ({escape(event.date_source)})<br>"
            f"{escape(parties)}<br><i>{escape(event.text[:300])}</i>")


class FitHint(QToolButton):
    """Shown in the timeline's corner until clicked or until the view is fitted."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("fit-hint")
        self.setText("Shown events changed: Fit (Ctrl+0)")
        self.setToolTip("Zoom to show all shown events")
        self.hide()

    def offer(self) -> None:
        area = self.parentWidget()
        if area is None:
            return
        self.adjustSize()
        self.move(area.width() - self.width() - 12, area.height() - self.height() - 10)
        self.show()
        self.raise_()
