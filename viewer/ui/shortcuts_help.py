"""Help ▸ Keyboard Shortcuts: built from the window's actions, so every key that does
something is listed (and none that does not), plus the mouse gestures and view keys."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtGui import QAction, QKeySequence

GESTURES = (
    ("+ / −, Ctrl + wheel", "Zoom the timeline"),
    ("← →", "Previous / next event (timeline focused)"),
    ("Drag, wheel, Shift+wheel", "Pan"),
    ("Click, Ctrl+click, Shift+click", "Select, toggle, add"),
    ("Double-click a badge", "Zoom into a cluster of events"),
    ("Drag a mark's or bar's end", "Change the event's dates (undoable)"),
    ("Drag the overview's lens", "Move or resize the visible window"),
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.setdefault(", ".join(keys), label.rstrip("…"))
    return sorted(rows.items(), key=lambda kv: (len(kv[0]) > 1, kv[0]))


def shortcut_table(actions: Iterable[QAction]) -> str:
    lines = ["<table>"]
    for keys, what in [*shortcut_rows(actions), *GESTURES]:
        lines.append(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>")
    lines.append("</table>")
    return "\n".join(lines)
