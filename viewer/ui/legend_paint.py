"""The timeline's key across the top of the axis: every colour the marks use, largest first,
then the mark shapes. It takes one line, or two balanced ones (never one entry alone on the
second), and when even two lines cannot hold it, the colour names are cut with "…" (down to
the bare dot) rather than any colour left out; hovering an entry names it whole
(`entry_at`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from viewer.ui.mark_styles import mark_style
from viewer.ui.text_widths import TextWidths, text_widths

Key = tuple[str, QColor, str]  # label, colour, shape ("dot", "ring", "document", "ahead", …)
DOT_ROOM = 16.0  # the mark drawn before each label
GAP = 10.0  # between one entry and the next
# Colour names are cut to each of these widths in turn, gently first, until the key fits.
CAPS = (float("inf"), *(float(w) for w in range(220, 30, -10)), 0.0)
ROW_STEP = 14.0
# The marks' entries after the colours: name and shape
MARKS = (("explicit date", "dot"), ("inherited", "ring"), ("publication date", "document"),
         ("planned", "ahead"), ("claimed", "said"))


def split_rows(widths: Sequence[float], room: float) -> int | None:
    """Where the second line starts (len(widths): one line will do), splitting so the longer
    line is as short as it can be; None when two lines cannot hold them. One pass."""
    total = sum(widths)
    if total <= room:
        return len(widths)
    best: tuple[float, int] | None = None
    before = 0.0
    for k in range(1, len(widths)):
        before += widths[k - 1]
        longer = max(before, total - before)
        if longer <= room and (best is None or longer < best[0]):
            best = (longer, k)
    return best[1] if best is not None else None


def lay_out(keys: Sequence[Key], colours: int, room: float,
            advance: Callable[[str], float],
            elide: Callable[[str, float], str]) -> list[list[Key]]:
    """The keys in one or two lines inside `room`; the first `colours` keys (the colour
    names) are cut shorter in turn until they fit, then (in a narrow timeline, where the
    marks' names alone overran the lane names) every name. Each cap is one pass."""
    shown: list[Key] = list(keys)
    for cut in (colours, len(keys)):
        for cap in CAPS:
            shown = [(elide(label, cap) if index < cut and advance(label) > cap else label,
                      colour, shape) for index, (label, colour, shape) in enumerate(keys)]
            shown = [("" if label == "…" else label, colour, shape)
                     for label, colour, shape in shown]
            widths = [DOT_ROOM + advance(label) + GAP for label, _c, _s in shown]
            split = split_rows(widths, room)
            if split is not None:
                return [row for row in (shown[:split], shown[split:]) if row]
    return [shown]  # a window too narrow for even the dots: the painter clips it


def paint_legend(painter: QPainter, rect: QRectF, left: float,
                 entries: Sequence[tuple[str, QColor]], text: QColor) -> list[list[Key]]:
    """The key right-aligned across the top of `rect` from `left`; returns its lines."""
    font = painter.font()
    keys: list[Key] = [(label, colour, "dot") for label, colour in entries]
    keys += [(name, text, shape) for name, shape in MARKS]
    room = rect.right() - 8 - left
    rows, advances = _laid_out(keys, len(entries), room, text_widths(font), font.key())
    painter.save()
    painter.setClipRect(QRectF(left, rect.top(), max(0.0, rect.right() - left), rect.height()),
                        Qt.ClipOperation.IntersectClip)  # never over the lane names
    for x, y, (label, colour, shape) in _placed(rows, rect, advances.__getitem__):
        centre = QPointF(x + 4, y - 4)
        if shape == "dot":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(centre, 4.5, 4.5)
        else:
            pen, brush = mark_style(colour, shape, False)
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawEllipse(centre, 4, 4)
        painter.setPen(text)
        painter.drawText(QPointF(x + DOT_ROOM, y), label)
    painter.restore()
    return rows


def _placed(rows: Sequence[Sequence[Key]], rect: QRectF, advance: Callable[[str], float]
            ) -> Iterator[tuple[float, float, Key]]:
    """Each entry's left edge and baseline as the key is drawn: lines right-aligned."""
    y = rect.top() + 13
    for row in rows:
        x = rect.right() - 8 - sum(DOT_ROOM + advance(k[0]) + GAP for k in row)
        for key in row:
            x += GAP
            yield x, y, key
            x += DOT_ROOM + advance(key[0])
        y += ROW_STEP


def entry_at(rows: Sequence[Sequence[Key]], rect: QRectF, x: float, y: float,
             advance: Callable[[str], float]) -> int | None:
    """Which entry (its place among the keys: colours first, then `MARKS`) the point is on,
    as `paint_legend` drew `rows` in `rect`; None off the key. A name cut to "Commissio…" or
    to a bare dot in a narrow window is told whole on hovering it."""
    for index, (left, base, (label, _colour, _shape)) in enumerate(_placed(rows, rect, advance)):
        if left <= x < left + DOT_ROOM + advance(label) and base - 11 <= y <= base + 3:
            return index
    return None


# The key's last lines per what they show: a paint of the same key (every repaint, and a
# filter change that leaves the colours as they were) reuses them instead of laying them out
# again. Keyed by value (names, colours, shapes, room, font), never stale. The names' widths
# and cuts come from the font's kept measures (`text_widths`): a filter to a value not shown
# before has new key lines, but mostly the same names, each measured and cut (at each cap
# tried) about 40 times per change when measured anew for each layout.
_LAID_OUT: dict[tuple[object, ...], tuple[list[list[Key]], dict[str, float]]] = {}
MAX_LAID_OUT = 64


def _laid_out(keys: Sequence[Key], colours: int, room: float, widths: TextWidths,
              font: str) -> tuple[list[list[Key]], dict[str, float]]:
    """`lay_out` of the keys, and the width of each name shown, made once per distinct key;
    `widths` (the font's kept measures) measures and cuts each name."""
    key = (tuple((label, colour.rgba(), shape) for label, colour, shape in keys), colours,
           room, font)
    found = _LAID_OUT.get(key)
    if found is None:
        rows = lay_out(keys, colours, room, widths, widths.elided)
        advances = {label: widths(label) for row in rows for label, _colour, _shape in row}
        if len(_LAID_OUT) >= MAX_LAID_OUT:
            _LAID_OUT.clear()
        found = _LAID_OUT[key] = (rows, advances)
    return found
