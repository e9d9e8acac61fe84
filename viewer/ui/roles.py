"""Custom item-data roles, in one place, shared by the models and every view."""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = Qt.ItemDataRole.UserRole

EventRole = _BASE + 1  # the core Event record
EventIdRole = _BASE + 2  # its stable id (str)
SortRole = _BASE + 3  # a value that sorts the column sensibly
SourceRowRole = _BASE + 4  # the row in the source model
