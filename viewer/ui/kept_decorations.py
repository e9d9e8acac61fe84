"""The timeline painter's decorations from kept pictures (`kept_pictures`): the axis
(background, bands, ticks and dates, publication strip, period tints and, when no period's
name can reach it, the key) and the lane headers, each keyed by every value it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainter

from viewer.ui.kept_pictures import KeptPictures, blit
from viewer.ui.lane_headers import (
    HEADER_WIDTH,
    header_key,
    paint_header_rule,
    paint_lane_headers,
)
from viewer.ui.legend_paint import Key

if TYPE_CHECKING:
    from viewer.ui.timeline_paint import TimelinePainter


class KeptDecorations:
    """The painter's kept pictures: two of the axis (a filter turned off again shows the
    one before it), three of the header column (small). Both are kept at their second
    sight: a filter to a value not shown before has new lanes, and a picture of their
    column made at once cost a pixmap and a copy of it that no later paint may read."""

    def __init__(self, owner: TimelinePainter) -> None:
        self.owner = owner
        self.axis = KeptPictures(2, at_second_sight=True)
        self.headers = KeptPictures(3, at_second_sight=True)

    def clear(self) -> None:
        self.axis.clear()
        self.headers.clear()

    def paint_axis(self, painter: QPainter, rect: QRectF, legend: bool) -> bool:
        """The background, the axis and (no period's name can reach it then) the key, from
        a kept picture; painted directly the first time a key comes. Whether the key is
        still to paint (over the items, as without a picture)."""
        owner = self.owner
        base, text, muted = owner.colours.base, owner.colours.text, owner.colours.muted
        sx = owner.view.scroll[0]
        scale, font = owner.view.scale, painter.font()
        under = legend and not owner.view.periods  # the key in the picture, under the items
        key = ("axis", rect.getRect(), painter.device().devicePixelRatio(), font.key(),
               painter.renderHints().value, scale.origin, scale.px_per_day, sx, base.rgba(),
               text.rgba(), muted.rgba(), owner.view.periods, owner.view.doc_dates,
               tuple((label, colour.rgba()) for label, colour in owner.legend)
               if under else None)

        def draw(into: QPainter) -> list[list[Key]] | None:
            into.fillRect(rect, base)
            owner._paint_bands(into, rect, sx, sx, sx + rect.width() - HEADER_WIDTH, muted, text)
            return owner._paint_legend(into, rect, text, base) if under else None

        found = self.axis.picture(key, painter, rect.size(), draw)
        if found is None:
            painter.fillRect(rect, base)
            owner._paint_bands(painter, rect, sx, sx, sx + rect.width() - HEADER_WIDTH, muted,
                               text)
            return True
        pixmap, rows = found
        blit(painter, pixmap, HEADER_WIDTH)  # the header column's own picture covers the rest
        if isinstance(rows, list):
            owner.legend_rows = rows
        return not under

    def paint_headers(self, painter: QPainter, rect: QRectF, sy: float) -> None:
        """The lane headers from a kept picture of the column, and the outer half of the
        rule beside it (`paint_header_rule`); painted directly, rule and all, the first
        time their key comes."""
        owner = self.owner
        assert owner.scene is not None
        inks = (owner.colours.text, owner.colours.muted, owner.colours.base)
        font = painter.font()
        key = (*header_key(rect, sy, owner.scene, owner.view, owner.lane_colour, inks),
               painter.device().devicePixelRatio(), font.key(), painter.renderHints().value)
        scene, view = owner.scene, owner.view
        found = self.headers.picture(
            key, painter, QSizeF(HEADER_WIDTH, rect.height()),
            lambda into: paint_lane_headers(into, rect, sy, scene, view, owner.lane_colour, inks))
        if found is None:
            paint_lane_headers(painter, rect, sy, scene, view, owner.lane_colour, inks)
            return
        blit(painter, found[0])
        painter.save()
        painter.setClipRect(QRectF(HEADER_WIDTH, rect.top(), rect.width() - HEADER_WIDTH,
                                   rect.height()))
        paint_header_rule(painter, rect, inks[1], inks[2])
        painter.restore()
