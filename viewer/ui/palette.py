"""Colours: topics from the taxonomy, parties from a qualitative palette; light and dark."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from viewer.core.events.topics import Taxonomy
from viewer.core.resources import load_data

# The colours are data (resources/colours.toml): a qualitative palette that stays distinct on
# white and on near-black backgrounds, and the parties that always get the same colour.
_COLOURS = load_data("colours.toml")
_PARTY_COLOURS: tuple[str, ...] = tuple(_COLOURS["parties"])
_FIXED: dict[str, str] = dict(_COLOURS.get("fixed", {}))
NEUTRAL: str = _COLOURS.get("neutral", "#8a8a8a")
PERIOD_COLOURS: tuple[str, ...] = tuple(_COLOURS.get("periods", ["#b39ddb"]))


def over(colour: QColor, background: QColor) -> QColor:
    """The opaque colour a translucent `colour` shows over an opaque `background`. Qt fills
    and strokes opaque colours many times faster (a translucent vertical line cost 0.2 ms),
    and over a known background the pixels are the same."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(c * alpha + b * (1 - alpha) for c, b in (
        (colour.redF(), background.redF()), (colour.greenF(), background.greenF()),
        (colour.blueF(), background.blueF()))))


def next_period_colour(used: Iterable[str]) -> str:
    """The first period tint not in `used`; when all are taken, the least used one."""
    counts = dict.fromkeys(PERIOD_COLOURS, 0)
    for colour in used:
        if colour.lower() in counts:
            counts[colour.lower()] += 1
    return min(PERIOD_COLOURS, key=lambda c: counts[c])


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def party_colour(name: str) -> QColor:
    if not name:
        return QColor(NEUTRAL)
    return _readable(QColor(_party_hex(name)))


@lru_cache(maxsize=4096)
def _party_hex(name: str) -> str:
    """A party's palette colour: fixed, else picked by a hash of its name. Kept per name:
    every paint after a filter change asked again for each lane and badge shown."""
    fixed = _FIXED.get(name)
    if fixed is None:
        digest = int(hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()[:6], 16)
        fixed = _PARTY_COLOURS[digest % len(_PARTY_COLOURS)]
    return fixed


def topic_colour(taxonomy: Taxonomy, topic_id: str) -> QColor:
    topic = taxonomy.get(topic_id)
    return _readable(QColor(topic.color if topic else NEUTRAL))


def _readable(colour: QColor) -> QColor:
    """Lift dark colours on a dark background so marks stay visible."""
    if is_dark() and colour.lightness() < 110:
        return colour.lighter(150)
    return colour
