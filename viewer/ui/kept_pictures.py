"""The timeline's decorations kept as pictures: the axis (background, month or year bands,
ticks and their dates, the publication strip, the analyst's period tints, the key) and the
lane headers. A repaint with nothing changed, or a filter turned off again (its scene kept),
drew each of them anew, a few milliseconds of text and antialiased lines per paint; blitting
a kept picture costs a fraction of that.

A picture is kept under the key of everything it shows (the caller builds the key from the
values it paints with, never from an object's id alone), so a changed zoom, scroll, size,
pixel ratio, palette, font, lane or colour finds no picture and paints anew: never a stale
one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QPaintEngine, QPainter, QPixmap

Key = tuple[object, ...]
SEEN = 4  # keys painted directly once, remembered for the second sight


class KeptPictures:
    """The last pictures of one layer, newest first. With `at_second_sight`, a key is
    painted directly the first time it comes (a zoom step or a new filter's axis is seldom
    shown twice, and drawing it into a picture first and then onto the screen would cost
    them a copy of the whole window) and kept the second time."""

    def __init__(self, keep: int, at_second_sight: bool) -> None:
        self._keep = keep
        self._at_second_sight = at_second_sight
        self._kept: list[tuple[Key, QPixmap, object]] = []
        self._seen: list[Key] = []

    def clear(self) -> None:
        self._kept.clear()
        self._seen.clear()

    def __len__(self) -> int:
        return len(self._kept)

    def picture(self, key: Key, painter: QPainter, size: QSizeF,
                draw: Callable[[QPainter], object]) -> tuple[QPixmap, object] | None:
        """The kept picture for `key` and what `draw` returned when it made it; made now
        (`draw` paints it at (0, 0) with `painter`'s font and hints) unless this is the
        key's first sight; None: the caller paints directly."""
        for index, (kept_key, pixmap, made) in enumerate(self._kept):
            if kept_key == key:
                if index:
                    self._kept.insert(0, self._kept.pop(index))
                return pixmap, made
        if self._at_second_sight and key not in self._seen:
            self._seen.insert(0, key)
            del self._seen[SEEN:]
            return None
        ratio = painter.device().devicePixelRatio()
        pixmap = QPixmap(math.ceil(size.width() * ratio), math.ceil(size.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        into = QPainter(pixmap)
        into.setFont(painter.font())
        into.setRenderHints(into.renderHints(), False)
        into.setRenderHints(painter.renderHints(), True)
        made = draw(into)
        into.end()
        self._kept.insert(0, (key, pixmap, made))
        del self._kept[self._keep:]
        return pixmap, made


def keeps_pictures(painter: QPainter) -> bool:
    """Whether a picture made for `painter` blits to the very pixels it would paint: a
    raster painter with no transform of its own and a whole pixel ratio (a fractional one
    puts logical edges between device pixels, where a copy would shift them)."""
    ratio = painter.device().devicePixelRatio()
    return (painter.paintEngine().type() == QPaintEngine.Type.Raster
            and painter.worldTransform().isIdentity() and ratio == int(ratio))


def blit(painter: QPainter, pixmap: QPixmap, left: float = 0.0) -> None:
    """The picture at (0, 0), from `left` on (what is left of it is painted over whole)."""
    if not left:
        painter.drawPixmap(QPointF(0.0, 0.0), pixmap)
        return
    ratio = pixmap.devicePixelRatio()
    width, height = pixmap.width() / ratio, pixmap.height() / ratio
    painter.drawPixmap(QRectF(left, 0.0, width - left, height), pixmap,
                       QRectF(left * ratio, 0.0, pixmap.width() - left * ratio, pixmap.height()))
