"""Guards against Qt binding bugs that once crashed the app."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_calls_do_not_drop_references_to_none(qapp: object) -> None:
    """PySide6 6.12.0 on CPython 3.11 decremented None on every void method call; after a
    few thousand timeline paints None was freed and the interpreter aborted."""
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(200):
        painter.setPen(QPen(QColor("red"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawLine(QPointF(0, 0), QPointF(5, 5))
        painter.drawRoundedRect(QRectF(0, 0, 10, 10), 2, 2)
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -50
