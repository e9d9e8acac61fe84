"""The pen and brush of each kind of timeline mark in one colour: a bar (sure or fuzzy, done
or planned), a badge, a crowded lane's bin, an explicit date's dot, a document's span."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from viewer.ui.modality_marks import modal_style


def mark_style(colour: QColor, kind: str, quick_dashes: bool) -> tuple[QPen, QBrush]:
    """A new pen and brush; the painter keeps one per (colour, kind), since painting
    thousands of items must not build thousands of Qt objects."""
    fill = QColor(colour)
    style: tuple[QPen, QBrush]
    if (modal := modal_style(colour, kind)) is not None:
        style = modal
    elif kind == "bin":  # a crowded lane's bin: its shade is the opaque fill itself
        style = (QPen(Qt.PenStyle.NoPen), QBrush(fill))
    elif kind == "badge":
        fill.setAlpha(200)
        style = (QPen(fill.darker(130), 1), QBrush(fill))
    elif kind in ("bar-fuzzy", "bar"):
        fill.setAlpha(70 if kind == "bar-fuzzy" else 120)
        style = (QPen(colour, 1.2), QBrush(fill))
    elif kind in ("bar-fuzzy-dashed", "bar-dashed"):
        fill.setAlpha(70 if kind == "bar-fuzzy-dashed" else 120)
        pen = QPen(colour, 1.2)
        pen.setStyle(Qt.PenStyle.DashLine)
        if quick_dashes:
            # The same dashes one pixel wide: a 1.2 px dashed outline on screen cost
            # about 1 ms per thousand pixels of bar, a hairline's some 15 times less.
            pen = QPen(colour, 0)
            pen.setDashPattern([4.8, 2.4])
        style = (pen, QBrush(fill))
    elif kind == "explicit":
        style = (QPen(colour.darker(140), 1), QBrush(colour))
    elif kind == "document":
        # A solid ring on a pale fill: dotted, on a 10-pixel ring it looked like the dashed
        # ring of a planned event.
        fill.setAlpha(80)
        style = (QPen(colour, 1.5), QBrush(fill))
    else:
        style = (QPen(colour, 2), QBrush(Qt.BrushStyle.NoBrush))
    return style
