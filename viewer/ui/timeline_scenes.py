"""The timeline widget's scene for its rows and settings: one of the kept scenes (a filter
turned off again shows the scene made for it before) or a new one, laid out around the
widget's window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.core.scene.kept_scenes import Key, events_stamp
from viewer.core.scene.layout import Scene
from viewer.core.scene.row_group import row_index
from viewer.ui.text_widths import text_widths

if TYPE_CHECKING:
    from viewer.ui.timeline_widget import TimelineWidget


def kept_key(widget: TimelineWidget, window: tuple[float, float]) -> Key:
    """Everything a new scene is made from but the events and the rows (`KeptScenes`).
    Lane names read the taxonomy, and in document mode the titles (a new dict per filter
    change, compared by value)."""
    return (widget.edits, widget.mode, widget.scale, window, widget.font().key(),
            widget.current, id(widget.taxonomy),
            widget.doc_titles if widget.mode == "document" else None)


def scene_for(widget: TimelineWidget, window: tuple[float, float]) -> Scene:
    """The scene made last time for the widget's rows and settings when it is still as
    made, else a new one (kept, when the events can be told apart from others)."""
    stamp = events_stamp(widget.events)
    key = kept_key(widget, window)
    rows = row_index(widget.rows)
    scene = widget.kept.find(stamp, key, rows) if stamp is not None else None
    if scene is None:
        scene = Scene(widget.events, widget.rows, widget.mode, widget.scale,
                      measure=text_widths(widget.font()), label_of=widget.label_of,
                      window=window, lane_label=widget.lane_label, current=widget.current)
        if stamp is not None:
            widget.kept.keep(stamp, key, rows, scene)
        else:
            widget.kept.clear()
    return scene
