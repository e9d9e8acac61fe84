"""Colours: topics from the taxonomy, parties from a qualitative palette; light and dark."""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from viewer.core.topics import Taxonomy

# A qualitative palette that stays distinct on white and on near-black backgrounds.
_PARTY_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
    "#bcbd22", "#7f7f7f", "#393b79", "#ad494a", "#637939", "#843c39", "#3182bd", "#e6550d",
)
_FIXED = {"Russia": "#d62728", "Ukraine": "#1f77b4", "United States": "#2ca02c",
          "European Union": "#9467bd", "NATO": "#17becf", "United Nations": "#8c564b",
          "Turkey": "#ff7f0e", "China": "#e377c2"}
NEUTRAL = "#8a8a8a"


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def party_colour(name: str) -> QColor:
    if not name:
        return QColor(NEUTRAL)
    fixed = _FIXED.get(name)
    if fixed is None:
        digest = int(hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()[:6], 16)
        fixed = _PARTY_COLOURS[digest % len(_PARTY_COLOURS)]
    return _readable(QColor(fixed))


def topic_colour(taxonomy: Taxonomy, topic_id: str) -> QColor:
    topic = taxonomy.get(topic_id)
    return _readable(QColor(topic.color if topic else NEUTRAL))


def _readable(colour: QColor) -> QColor:
    """Lift dark colours on a dark background so marks stay visible."""
    if is_dark() and colour.lightness() < 110:
        return colour.lighter(150)
    return colour
